"""The shared vocabularies, for front ends that build filters (public, read only)."""

from typing import Literal

from ninja import Router

from wagtail.api.v3.auth import AllowAnonymous

from home.models import District, FocusArea, Language, MeetingSeries, SupportTopic

from .fields import LanguageTerm, Term, language_term, term
from .lists import reader_locale

router = Router(tags=["vocabularies"], auth=[AllowAnonymous()])

VOCABULARIES = {
    "focus-areas": FocusArea,
    "districts": District,
    "support-topics": SupportTopic,
    "meeting-series": MeetingSeries,
}


@router.get(
    "/languages/",
    response=list[LanguageTerm],
    url_name="list_languages",
    operation_id="vocabularies_languages",
    summary="Languages associations work in and walks are offered in",
)
def list_languages(request, locale: str | None = None):
    languages = Language.objects.all()
    if locale:
        languages = languages.filter(locale=reader_locale(locale))
    return [language_term(language) for language in languages]


@router.get(
    "/{vocabulary}/",
    response=list[Term],
    url_name="list_terms",
    operation_id="vocabularies_terms",
    summary="Terms of a shared vocabulary",
    description="The slugs are the values the list endpoints filter by.",
)
def list_terms(
    request,
    vocabulary: Literal["focus-areas", "districts", "support-topics", "meeting-series"],
    locale: str | None = None,
):
    terms = VOCABULARIES[vocabulary].objects.all()
    if locale:
        terms = terms.filter(locale=reader_locale(locale))
    return [term(item) for item in terms]
