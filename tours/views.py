from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import get_language, gettext

from home.languages import default_locale, localized_page, reading_in, reading_locale
from home.models.base import visible_pages

from .models import TourStopPage


def stop_short_link(request, stop_id):
    """Send a reader who scanned a stop's QR code to the stop, wherever it lives now, in the
    reader's language (their browser's): its translation there, else the German original
    (read in their language), else the stop the code was printed for."""
    stop = visible_pages(TourStopPage.objects.filter(pk=stop_id)).first()
    if stop is None:
        raise Http404(gettext("Diese Station gibt es nicht (mehr)."))
    with reading_in(get_language()):
        reader = reading_locale()
        found = localized_page(stop, reader)
        if found.locale_id != reader.pk:
            original = localized_page(stop, default_locale())
            found = original if original.locale_id == default_locale().pk else stop
        return redirect(found.get_url(request))
