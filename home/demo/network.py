"""The demo network: home page, vocabularies, 13 associations, the meetings of 2021 and one ahead."""

import datetime
import io
import zoneinfo
from urllib.parse import urlsplit

from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from ..models import (
    AssociationIndexPage,
    AssociationPage,
    AssociationRepresentative,
    AssociationSocialLink,
    District,
    FocusArea,
    HomePage,
    JoinNetworkPage,
    Language,
    MeetingIndexPage,
    MeetingPage,
    MeetingSeries,
    MembershipApplication,
    NetworkSettings,
    StandardPage,
    SupportTopic,
)
from . import translations, vocabularies
from .associations import ASSOCIATIONS, SAMPLE_NOTE
from .helpers import (
    PALETTE,
    demo_collection,
    draw_logo,
    draw_network,
    get_or_create_child,
    get_or_create_image,
)

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def at(year, month, day, hour, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=BERLIN)


def paragraph(*paragraphs):
    return ("paragraph", RichText("".join(f"<p>{text}</p>" for text in paragraphs)))


def decisions(heading, *items):
    return ("decisions", {"heading": heading, "decisions": list(items)})


def agenda(heading, *items):
    return ("agenda", {"heading": heading, "items": list(items)})


def load(log):
    locale = Locale.get_default()
    home = _home_page(locale, log)
    terms = _vocabularies(locale)
    directory, _created = get_or_create_child(
        home,
        AssociationIndexPage,
        "vereine",
        title="Vereine",
        show_in_menus=True,
        search_description="Alle Mitgliedsvereine des Netzwerks: filtern nach Schwerpunkt, Sprache, Angebot und Bedarf.",
        intro=RichText(
            "<p>Im Netzwerk arbeiten Migrantenorganisationen aus Sindelfingen zusammen. "
            "Finden Sie Vereine nach Schwerpunkt, Sprache, nach dem, was sie anbieten, "
            "und nach dem, wobei sie Unterstützung suchen.</p>"
        ),
    )
    associations = {
        data["slug"]: _association(directory, data, terms, log) for data in ASSOCIATIONS
    }
    meetings, _created = get_or_create_child(
        home,
        MeetingIndexPage,
        "treffen",
        title="Treffen",
        show_in_menus=True,
        search_description="Das Austauschformat des Netzwerks: kommende und vergangene Treffen, mit Kalender zum Abonnieren.",
        intro=RichText(
            "<p>Die Vereine treffen sich regelmäßig zum Austausch, online und vor Ort. "
            "Die Stadtverwaltung koordiniert und moderiert. Ergebnisse jedes Treffens "
            "werden hier festgehalten.</p>"
        ),
    )
    _meetings(meetings, associations, terms, log)
    _standard_pages(home, locale)
    _join_page(home)
    translations.load(home, log)
    return home


def _home_page(locale, log):
    home = HomePage.objects.filter(depth=2, locale=locale).first()
    if home is None:
        home = _create_home_page(locale)
        log("Startseite angelegt")
    _serve_at_default_site(home)
    return home


def _create_home_page(locale):
    hero = get_or_create_image(
        "Netzwerk (Beispielbild)",
        "Farbige Punkte, durch Linien miteinander verbunden: ein Netzwerk",
        lambda: draw_network(seed=2021),
        "netzwerk.png",
    )
    home = HomePage(
        title="Netzwerk Migrantenorganisationen Sindelfingen",
        slug="netzwerk",
        locale=locale,
        lead="Vereine gestalten gemeinsam mit der Stadt das Zusammenleben in Vielfalt.",
        hero_image=hero,
        intro=RichText(
            "<p>Das Netzwerk verbindet Migrantenorganisationen in Sindelfingen. Es fördert den "
            "interkulturellen Dialog und ein Zusammenleben, das von Respekt und der Wertschätzung "
            "von Vielfalt geprägt ist. Die Vereine arbeiten in städtischen Projekten mit und "
            "tauschen sich in einem regelmäßigen Format aus, das die Stadtverwaltung koordiniert "
            "und moderiert.</p>"
            "<p><strong>Hinweis:</strong> Alle Vereine, Personen und Texte auf dieser "
            "Vorführseite sind erfundene Beispieldaten.</p>"
        ),
        search_description="Das Netzwerk der Migrantenorganisationen in Sindelfingen.",
    )
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    return home


def _serve_at_default_site(home):
    """Make the demo home page the default site's root, at the address the demo runs on
    (WAGTAILADMIN_BASE_URL), so full URLs (QR codes, calendar, sitemap) lead there; remove
    Wagtail's welcome page."""
    base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    wanted = {
        "hostname": base_url.hostname,
        "port": base_url.port or (443 if base_url.scheme == "https" else 80),
        "root_page": home,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    site = (
        Site.objects.filter(root_page=home).first()
        or Site.objects.filter(is_default_site=True).first()
        or Site(is_default_site=True)
    )
    if any(getattr(site, field) != value for field, value in wanted.items()):
        for field, value in wanted.items():
            setattr(site, field, value)
        site.save()
    # Wagtail's first migration leaves a welcome page behind; the portal takes its place.
    welcome = Page.objects.filter(
        depth=2, slug="home", content_type__app_label="wagtailcore", content_type__model="page"
    ).first()
    if welcome is not None and not welcome.get_children().exists():
        welcome.delete()


def _terms(model, locale, rows, extra_fields=()):
    terms = {}
    for slug, name, *extra in rows:
        defaults = {"name": name, **dict(zip(extra_fields, extra, strict=True))}
        terms[slug], _created = model.objects.get_or_create(
            slug=slug, locale=locale, defaults=defaults
        )
    return terms


def _vocabularies(locale):
    return {
        "focus_areas": _terms(FocusArea, locale, vocabularies.FOCUS_AREAS),
        "languages": _terms(
            Language, locale, vocabularies.LANGUAGES, extra_fields=("code", "native_name")
        ),
        "districts": _terms(District, locale, vocabularies.DISTRICTS),
        "support": _terms(SupportTopic, locale, vocabularies.SUPPORT_TOPICS),
        "series": _terms(MeetingSeries, locale, vocabularies.MEETING_SERIES),
    }


def _association(directory, data, terms, log):
    index = ASSOCIATIONS.index(data)
    logo = get_or_create_image(
        f"Logo {data['title']} (Beispiel)",
        f"Logo von {data['title']}",
        lambda: draw_logo(data["initials"], PALETTE[index % len(PALETTE)]),
        f"logo-{data['slug']}.png",
    )
    page, created = get_or_create_child(
        directory,
        AssociationPage,
        data["slug"],
        title=data["title"],
        short_description=data["short_description"],
        description=RichText(f"<p>{data['about']}</p><p><em>{SAMPLE_NOTE}</em></p>"),
        logo=logo,
        focus_areas=[terms["focus_areas"][slug] for slug in data["focus_areas"]],
        languages=[terms["languages"][slug] for slug in data["languages"]],
        district=terms["districts"][data["district"]],
        founded_year=data["founded_year"],
        member_since=data["member_since"],
        offers=[terms["support"][slug] for slug in data["offers"]],
        needs=[terms["support"][slug] for slug in data["needs"]],
        cooperation_interest=data["cooperation_interest"],
        website=data.get("website", ""),
        contact_email=data.get("contact_email", ""),
        show_contact_email=data.get("show_contact_email", False),
        contact_phone=data.get("contact_phone", ""),
        show_contact_phone=data.get("show_contact_phone", False),
        address=data.get("address", ""),
        show_address=data.get("show_address", False),
        search_description=data["short_description"],
        representatives=[
            AssociationRepresentative(name=name, role=role, consent_to_publish=consent)
            for name, role, consent in data["representatives"]
        ],
        social_links=[
            AssociationSocialLink(platform=platform, url=url)
            for platform, url in data.get("social_links", [])
        ],
    )
    if created:
        log(f"Verein angelegt: {page.title}")
    return page


def _minutes_document():
    """A one-page PDF, drawn locally, standing in for the kick-off's minutes."""
    Document = get_document_model()
    title = "Ergebnisprotokoll Auftakttreffen 24. März 2021 (Beispiel)"
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    sheet = PillowImage.new("RGB", (1240, 1754), "white")
    canvas = ImageDraw.Draw(sheet)
    heading, body = ImageFont.load_default(size=44), ImageFont.load_default(size=30)
    canvas.text((110, 140), "Ergebnisprotokoll Auftakttreffen", fill="black", font=heading)
    lines = [
        "24. März 2021, online, Internationale Wochen gegen Rassismus",
        "Anwesend: 13 Vereine",
        "",
        "Festgehalten wurde:",
        "- Eine regelmäßige Austauschplattform zwischen den Vereinen ist gewünscht.",
        "- Die Koordination soll moderiert von der Stadtverwaltung erfolgen.",
        "- Eine enge Zusammenarbeit mit der Stadtverwaltung ist erwünscht.",
        "",
        "Beispieldokument für die Vorführung.",
    ]
    for number, line in enumerate(lines):
        canvas.text((110, 260 + number * 52), line, fill="black", font=body)
    buffer = io.BytesIO()
    sheet.save(buffer, format="PDF", resolution=150)
    document = Document(title=title, collection=demo_collection())
    document.file.save(
        "ergebnisprotokoll-auftakt-2021.pdf", ContentFile(buffer.getvalue()), save=False
    )
    document.file_size = len(buffer.getvalue())
    document.save()
    return document


def _meetings(index, associations, terms, log):
    everyone = list(associations.values())
    series = terms["series"]
    rathaus = {
        "location_name": "Rathaus Sindelfingen",
        "address": "Rathausplatz 1, 71063 Sindelfingen",
    }
    kickoff_results = [
        paragraph(
            "13 Vereine, die vor allem im kulturellen und sozialen Bereich aktiv sind, stellten "
            "sich und ihre Ausrichtung gegenseitig vor. Gefragt wurde nach ihrem "
            "Rollenverständnis, ihrem Unterstützungsbedarf, ihrem Interesse an einer "
            "Zusammenarbeit mit der Stadtverwaltung und nach Formen der Kooperation für eine "
            "gemeinsame Gestaltung des Zusammenlebens in Sindelfingen."
        ),
        decisions(
            "Festgehalten wurde",
            "Eine regelmäßige Austauschplattform (ein Format) zwischen den Vereinen ist gewünscht.",
            "Die Koordination soll moderiert von der Stadtverwaltung erfolgen.",
            "Eine enge Zusammenarbeit mit der Stadtverwaltung ist erwünscht.",
        ),
        ("documents", {"heading": "Protokoll", "documents": [_minutes_document()]}),
    ]
    plans = [
        {
            "slug": "auftakttreffen-2021",
            "title": "Auftakttreffen des Netzwerks",
            "start": at(2021, 3, 24, 17),
            "end": at(2021, 3, 24, 19, 30),
            "format": MeetingPage.Format.ONLINE,
            "series": series["auftakt"],
            "summary": "Online-Auftakt im Rahmen der Internationalen Wochen gegen Rassismus: 13 Vereine lernen einander kennen und sagen, was sie von der Zusammenarbeit erwarten.",
            "agenda": [
                paragraph(
                    "Begrüßung durch die Stadtverwaltung; Moderation und Ergebnissicherung durch "
                    "professionelle Prozessbegleiterinnen und Prozessbegleiter, gefördert aus dem "
                    "Integrationsfonds. (Uhrzeit und Ablauf sind Beispieldaten.)"
                ),
                agenda(
                    "Ablauf",
                    "Vorstellungsrunde der Vereine",
                    "Rollenverständnis und Unterstützungsbedarf",
                    "Zusammenarbeit mit der Stadtverwaltung: Interesse und Formen",
                    "Ausblick und nächste Schritte",
                ),
            ],
            "results": kickoff_results,
            "attending": everyone,
        },
        {
            "slug": "workshop-juni-2021",
            "title": "Workshop: Wie wollen wir zusammenarbeiten?",
            "start": at(2021, 6, 8, 17, 30),
            "end": at(2021, 6, 8, 20),
            "format": MeetingPage.Format.ONLINE,
            "series": series["workshop"],
            "summary": "Virtueller Workshop: konkrete Formen des Austauschs und der Zusammenarbeit zwischen den Vereinen und mit der Stadtverwaltung.",
            "agenda": [
                agenda(
                    "Ablauf",
                    "Rückblick auf das Auftakttreffen",
                    "Formen des Austauschs zwischen den Vereinen",
                    "Zusammenarbeit mit der Stadtverwaltung: Ansätze zur gemeinsamen Umsetzung",
                ),
            ],
            "results": [
                paragraph(
                    "Im Workshop wurde erfragt, wie Austausch und Zusammenarbeit zwischen den "
                    "Vereinen und mit der Stadtverwaltung konkret aussehen sollen, und es wurden "
                    "Ansätze zur gemeinsamen Umsetzung erarbeitet."
                ),
                decisions(
                    "Vereinbart",
                    "Die Vereine werden inhaltlich an zwei aktuellen Projekten der Stadtverwaltung beteiligt: „Willkommenskultur“ und „Stadtführungen zum Thema Sindelfinger Migrationsgeschichte(n)“.",
                    "Für jedes Projekt wird eine Arbeitsgruppe gegründet, die je nach Bedarf weitere Akteure einladen kann.",
                    "In Kooperation wird je ein Umsetzungskonzept erstellt und durchgeführt.",
                ),
            ],
            "attending": everyone[:10],
        },
        {
            "slug": "vernetzungstreffen-november-2021",
            "title": "Vernetzungs- und Arbeitstreffen im November",
            "start": at(2021, 11, 17, 18),
            "end": at(2021, 11, 17, 20, 30),
            "format": MeetingPage.Format.HYBRID,
            "series": series["vernetzungstreffen"],
            "summary": "Vernetzungs- und Arbeitstreffen unter Regie der Stadtverwaltung: Berichte aus den Arbeitsgruppen und weiteres Vorgehen. (Tag und Ort sind Beispieldaten.)",
            **rathaus,
            "agenda": [
                agenda(
                    "",
                    "Bericht der Arbeitsgruppe Willkommenskultur",
                    "Bericht der Arbeitsgruppe Stadtführungen zur Migrationsgeschichte",
                    "Mögliche Veranstaltungsformate",
                    "Verschiedenes",
                ),
            ],
            "results": [
                paragraph(
                    "Weiterführende Ergebnisse und mögliche Veranstaltungsformate werden "
                    "kontinuierlich vorgestellt, präsentiert und weiterentwickelt."
                ),
            ],
            "attending": everyone[:11],
        },
    ]
    upcoming_day = _next_working_wednesday(timezone.localdate() + datetime.timedelta(days=42))
    plans.append(
        {
            "slug": "naechstes-vernetzungstreffen",
            "title": "Vernetzungstreffen: Neues aus den Arbeitsgruppen",
            "start": at(upcoming_day.year, upcoming_day.month, upcoming_day.day, 18),
            "end": at(upcoming_day.year, upcoming_day.month, upcoming_day.day, 20, 30),
            "format": MeetingPage.Format.IN_PERSON,
            "series": series["vernetzungstreffen"],
            "summary": "Die Arbeitsgruppen berichten, neue Vereine stellen sich vor. Alle Mitgliedsvereine sind eingeladen. (Beispieltermin)",
            "registration_open": True,
            "capacity": 30,
            **rathaus,
            "agenda": [
                agenda(
                    "",
                    "Begrüßung und neue Vereine im Netzwerk",
                    "Berichte aus den Arbeitsgruppen",
                    "Planung des nächsten Jahres",
                ),
            ],
            "results": [],
            "attending": [],
        }
    )
    for plan in plans:
        slug = plan.pop("slug")
        page, created = get_or_create_child(
            index,
            MeetingPage,
            slug,
            title=plan.pop("title"),
            attending_associations=plan.pop("attending"),
            search_description=plan["summary"],
            **plan,
        )
        if created:
            log(f"Treffen angelegt: {page.title}")


PRIVACY_NOTICE = RichText(
    "<p>Ihre Angaben sieht nur die Koordination des Netzwerks bei der Stadt. Wir nutzen sie, um "
    "Ihre Einsendung zu bearbeiten und Ihnen zu antworten, und löschen sie, sobald sie dafür nicht "
    "mehr gebraucht werden (spätestens nach einem Jahr). Sie können jederzeit Auskunft oder "
    "Löschung verlangen: netzwerk@sindelfingen.example. (Beispieltext)</p>"
)


def _join_page(home):
    # One application waiting, so the city's moderation queue is not empty in the demo.
    if not MembershipApplication.objects.exists():
        application = MembershipApplication(
            association_name="Nachbarschaftsverein Brückenschlag (Beispiel)",
            focus="Nachbarschaftshilfe, Sprachcafé",
            contact_name="Beispielperson",
            email="brueckenschlag@example.org",
            message="Wir möchten im Projekt Willkommenskultur mitarbeiten. (Beispielantrag)",
        )
        application.record_consent(["Beispiel: Einwilligung zur Speicherung für die Vorführung."])
        application.save()
    get_or_create_child(
        home,
        JoinNetworkPage,
        "mitmachen",
        title="Mitmachen",
        show_in_menus=True,
        search_description="Ihr Verein möchte im Netzwerk mitarbeiten? Hier können Sie die Aufnahme beantragen.",
        intro=RichText(
            "<p>Ihr Verein möchte im Netzwerk mitarbeiten? Stellen Sie ihn kurz vor. Die "
            "Koordination meldet sich, und nach der Aufnahme erhalten Sie Zugang zum "
            "Redaktionssystem für das Profil Ihres Vereins.</p>"
        ),
        privacy_notice=PRIVACY_NOTICE,
    )


def _next_working_wednesday(day):
    """A Wednesday on or after ``day``, outside the Christmas holidays (24 Dec to 6 Jan)."""
    while day.weekday() != 2 or (day.month, day.day) >= (12, 24) or (day.month, day.day) <= (1, 6):
        day += datetime.timedelta(days=1)
    return day


def _standard_pages(home, locale):
    get_or_create_child(
        home,
        StandardPage,
        "ueber-das-netzwerk",
        title="Über das Netzwerk",
        show_in_menus=True,
        intro="Wie das Netzwerk entstand und wie es arbeitet.",
        search_description="Wie das Netzwerk der Migrantenorganisationen entstand und wie es arbeitet.",
        body=[
            paragraph(
                "Ziel ist ein übergreifendes, tragfähiges und nachhaltiges Netzwerk von "
                "Migrantenorganisationen, das den interkulturellen Dialog fördert, und eine "
                "stärkere, langfristige Beteiligung der Vereine an Projekten und Angeboten der "
                "Stadtverwaltung.",
                "Die Grundlage dafür hat der Integrationsfonds geschaffen: Mit seiner Hilfe "
                "konnten professionelle Prozessbegleiterinnen und Prozessbegleiter für Konzeption, "
                "Moderation und Ergebnissicherung der ersten Treffen gewonnen werden.",
            ),
            (
                "quote",
                {
                    "quote": "Mit dem Integrationsfonds ist der Grundstein für eine Vernetzungs- und Austauschplattform gelegt worden.",
                    "speaker": "Aus dem Abschlussbericht",
                },
            ),
        ],
    )
    imprint, _created = get_or_create_child(
        home,
        StandardPage,
        "impressum",
        title="Impressum",
        intro="Beispielseite: Hier stehen die Angaben nach § 5 DDG.",
        body=[
            paragraph("Stadt Sindelfingen (Beispielangaben), Rathausplatz 1, 71063 Sindelfingen.")
        ],
    )
    privacy, _created = get_or_create_child(
        home,
        StandardPage,
        "datenschutz",
        title="Datenschutz",
        intro="Beispielseite: Hier steht die Datenschutzerklärung.",
        body=[
            paragraph(
                "Diese Website lädt keine Schriften, Skripte oder Karten von Dritten und setzt "
                "keine Tracking-Cookies. (Beispieltext)"
            )
        ],
    )
    site = Site.objects.get(root_page=home)
    network_settings = NetworkSettings.for_site(site)
    if network_settings.imprint_page_id is None:
        network_settings.contact_email = "netzwerk@sindelfingen.example"
        network_settings.imprint_page = imprint
        network_settings.privacy_page = privacy
        network_settings.save()
