"""Pages of results (search, the directory) addressed by ``?seite=``: a page number that names
no page of them (past the last, below 1, no number at all) is answered 404 with the first page
and a message that says which pages there are, not with an error page."""

from django.core.paginator import EmptyPage, PageNotAnInteger
from django.utils.translation import gettext as _


def page_of(paginator, number):
    """(page, message, status): page ``number`` of ``paginator`` with "" and 200, or the first
    page with a message and 404."""
    try:
        return paginator.page(number), "", 200
    except (PageNotAnInteger, EmptyPage):
        pass
    last = paginator.num_pages
    if last == 1:
        message = _("Diese Seite gibt es nicht; alle Ergebnisse stehen auf einer Seite.")
    else:
        message = _(
            "Diese Seite gibt es nicht; die Ergebnisse stehen auf den Seiten 1 bis %(last)d."
        ) % {"last": last}
    return paginator.page(1), message, 404
