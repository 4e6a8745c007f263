"""Template tags of the public site's frame: navigation, breadcrumbs, languages, footer."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_bidi, get_language_info, gettext

from wagtail.models import Page, Site, TranslatableMixin

from medialibrary.alt_text import for_readers as alt_text_for_readers

from ..languages import (
    content_language,
    language_direction,
    live_translations,
    localized,
    localized_page,
    own_addresses,
    reading_locale,
    terms_in_reading_language,
)

register = template.Library()


@register.filter
def alt_for_readers(image):
    """An image's description, else its title (medialibrary.alt_text)."""
    return alt_text_for_readers(image)


def _home_page(context):
    """The home page in the reader's language (the German one standing in where it has no
    live translation yet)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    return localized_page(site.root_page.specific, reading_locale())


@register.simple_tag
def localized_for_reader(page):
    """``page`` in the reader's language where it is translated: ``{% localized_for_reader network.imprint_page as imprint %}``."""
    if page is None:
        return None
    return localized_page(page.specific_deferred, reading_locale())


@register.simple_tag(takes_context=True)
def home_page(context):
    if "_network_home" not in context.render_context:
        context.render_context["_network_home"] = _home_page(context)
    return context.render_context["_network_home"]


def _translation_keys_of_trail(page):
    """The translation keys of ``page`` and its ancestors: what marks a menu item as current
    in every language."""
    if page is None or not getattr(page, "pk", None):
        return set()
    trail = page.get_ancestors(inclusive=True).filter(depth__gte=2)
    return set(trail.values_list("translation_key", flat=True))


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    home = home_page(context)
    current = context.get("page")
    trail = _translation_keys_of_trail(current)
    current_key = getattr(current, "translation_key", None)
    items = []
    if home is not None:
        for section in home.sections():
            items.append(
                {
                    "page": section,
                    "is_current": section.translation_key == current_key,
                    "is_ancestor": section.translation_key in trail
                    and section.translation_key != current_key,
                }
            )
    return {"home": home, "items": items, "request": context.get("request")}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": []}
    ancestors = page.get_ancestors().filter(depth__gte=2).specific(defer=True)
    return {
        "ancestors": localized(ancestors, reading_locale(), defer=True),
        "page": page,
        "request": context.get("request"),
    }


@register.simple_tag
def html_language_attributes():
    """lang and dir of the document: the language the reader reads in (the interface's)."""
    return format_html(
        'lang="{}" dir="{}"', get_language(), "rtl" if get_language_bidi() else "ltr"
    )


@register.simple_tag
def content_lang(page_or_code):
    """lang and dir for an element that shows content in another language than the reader's
    (a German original standing in for a translation, a quote in its own language); nothing
    where the languages agree."""
    if not page_or_code:
        return ""
    code = page_or_code if isinstance(page_or_code, str) else content_language(page_or_code)
    if code == get_language():
        return ""
    return format_html(' lang="{}" dir="{}"', code, language_direction(code))


def _translated_language_name(code):
    """The language's name in the reader's language ("German" for an English reader)."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return _language_name(code)


@register.simple_tag
def original_language(page):
    """A visible note in listings that an entry is in another language than the reader's (a
    German original standing in for a missing translation); nothing otherwise."""
    if not page:
        return ""
    language = content_language(page)
    if language == get_language():
        return ""
    return format_html(
        ' <span class="original-language">{}</span>',
        gettext("(auf %(language)s)") % {"language": _translated_language_name(language)},
    )


@register.filter
def lang_of(text, page):
    """``text`` of ``page`` inline, marked with the page's language where the reader reads
    another: ``{{ page.address|lang_of:page }}``."""
    attributes = content_lang(page)
    if not attributes or not text:
        return text
    return format_html("<span{}>{}</span>", attributes, text)


@register.filter
def in_reading_language(terms):
    """Vocabulary terms named in the reader's language: ``page.focus_areas.all|in_reading_language``,
    or one term: ``page.district|in_reading_language``."""
    if terms is None or terms == "":
        return terms
    if isinstance(terms, TranslatableMixin):
        return terms_in_reading_language([terms])[0]
    return terms_in_reading_language(terms)


def _language_name(code):
    return dict(settings.LANGUAGES).get(code, code)


def _page_versions(page):
    """The live language versions of ``page``, each with its own address."""
    with own_addresses():
        return [
            {
                "code": version.locale.language_code,
                "name": _language_name(version.locale.language_code),
                "url": version.get_url(),
                "full_url": version.get_full_url(),
                "direction": language_direction(version.locale.language_code),
            }
            for version in live_translations(page)
        ]


def _versions(context):
    """The versions the language switcher offers: a page's live translations, or, beside the
    pages (search, forms of the site's own), the same address in every language."""
    if "_network_versions" in context.render_context:
        return context.render_context["_network_versions"]
    page = context.get("page")
    request = context.get("request")
    if isinstance(page, Page) and page.pk:
        versions = _page_versions(page)
    elif request is not None and getattr(request, "resolver_match", None):
        versions = [
            {
                "code": code,
                "name": name,
                "url": translate_url(request.get_full_path(), code),
                "full_url": request.build_absolute_uri(
                    translate_url(request.get_full_path(), code)
                ),
                "direction": language_direction(code),
            }
            for code, name in settings.LANGUAGES
        ]
    else:
        versions = []
    context.render_context["_network_versions"] = versions
    return versions


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """The page's live translations; a filtered view (the directory's facets) stays filtered
    in the other language, as its filters mean the same there."""
    current = get_language()
    request = context.get("request")
    page = context.get("page")
    query = request.GET.urlencode() if request is not None and isinstance(page, Page) else ""
    versions = [
        {
            **version,
            "url": f"{version['url']}?{query}" if query else version["url"],
            "is_current": version["code"] == current,
        }
        for version in _versions(context)
    ]
    return {
        "versions": versions,
        "current_name": _language_name(current),
        "show": len(versions) > 1 or (versions and not versions[0]["is_current"]),
    }


@register.inclusion_tag("components/language_alternates.html", takes_context=True)
def language_alternates(context):
    """hreflang links to the page's live translations, and its canonical address: the
    original's own where a German page stands in for a translation."""
    page = context.get("page")
    versions = _versions(context)
    canonical = ""
    if isinstance(page, Page) and page.pk and page.live:
        with own_addresses():
            canonical = page.get_full_url()
    default = next((v for v in versions if v["code"] == settings.LANGUAGE_CODE), None)
    return {
        "versions": versions if len(versions) > 1 else [],
        "default": default,
        "canonical": canonical,
    }


@register.inclusion_tag("components/language_notice.html", takes_context=True)
def language_notice(context):
    """A short notice in the reader's language where the page's text is in another one."""
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk:
        return {"notice": False}
    language = content_language(page)
    return {
        "notice": language != get_language(),
        "language_name": _translated_language_name(language),
        # Other languages the reader may prefer to the original.
        "others": [version for version in _versions(context) if version["code"] != language],
    }


@register.inclusion_tag("components/site_languages.html", takes_context=True)
def site_languages(context):
    """The home page in every language it is live in, for the footer."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"versions": []}
    current = get_language()
    return {
        "versions": [
            {**version, "is_current": version["code"] == current}
            for version in _page_versions(site.root_page)
        ]
    }
