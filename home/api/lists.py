"""What the network's public list endpoints share: public pages only, in one language (with
the German originals of what is not translated into it), filters by vocabulary slug with a
clear error for unknown values, search, and pages loaded in constant queries."""

from pydantic import Field

from django.conf import settings
from django.utils.translation import gettext

from wagtail.api.v3.errors import as_validation_error
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from home.languages import TermsInLanguage, for_readers_of, reading_in
from home.models.base import visible_pages
from home.search import clean_query

from .fields import current_request


class LoadedSlice:
    """A queryset or search result that ninja's paginator slices; each slice is loaded again
    through ``load(queryset)`` (select_related, prefetch_related), keeping its order, so a page
    of results costs the same number of queries whatever its length."""

    def __init__(self, results, queryset, load, locale):
        self.results = results
        self.queryset = queryset
        self.load = load
        self.locale = locale
        self.terms = TermsInLanguage(locale)

    def all(self):
        return self

    def count(self):
        return self.results.count()

    def __getitem__(self, items):
        ids = [page.pk for page in self.results[items]]
        loaded = {page.pk: page for page in self.load(self.queryset.filter(pk__in=ids))}
        for page in loaded.values():
            page.terms_in_list_language = self.terms
            # A German original standing in is read under the list's language, as on the site.
            with reading_in(self.locale.language_code):
                page.address_in_list_language = page.get_full_url(current_request.get())
        return [loaded[pk] for pk in ids if pk in loaded]


def locale_description():
    codes = ", ".join(code for code, _name in settings.LANGUAGES)
    return (
        f"A language code ({codes}): the pages in that language and, where a page is not "
        f"translated into it yet, its German original (as the website shows them). Each item "
        f"names its language in `locale`. Default: {settings.LANGUAGE_CODE}."
    )


def locale_field(field=Field):
    """The ``locale`` parameter of a list endpoint: in a filter schema (pydantic's Field), or
    as an operation's own parameter (``locale_field(Query)``)."""
    return field(None, description=locale_description(), max_length=12)


def reader_locale(code, parameter="locale"):
    """The locale a list is read in; an unknown language code is an error naming the known."""
    if not code:
        return Locale.get_default()
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        known = ", ".join(code for code, _name in settings.LANGUAGES)
        message = gettext("Unbekannte Sprache: %(code)s. Bekannt: %(known)s.") % {
            "code": code,
            "known": known,
        }
        raise as_validation_error(ValueError(message), message, loc=("query", parameter))
    return locale


def public_list(queryset, *, locale=None, search=None, order_by=(), load=lambda queryset: queryset):
    """The live, public pages of ``queryset`` as readers of ``locale`` (default: German) see
    them, found by ``search`` (by relevance) or in ``order_by`` order, for ninja's paginator."""
    locale = locale or Locale.get_default()
    queryset = for_readers_of(visible_pages(queryset), locale)
    search = clean_query(search)
    if search:
        results = get_search_backend().search(search, queryset.order_by(), operator="and")
    else:
        results = queryset.order_by(*order_by)
    return LoadedSlice(results, queryset, load, locale)


def filter_by_terms(queryset, field, slugs, *, model, parameter):
    """Pages with any of the vocabulary terms named by ``slugs`` in ``field``; an unknown slug
    is an error that names the known ones."""
    if not slugs:
        return queryset
    known = set(model.objects.values_list("slug", flat=True))
    unknown = [slug for slug in slugs if slug not in known]
    if unknown:
        message = gettext(
            "Unbekannter Wert für %(parameter)s: %(unknown)s. Bekannt: %(known)s."
        ) % {
            "parameter": parameter,
            "unknown": ", ".join(unknown),
            "known": ", ".join(sorted(known)) or "–",
        }
        raise as_validation_error(ValueError(message), message, loc=("query", parameter))
    # A term's slug is the same in every language; match by the terms' translation keys, so
    # that a German original standing in for a translation is found too.
    keys = model.objects.filter(slug__in=slugs).values("translation_key")
    matching = queryset.model.objects.filter(**{f"{field}__translation_key__in": keys})
    return queryset.filter(pk__in=matching.values("pk"))
