"""The directory of member associations, with the filters of the website's directory."""

from ninja import Query, Router, Schema
from ninja.pagination import paginate
from pydantic import Field

from django.db.models import Prefetch

from wagtail.api.v3.auth import AllowAnonymous
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.images import get_image_model

from home.models import AssociationPage, FocusArea, Language, SupportTopic

from .fields import (
    IMAGE_RENDITIONS,
    ImageInfo,
    LanguageTerm,
    Term,
    image_info,
    in_list_language,
    language_term,
    page_urls,
    term,
)
from .lists import filter_by_terms, locale_field, public_list, reader_locale

router = Router(tags=["associations"], auth=[AllowAnonymous()])


class AssociationCard(Schema):
    id: int
    locale: str
    title: str
    short_description: str
    focus_areas: list[Term]
    languages: list[LanguageTerm]
    district: Term | None
    logo: ImageInfo | None
    html_url: str | None
    detail_url: str

    @staticmethod
    def resolve_locale(page):
        return page.locale.language_code

    @staticmethod
    def resolve_focus_areas(page):
        return [term(item) for item in in_list_language(page, page.focus_areas)]

    @staticmethod
    def resolve_languages(page):
        return [language_term(item) for item in in_list_language(page, page.languages)]

    @staticmethod
    def resolve_district(page):
        district = in_list_language(page, page.district)
        return term(district[0]) if district else None

    @staticmethod
    def resolve_logo(page):
        return image_info(page.logo, alt_text="")

    @staticmethod
    def resolve_html_url(page):
        return page_urls(page)["html_url"]

    @staticmethod
    def resolve_detail_url(page):
        return page_urls(page)["detail_url"]


class AssociationFilters(Schema):
    focus_area: list[str] = Field([], description="Slugs of focus areas (any of them).")
    language: list[str] = Field([], description="Slugs of languages (any of them).")
    offer: list[str] = Field([], description="Slugs of topics the association offers.")
    need: list[str] = Field([], description="Slugs of topics the association seeks help with.")
    search: str | None = Field(None, max_length=200)
    locale: str | None = locale_field()


def _with_card_data(queryset):
    images = get_image_model().objects.prefetch_renditions(*IMAGE_RENDITIONS.values())
    return queryset.select_related("district", "locale").prefetch_related(
        Prefetch("logo", queryset=images), "focus_areas", "languages"
    )


@router.get(
    "/",
    response=list[AssociationCard],
    url_name="list_associations",
    operation_id="associations_list",
    summary="List member associations",
    description="Filters combine: any of the values of one filter, all filters together. "
    "An unknown slug is answered 422 with the known ones.",
)
@paginate(WagtailLimitOffsetPagination)
def list_associations(request, filters: AssociationFilters = Query(...)):  # noqa: B008
    associations = AssociationPage.objects.all()
    for field, slugs, model, parameter in (
        ("focus_areas", filters.focus_area, FocusArea, "focus_area"),
        ("languages", filters.language, Language, "language"),
        ("offers", filters.offer, SupportTopic, "offer"),
        ("needs", filters.need, SupportTopic, "need"),
    ):
        associations = filter_by_terms(associations, field, slugs, model=model, parameter=parameter)
    return public_list(
        associations,
        locale=reader_locale(filters.locale),
        search=filters.search,
        order_by=("title",),
        load=_with_card_data,
    )
