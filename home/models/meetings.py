"""The network's exchange format: its meetings, with agenda, results and attendance."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import MeetingContentBlock
from ..calendar import calendar_response
from .base import SectionIndexPage, visible_pages


class MeetingIndexPage(RoutablePageMixin, SectionIndexPage):
    template = "pages/meeting_index_page.html"
    subpage_types = ["home.MeetingPage"]
    page_description = _(
        "Die Treffen des Netzwerks: kommende zuerst, dann vergangene nach Jahr, mit Kalender-Abo."
    )

    class Meta:
        verbose_name = _("Treffenübersicht")
        verbose_name_plural = _("Treffenübersichten")

    def meetings(self):
        return MeetingPage.objects.live().public().descendant_of(self).select_related("series")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        meetings = self.meetings()
        context["upcoming_meetings"] = meetings.filter(end__gte=now).order_by("start")
        past_by_year = {}
        for meeting in meetings.filter(end__lt=now).order_by("-start"):
            past_by_year.setdefault(timezone.localtime(meeting.start).year, []).append(meeting)
        context["past_meetings_by_year"] = past_by_year
        return context

    @path("kalender/", name="calendar")
    def calendar_view(self, request):
        return calendar_response(
            request,
            self.meetings().order_by("start"),
            name=self.title,
            uid=str(self.translation_key),
            filename="treffen.ics",
        )


class MeetingPage(RoutablePageMixin, Page):
    class Format(models.TextChoices):
        ONLINE = "online", _("Online")
        IN_PERSON = "in_person", _("Vor Ort")
        HYBRID = "hybrid", _("Hybrid (vor Ort und online)")

    start = models.DateTimeField(_("Beginn"))
    end = models.DateTimeField(_("Ende"))
    format = models.CharField(
        _("Format"), max_length=20, choices=Format.choices, default=Format.IN_PERSON
    )
    is_cancelled = models.BooleanField(
        _("Abgesagt"),
        default=False,
        help_text=_("Das Treffen bleibt sichtbar und wird im Kalender als abgesagt markiert."),
    )
    series = models.ForeignKey(
        "home.MeetingSeries",
        verbose_name=_("Reihe"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
    )
    summary = models.CharField(
        _("Kurzbeschreibung"),
        max_length=300,
        blank=True,
        help_text=_("Ein bis zwei Sätze für Übersichten und den Kalender."),
    )
    location_name = models.CharField(
        _("Ort"), max_length=150, blank=True, help_text=_("z. B. Rathaus, Großer Sitzungssaal")
    )
    address = models.CharField(_("Anschrift"), max_length=200, blank=True)
    online_url = models.URLField(
        _("Online-Link"),
        blank=True,
        help_text=_(
            "Wird öffentlich angezeigt. Für geschlossene Treffen leer lassen und den Link "
            "nur an Angemeldete schicken."
        ),
    )
    agenda = StreamField(MeetingContentBlock(), verbose_name=_("Tagesordnung"), blank=True)
    results = StreamField(MeetingContentBlock(), verbose_name=_("Ergebnisse"), blank=True)
    attending_associations = ParentalManyToManyField(
        "home.AssociationPage",
        verbose_name=_("Teilnehmende Vereine"),
        blank=True,
        related_name="meetings_attended",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldRowPanel([FieldPanel("format"), FieldPanel("series")]),
                FieldPanel("is_cancelled"),
            ],
            heading=_("Wann und wie"),
        ),
        MultiFieldPanel(
            [FieldPanel("location_name"), FieldPanel("address"), FieldPanel("online_url")],
            heading=_("Wo"),
        ),
        FieldPanel("agenda"),
        FieldPanel("results"),
        FieldPanel("attending_associations", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("agenda"),
        index.SearchField("results"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]

    template = "pages/meeting_page.html"
    parent_page_types = ["home.MeetingIndexPage"]
    subpage_types = []
    page_description = _(
        "Ein Treffen des Netzwerks mit Zeit, Ort, Tagesordnung, Ergebnissen und Teilnehmenden."
    )

    class Meta:
        verbose_name = _("Treffen")
        verbose_name_plural = _("Treffen")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("Das Ende muss nach dem Beginn liegen.")
        if self.format in (self.Format.IN_PERSON, self.Format.HYBRID) and not (
            self.location_name or self.address
        ):
            errors["location_name"] = _("Für ein Treffen vor Ort bitte Ort oder Anschrift angeben.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def is_online(self):
        return self.format in (self.Format.ONLINE, self.Format.HYBRID)

    @property
    def is_in_person(self):
        return self.format in (self.Format.IN_PERSON, self.Format.HYBRID)

    @property
    def place(self):
        """Where to go, as one line: the place name and address, or that it is online."""
        parts = [part for part in (self.location_name, self.address) if part]
        if self.format == self.Format.ONLINE:
            return str(_("Online"))
        return ", ".join(parts)

    def time_range_display(self):
        """'Mittwoch, 24. März 2021, 17:00–19:30 Uhr' in the site's time zone and language."""
        start, end = timezone.localtime(self.start), timezone.localtime(self.end)
        # Translators: date format of a meeting's start, see Django's date filter.
        start_text = date_format(start, gettext("l, j. F Y, H:i"))
        if start.date() == end.date():
            return gettext("%(start)s–%(end)s Uhr") % {
                "start": start_text,
                "end": date_format(end, "H:i"),
            }
        return gettext("%(start)s Uhr bis %(end)s Uhr") % {
            "start": start_text,
            "end": date_format(end, gettext("l, j. F Y, H:i")),
        }

    def live_attending_associations(self):
        """Attending associations that the public may see, by name."""
        return visible_pages(self.attending_associations.all()).order_by("title")

    @path("kalender/", name="calendar")
    def calendar_view(self, request):
        return calendar_response(
            request,
            [self],
            name=self.title,
            uid=f"{self.translation_key}-calendar",
            filename=f"{self.slug}.ics",
        )
