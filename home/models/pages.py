"""The portal's home page and plain content pages (about, imprint, privacy)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..api.fields import ImageInfo, computed_field, image_info
from ..blocks import RICH_TEXT_FEATURES, BodyBlock
from ..forms import MembershipApplicationForm
from ..languages import in_original_order, pages_below, site_language
from ..notifications import notify_moderators
from .associations import AssociationPage
from .base import NetworkPageMixin, ParticipationFormPage
from .meetings import MeetingPage
from .participation import MembershipApplication

NEWEST_ASSOCIATIONS_COUNT = 4


class HomePage(NetworkPageMixin, Page):
    lead = models.CharField(
        _("Leitsatz"),
        max_length=250,
        blank=True,
        help_text=_("Ein Satz unter dem Titel: worum es im Netzwerk geht."),
    )
    intro = RichTextField(_("Über das Netzwerk"), features=RICH_TEXT_FEATURES, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Titelbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("hero_image"),
        FieldPanel("intro"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("intro")]
    api_fields = [
        APIField("lead", writable=True),
        APIField("intro", writable=True),
        computed_field("hero_image", ImageInfo | None, lambda page: image_info(page.hero_image)),
    ]

    template = "pages/home_page.html"
    # One home page per language, each directly under the root: a translation is a second
    # HomePage there, so no max_count here.
    parent_page_types = ["wagtailcore.Page"]
    # Named as strings: the home app never imports the walks or projects apps.
    subpage_types = [
        "home.AssociationIndexPage",
        "home.MeetingIndexPage",
        "tours.TourIndexPage",
        "projects.ProjectIndexPage",
        "home.JoinNetworkPage",
        "home.StandardPage",
    ]
    page_description = _("Das Portal des Netzwerks; eine Startseite je Sprache.")

    class Meta:
        verbose_name = _("Startseite")
        verbose_name_plural = _("Startseiten")

    def next_meeting(self):
        return (
            pages_below(self, MeetingPage, self.reading_locale)
            .filter(end__gte=timezone.now(), is_cancelled=False)
            .select_related("series")
            .order_by("start")
            .first()
        )

    def newest_associations(self):
        return (
            pages_below(self, AssociationPage, self.reading_locale)
            .for_cards()
            .order_by(models.F("member_since").desc(nulls_last=True), "-first_published_at")[
                :NEWEST_ASSOCIATIONS_COUNT
            ]
        )

    def sections(self):
        """The portal's main sections (directory, meetings, projects, walks), in the order of
        the original home page, each in the reader's language where it is translated."""
        sections = pages_below(self, Page, self.reading_locale, children_only=True).in_menu()
        return in_original_order(sections).specific(defer=True)


class StandardPage(NetworkPageMixin, Page):
    intro = models.CharField(_("Einleitung"), max_length=300, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro", writable=True), APIField("body", writable=True)]

    template = "pages/standard_page.html"
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    page_description = _("Eine einfache Inhaltsseite, z. B. Über uns, Impressum oder Datenschutz.")

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = _("Inhaltsseiten")


class JoinNetworkPage(ParticipationFormPage):
    """ "Join the network": an association applies; the city decides, and on acceptance its
    draft profile, its editors' group and an invitation for its contact exist at once."""

    template = "pages/join_network_page.html"
    parent_page_types = ["home.HomePage"]
    page_description = _("Das Formular für Vereine, die dem Netzwerk beitreten möchten.")

    form_class = MembershipApplicationForm
    rate_limit_scope = "membership"
    default_thanks = _(
        "Danke für Ihren Antrag! Die Koordination meldet sich per E-Mail, sobald über die "
        "Aufnahme entschieden ist."
    )

    class Meta:
        verbose_name = _("Formular „Mitmachen“")
        verbose_name_plural = _("Formulare „Mitmachen“")

    def store(self, form):
        data = form.cleaned_data
        application = MembershipApplication(
            association_name=data["association_name"],
            focus=data["focus"],
            contact_name=data["contact_name"],
            email=data["email"],
            phone=data["phone"],
            message=data["message"],
            # The language it was sent in (the page's, or for the API the client's): the
            # invitation on acceptance is in it.
            language=site_language(),
        )
        application.record_consent(form.consent_statements())
        application.save()
        notify_moderators(
            application,
            kind=_("Aufnahmeantrag"),
            subject=_("Neuer Aufnahmeantrag: %(name)s"),
            subject_values={"name": application.association_name},
        )
