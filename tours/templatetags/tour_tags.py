"""Walks on other apps' pages (the home page), without those apps importing this one."""

from django import template

from home.languages import pages_below

from ..models import TourPage

register = template.Library()


@register.inclusion_tag("components/walks_teaser.html", takes_context=True)
def walks_teaser(context, home, limit=3):
    """The newest walks under ``home`` in the reader's language, with length and duration."""
    locale = home.reading_locale
    tours = pages_below(home, TourPage, locale).order_by("-first_published_at")
    return {"tours": TourPage.with_stops(tours[:limit], locale), "request": context.get("request")}
