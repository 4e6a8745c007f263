"""Migration-history walks: a walk is a page, its stops are its children in walking order."""

from functools import reduce
from operator import or_
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Q
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, Site
from wagtail.search import index

from home.api.fields import (
    APIShape,
    ImageInfo,
    LanguageTerm,
    PageLink,
    absolute_url,
    computed_field,
    current_request,
    image_info,
    language_terms,
    page_detail_url,
    page_link,
    page_links,
)
from home.blocks import RICH_TEXT_FEATURES
from home.languages import (
    default_locale,
    for_readers_of,
    in_original_order,
    localized,
    localized_page,
    pages_below,
    reading_in,
)
from home.models.base import (
    NetworkPageForm,
    NetworkPageMixin,
    ParticipationFormPage,
    SectionIndexPage,
    visible_pages,
)
from home.models.participation import Consent, PersonalData, retention_cutoff
from home.notifications import notify_moderators
from home.privacy.places import ERASED
from home.storage import private_storage

from . import exports, geo
from .admin_forms import StopPageForm
from .blocks import StoryBlock
from .forms import StorySubmissionForm
from .qr import qr_svg
from .sketch import route_sketch
from .widgets import LatitudeWithLocationButton


class TourIndexPage(SectionIndexPage):
    # Associations may add walks and stops here; see home.roles.
    associations_contribute = True

    template = "pages/tour_index_page.html"
    subpage_types = ["tours.TourPage", "tours.StoryFormPage"]
    page_description = _("Die Stadtrundgänge zur Sindelfinger Migrationsgeschichte.")

    class Meta:
        verbose_name = _("Rundgangsübersicht")
        verbose_name_plural = _("Rundgangsübersichten")

    def story_form(self):
        """The form for sharing a story, if the walks' section has one, in the reader's language."""
        return pages_below(self, StoryFormPage, self.reading_locale, children_only=True).first()

    def tours(self):
        """The walks in the reader's language (German originals where untranslated)."""
        locale = self.reading_locale
        walks = pages_below(self, TourPage, locale, children_only=True)
        return TourPage.with_stops(in_original_order(walks), locale)


class StopSummary(APIShape):
    """A stop as a walk lists it: enough for a list, a map and the way from stop to stop."""

    id: int
    number: int
    locale: str
    title: str
    teaser: str
    latitude: float
    longitude: float
    address: str
    html_url: str | None
    detail_url: str
    short_url: str


class LanguageAvailability(APIShape):
    """How far a walk can be read in one language: the walk and all its stops, or some."""

    locale: str
    name: str
    complete: bool
    stops_translated: int
    stop_count: int


class TourDownloads(APIShape):
    geojson: str
    gpx: str
    print_sheets: str


class TourPage(NetworkPageMixin, RoutablePageMixin, Page):
    base_form_class = NetworkPageForm
    # The admin lists a walk's stops in walking order (the tree's), where they can be dragged,
    # not by their last change.
    admin_default_ordering = "ord"

    class StepFree(models.TextChoices):
        YES = "yes", _("Stufenlos")
        PARTLY = "partly", _("Teilweise stufenlos")
        NO = "no", _("Nicht stufenlos")

    class Surface(models.TextChoices):
        PAVED = "paved", _("Befestigte Wege (Asphalt, Platten)")
        COBBLES = "cobbles", _("Teilweise Kopfsteinpflaster")
        UNPAVED = "unpaved", _("Teilweise unbefestigte Wege")

    intro = RichTextField(_("Einleitung"), features=RICH_TEXT_FEATURES, blank=True)
    theme = models.CharField(_("Thema"), max_length=150, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Titelbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    languages = ParentalManyToManyField(
        "home.Language",
        verbose_name=_("Führungen in"),
        blank=True,
        related_name="tours",
        help_text=_(
            "Sprachen, in denen Vereine den Rundgang als Führung anbieten. In welchen Sprachen "
            "Text und Audio online vorliegen, ergibt sich aus den Übersetzungen."
        ),
    )
    start_point = models.CharField(
        _("Treffpunkt"),
        max_length=200,
        blank=True,
        help_text=_("Wo der Rundgang beginnt und wie man hinkommt. Leer: die erste Station."),
    )
    step_free = models.CharField(
        _("Stufenlos"), max_length=10, choices=StepFree.choices, blank=True
    )
    surface = models.CharField(_("Wege"), max_length=10, choices=Surface.choices, blank=True)
    seating = models.BooleanField(_("Sitzgelegenheiten unterwegs"), null=True, blank=True)
    toilets = models.BooleanField(_("Toiletten unterwegs"), null=True, blank=True)
    accessibility_note = models.TextField(
        _("Hinweise zur Barrierefreiheit"),
        blank=True,
        help_text=_("z. B. Steigungen, enge Stellen, wo es Toiletten gibt."),
    )
    length_override_km = models.DecimalField(
        _("Länge (km), von Hand"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0.1)],
        help_text=_("Leer lassen: die Länge wird aus den Stationen berechnet (Luftlinie)."),
    )
    duration_override_minutes = models.PositiveSmallIntegerField(
        _("Dauer (Minuten), von Hand"),
        null=True,
        blank=True,
        validators=[MinValueValidator(5)],
        help_text=_(
            "Leer lassen: die Dauer wird aus Länge, Gehtempo und Zeit je Station berechnet."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("theme"),
        FieldPanel("hero_image"),
        FieldPanel("intro"),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
        FieldPanel("start_point"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("step_free"), FieldPanel("surface")]),
                FieldRowPanel([FieldPanel("seating"), FieldPanel("toilets")]),
                FieldPanel("accessibility_note"),
            ],
            heading=_("Barrierefreiheit"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("length_override_km"), FieldPanel("duration_override_minutes")]
                )
            ],
            heading=_("Länge und Dauer"),
            help_text=_(
                "Werden aus den veröffentlichten Stationen berechnet; hier nur bei Bedarf überschreiben."
            ),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("theme"),
        index.RelatedFields("languages", [index.SearchField("name")]),
    ]

    api_fields = [
        APIField("theme", writable=True),
        APIField("intro", writable=True),
        computed_field("hero_image", ImageInfo | None, lambda page: image_info(page.hero_image)),
        computed_field(
            "languages", list[LanguageTerm], lambda page: language_terms(page.languages)
        ),
        APIField("start_point", writable=True),
        APIField("step_free", writable=True),
        computed_field(
            "step_free_label",
            str,
            lambda page: page.get_step_free_display() if page.step_free else "",
        ),
        APIField("surface", writable=True),
        computed_field(
            "surface_label", str, lambda page: page.get_surface_display() if page.surface else ""
        ),
        APIField("seating", writable=True),
        APIField("toilets", writable=True),
        APIField("accessibility_note", writable=True),
        computed_field("length_m", int, lambda page: round(page.length_m)),
        computed_field(
            "length_is_straight_line", bool, lambda page: page.length_override_km is None
        ),
        computed_field("duration_minutes", int),
        computed_field("duration_iso", str),
        APIField("length_override_km", writable=True),
        APIField("duration_override_minutes", writable=True),
        computed_field("stops", list[StopSummary], lambda page: page.stop_summaries()),
        computed_field(
            "text_languages",
            list[LanguageAvailability],
            lambda page: [
                LanguageAvailability(**item).model_dump() for item in page.text_languages()
            ],
        ),
        computed_field("downloads", TourDownloads, lambda page: page.download_links()),
    ]

    template = "pages/tour_page.html"
    parent_page_types = ["tours.TourIndexPage"]
    subpage_types = ["tours.TourStopPage"]
    page_description = _(
        "Ein Rundgang: Einleitung, Barrierefreiheit und die Stationen in Gehreihenfolge."
    )

    class Meta:
        verbose_name = _("Rundgang")
        verbose_name_plural = _("Rundgänge")

    # The stops ---------------------------------------------------------------------------

    def stops(self):
        """The live, public stops in walking order (the order of the original's page tree),
        each in the reader's language where it is translated."""
        if getattr(self, "_stops", None) is None:
            self._stops = (
                list(
                    in_original_order(
                        pages_below(self, TourStopPage, self.reading_locale, children_only=True)
                    )
                )
                if self.pk
                else []  # a preview of a walk not yet saved has no stops
            )
        return self._stops

    @classmethod
    def with_stops(cls, tours, locale=None):
        """``tours`` with their stops attached (in the reader's language, ``locale``), in a
        constant number of queries."""
        tours = list(tours.prefetch_related("languages").select_related("hero_image"))
        for tour in tours:
            tour._stops = []
        if not tours:
            return tours
        locale = locale or tours[0].reading_locale
        by_key = {tour.translation_key: tour for tour in tours}
        versions = Page.objects.filter(
            translation_key__in=by_key, locale_id__in={locale.pk, default_locale().pk}
        ).only("path", "depth", "translation_key")
        tour_of_path = {version.path: by_key[version.translation_key] for version in versions}
        if tour_of_path:
            children = reduce(
                or_,
                (
                    Q(path__startswith=path, depth=len(path) // cls.steplen + 1)
                    for path in tour_of_path
                ),
            )
            stops = for_readers_of(visible_pages(TourStopPage.objects.filter(children)), locale)
            for stop in in_original_order(stops):
                tour_of_path[stop.path[: -TourStopPage.steplen]]._stops.append(stop)
        cls.attach_text_languages(tours)
        return tours

    def text_languages(self):
        """In which languages the walk can be read: complete (the walk and every stop), or in
        part, with how many of its stops are translated; in the settings' order."""
        if getattr(self, "_text_languages", None) is None:
            TourPage.attach_text_languages([self])
        return self._text_languages

    @classmethod
    def attach_text_languages(cls, tours):
        """``text_languages`` of each of ``tours``, in three queries for all of them."""
        tours = [tour for tour in tours if tour.pk]
        for tour in tours:
            tour._text_languages = []
        if not tours:
            return
        originals = {
            page.translation_key: page.path
            for page in Page.objects.filter(
                translation_key__in={tour.translation_key for tour in tours},
                locale=default_locale(),
            ).only("path", "translation_key")
        }
        stops_of_walk = {}  # the walk's translation key: its original's live stops' keys
        if originals:
            walk_of_path = {path: key for key, path in originals.items()}
            children = reduce(
                or_,
                (
                    Q(path__startswith=path, depth=len(path) // cls.steplen + 1)
                    for path in walk_of_path
                ),
            )
            for stop in visible_pages(TourStopPage.objects.filter(children)).only(
                "path", "translation_key"
            ):
                walk = walk_of_path[stop.path[: -TourStopPage.steplen]]
                stops_of_walk.setdefault(walk, []).append(stop.translation_key)
        keys = set(originals) | {key for keys in stops_of_walk.values() for key in keys}
        languages_of = {}  # translation key: the languages it is live in
        for key, language in visible_pages(
            Page.objects.filter(translation_key__in=keys, alias_of__isnull=True)
        ).values_list("translation_key", "locale__language_code"):
            languages_of.setdefault(key, set()).add(language)
        names = dict(settings.LANGUAGES)
        for tour in tours:
            if tour.translation_key not in originals:
                continue
            stop_keys = stops_of_walk.get(tour.translation_key, [])
            walk_languages = languages_of.get(tour.translation_key, set())
            tour._text_languages = []
            for code, name in names.items():
                translated = sum(code in languages_of.get(key, ()) for key in stop_keys)
                if code in walk_languages or translated:
                    tour._text_languages.append(
                        {
                            "locale": code,
                            "name": name,
                            "complete": code in walk_languages and translated == len(stop_keys),
                            "stops_translated": translated,
                            "stop_count": len(stop_keys),
                        }
                    )

    def stop_summaries(self):
        root_url = self.get_site().root_url if self.pk else ""
        # Stops standing in for missing translations: at the addresses readers of the walk's
        # language open them at.
        with reading_in(self.reading_locale.language_code):
            return self._stop_summaries(root_url)

    def _stop_summaries(self, root_url):
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        return [
            StopSummary(
                id=stop.pk,
                number=number,
                locale=languages[stop.locale_id],
                title=stop.title,
                teaser=stop.teaser,
                latitude=float(stop.latitude),
                longitude=float(stop.longitude),
                address=stop.address,
                html_url=stop.get_full_url(current_request.get()),
                detail_url=page_detail_url(stop.pk),
                short_url=stop.short_url(root_url),
            ).model_dump()
            for number, stop in enumerate(self.stops(), start=1)
        ]

    def download_links(self):
        from django.urls import reverse

        def api_url(name):
            return absolute_url(reverse(f"wagtailapi_v3:{name}", kwargs={"page_id": self.pk}))

        return TourDownloads(
            geojson=api_url("tour_geojson"),
            gpx=api_url("tour_gpx"),
            print_sheets=absolute_url(self.url + self.reverse_subpage("print"))
            if self.pk and self.url
            else "",
        ).model_dump()

    # Length and duration -------------------------------------------------------------------

    @property
    def computed_length_m(self):
        return geo.route_length_m([(stop.latitude, stop.longitude) for stop in self.stops()])

    @property
    def length_m(self):
        if self.length_override_km is not None:
            return float(self.length_override_km) * 1000
        return self.computed_length_m

    @property
    def duration_minutes(self):
        """Rounded to five minutes; the editor's figure where given."""
        if self.duration_override_minutes:
            return self.duration_override_minutes
        return geo.rounded_minutes(
            geo.walking_minutes(
                self.length_m,
                len(self.stops()),
                speed_kmh=settings.TOURS_WALKING_SPEED_KMH,
                minutes_per_stop=settings.TOURS_MINUTES_PER_STOP,
            )
        )

    @property
    def length_display(self):
        return geo.format_length(self.length_m)

    @property
    def duration_display(self):
        return geo.format_duration(self.duration_minutes)

    @property
    def duration_iso(self):
        return geo.iso_duration(self.duration_minutes)

    @property
    def start_description(self):
        stops = self.stops()
        return self.start_point or (stops[0].title if stops else "")

    def sketch(self):
        return route_sketch(self.stops())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if settings.TOURS_MAP_TILE_URL:
            context.update(
                map_tile_url=settings.TOURS_MAP_TILE_URL,
                map_tile_host=urlsplit(settings.TOURS_MAP_TILE_URL.replace("{s}", "a")).hostname,
                map_attribution=settings.TOURS_MAP_ATTRIBUTION,
                map_stops=[
                    {
                        "number": number,
                        "title": stop.title,
                        "url": stop.url,
                        "lat": float(stop.latitude),
                        "lon": float(stop.longitude),
                    }
                    for number, stop in enumerate(self.stops(), start=1)
                ],
            )
        return context

    # Downloads -----------------------------------------------------------------------------

    def _download(self, content, content_type, extension):
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = content_disposition_header(
            True, f"{self.slug}.{extension}"
        )
        return response

    @path("geojson/", name="geojson")
    def geojson_view(self, request):
        return self._download(
            exports.geojson_bytes(self, request), "application/geo+json", "geojson"
        )

    @path("gpx/", name="gpx")
    def gpx_view(self, request):
        return self._download(exports.gpx_bytes(self, request), "application/gpx+xml", "gpx")

    @path("druck/", name="print")
    def print_view(self, request):
        """One A4 sheet per stop, with its QR code, to put up along the way."""
        root_url = Site.find_for_request(request).root_url
        sheets = [
            {
                "number": number,
                "stop": stop,
                "url": stop.short_url(root_url),
                "has_audio": any(block.block_type == "audio" for block in stop.story),
            }
            for number, stop in enumerate(self.stops(), start=1)
        ]
        for sheet in sheets:
            sheet["qr"] = qr_svg(sheet["url"], title=sheet["stop"].title)
        return TemplateResponse(request, "pages/tour_print.html", {"page": self, "sheets": sheets})


class StopPosition(APIShape):
    """Where a stop lies in its walk: the walk, its number, and the stops before and after."""

    walk: PageLink
    number: int | None
    stop_count: int
    previous: PageLink | None
    next: PageLink | None


class TourStopPage(NetworkPageMixin, RoutablePageMixin, Page):
    base_form_class = StopPageForm

    latitude = models.DecimalField(
        _("Breitengrad"),
        max_digits=9,
        decimal_places=6,
        validators=[
            MinValueValidator(-90, _("Der Breitengrad liegt zwischen -90 und 90.")),
            MaxValueValidator(90, _("Der Breitengrad liegt zwischen -90 und 90.")),
        ],
        help_text=_("Dezimalgrad, z. B. 48.713100 für den Sindelfinger Marktplatz."),
    )
    longitude = models.DecimalField(
        _("Längengrad"),
        max_digits=9,
        decimal_places=6,
        validators=[
            MinValueValidator(-180, _("Der Längengrad liegt zwischen -180 und 180.")),
            MaxValueValidator(180, _("Der Längengrad liegt zwischen -180 und 180.")),
        ],
        help_text=_("Dezimalgrad, z. B. 9.002800 für den Sindelfinger Marktplatz."),
    )
    address = models.CharField(_("Adresse oder Ortsbeschreibung"), max_length=200, blank=True)
    teaser = models.CharField(
        _("Kurztext"),
        max_length=160,
        help_text=_("Zwei Zeilen für die Stationsliste und das Schild mit dem QR-Code."),
    )
    story = StreamField(StoryBlock(), verbose_name=_("Geschichte"), blank=True)
    contributing_associations = ParentalManyToManyField(
        "home.AssociationPage",
        verbose_name=_("Beitragende Vereine"),
        blank=True,
        related_name="tour_stops",
    )
    sources = RichTextField(
        _("Quellen und Nachweise"),
        features=["bold", "italic", "link", "ul"],
        blank=True,
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("teaser"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("latitude", widget=LatitudeWithLocationButton()),
                        FieldPanel("longitude"),
                    ]
                ),
                FieldPanel("address"),
            ],
            heading=_("Ort"),
        ),
        FieldPanel("story"),
        FieldPanel("contributing_associations", widget=forms.CheckboxSelectMultiple),
        FieldPanel("sources"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("teaser"),
        index.SearchField("story"),
        index.SearchField("address"),
    ]

    api_fields = [
        APIField("teaser", writable=True),
        APIField("latitude", writable=True),
        APIField("longitude", writable=True),
        APIField("address", writable=True),
        APIField("story", writable=True),
        APIField("sources", writable=True),
        computed_field("tour", StopPosition | None, lambda page: page.position_in_tour()),
        computed_field(
            "contributing_associations",
            list[PageLink],
            lambda page: page_links(page.visible_associations()),
        ),
        computed_field(
            "short_url",
            str,
            lambda page: page.short_url(page.get_site().root_url) if page.pk else "",
        ),
        computed_field("qr_code_url", str, lambda page: page.qr_code_api_url()),
    ]

    template = "pages/tour_stop_page.html"
    parent_page_types = ["tours.TourPage"]
    subpage_types = []
    page_description = _("Eine Station eines Rundgangs: Ort, Geschichte, Stimmen und Quellen.")

    class Meta:
        verbose_name = _("Station")
        verbose_name_plural = _("Stationen")

    def clean(self):
        super().clean()
        message = geo.outside_region_message(self.latitude, self.longitude)
        if message:
            raise ValidationError({"latitude": message, "longitude": message})

    def short_path(self):
        """A path that survives renaming and moving the stop: it names the page by its id."""
        return reverse("tours:stop", kwargs={"stop_id": self.pk})

    def short_url(self, root_url):
        return f"{root_url}{self.short_path()}"

    def position_in_tour(self):
        """None for a stop whose walk the public cannot see."""
        if not self.pk:
            return None
        tour = self.tour()
        if not visible_pages(TourPage.objects.filter(pk=tour.pk)).exists():
            return None
        stops = tour.stops()
        position = next((i for i, stop in enumerate(stops) if stop.pk == self.pk), None)
        previous_stop = stops[position - 1] if position else None
        next_stop = (
            stops[position + 1] if position is not None and position + 1 < len(stops) else None
        )
        return StopPosition(
            walk=page_link(tour),
            number=position + 1 if position is not None else None,
            stop_count=len(stops),
            previous=page_link(previous_stop) if previous_stop else None,
            next=page_link(next_stop) if next_stop else None,
        ).model_dump()

    def qr_code_api_url(self):
        from django.urls import reverse

        if not self.pk:
            return ""
        return absolute_url(reverse("wagtailapi_v3:stop_qr", kwargs={"page_id": self.pk}))

    def visible_associations(self):
        return localized(
            visible_pages(self.contributing_associations.all()).order_by("title"),
            self.reading_locale,
        )

    def tour(self):
        """The walk of this stop, in the reader's language where it is translated."""
        return localized_page(self.get_parent().specific, self.reading_locale)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tour = self.tour()
        stops = tour.stops()
        position = next((i for i, stop in enumerate(stops) if stop.pk == self.pk), None)
        context["tour"] = tour
        context["stop_count"] = len(stops)
        context["number"] = position + 1 if position is not None else None
        context["previous_stop"] = stops[position - 1] if position else None
        context["next_stop"] = (
            stops[position + 1] if position is not None and position + 1 < len(stops) else None
        )
        context["sketch"] = route_sketch(stops, current=self)
        return context

    @path("qr/", name="qr")
    def qr_view(self, request):
        url = self.short_url(Site.find_for_request(request).root_url)
        response = HttpResponse(
            qr_svg(url, title=self.title, standalone=True), content_type="image/svg+xml"
        )
        response["Content-Disposition"] = content_disposition_header(True, f"qr-{self.slug}.svg")
        return response


class StoryFormPage(ParticipationFormPage):
    """ "Share your story": anyone may send a story of migration in Sindelfingen. Nothing is
    published by sending; a city editor may turn a story into a draft stop of a walk."""

    template = "pages/story_form_page.html"
    parent_page_types = ["tours.TourIndexPage"]
    page_description = _(
        "Das Formular „Erzählen Sie Ihre Geschichte“; Einsendungen werden moderiert."
    )

    form_class = StorySubmissionForm
    rate_limit_scope = "story"
    default_thanks = _(
        "Danke für Ihre Geschichte! Die Stadtredaktion liest sie und meldet sich, bevor etwas "
        "veröffentlicht wird."
    )

    class Meta:
        verbose_name = _("Formular für Geschichten")
        verbose_name_plural = _("Formulare für Geschichten")

    def form_kwargs(self):
        return {"locale": self.reading_locale}

    def store(self, form):
        submission = StorySubmission.from_form(form)
        notify_moderators(
            submission,
            kind=_("Geschichte"),
            subject=_("Neue Geschichte eingesendet: %(title)s"),
            subject_values={"title": submission.title},
        )


class StorySubmission(PersonalData, Consent):
    """A story sent through the public form: never live by itself."""

    class Status(models.TextChoices):
        NEW = "new", _("Neu")
        CONVERTED = "converted", _("Als Station übernommen")
        DECLINED = "declined", _("Nicht übernommen")

    name_fields = ("author_name",)

    title = models.CharField(_("Titel"), max_length=150)
    story = models.TextField(_("Geschichte"), max_length=10_000)
    photo = models.ImageField(
        _("Foto"), upload_to="story-submissions/", storage=private_storage, blank=True
    )
    place = models.CharField(_("Ort"), max_length=200, blank=True)
    latitude = models.DecimalField(
        _("Breitengrad"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("Längengrad"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    language = models.ForeignKey(
        "home.Language",
        verbose_name=_("Sprache"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author_name = models.CharField(_("Name oder Pseudonym"), max_length=120)
    email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    consent_to_publish = models.BooleanField(
        _("Einwilligung in die Veröffentlichung"), default=False
    )
    status = models.CharField(_("Stand"), max_length=20, choices=Status.choices, default=Status.NEW)
    stop = models.ForeignKey(
        TourStopPage,
        verbose_name=_("Station"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Foto in den Medien"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Das Bild, das beim Übernehmen aus dem eingesendeten Foto entstand."),
    )
    converted_at = models.DateTimeField(_("Übernommen am"), null=True, blank=True)
    converted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Übernommen von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Eingesendete Geschichte")
        verbose_name_plural = _("Eingesendete Geschichten")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    @classmethod
    def from_form(cls, form):
        data = form.cleaned_data
        submission = cls(
            title=data["title"],
            story=data["story"],
            place=data["place"],
            latitude=data["latitude"],
            longitude=data["longitude"],
            language=data["language"],
            author_name=data["author_name"],
            email=data["email"],
            consent_to_publish=data["consent_to_publish"],
        )
        if data.get("photo"):
            submission.photo = data["photo"]  # already re-encoded, without metadata
        submission.record_consent(form.consent_statements())
        submission.save()
        return submission

    @property
    def credit(self):
        """How the story is credited on the stop, with the consent on record."""
        return _(
            "Eingesendet von %(name)s am %(date)s. Einwilligung in die Veröffentlichung erteilt "
            "am %(consent_date)s (Datenschutzhinweise, Fassung %(version)s)."
        ) % {
            "name": self.author_name,
            "date": date_format(timezone.localtime(self.created_at), "DATE_FORMAT"),
            "consent_date": date_format(timezone.localtime(self.consent_given_at), "DATE_FORMAT"),
            "version": self.consent_version,
        }

    @classmethod
    def expired(cls, now=None):
        # Stories not taken over go after a year; for those taken over, the credit and
        # consent stay on record, but contact details go (see purge_personal_data).
        return cls.objects.exclude(status=cls.Status.CONVERTED).filter(
            created_at__lt=retention_cutoff("story_submissions", now)
        )

    def derived_objects(self):
        # The stop and the image made from this story go with it unless published (home.privacy).
        return [obj for obj in (self.stop, self.image) if obj is not None]

    def erase(self, anonymise=None):
        if self.photo:
            # Once the erasure is committed: if it fails, the record keeps its photo.
            name, storage = self.photo.name, self.photo.storage
            transaction.on_commit(lambda: storage.delete(name))
            self.photo = ""
        stop_versions = TourStopPage.objects.filter(pk=self.stop_id).values("translation_key")
        if TourStopPage.objects.filter(translation_key__in=stop_versions, live=True).exists():
            # The published stop (in some language) credits this person; keep that it was
            # consented, not who. The title may name them (it became the stop's).
            self.author_name = str(ERASED)
            self.email = ""
            self.story = ""
            self.title = anonymise(self.title) if anonymise else str(ERASED)
            self.place = anonymise(self.place) if anonymise else ""
            self.save()
            return _(
                "Eine anonyme Notiz der Einwilligung bleibt, weil die Geschichte als Station "
                "veröffentlicht ist (Seiten-ID: %(id)s)."
            ) % {"id": self.stop_id}
        self.delete()
        return None
