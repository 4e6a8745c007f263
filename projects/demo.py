"""Demo projects: the two city projects of the report, their working groups and some news.

The projects and working groups are those the report names; people, dates of news and texts
are invented sample content.
"""

import datetime

from django.db import transaction

from wagtail.rich_text import RichText

from home.demo.helpers import get_or_create_child, translate_section_front_page
from home.models import AssociationPage, MeetingPage
from tours.models import TourPage

from .models import (
    OutsideActor,
    ProjectIndexPage,
    ProjectMilestone,
    ProjectPage,
    ProjectUpdatePage,
    WorkingGroup,
)

# The projects' front page in the demo's languages: title, slug, introduction.
INDEX_TRANSLATIONS = {
    "en": (
        "Projects",
        "projects",
        "The associations take part in projects of the city administration: in working groups that invite further actors as needed.",
    ),
    "tr": (
        "Projeler",
        "projeler",
        "Dernekler belediyenin projelerinde yer alır: gerektiğinde başka aktörleri de davet eden çalışma gruplarında.",
    ),
    "it": (
        "Progetti",
        "progetti",
        "Le associazioni partecipano ai progetti dell'amministrazione comunale, in gruppi di lavoro che invitano altri attori quando serve.",
    ),
    "el": (
        "Έργα",
        "erga",
        "Οι σύλλογοι συμμετέχουν σε έργα της δημοτικής διοίκησης, σε ομάδες εργασίας που προσκαλούν κι άλλους φορείς όταν χρειάζεται.",
    ),
    "hr": (
        "Projekti",
        "projekti",
        "Udruge sudjeluju u projektima gradske uprave: u radnim skupinama koje po potrebi pozivaju i druge dionike.",
    ),
    "ar": (
        "المشاريع",
        "almasharie",
        "تشارك الجمعيات في مشاريع إدارة المدينة ضمن مجموعات عمل تدعو جهات أخرى عند الحاجة.",
    ),
}


def paragraph(text):
    return ("paragraph", RichText(f"<p>{text}</p>"))


@transaction.atomic
def load(home, log):
    index, _created = get_or_create_child(
        home,
        ProjectIndexPage,
        "projekte",
        title="Projekte",
        show_in_menus=True,
        search_description="Projekte der Stadt, an denen die Vereine des Netzwerks mitwirken.",
        intro=RichText(
            "<p>Die Vereine wirken an Projekten der Stadtverwaltung mit: in Arbeitsgruppen, die "
            "je nach Bedarf weitere Akteure einladen.</p>"
        ),
    )
    translate_section_front_page(index, INDEX_TRANSLATIONS)
    associations = {page.slug: page for page in AssociationPage.objects.descendant_of(home)}
    meetings = {page.slug: page for page in MeetingPage.objects.descendant_of(home)}
    tours = list(TourPage.objects.descendant_of(home).filter(slug="ankommen-in-sindelfingen"))
    historian, _created = OutsideActor.objects.get_or_create(
        name="Dr. Paula Beispiel",
        defaults={
            "organisation": "Stadtarchiv Sindelfingen",
            "role": "Historikerin (Beispielperson)",
            "invited_on": datetime.date(2021, 9, 15),
            "consent_to_publish": True,
        },
    )

    welcome, created = get_or_create_child(
        index,
        ProjectPage,
        "willkommenskultur",
        title="Willkommenskultur",
        summary="Neu Angekommene finden in Sindelfingen schneller Anschluss: Vereine und Stadt begleiten gemeinsam.",
        goal=RichText(
            "<p>Die Vereine bringen ihre Erfahrung mit dem Ankommen ein und gestalten mit der "
            "Stadtverwaltung Angebote für Menschen, die neu in Sindelfingen sind. "
            "(Ziel als Beispieltext formuliert.)</p>"
        ),
        status=ProjectPage.Status.ACTIVE,
        start_date=datetime.date(2021, 6, 8),
        lead_department="Stabsstelle Integration (Beispielangabe)",
        partner_associations=[
            associations[slug]
            for slug in (
                "familienzentrum-al-manara",
                "internationaler-frauentreff-hand-in-hand",
                "syrischer-kulturverein-jasmin",
                "elterninitiative-mosaika",
                "sankofa-afrika-forum",
            )
        ],
        related_meetings=[
            meetings["workshop-juni-2021"],
            meetings["vernetzungstreffen-november-2021"],
        ],
        milestones=[
            ProjectMilestone(
                date=datetime.date(2021, 6, 8), title="Arbeitsgruppe gegründet", reached=True
            ),
            ProjectMilestone(
                date=datetime.date(2021, 11, 17),
                title="Umsetzungskonzept vorgestellt",
                reached=True,
            ),
            ProjectMilestone(title="Willkommensmappe in sechs Sprachen", reached=False),
        ],
        working_groups=[
            WorkingGroup(
                name="Arbeitsgruppe Willkommenskultur",
                purpose="Erarbeitet mit der Stadtverwaltung ein Umsetzungskonzept für die Willkommenskultur und setzt es um.",
                meeting_rhythm="alle sechs Wochen, abwechselnd online und vor Ort",
                contact="Koordination des Netzwerks, netzwerk@sindelfingen.example",
                member_associations=[
                    associations["familienzentrum-al-manara"],
                    associations["internationaler-frauentreff-hand-in-hand"],
                    associations["syrischer-kulturverein-jasmin"],
                    associations["elterninitiative-mosaika"],
                ],
            )
        ],
    )
    if created:
        log(f"Projekt angelegt: {welcome.title}")
    _updates(
        welcome,
        associations,
        [
            (
                "erstes-treffen-der-arbeitsgruppe",
                "Erstes Treffen der Arbeitsgruppe",
                datetime.date(2021, 7, 13),
                "Die Arbeitsgruppe hat sich konstituiert und erste Ideen gesammelt.",
                "Vier Vereine und die Stadtverwaltung sammelten, was Neuangekommenen in den ersten Wochen am meisten hilft: Orientierung bei Behörden, Sprachangebote und Menschen, die zuhören. (Beispielmeldung)",
                ["familienzentrum-al-manara", "internationaler-frauentreff-hand-in-hand"],
            ),
            (
                "ideen-fuer-die-willkommensmappe",
                "Ideen für eine Willkommensmappe",
                datetime.date(2021, 11, 17),
                "Beim Vernetzungstreffen stellte die Arbeitsgruppe ihr Konzept vor.",
                "Eine mehrsprachige Willkommensmappe soll Neuangekommene mit den Angeboten der Stadt und der Vereine bekannt machen. (Beispielmeldung)",
                ["syrischer-kulturverein-jasmin"],
            ),
        ],
    )

    walks, created = get_or_create_child(
        index,
        ProjectPage,
        "stadtfuehrungen-migrationsgeschichte",
        title="Stadtführungen zum Thema Sindelfinger Migrationsgeschichte(n)",
        summary="Vereine erzählen die Geschichte der Zuwanderung an den Orten, an denen sie geschehen ist.",
        goal=RichText(
            "<p>Gemeinsam entstehen Stadtführungen, die die Geschichten der Zugewanderten und "
            "ihrer Familien sichtbar machen: vor Ort, zum Lesen und zum Hören. "
            "(Ziel als Beispieltext formuliert.)</p>"
        ),
        status=ProjectPage.Status.ACTIVE,
        start_date=datetime.date(2021, 6, 8),
        lead_department="Kulturamt (Beispielangabe)",
        partner_associations=[
            associations[slug]
            for slug in (
                "kulturbruecke-anatolien",
                "circolo-culturale-ponte",
                "tanzkreis-kalimera",
                "kroatischer-kulturverein-lipa",
                "puente-latino",
            )
        ],
        related_meetings=[
            meetings["workshop-juni-2021"],
            meetings["vernetzungstreffen-november-2021"],
        ],
        tours=tours,
        milestones=[
            ProjectMilestone(
                date=datetime.date(2021, 6, 8), title="Arbeitsgruppe gegründet", reached=True
            ),
            ProjectMilestone(
                date=datetime.date(2021, 9, 15),
                title="Stadtarchiv als Partner gewonnen",
                reached=True,
            ),
            ProjectMilestone(title="Erster Rundgang online", reached=True),
            ProjectMilestone(title="Rundgang in weiteren Sprachen", reached=False),
        ],
        working_groups=[
            WorkingGroup(
                name="Arbeitsgruppe Stadtführungen",
                purpose="Sammelt Geschichten, wählt Orte aus und schreibt die Stationen der Rundgänge.",
                meeting_rhythm="monatlich, vor Ort",
                contact="Koordination des Netzwerks, netzwerk@sindelfingen.example",
                member_associations=[
                    associations["kulturbruecke-anatolien"],
                    associations["circolo-culturale-ponte"],
                    associations["tanzkreis-kalimera"],
                    associations["kroatischer-kulturverein-lipa"],
                ],
                invited_actors=[historian],
            )
        ],
    )
    if created:
        log(f"Projekt angelegt: {walks.title}")
    _updates(
        walks,
        associations,
        [
            (
                "zeitzeuginnen-gesucht",
                "Zeitzeuginnen und Zeitzeugen gesucht",
                datetime.date(2021, 10, 4),
                "Für die Rundgänge sucht die Arbeitsgruppe Menschen, die erzählen möchten.",
                "Wer in den 1960er- oder 1970er-Jahren nach Sindelfingen kam, kann seine Geschichte erzählen: Die Vereine begleiten die Gespräche in vielen Sprachen. (Beispielmeldung)",
                ["kulturbruecke-anatolien", "circolo-culturale-ponte"],
            ),
            (
                "erster-rundgang-online",
                "Der erste Rundgang ist online",
                datetime.date(2022, 5, 20),
                "„Ankommen in Sindelfingen“ führt in sieben Stationen vom Bahnhof zum Goldberg.",
                "Der Rundgang lässt sich mit dem Telefon ablaufen; an jeder Station führt ein QR-Code zur Geschichte. (Beispielmeldung)"
                + (
                    f' <a linktype="page" id="{tours[0].pk}">Zum Rundgang „{tours[0].title}“</a>'
                    if tours
                    else ""
                ),
                ["tanzkreis-kalimera"],
            ),
        ],
    )


def _updates(project, associations, updates):
    for slug, title, date, summary, text, authors in updates:
        get_or_create_child(
            project,
            ProjectUpdatePage,
            slug,
            title=title,
            date=date,
            summary=summary,
            body=[paragraph(text)],
            author_associations=[associations[author] for author in authors],
            search_description=summary,
        )
