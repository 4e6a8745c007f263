"""The network's exchange format: its meetings, with agenda, results and attendance."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..api.fields import (
    APIShape,
    PageLink,
    Term,
    absolute_url,
    computed_field,
    page_links,
    term,
)
from ..blocks import MeetingContentBlock
from ..calendar import calendar_response
from ..forms import MeetingRegistrationForm
from ..languages import localized, pages_below
from ..notifications import send_registration_confirmation
from ..participation import handle_participation_form
from .base import NetworkPageForm, NetworkPageMixin, SectionIndexPage, visible_pages
from .participation import MeetingRegistration


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
        """Live, public meetings in the reader's language."""
        return pages_below(self, MeetingPage, self.reading_locale).select_related("series")

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


class MeetingRegistrationStatus(APIShape):
    """Whether and how people can still register; never who registered."""

    open: bool
    capacity: int | None
    places_left: int | None
    waiting_list: bool
    url: str | None


class MeetingPage(NetworkPageMixin, RoutablePageMixin, Page):
    base_form_class = NetworkPageForm

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
    registration_open = models.BooleanField(
        _("Anmeldung über die Website"),
        default=False,
        help_text=_("Zeigt ein Anmeldeformular, bis das Treffen beginnt."),
    )
    capacity = models.PositiveIntegerField(
        _("Plätze"),
        null=True,
        blank=True,
        help_text=_(
            "Leer: unbegrenzt. Wer über die Plätze hinaus kommt, steht auf der Warteliste."
        ),
    )
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
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("registration_open"), FieldPanel("capacity")])],
            heading=_("Anmeldung"),
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

    api_fields = [
        APIField("start", writable=True),
        APIField("end", writable=True),
        APIField("format", writable=True),
        APIField("is_cancelled", writable=True),
        computed_field("is_past", bool),
        computed_field("series", Term | None, lambda page: page.series and term(page.series)),
        APIField("summary", writable=True),
        APIField("location_name", writable=True),
        APIField("address", writable=True),
        APIField("online_url", writable=True),
        APIField("agenda", writable=True),
        APIField("results", writable=True),
        computed_field(
            "registration", MeetingRegistrationStatus, lambda page: page.registration_status()
        ),
        computed_field(
            "attending_associations",
            list[PageLink],
            lambda page: page_links(page.live_attending_associations()),
        ),
    ]

    template = "pages/meeting_page.html"
    parent_page_types = ["home.MeetingIndexPage"]
    subpage_types = []
    page_description = _(
        "Ein Treffen des Netzwerks mit Zeit, Ort, Tagesordnung, Ergebnissen und Teilnehmenden."
    )

    class Meta:
        verbose_name = pgettext_lazy("ein Treffen", "Treffen")
        verbose_name_plural = pgettext_lazy("mehrere Treffen", "Treffen")

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
        """Attending associations that the public may see, by name, in the reader's language."""
        return localized(
            visible_pages(self.attending_associations.all()).order_by("title"), self.reading_locale
        )

    # Registration -------------------------------------------------------------------------

    @property
    def accepts_registrations(self):
        return self.registration_open and not self.is_cancelled and self.start > timezone.now()

    def registered_people(self):
        """People with a confirmed place."""
        confirmed = self.registrations.filter(status=MeetingRegistration.Status.CONFIRMED)
        return confirmed.aggregate(total=Sum("people"))["total"] or 0

    def places_left(self):
        if self.capacity is None:
            return None
        return max(0, self.capacity - self.registered_people())

    @property
    def is_full(self):
        return self.capacity is not None and self.places_left() == 0

    def registration_status(self):
        from django.urls import reverse

        open_ = self.accepts_registrations
        places_left = self.places_left() if open_ and self.pk else None
        return MeetingRegistrationStatus(
            open=open_,
            capacity=self.capacity,
            places_left=places_left,
            waiting_list=open_ and places_left == 0,
            url=absolute_url(
                reverse("wagtailapi_v3:register_for_meeting", kwargs={"page_id": self.pk})
            )
            if open_ and self.pk
            else None,
        ).model_dump()

    registration_rate_limit_scope = "meeting-registration"

    def accept_registration(self, form, request):
        """Register, confirm by e-mail, and say what happened: (status, message)."""
        registration = self.register(form)
        send_registration_confirmation(registration, request)
        if registration.status == MeetingRegistration.Status.WAITLISTED:
            return "waitlisted", gettext(
                "Das Treffen ist ausgebucht. Sie stehen auf der Warteliste; wir schreiben "
                "Ihnen, sobald ein Platz frei wird."
            )
        return "confirmed", gettext(
            "Danke! Ihre Anmeldung ist bestätigt. Eine Bestätigung ist unterwegs."
        )

    def register(self, form):
        """Store a registration: confirmed while places last, otherwise on the waiting list."""
        # Lock the meeting row so two people cannot take the last place at once.
        MeetingPage.objects.select_for_update().filter(pk=self.pk).first()
        people = form.cleaned_data["people"]
        left = self.places_left()
        status = (
            MeetingRegistration.Status.CONFIRMED
            if left is None or people <= left
            else MeetingRegistration.Status.WAITLISTED
        )
        registration = MeetingRegistration(
            meeting=self,
            name=form.cleaned_data["name"],
            association_name=form.cleaned_data["association_name"],
            email=form.cleaned_data["email"],
            people=people,
            status=status,
        )
        registration.record_consent(form.consent_statements())
        registration.save()
        return registration

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.accepts_registrations:
            context.setdefault("form", MeetingRegistrationForm())
        return context

    @path("anmelden/", name="register")
    def register_view(self, request):
        if not self.accepts_registrations:
            response = self.render(request, context_overrides={"registration_closed": True})
            # Registering is not possible (any more): say so, and do not pretend success.
            response.status_code = 409 if request.method == "POST" else 200
            return response

        return handle_participation_form(
            request,
            form_class=MeetingRegistrationForm,
            scope=self.registration_rate_limit_scope,
            template=self.get_template(request),
            context=self.get_context(request),
            on_valid=lambda form: self.accept_registration(form, request)[1],
            success_url=f"{self.url}#anmeldung",
            success_message="",
        )

    @path("kalender/", name="calendar")
    def calendar_view(self, request):
        return calendar_response(
            request,
            [self],
            name=self.title,
            uid=f"{self.translation_key}-calendar",
            filename=f"{self.slug}.ics",
        )
