"""Template tags of the public site's frame: navigation, breadcrumbs, footer."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_bidi

from wagtail.models import Site

register = template.Library()


def _home_page(context):
    """The home page in the language of the page being shown (the site root as a fallback)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    page = context.get("page")
    root = site.root_page
    if page is not None and getattr(page, "locale_id", None) != root.locale_id:
        return root.get_translation_or_none(page.locale) or root
    return root


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    home = _home_page(context)
    current = context.get("page")
    items = []
    if home is not None:
        current_path = current.path if current is not None else ""
        for section in home.get_children().live().public().in_menu():
            items.append(
                {
                    "page": section,
                    "is_current": current_path == section.path,
                    "is_ancestor": current_path.startswith(section.path)
                    and current_path != section.path,
                }
            )
    return {"home": home, "items": items, "request": context.get("request")}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": []}
    ancestors = page.get_ancestors().filter(depth__gte=2)
    return {"ancestors": ancestors, "page": page, "request": context.get("request")}


@register.simple_tag(takes_context=True)
def home_page(context):
    return _home_page(context)


@register.simple_tag(takes_context=True)
def html_language_attributes(context):
    """lang and dir of the document: the page's own locale, else the interface language."""
    page = context.get("page")
    if page is not None and getattr(page, "locale", None) is not None:
        code, bidi = page.locale.language_code, page.locale.is_bidi
    else:
        code, bidi = get_language(), get_language_bidi()
    return format_html('lang="{}" dir="{}"', code, "rtl" if bidi else "ltr")
