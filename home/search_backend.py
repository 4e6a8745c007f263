"""Wagtail's database search backend (PostgreSQL or SQLite, whichever the database is), with
every query string made safe first, for every caller (the site's search, the API, the admin).

SQLite's full-text index reads a ``"`` as the start of a phrase and answers an unmatched one
with a syntax error; NUL cannot be sent to PostgreSQL at all; and a query of a thousand words
is parsed into a nested expression deep enough to exhaust Python's recursion. In a plain-text
search quotes and NUL mean nothing, and the words past the first QUERY_MAX_WORDS change little.
(The site's search and the API refuse queries longer than 200 characters with a message
before they get here.)
"""

from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend

QUERY_MAX_WORDS = 50
UNSEARCHABLE = str.maketrans("", "", '"\x00')


def safe_query(query):
    if not isinstance(query, str):
        return query  # a query object (Phrase, And …) built by code, not typed by someone
    return " ".join(query.translate(UNSEARCHABLE).split()[:QUERY_MAX_WORDS])


class SafeQueries:
    def search(self, query, *args, **kwargs):
        return super().search(safe_query(query), *args, **kwargs)

    def autocomplete(self, query, *args, **kwargs):
        return super().autocomplete(safe_query(query), *args, **kwargs)


# Wagtail imports a backend module and calls its SearchBackend(params).
def SearchBackend(params):
    backend_class = type(DatabaseSearchBackend(params))
    safe_class = type(f"Safe{backend_class.__name__}", (SafeQueries, backend_class), {})
    return safe_class(params)
