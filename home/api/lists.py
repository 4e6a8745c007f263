"""What the network's public list endpoints share: public pages only, filters by vocabulary
slug with a clear error for unknown values, search, and pages loaded in constant queries."""

from django.utils.translation import gettext

from wagtail.api.v3.errors import as_validation_error
from wagtail.search.backends import get_search_backend

from home.models.base import visible_pages
from home.search import clean_query


class LoadedSlice:
    """A queryset or search result that ninja's paginator slices; each slice is loaded again
    through ``load(queryset)`` (select_related, prefetch_related), keeping its order, so a page
    of results costs the same number of queries whatever its length."""

    def __init__(self, results, queryset, load):
        self.results = results
        self.queryset = queryset
        self.load = load

    def all(self):
        return self

    def count(self):
        return self.results.count()

    def __getitem__(self, items):
        ids = [page.pk for page in self.results[items]]
        loaded = {page.pk: page for page in self.load(self.queryset.filter(pk__in=ids))}
        return [loaded[pk] for pk in ids if pk in loaded]


def public_list(queryset, *, search=None, order_by=(), load=lambda queryset: queryset):
    """The live, public pages of ``queryset``, found by ``search`` (by relevance) or in
    ``order_by`` order, for ninja's paginator."""
    queryset = visible_pages(queryset)
    search = clean_query(search)
    if search:
        results = get_search_backend().search(search, queryset.order_by(), operator="and")
    else:
        results = queryset.order_by(*order_by)
    return LoadedSlice(results, queryset, load)


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
    matching = queryset.model.objects.filter(**{f"{field}__slug__in": slugs}).values("pk")
    return queryset.filter(pk__in=matching)
