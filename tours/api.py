"""Walks in the API: a list by language, the stops of a walk, GeoJSON, GPX, QR codes, and
"share your story". Only live, public walks and stops appear, whoever asks."""

from typing import Literal

from ninja import File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate
from pydantic import Field

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header

from wagtail.api.v3.auth import AllowAnonymous
from wagtail.api.v3.errors import ProblemDetail
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.models import Site

from home.api.blocks import (
    CaptionedImage,
    ImageBlockShape,
    ParagraphBlockShape,
    QuoteBlockShape,
    block,
    blocks_of,
    register_stream_field,
)
from home.api.fields import (
    DocumentInfo,
    LanguageTerm,
    ObjectId,
    in_list_language,
    language_term,
    page_urls,
)
from home.api.lists import filter_by_terms, locale_field, public_list, reader_locale
from home.api.participation import (
    ERROR_RESPONSES,
    ParticipationInput,
    SubmissionReceived,
    live_form_page,
    submit,
)
from home.models import Language
from home.models.base import visible_pages

from . import exports
from .models import StopSummary, StoryFormPage, TourPage, TourStopPage
from .qr import qr_svg

router = Router(tags=["tours"], auth=[AllowAnonymous()])
stops_router = Router(tags=["tours"], auth=[AllowAnonymous()])
stories_router = Router(tags=["participation"], auth=[AllowAnonymous()])


def _file(description, content_type, schema=None):
    """OpenAPI for a file answer (ninja documents ``application/json`` only): a string, or
    the JSON ``schema`` (a component name) for JSON media types such as GeoJSON."""
    body = {"$ref": f"#/components/schemas/{schema}"} if schema else {"type": "string"}
    return {
        "responses": {
            "200": {"description": description, "content": {content_type: {"schema": body}}}
        }
    }


# The GeoJSON of a walk (RFC 7946), as tours.exports writes it. Positions are [longitude,
# latitude].
Position = list[float]


class RouteGeometry(Schema):
    type: Literal["LineString"]
    coordinates: list[Position]


class RouteProperties(Schema):
    kind: Literal["route"]
    title: str
    url: str
    length_m: int
    duration_minutes: int


class RouteFeature(Schema):
    type: Literal["Feature"]
    geometry: RouteGeometry
    properties: RouteProperties


class StopGeometry(Schema):
    type: Literal["Point"]
    coordinates: Position


class StopProperties(Schema):
    kind: Literal["stop"]
    number: int
    title: str
    teaser: str
    url: str


class StopFeature(Schema):
    type: Literal["Feature"]
    id: int
    geometry: StopGeometry
    properties: StopProperties


class TourFeatureCollection(Schema):
    """A walk: its route as a line (when it has two stops or more) and a point per stop."""

    type: Literal["FeatureCollection"]
    features: list[RouteFeature | StopFeature]


# The blocks of a stop's story, as tours.blocks.StoryBlock gives them to the API.


class Audio(Schema):
    title: str
    audio: DocumentInfo | None = Field(description="The recording; play it from its url.")
    transcript: str = Field(
        description="Everything said in the recording; paragraphs apart by blank lines."
    )
    credit: str
    language: str = Field(
        "", description="Language of recording and transcript where not the page's; else empty."
    )


class Gallery(Schema):
    heading: str | None
    images: list[CaptionedImage]


class HistoricalPeriod(Schema):
    label: str
    start_year: int
    end_year: int | None
    text: str


StoryBlocks = blocks_of(
    ParagraphBlockShape,
    ImageBlockShape,
    QuoteBlockShape,
    block("audio", Audio, "AudioBlock"),
    block("gallery", Gallery, "GalleryBlock"),
    block("period", HistoricalPeriod, "HistoricalPeriodBlock"),
)
register_stream_field("TourStopPageSchema", "story", StoryBlocks)


class TourCard(Schema):
    id: int
    locale: str
    title: str
    theme: str
    languages: list[LanguageTerm]
    stop_count: int
    length_m: int
    duration_minutes: int
    html_url: str | None
    detail_url: str

    @staticmethod
    def resolve_locale(tour):
        return tour.locale.language_code

    @staticmethod
    def resolve_languages(tour):
        return [language_term(language) for language in in_list_language(tour, tour.languages)]

    @staticmethod
    def resolve_length_m(tour):
        return round(tour.length_m)

    @staticmethod
    def resolve_stop_count(tour):
        return len(tour.stops())

    @staticmethod
    def resolve_html_url(tour):
        return page_urls(tour)["html_url"]

    @staticmethod
    def resolve_detail_url(tour):
        return page_urls(tour)["detail_url"]


class TourFilters(Schema):
    language: list[str] = Field(
        [], description="Slugs of languages guided walks are offered in (any of them)."
    )
    search: str | None = Field(None, max_length=200)
    locale: str | None = locale_field()


@router.get(
    "/",
    response=list[TourCard],
    url_name="list_tours",
    operation_id="tours_list",
    summary="List walks",
)
@paginate(WagtailLimitOffsetPagination)
def list_tours(request, filters: TourFilters = Query(...)):  # noqa: B008
    tours = filter_by_terms(
        TourPage.objects.all(), "languages", filters.language, model=Language, parameter="language"
    )
    locale = reader_locale(filters.locale)
    return public_list(
        tours,
        locale=locale,
        search=filters.search,
        order_by=("title",),
        load=lambda queryset: TourPage.with_stops(queryset.select_related("locale"), locale),
    )


def _live_tour(page_id):
    return get_object_or_404(visible_pages(TourPage.objects.all()), pk=page_id)


@router.get(
    "/{page_id}/stops/",
    response={200: list[StopSummary], 404: ProblemDetail},
    url_name="tour_stops",
    operation_id="tours_stops",
    summary="The stops of a walk, in walking order",
    description="Every live stop with its number and coordinates; the full story of a stop is "
    "at its detail_url.",
)
def tour_stops(request, page_id: ObjectId):
    return _live_tour(page_id).stop_summaries()


def _download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@router.get(
    "/{page_id}/geojson/",
    # The 200 schema here puts TourFeatureCollection into the document; _file gives its
    # media type.
    response={200: TourFeatureCollection, 404: ProblemDetail},
    openapi_extra=_file(
        "The walk as GeoJSON (RFC 7946): the route and a point per stop.",
        "application/geo+json",
        schema="TourFeatureCollection",
    ),
    url_name="tour_geojson",
    operation_id="tours_geojson",
    summary="A walk as GeoJSON",
)
def tour_geojson(request, page_id: ObjectId):
    tour = _live_tour(page_id)
    return _download(
        exports.geojson_bytes(tour, request), "application/geo+json", f"{tour.slug}.geojson"
    )


@router.get(
    "/{page_id}/gpx/",
    response={404: ProblemDetail},
    openapi_extra=_file(
        "The walk as GPX 1.1: a route with a point per stop.", "application/gpx+xml"
    ),
    url_name="tour_gpx",
    operation_id="tours_gpx",
    summary="A walk as GPX",
)
def tour_gpx(request, page_id: ObjectId):
    tour = _live_tour(page_id)
    return _download(exports.gpx_bytes(tour, request), "application/gpx+xml", f"{tour.slug}.gpx")


@stops_router.get(
    "/{page_id}/qr/",
    response={404: ProblemDetail},
    openapi_extra=_file("An SVG QR code of the stop's short, stable address.", "image/svg+xml"),
    url_name="stop_qr",
    operation_id="stops_qr",
    summary="The QR code of a stop",
)
def stop_qr(request, page_id: ObjectId):
    stop = get_object_or_404(visible_pages(TourStopPage.objects.all()), pk=page_id)
    url = stop.short_url(Site.find_for_request(request).root_url)
    response = HttpResponse(
        qr_svg(url, title=stop.title, standalone=True), content_type="image/svg+xml"
    )
    response["Content-Disposition"] = content_disposition_header(True, f"qr-{stop.slug}.svg")
    return response


class StoryInput(ParticipationInput):
    title: str = Field(min_length=1, max_length=150)
    story: str = Field(min_length=1, max_length=10_000)
    place: str = Field("", max_length=200)
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    language: int | None = Field(
        None, description="Id of a language (see /vocabularies/languages/)."
    )
    author_name: str = Field(min_length=1, max_length=120)
    email: str | None = Field(None, max_length=254, json_schema_extra={"format": "email"})
    consent_to_publish: bool = Field(
        description="Zustimmung zur Veröffentlichung nach Prüfung; muss true sein.",
        json_schema_extra={"const": True},
    )
    consent_privacy: bool = Field(
        description="Zustimmung zur Datenschutzerklärung; muss true sein.",
        json_schema_extra={"const": True},
    )


@stories_router.post(
    "/stories/",
    response={201: SubmissionReceived, **ERROR_RESPONSES},
    url_name="share_story",
    operation_id="participation_share_story",
    summary="Share a story",
    description=(
        "A story of migration in Sindelfingen, with an optional photo (JPEG, PNG or WebP; its "
        "metadata, such as the GPS position, is removed). Sent as multipart/form-data. The city "
        "reads every story; nothing is published by sending. The same checks as the form on the "
        "website apply."
    ),
)
def share_story(
    request,
    payload: Form[StoryInput],
    # File(None), not File[UploadedFile] | None: ninja would read the latter from the query.
    photo: UploadedFile | None = File(None),  # noqa: B008
):
    page = live_form_page(StoryFormPage)

    def store(form):
        page.store(form)
        return "received", page.thank_you or page.default_thanks

    data = {key: value for key, value in payload.dict().items() if value is not None}
    result = submit(
        request,
        form_class=page.form_class,
        form_kwargs=page.form_kwargs(),
        scope=page.rate_limit_scope,
        data=data,
        files={"photo": photo} if photo else {},
        store=store,
    )
    return Status(201, result) if isinstance(result, SubmissionReceived) else result
