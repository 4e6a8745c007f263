"""The network's meetings: a list with upcoming or past ones, calendars, registration."""

import datetime
from typing import Literal

from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import Field

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext

from wagtail.api.v3.auth import AllowAnonymous
from wagtail.api.v3.errors import ProblemDetail, problem_response
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

from home.calendar import calendar_response
from home.languages import for_readers_of, reading_in
from home.models import MeetingPage, MeetingSeries
from home.models.base import visible_pages

from .fields import ObjectId, Term, in_list_language, page_urls, term
from .lists import filter_by_terms, locale_field, public_list, reader_locale
from .participation import ERROR_RESPONSES, ParticipationInput, SubmissionReceived, submit

router = Router(tags=["meetings"], auth=[AllowAnonymous()])

# ninja documents JSON answers only; a file answer is described for OpenAPI directly.
CALENDAR_FILE = {
    "responses": {
        "200": {
            "description": "An iCalendar file (RFC 5545).",
            "content": {"text/calendar": {"schema": {"type": "string"}}},
        }
    }
}


class MeetingCard(Schema):
    id: int
    locale: str
    title: str
    summary: str
    start: datetime.datetime
    end: datetime.datetime
    format: Literal["online", "in_person", "hybrid"]
    is_cancelled: bool
    is_past: bool
    place: str
    series: Term | None
    registration_open: bool
    html_url: str | None
    detail_url: str

    @staticmethod
    def resolve_locale(meeting):
        return meeting.locale.language_code

    @staticmethod
    def resolve_series(meeting):
        series = in_list_language(meeting, meeting.series)
        return term(series[0]) if series else None

    @staticmethod
    def resolve_registration_open(meeting):
        return meeting.accepts_registrations

    @staticmethod
    def resolve_html_url(meeting):
        return page_urls(meeting)["html_url"]

    @staticmethod
    def resolve_detail_url(meeting):
        return page_urls(meeting)["detail_url"]


class MeetingFilters(Schema):
    when: Literal["upcoming", "past"] | None = Field(
        None,
        description="upcoming: not yet over, soonest first; past: over, newest first. "
        "Without it: all, newest first.",
    )
    series: list[str] = Field([], description="Slugs of meeting series (any of them).")
    search: str | None = Field(None, max_length=200)
    locale: str | None = locale_field()


@router.get(
    "/",
    response=list[MeetingCard],
    url_name="list_meetings",
    operation_id="meetings_list",
    summary="List meetings",
)
@paginate(WagtailLimitOffsetPagination)
def list_meetings(request, filters: MeetingFilters = Query(...)):  # noqa: B008
    meetings = MeetingPage.objects.all()
    now = timezone.now()
    order_by = ("-start",)
    if filters.when == "upcoming":
        meetings, order_by = meetings.filter(end__gte=now), ("start",)
    elif filters.when == "past":
        meetings = meetings.filter(end__lt=now)
    meetings = filter_by_terms(
        meetings, "series", filters.series, model=MeetingSeries, parameter="series"
    )
    return public_list(
        meetings,
        locale=reader_locale(filters.locale),
        search=filters.search,
        order_by=order_by,
        load=lambda queryset: queryset.select_related("series", "locale"),
    )


@router.get(
    "/calendar/",
    openapi_extra=CALENDAR_FILE,
    url_name="meetings_calendar",
    operation_id="meetings_calendar",
    summary="All meetings as an iCalendar feed",
    description="For calendar subscriptions: every live meeting, cancelled ones marked CANCELLED.",
)
def meetings_calendar(request, locale: str | None = locale_field(Query)):
    locale = reader_locale(locale)
    meetings = for_readers_of(visible_pages(MeetingPage.objects.all()), locale)
    meetings = meetings.select_related("series").order_by("start")
    # The events link to the pages as readers of that language open them.
    with reading_in(locale.language_code):
        return calendar_response(
            request,
            meetings,
            name=gettext("Treffen des Netzwerks"),
            uid="network-meetings",
            filename="treffen.ics",
        )


def _live_meeting(page_id):
    return get_object_or_404(visible_pages(MeetingPage.objects.all()), pk=page_id)


@router.get(
    "/{page_id}/calendar/",
    response={404: ProblemDetail},
    openapi_extra=CALENDAR_FILE,
    url_name="meeting_calendar",
    operation_id="meetings_calendar_entry",
    summary="One meeting as an iCalendar file",
)
def meeting_calendar(request, page_id: ObjectId):
    meeting = _live_meeting(page_id)
    return calendar_response(
        request,
        [meeting],
        name=meeting.title,
        uid=f"{meeting.translation_key}-calendar",
        filename=f"{meeting.slug}.ics",
    )


class MeetingRegistrationInput(ParticipationInput):
    name: str = Field(min_length=1, max_length=120)
    association_name: str = Field("", max_length=150)
    email: str = Field(max_length=254, json_schema_extra={"format": "email"})
    people: int = Field(1, ge=1, le=10)
    consent_privacy: bool = Field(
        description="Zustimmung zur Datenschutzerklärung; muss true sein.",
        json_schema_extra={"const": True},
    )


@router.post(
    "/{page_id}/registrations/",
    response={201: SubmissionReceived, **ERROR_RESPONSES},
    url_name="register_for_meeting",
    operation_id="meetings_register",
    summary="Register for a meeting",
    description=(
        "Confirmed while places last, then on the waiting list; a confirmation goes to the "
        "e-mail address. 409 when the meeting takes no registrations (closed, cancelled, begun). "
        "The same checks as the form on the website apply."
    ),
)
def register_for_meeting(request, page_id: ObjectId, payload: MeetingRegistrationInput):
    from home.forms import MeetingRegistrationForm

    try:
        meeting = _live_meeting(page_id)
    except Http404:
        return problem_response(status=404, detail=gettext("Dieses Treffen gibt es nicht."))
    if not meeting.accepts_registrations:
        return problem_response(
            status=409,
            detail=gettext("Für dieses Treffen ist keine Anmeldung (mehr) möglich."),
        )
    result = submit(
        request,
        form_class=MeetingRegistrationForm,
        scope=meeting.registration_rate_limit_scope,
        data=payload.dict(),
        store=lambda form: meeting.accept_registration(form, request),
    )
    return Status(201, result) if isinstance(result, SubmissionReceived) else result
