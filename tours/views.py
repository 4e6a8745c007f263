from django.http import Http404
from django.shortcuts import redirect

from home.models.base import visible_pages

from .models import TourStopPage


def stop_short_link(request, stop_id):
    """Send a reader who scanned a stop's QR code to the stop, wherever it lives now."""
    stop = visible_pages(TourStopPage.objects.filter(pk=stop_id)).first()
    if stop is None:
        raise Http404("Diese Station gibt es nicht (mehr).")
    return redirect(stop.get_url(request))
