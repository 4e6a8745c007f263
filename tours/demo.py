"""Demo walk: "Ankommen in Sindelfingen", seven stops at real places of the town.

The places are real; the stories, people and quotes are invented sample content, and say so.
Coordinates are approximate.
"""

import io
import math
import struct
import wave

from django.core.files.base import ContentFile
from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.rich_text import RichText

from home.demo.helpers import (
    demo_collection,
    draw_network,
    get_or_create_child,
    get_or_create_image,
    get_or_create_translation,
    translate_section_front_page,
)
from home.demo.network import PRIVACY_NOTICE
from home.models import AssociationPage, Language

from . import demo_translations as translated
from .models import StoryFormPage, StorySubmission, TourIndexPage, TourPage, TourStopPage

SAMPLE_NOTE = "Beispielgeschichte: erfunden für die Vorführung, nicht überliefert."

STOPS = [
    {
        "slug": "bahnhof",
        "title": "Bahnhof: Ankunft mit dem Koffer",
        "latitude": "48.708600",
        "longitude": "9.011800",
        "address": "Bahnhof Sindelfingen",
        "teaser": "Hier kamen viele an, mit einem Koffer und einer Adresse auf einem Zettel.",
        "period": ("Die Anwerbejahre", 1960, 1973),
        "story": "Im Herbst 1964 stieg Giuseppe mit einem Pappkoffer aus dem Zug. Auf einem Zettel stand die Adresse eines Wohnheims und der Name eines Meisters. Deutsch sprach er noch nicht, aber er hatte ein Foto seiner Familie in der Jackentasche.",
        "quote": (
            "Ich dachte, ich bleibe zwei Jahre. Es wurden fünfzig.",
            "Giuseppe, erfundene Beispielfigur",
        ),
        "associations": ["circolo-culturale-ponte"],
    },
    {
        "slug": "werkstor",
        "title": "Am Werkstor: Arbeit im Schichtbetrieb",
        "latitude": "48.705200",
        "longitude": "9.021000",
        "address": "Mercedes-Benz Werk Sindelfingen, Zufahrt Béla-Barényi-Straße",
        "teaser": "Früh-, Spät- und Nachtschicht: der Takt, nach dem sich das Leben vieler Familien richtete.",
        "period": ("Wirtschaftswunder und Schichtarbeit", 1960, 1980),
        "story": "Am Tor wechselten sich die Schichten ab. Kolleginnen und Kollegen aus Italien, Griechenland, Jugoslawien und der Türkei standen am Band nebeneinander. Die erste gemeinsame Sprache war oft ein Gemisch aus Schwäbisch, Handzeichen und Humor.",
        "quote": (
            "Am Band haben wir uns mit den Händen verstanden.",
            "Ayten, erfundene Beispielfigur",
        ),
        "associations": ["kulturbruecke-anatolien", "tanzkreis-kalimera"],
    },
    {
        "slug": "marktplatz",
        "title": "Marktplatz: der erste Einkauf",
        "latitude": "48.713100",
        "longitude": "9.002800",
        "address": "Marktplatz, Altstadt",
        "teaser": "Olivenöl gab es nur in der Apotheke: wie sich der Markt mit den Neuen veränderte.",
        "period": ("Neue Läden, neue Nachbarn", 1965, 1990),
        "story": "Anfangs suchten viele vergeblich nach vertrauten Lebensmitteln. Bald eröffneten die ersten Lebensmittelläden von Zugewanderten, und auf dem Markt wurde neben Schwäbisch auch Italienisch, Griechisch und Türkisch gesprochen.",
        "quote": (
            "Die Marktfrau hat mir jede Woche ein neues deutsches Wort beigebracht.",
            "Eleni, erfundene Beispielfigur",
        ),
        "associations": ["kulturbruecke-anatolien", "circolo-culturale-ponte"],
        "audio": True,
    },
    {
        "slug": "stadtmuseum",
        "title": "Stadtmuseum: Erinnerungen sammeln",
        "latitude": "48.713700",
        "longitude": "9.002100",
        "address": "Lange Straße, Altstadt",
        "teaser": "Fotos, Briefe, Arbeitsverträge: was Familien aufbewahrt haben und was es erzählt.",
        "period": ("Erinnerungskultur", 1990, 2021),
        "story": "In vielen Familien liegen Schuhkartons voller Fotos und Briefe. Das Netzwerk sammelt solche Erinnerungen gemeinsam mit dem Stadtarchiv, damit die Geschichten der ersten Generation nicht verloren gehen.",
        "associations": ["kroatischer-kulturverein-lipa"],
    },
    {
        "slug": "martinskirche",
        "title": "Martinskirche: Nachbarschaft und Glaube",
        "latitude": "48.714600",
        "longitude": "9.001800",
        "address": "Stiftskirche St. Martin",
        "teaser": "Glocken, Gebetsrufe, Feste: wie verschiedene Glaubensgemeinschaften Nachbarn wurden.",
        "period": ("Gemeinden entstehen", 1970, 2000),
        "story": "Zugewanderte gründeten eigene Gemeinden, feierten ihre Feste und luden die Nachbarschaft ein. Aus Einladungen zum Fastenbrechen, zu Ostern und zum Laubhüttenfest entstanden Freundschaften.",
        "associations": ["sankofa-afrika-forum"],
    },
    {
        "slug": "klostersee",
        "title": "Klostersee: Sonntage im Grünen",
        "latitude": "48.716300",
        "longitude": "8.998200",
        "address": "Klostersee",
        "teaser": "Picknick, Musik und Kinderlachen: der Sonntagstreffpunkt vieler Familien.",
        "period": ("Familien kommen nach", 1973, 1995),
        "story": "Nach dem Anwerbestopp 1973 holten viele ihre Familien nach. Am Klostersee trafen sich sonntags Familien aus vielen Ländern; Kinder, die hier aufwuchsen, übersetzten bald für ihre Eltern.",
        "quote": ("Am See war jeder Sonntag ein kleines Fest.", "Maria, erfundene Beispielfigur"),
        "associations": ["tanzkreis-kalimera", "internationaler-frauentreff-hand-in-hand"],
    },
    {
        "slug": "goldberg",
        "title": "Goldberg: ein Zuhause bauen",
        "latitude": "48.705300",
        "longitude": "8.986400",
        "address": "Stadtteil Goldberg",
        "teaser": "Vom Wohnheim in die eigene Wohnung: wie aus Gästen Sindelfingerinnen und Sindelfinger wurden.",
        "period": ("Bleiben", 1975, 2021),
        "story": "Mit den Jahren zogen viele aus den Wohnheimen in eigene Wohnungen, manche bauten Häuser. Heute leben hier Enkelinnen und Enkel, die Sindelfingen selbstverständlich ihre Heimat nennen.",
        "associations": ["albanischer-kulturverein-drita", "elterninitiative-mosaika"],
    },
]


def _chime_wav(seconds=6.0, rate=16000):
    """A short, gentle melody as WAV, standing in for a recorded voice."""
    notes = [523.25, 659.25, 783.99, 659.25, 587.33, 523.25]  # C5 E5 G5 E5 D5 C5
    samples = []
    per_note = int(rate * seconds / len(notes))
    for frequency in notes:
        for i in range(per_note):
            envelope = math.exp(-3.0 * i / per_note)
            samples.append(int(9000 * envelope * math.sin(2 * math.pi * frequency * i / rate)))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as recording:
        recording.setnchannels(1)
        recording.setsampwidth(2)
        recording.setframerate(rate)
        recording.writeframes(struct.pack(f"<{len(samples)}h", *samples))
    return buffer.getvalue()


def _audio_document():
    Document = get_document_model()
    title = "Hörstück Marktplatz (Beispiel, Tonfolge)"
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    content = _chime_wav()
    document = Document(title=title, collection=demo_collection())
    document.file.save("hoerstueck-marktplatz.wav", ContentFile(content), save=False)
    document.file_size = len(content)
    document.save()
    return document


AUDIO = {
    "title": "Erinnerungen an den Markt",
    "transcript": (
        "Dies ist eine Beispielaufnahme: Statt einer Stimme erklingt eine kurze "
        "Tonfolge.\n\nIn einer echten Aufnahme würde hier eine Zeitzeugin erzählen, "
        "wie sie 1968 zum ersten Mal über den Sindelfinger Markt ging und nach "
        "Paprika, Oliven und Schafskäse suchte."
    ),
    "credit": "Erfundene Beispielaufnahme",
}


def _story(data, audio=AUDIO, sample_note=SAMPLE_NOTE):
    """A stop's story from ``data`` (one of STOPS, or its translation), with ``audio``'s
    texts where the stop has a recording."""
    blocks = [("paragraph", RichText(f"<p>{data['story']}</p>"))]
    if "quote" in data:
        quote, speaker = data["quote"]
        blocks.append(("quote", {"quote": quote, "speaker": speaker}))
    if data.get("audio"):
        blocks.append(("audio", {**audio, "audio": _audio_document()}))
    label, start, end = data["period"]
    blocks.append(("period", {"label": label, "start_year": start, "end_year": end, "text": ""}))
    blocks.append(("paragraph", RichText(f"<p><em>{sample_note}</em></p>")))
    return blocks


@transaction.atomic
def load(home, log):
    index, _created = get_or_create_child(
        home,
        TourIndexPage,
        "rundgaenge",
        title="Stadtrundgänge",
        show_in_menus=True,
        search_description="Rundgänge zur Sindelfinger Migrationsgeschichte, zum Lesen und Hören unterwegs.",
        intro=RichText(
            "<p>Sindelfinger Migrationsgeschichte(n) zum Nachgehen: Vereine und Stadt erzählen "
            "an den Orten, an denen sie geschehen sind.</p>"
        ),
    )
    get_or_create_child(
        index,
        StoryFormPage,
        "geschichte-erzaehlen",
        title="Erzählen Sie Ihre Geschichte",
        search_description="Ihre Erinnerung an das Ankommen in Sindelfingen: für einen Rundgang.",
        intro=RichText(
            "<p>Sie oder Ihre Familie sind nach Sindelfingen gekommen und haben eine Geschichte "
            "dazu? Erzählen Sie sie uns: Vielleicht wird sie eine Station eines Rundgangs.</p>"
        ),
        privacy_notice=PRIVACY_NOTICE,
    )
    german = Language.objects.filter(slug="deutsch", locale=home.locale).first()
    # One story waiting, so the city can try taking it over as a stop.
    if not StorySubmission.objects.exists():
        story = StorySubmission(
            title="Die erste Pizza in der Altstadt (Beispiel)",
            story=(
                "Mein Vater eröffnete 1969 eine kleine Pizzeria in der Altstadt. Am Anfang kannte "
                "niemand Pizza; die Kollegen vom Band kamen trotzdem jeden Freitag.\n\n"
                "Erfundene Beispielgeschichte für die Vorführung."
            ),
            place="Altstadt, Lange Straße",
            latitude="48.713500",
            longitude="9.002400",
            language=german,
            author_name="Beispielperson",
            consent_to_publish=True,
        )
        story.record_consent(["Beispiel: Einwilligung in die Veröffentlichung für die Vorführung."])
        story.save()
    hero = get_or_create_image(
        "Rundgang Ankommen (Beispielbild)",
        "Abstrakte Punkte und Linien: Stationen eines Rundgangs",
        lambda: draw_network(seed=1964),
        "rundgang-ankommen.png",
    )
    tour, created = get_or_create_child(
        index,
        TourPage,
        "ankommen-in-sindelfingen",
        title="Ankommen in Sindelfingen",
        theme="Arbeitsmigration seit den 1960er-Jahren",
        hero_image=hero,
        search_description="Ein Beispielrundgang in sieben Stationen: vom Bahnhof bis zum Goldberg.",
        intro=RichText(
            "<p>Seit den 1960er-Jahren kamen Menschen aus Italien, Griechenland, dem damaligen "
            "Jugoslawien, der Türkei und vielen anderen Ländern nach Sindelfingen, um hier zu "
            "arbeiten. Viele sind geblieben. Dieser Rundgang folgt ihren Wegen.</p>"
            "<p><strong>Beispielinhalt:</strong> Die Orte sind echt, die Geschichten und Personen "
            "sind für die Vorführung erfunden.</p>"
        ),
        languages=[german] if german else [],
        start_point="Bahnhof Sindelfingen, Ausgang Stadtmitte",
        step_free=TourPage.StepFree.PARTLY,
        surface=TourPage.Surface.COBBLES,
        seating=True,
        toilets=True,
        accessibility_note="In der Altstadt Kopfsteinpflaster und eine kurze Steigung zur Martinskirche. Öffentliche Toilette am Marktplatz (Beispielangabe).",
    )
    if created:
        log(f"Rundgang angelegt: {tour.title}")
    associations = {page.slug: page for page in AssociationPage.objects.descendant_of(home)}
    existing = set(tour.get_children().values_list("slug", flat=True))
    for data in STOPS:
        if data["slug"] in existing:
            continue
        get_or_create_child(
            tour,
            TourStopPage,
            data["slug"],
            title=data["title"],
            latitude=data["latitude"],
            longitude=data["longitude"],
            address=data["address"],
            teaser=data["teaser"],
            story=_story(data),
            contributing_associations=[associations[slug] for slug in data["associations"]],
            sources=RichText(
                "<p>Beispielquelle: erfundene Erinnerung, aufgezeichnet für die Vorführung.</p>"
            ),
            search_description=data["teaser"],
        )
    _translations(index, tour, log)


def _translations(index, tour, log):
    """The walks' front page in every language of the demo's home pages; the walk in
    English, Turkish and Arabic, with the stops each language has."""
    translate_section_front_page(index, translated.INDEX)
    for language, texts in translated.WALK.items():
        _walk, created = get_or_create_translation(
            tour, language, **{**texts, "intro": RichText(texts["intro"])}
        )
        if created:
            log(f"Rundgang übersetzt: {language}")
        for german in STOPS:
            texts = translated.STOPS[german["slug"]].get(language)
            if texts is None:
                continue
            story = {**german, **texts, "period": (texts["period"], *german["period"][1:])}
            get_or_create_translation(
                tour.get_children().get(slug=german["slug"]).specific,
                language,
                slug=texts["slug"],
                title=texts["title"],
                address=texts["address"],
                teaser=texts["teaser"],
                search_description=texts["teaser"],
                story=_story(story, translated.AUDIO[language], translated.SAMPLE_NOTE[language]),
                sources=RichText(translated.SOURCES[language]),
            )
