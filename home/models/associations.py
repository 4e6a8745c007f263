"""The directory of member associations and their profiles."""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from ..api.fields import (
    APIShape,
    ImageInfo,
    LanguageTerm,
    PageLink,
    Term,
    computed_field,
    image_info,
    language_terms,
    page_links,
    term,
    terms,
)
from ..blocks import RICH_TEXT_FEATURES
from ..filters import AssociationFilter
from ..languages import for_readers_of, pages_below
from ..paging import page_of
from .base import NetworkPageForm, NetworkPageMixin, SectionIndexPage

LOGO_RENDITION = "fill-160x160"


def validate_not_in_future(year):
    if year > datetime.date.today().year:
        raise ValidationError(_("Das Gründungsjahr darf nicht in der Zukunft liegen."))


class AssociationQuerySet(PageQuerySet):
    def for_cards(self):
        """With everything an association's card shows, in a constant number of queries."""
        return self.select_related("district").prefetch_related(
            Prefetch(
                "logo", queryset=get_image_model().objects.prefetch_renditions(LOGO_RENDITION)
            ),
            "focus_areas",
            "languages",
        )


class AssociationIndexPage(SectionIndexPage):
    template = "pages/association_index_page.html"
    subpage_types = ["home.AssociationPage"]
    page_description = _(
        "Das Verzeichnis der Mitgliedsvereine, filterbar nach Schwerpunkt, Sprache, Angebot und Bedarf."
    )

    class Meta:
        verbose_name = _("Vereinsverzeichnis")
        verbose_name_plural = _("Vereinsverzeichnisse")

    def associations(self):
        """Live, public member associations of this directory in the reader's language, by name."""
        return pages_below(self, AssociationPage, self.reading_locale).for_cards().order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        directory = AssociationFilter(
            request.GET or None, queryset=self.associations(), locale=self.reading_locale
        )
        context["directory"] = directory
        if directory.is_bound and not directory.is_valid():
            context["associations"] = None
            return context

        paginator = Paginator(directory.qs, settings.NETWORK_DIRECTORY_PAGE_SIZE)
        page_of_results, context["page_error"], context["page_status"] = page_of(
            paginator, request.GET.get("seite", 1)
        )
        context["associations"] = page_of_results
        context["filters_applied"] = directory.active_filters()
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # A filter link that names an unknown term is a bad request; say so honestly.
        if response.context_data["associations"] is None:
            response.status_code = 400
        elif response.context_data.get("page_status", 200) != 200:
            # A page number that is no page of the directory (see home.paging).
            response.status_code = response.context_data["page_status"]
        return response


class SocialLink(APIShape):
    platform: str
    label: str
    url: str


class Representative(APIShape):
    name: str
    role: str


class AssociationContact(APIShape):
    """Only what the association marked as public; people only with their consent."""

    email: str
    phone: str
    address: str
    social_links: list[SocialLink]
    representatives: list[Representative]


class AssociationPage(NetworkPageMixin, Page):
    objects = PageManager.from_queryset(AssociationQuerySet)()
    base_form_class = NetworkPageForm

    short_description = models.CharField(
        _("Kurzbeschreibung"),
        max_length=300,
        help_text=_("Ein bis zwei Sätze für das Verzeichnis und Vorschauen."),
    )
    description = RichTextField(
        _("Ausführliche Beschreibung"), features=RICH_TEXT_FEATURES, blank=True
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    focus_areas = ParentalManyToManyField(
        "home.FocusArea", verbose_name=_("Schwerpunkte"), blank=True, related_name="associations"
    )
    languages = ParentalManyToManyField(
        "home.Language",
        verbose_name=_("Sprachen"),
        blank=True,
        related_name="associations",
        help_text=_("Sprachen, in denen der Verein arbeitet und ansprechbar ist."),
    )
    district = models.ForeignKey(
        "home.District",
        verbose_name=_("Stadtteil"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="associations",
    )
    founded_year = models.PositiveSmallIntegerField(
        _("Gründungsjahr"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), validate_not_in_future],
    )
    member_since = models.DateField(_("Im Netzwerk seit"), null=True, blank=True)
    website = models.URLField(_("Website"), blank=True)

    offers = ParentalManyToManyField(
        "home.SupportTopic",
        verbose_name=_("Bietet dem Netzwerk an"),
        blank=True,
        related_name="offered_by",
    )
    needs = ParentalManyToManyField(
        "home.SupportTopic",
        verbose_name=_("Sucht Unterstützung bei"),
        blank=True,
        related_name="needed_by",
    )
    cooperation_interest = models.TextField(
        _("Zusammenarbeit mit der Stadt"),
        blank=True,
        help_text=_(
            "Wie der Verein mit der Stadtverwaltung und anderen Vereinen zusammenarbeiten möchte."
        ),
    )

    contact_email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    show_contact_email = models.BooleanField(_("E-Mail-Adresse öffentlich zeigen"), default=False)
    contact_phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    show_contact_phone = models.BooleanField(_("Telefon öffentlich zeigen"), default=False)
    address = models.TextField(_("Anschrift"), blank=True, max_length=300)
    show_address = models.BooleanField(_("Anschrift öffentlich zeigen"), default=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("short_description"),
        FieldPanel("logo"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("focus_areas", widget=forms.CheckboxSelectMultiple),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                FieldPanel("district"),
                FieldRowPanel(
                    [
                        FieldPanel("founded_year"),
                        # When an association joined is the city's record, not its own.
                        FieldPanel("member_since", permission="home.coordinate_network"),
                    ]
                ),
            ],
            heading=_("Profil"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("offers", widget=forms.CheckboxSelectMultiple),
                FieldPanel("needs", widget=forms.CheckboxSelectMultiple),
                FieldPanel("cooperation_interest"),
            ],
            heading=_("Angebote und Bedarf"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                InlinePanel("social_links", label=_("Soziale Medien")),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("show_contact_email")]),
                FieldRowPanel([FieldPanel("contact_phone"), FieldPanel("show_contact_phone")]),
                FieldRowPanel([FieldPanel("address"), FieldPanel("show_address")]),
            ],
            heading=_("Kontakt"),
            help_text=_("Kontaktdaten erscheinen nur öffentlich, wo der Haken gesetzt ist."),
        ),
        InlinePanel(
            "representatives",
            heading=_("Ansprechpersonen"),
            label=_("Ansprechperson"),
            help_text=_("Namen erscheinen nur mit Einwilligung der Person öffentlich."),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("short_description"),
        index.SearchField("description"),
        index.RelatedFields("focus_areas", [index.SearchField("name")]),
        index.RelatedFields("languages", [index.SearchField("name")]),
        index.FilterField("district"),
    ]

    api_fields = [
        APIField("short_description", writable=True),
        APIField("description", writable=True),
        computed_field("logo", ImageInfo | None, lambda page: image_info(page.logo, alt_text="")),
        computed_field("focus_areas", list[Term], lambda page: terms(page.focus_areas)),
        computed_field(
            "languages", list[LanguageTerm], lambda page: language_terms(page.languages)
        ),
        computed_field("district", Term | None, lambda page: page.district and term(page.district)),
        APIField("founded_year", writable=True),
        APIField("member_since", writable=True),  # by the city only: see its panel
        APIField("website", writable=True),
        computed_field("offers", list[Term], lambda page: terms(page.offers)),
        computed_field("needs", list[Term], lambda page: terms(page.needs)),
        APIField("cooperation_interest", writable=True),
        computed_field("contact", AssociationContact, lambda page: page.public_contact()),
        computed_field(
            "meetings_attended",
            list[PageLink],
            lambda page: page_links(list(page.meetings_attended_public())),
        ),
    ]

    template = "pages/association_page.html"
    parent_page_types = ["home.AssociationIndexPage"]
    subpage_types = []
    page_description = _(
        "Das Profil eines Mitgliedsvereins: wer er ist, was er anbietet und was er sucht."
    )

    class Meta:
        verbose_name = _("Verein")
        verbose_name_plural = _("Vereine")

    @property
    def public_email(self):
        return self.contact_email if self.show_contact_email else ""

    @property
    def public_phone(self):
        return self.contact_phone if self.show_contact_phone else ""

    @property
    def public_address(self):
        return self.address if self.show_address else ""

    def public_representatives(self):
        return [person for person in self.representatives.all() if person.consent_to_publish]

    def public_contact(self):
        """What the association chose to publish of its contact details, for the API."""
        return AssociationContact(
            email=self.public_email,
            phone=self.public_phone,
            address=self.public_address,
            social_links=[
                SocialLink(platform=link.platform, label=link.get_platform_display(), url=link.url)
                for link in self.social_links.all()
            ],
            representatives=[
                Representative(name=person.name, role=person.role)
                for person in self.public_representatives()
            ],
        ).model_dump()

    def meetings_attended_public(self):
        """Live meetings this association (in any language) took part in, newest first, in the
        reader's language (none in a first preview)."""
        if not self.pk:
            return []
        from .meetings import MeetingPage

        meetings = (
            MeetingPage.objects.live()
            .public()
            .filter(attending_associations__translation_key=self.translation_key)
        )
        return for_readers_of(meetings, self.reading_locale).distinct().order_by("-start")


class AssociationRepresentative(Orderable):
    """A person who speaks for the association; public only with their consent."""

    page = ParentalKey(AssociationPage, on_delete=models.CASCADE, related_name="representatives")
    name = models.CharField(_("Name"), max_length=120)
    role = models.CharField(_("Funktion"), max_length=120, blank=True)
    consent_to_publish = models.BooleanField(
        _("Einwilligung zur Veröffentlichung liegt vor"),
        default=False,
        help_text=_(
            "Ohne Einwilligung bleibt die Person im Redaktionssystem und erscheint nicht öffentlich."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("consent_to_publish")]

    class Meta(Orderable.Meta):
        verbose_name = _("Ansprechperson")
        verbose_name_plural = _("Ansprechpersonen")

    def __str__(self):
        return self.name


class AssociationSocialLink(Orderable):
    class Platform(models.TextChoices):
        FACEBOOK = "facebook", "Facebook"
        INSTAGRAM = "instagram", "Instagram"
        YOUTUBE = "youtube", "YouTube"
        TIKTOK = "tiktok", "TikTok"
        MASTODON = "mastodon", "Mastodon"
        LINKEDIN = "linkedin", "LinkedIn"
        X = "x", "X"
        TELEGRAM = "telegram", "Telegram"
        WHATSAPP = "whatsapp", _("WhatsApp-Kanal")
        OTHER = "other", _("Andere")

    page = ParentalKey(AssociationPage, on_delete=models.CASCADE, related_name="social_links")
    platform = models.CharField(_("Plattform"), max_length=20, choices=Platform.choices)
    url = models.URLField(_("Adresse"))

    panels = [FieldRowPanel([FieldPanel("platform"), FieldPanel("url")])]

    class Meta(Orderable.Meta):
        verbose_name = _("Link zu sozialen Medien")
        verbose_name_plural = _("Links zu sozialen Medien")

    def __str__(self):
        return f"{self.get_platform_display()}: {self.url}"
