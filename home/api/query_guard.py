"""Query parameters no API operation can use are refused before any operation runs (422, in
the API's validation error format), where they would otherwise reach the database as errors:

- NUL in any parameter (PostgreSQL cannot store or compare it);
- an ``offset`` or ``limit`` beyond 2**31 - 1 (databases refuse such a number in OFFSET);
- a ``search`` longer than SEARCH_MAX_LENGTH characters, as the site's own search refuses it.

Everything else is left to the operations' own validation.
"""

from django.utils.translation import gettext

from wagtail.api.v3.errors import problem_response

from home.search import QUERY_MAX_LENGTH as SEARCH_MAX_LENGTH

MAX_NUMBER = 2**31 - 1


def _number_too_large(value):
    digits = value.strip().lstrip("+")
    return digits.isdigit() and int(digits) > MAX_NUMBER


def query_errors(query):
    errors = []
    for name, values in query.lists():
        if any("\x00" in value for value in values) or "\x00" in name:
            errors.append(
                {
                    "type": "null_character",
                    "loc": ["query", name.replace("\x00", "")],
                    "msg": gettext("NUL-Zeichen sind in Parametern nicht erlaubt."),
                }
            )
    for name in ("offset", "limit"):
        if any(_number_too_large(value) for value in query.getlist(name)):
            errors.append(
                {
                    "type": "less_than_equal",
                    "loc": ["query", name],
                    "msg": gettext("Höchstens %(maximum)d.") % {"maximum": MAX_NUMBER},
                }
            )
    if any(len(value) > SEARCH_MAX_LENGTH for value in query.getlist("search")):
        errors.append(
            {
                "type": "string_too_long",
                "loc": ["query", "search"],
                "msg": gettext("Bitte suchen Sie mit höchstens %(count)s Zeichen.")
                % {"count": SEARCH_MAX_LENGTH},
            }
        )
    return errors


def refusal(request):
    """The 422 answer for an unusable query string, or None."""
    errors = query_errors(request.GET)
    if errors:
        return problem_response(status=422, detail="Validation failed", errors=errors)
    return None
