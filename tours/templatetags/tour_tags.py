"""Walks on other apps' pages (the home page), without those apps importing this one."""

from django import template

from home.models.base import visible_pages

from ..models import TourPage

register = template.Library()


@register.inclusion_tag("components/walks_teaser.html", takes_context=True)
def walks_teaser(context, home, limit=3):
    """The newest walks under ``home``, with length and duration."""
    tours = visible_pages(TourPage.objects.descendant_of(home)).order_by("-first_published_at")
    return {"tours": TourPage.with_stops(tours[:limit]), "request": context.get("request")}
