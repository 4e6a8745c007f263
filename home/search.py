"""The site's search: what a reader finds in their language (and the German originals of what
is not translated yet), ranked by Wagtail's search backend. On PostgreSQL the index uses
German stemming (SEARCH_CONFIG), so "Geschichten" finds "Geschichte"."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from .languages import for_readers_of, reading_locale, visible
from .paging import page_of

# Wagtail's SQLite backend hands quotes and NUL to FTS5 unescaped, which answers with an
# error instead of results; in a plain-text search they mean nothing anyway.
UNSEARCHABLE = str.maketrans("", "", '"\x00')
QUERY_MAX_LENGTH = 200
RESULTS_PER_PAGE = 20


def clean_query(query):
    """A reader's search words, safe for every search backend."""
    return (query or "").translate(UNSEARCHABLE).strip()


def search_pages(query, locale):
    """Live, public pages matching all of ``query``'s words, as readers of ``locale`` see them."""
    pages = for_readers_of(visible(Page.objects.filter(depth__gt=1)), locale)
    return get_search_backend().search(query, pages, operator="and")


def search_view(request):
    raw_query = request.GET.get("q", "")
    query = clean_query(raw_query)
    context = {"query": raw_query.strip(), "results": None, "error": ""}
    status = 200
    if len(raw_query) > QUERY_MAX_LENGTH:
        context["error"] = _("Bitte suchen Sie mit höchstens %(count)s Zeichen.") % {
            "count": QUERY_MAX_LENGTH
        }
        status = 400
    elif query:
        paginator = Paginator(search_pages(query, reading_locale()), RESULTS_PER_PAGE)
        results, context["page_error"], status = page_of(paginator, request.GET.get("seite", 1))
        # One query per page type for the whole page of results, for their summaries.
        specific = {
            page.pk: page for page in Page.objects.filter(pk__in=[p.pk for p in results]).specific()
        }
        results.object_list = [specific[page.pk] for page in results if page.pk in specific]
        context["results"] = results
    return TemplateResponse(request, "pages/search.html", context, status=status)
