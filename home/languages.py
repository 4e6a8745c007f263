"""Reading the network in every language.

Each translation is a page of its own, in the page tree of its locale. A reader of a language
sees that language's pages, and where a page has no live translation yet, the German original
stands in for it: at an address under the reader's language prefix, with the interface in
their language and a notice that the text is German. Listings, relations and links follow the
same rule, so a reader never falls out of their language and never meets a 404 for a page
that exists in German.

The language a request is read in comes from its URL prefix (``ReadingLanguageMiddleware``);
while it is set, every address of a German page is given under that prefix, unless the code
asks for a page's own address (``own_addresses``), as the language switcher does.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import LocalePrefixPattern, URLResolver, get_resolver
from django.utils.cache import patch_vary_headers
from django.utils.translation import (
    get_language,
    get_language_from_path,
    get_language_info,
    get_supported_language_variant,
)

from wagtail.models import Locale, Page, TranslatableMixin


class _Reading:
    """The language a request is read in, with its locales looked up once per request."""

    def __init__(self, language_code):
        self.language_code = language_code
        self._locale = self._default = self._terms = self._codes = self._private_q = None

    @property
    def locale(self):
        if self._locale is None:
            try:
                self._locale = Locale.objects.get_for_language(self.language_code)
            except (Locale.DoesNotExist, LookupError):
                # A language in the settings whose locale setup_network has not made yet.
                self._locale = self.default_locale
        return self._locale

    @property
    def default_locale(self):
        if self._default is None:
            if self.language_code == settings.LANGUAGE_CODE:
                self._default = self.locale
            else:
                self._default = Locale.get_default()
        return self._default

    @property
    def private_q(self):
        """Wagtail's filter for pages in private sections, looked up once per request."""
        if self._private_q is None:
            self._private_q = Page.objects.all().private_q()
        return self._private_q

    @property
    def language_codes(self):
        """Language codes by locale id, for telling many pages' languages without a query each."""
        if self._codes is None:
            self._codes = dict(Locale.objects.values_list("pk", "language_code"))
        return self._codes

    @property
    def terms(self):
        if self._terms is None:
            self._terms = TermsInLanguage(self.locale)
        return self._terms


#: What the public page being made is read in, from its URL prefix; None elsewhere (admin,
#: API, sitemap).
_reading = ContextVar("network_reading_language", default=None)


def _set_reading(language_code):
    return _reading.set(_Reading(language_code) if language_code else None)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware: the language from the address's prefix; from "/" and old
    addresses without one, a redirect to the reader's language: the one they last read in
    (a cookie), else the best of their browser's, else German.

    Two differences. Django redirects every 404 outside the prefixes, since Wagtail answers
    any path under one; addresses of the API, admin, files and short links keep their honest
    404. And a page read under a prefix remembers its language, so that the next QR code a
    reader scans opens in the language they chose, not only their phone's."""

    def process_response(self, request, response):
        language = get_language_from_path(request.path_info)
        if language:
            if (
                response.status_code == 200
                and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language
            ):
                response.set_cookie(
                    settings.LANGUAGE_COOKIE_NAME,
                    language,
                    max_age=settings.LANGUAGE_COOKIE_AGE,
                    path=settings.LANGUAGE_COOKIE_PATH,
                    domain=settings.LANGUAGE_COOKIE_DOMAIN,
                    secure=settings.LANGUAGE_COOKIE_SECURE,
                    httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                    samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                )
            return super().process_response(request, response)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        if response.status_code == 404 and _outside_language_prefixes(request.path_info):
            return response
        return super().process_response(request, response)


def _outside_language_prefixes(path, patterns=None):
    """True for addresses of the URL patterns without a language: below a prefix of their own
    (api/v3/, admin/, documents/ …), or a view of their own (a stop's short link)."""
    path = path.lstrip("/")
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern.pattern, LocalePrefixPattern):
            continue
        match = pattern.pattern.match(path)
        if not match:
            continue
        if not isinstance(pattern, URLResolver) or str(pattern.pattern):
            return True
        if _outside_language_prefixes(match[0], pattern.url_patterns):
            return True
    return False


class ReadingLanguageMiddleware:
    """Sets the reading language for requests under a language prefix (after Django's
    LocaleMiddleware), for as long as the response is being made and rendered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _set_reading(get_language_from_path(request.path_info))
        try:
            return self.get_response(request)
        finally:
            _reading.reset(token)


#: Inside own_addresses(): every page has its own address, whatever the reading language.
_own_addresses = ContextVar("network_own_addresses", default=False)


@contextmanager
def own_addresses():
    """Inside this block every page has its own address (for switchers, hreflang, canonical)."""
    token = _own_addresses.set(True)
    try:
        yield
    finally:
        _own_addresses.reset(token)


@contextmanager
def reading_in(language_code):
    """Read in ``language_code`` inside this block (tests, mails sent outside a request)."""
    token = _set_reading(language_code)
    try:
        yield
    finally:
        _reading.reset(token)


def default_locale():
    reading = _reading.get()
    return reading.default_locale if reading else Locale.get_default()


def reading_locale(page=None):
    """The locale a reader reads in: the request's language, else ``page``'s own locale
    (the API and the admin read every page in its own language)."""
    reading = _reading.get()
    if reading is None:
        return page.locale if page is not None else Locale.get_default()
    return reading.locale


def site_languages():
    """The network's languages as (code, own name): the choices wherever a record keeps the
    language of a person (a callable, so that a language added to the settings needs no
    migration)."""
    return settings.LANGUAGES


def default_language():
    """German, the network's first language: the language of a record that names none."""
    return settings.LANGUAGE_CODE


def site_language(language_code=None):
    """``language_code`` (by default the active language) as one of the network's languages;
    German for one the network does not speak."""
    try:
        return get_supported_language_variant(language_code or get_language() or "")
    except LookupError:
        return settings.LANGUAGE_CODE


def language_label(language_code):
    """A language as the admin names it, followed by its own name: "Türkisch (Türkçe)"."""
    own = dict(settings.LANGUAGES).get(language_code)
    try:
        named = str(get_language_info(language_code)["name_translated"])
    except KeyError:
        named = own or language_code
    if not own or own == named:
        return named
    return f"{named} ({own})"


def language_direction(language_code):
    """ "rtl" for languages written right to left (as Django's language table, and the
    setting NETWORK_EXTRA_RTL_LANGUAGES for those it lacks, know them), else "ltr"."""
    base = (language_code or "").split("-")[0].lower()
    if base in getattr(settings, "NETWORK_EXTRA_RTL_LANGUAGES", ()):
        return "rtl"
    try:
        return "rtl" if get_language_info(base).get("bidi") else "ltr"
    except KeyError:
        return "ltr"


def address_in_reading_language(page, page_path):
    """The path of a German page, given under the reading language's prefix while a reader of
    another language reads (see LanguageVersionsMixin.get_url_parts)."""
    reading = _reading.get()
    if reading is None or _own_addresses.get() or not page_path:
        return page_path
    if page.locale_id == reading.locale.pk:
        return page_path
    if page.locale_id != reading.default_locale.pk:
        return page_path  # only the originals stand in for missing translations
    code, _slash, rest = page_path.lstrip("/").partition("/")
    if code in dict(settings.LANGUAGES):
        return f"/{reading.language_code}/{rest}"
    return page_path


def visible(queryset):
    """The live pages of ``queryset`` outside private sections (Wagtail's live().public(),
    with the private sections looked up once per request)."""
    reading = _reading.get()
    if reading is None:
        return queryset.live().public()
    return queryset.live().exclude(reading.private_q)


def originals_without_translation(model, locale, *, visible_only=True):
    """A filter for the default language's pages of ``model`` that have no translation in
    ``locale``: no visible one (what readers miss), or none at all (``visible_only=False``,
    what an editor may still link to in its original)."""
    default = default_locale()
    if locale.pk == default.pk:
        return Q(pk__in=[])
    translations = model.objects.filter(locale=locale)
    if visible_only:
        translations = visible(translations)
    return Q(locale=default) & ~Q(translation_key__in=translations.values("translation_key"))


def for_readers_of(queryset, locale):
    """The pages of ``queryset`` a reader of ``locale`` sees: those in ``locale``, and the
    default language's pages that have no visible translation in it. Stays a queryset, so it
    can be filtered, ordered and paginated like any other."""
    return queryset.filter(Q(locale=locale) | originals_without_translation(queryset.model, locale))


def below(page, locale, *, children_only=False):
    """A filter for the pages below ``page`` in the trees a reader of ``locale`` looks into:
    below the page's version in ``locale`` and below its original."""
    languages = {locale.pk, default_locale().pk, page.locale_id}
    if not page.pk or languages == {page.locale_id}:
        versions = [page]
    else:
        versions = list(
            Page.objects.filter(
                translation_key=page.translation_key,
                locale_id__in=languages,
            )
            .only("path", "depth")
            .order_by()
        )
    if children_only:
        return reduce(or_, (Q(path__startswith=v.path, depth=v.depth + 1) for v in versions))
    return reduce(or_, (Q(path__startswith=v.path, depth__gt=v.depth) for v in versions))


def localized_groups(groups, locale, *, defer=False):
    """Each page of each of ``groups`` as a reader of ``locale`` finds it: its live, public
    translation in ``locale``, else the page itself. One query for all the groups (and one
    per page type, unless ``defer``: only the fields every page has are loaded)."""
    groups = [list(group) for group in groups]
    keys = {
        page.translation_key for group in groups for page in group if page.locale_id != locale.pk
    }
    translations = {}
    if keys:
        translations = {
            page.translation_key: page
            for page in visible(
                Page.objects.filter(translation_key__in=keys, locale=locale)
            ).specific(defer=defer)
        }
    return [
        [
            page if page.locale_id == locale.pk else translations.get(page.translation_key, page)
            for page in group
        ]
        for group in groups
    ]


def localized(pages, locale, *, defer=False):
    """``localized_groups`` for one list of pages."""
    return localized_groups([pages], locale, defer=defer)[0]


def localized_page(page, locale):
    return localized([page], locale)[0] if page is not None else None


def _in_settings_order(versions):
    order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
    return sorted(versions, key=lambda version: order.get(version.locale.language_code, 99))


def _live_versions():
    return visible(Page.objects.filter(alias_of__isnull=True)).select_related("locale")


def live_translations(page):
    """The live, public language versions of ``page`` (itself included when it is one), in
    the order of the settings' languages: what the language switcher and hreflang offer."""
    if not page.pk:
        return []
    return _in_settings_order(_live_versions().filter(translation_key=page.translation_key))


def language_versions_by_key():
    """``live_translations`` of every page that exists in more than one language, by
    translation key, in one query (for answers that list many pages)."""
    translated = (
        Page.objects.order_by()
        .values("translation_key")
        .annotate(versions=Count("pk"))
        .filter(versions__gt=1)
        .values("translation_key")
    )
    groups = {}
    for version in _live_versions().filter(translation_key__in=translated):
        groups.setdefault(version.translation_key, []).append(version)
    return {key: _in_settings_order(versions) for key, versions in groups.items()}


def language_versions_for(request, page):
    """``live_translations`` of ``page``; with a request, from one query for all the pages
    an answer lists (the API's lists, the sitemap)."""
    if request is None or not page.pk:
        return live_translations(page)
    if not hasattr(request, "_network_language_versions"):
        request._network_language_versions = language_versions_by_key()
    return request._network_language_versions.get(page.translation_key, [])


def content_language(page):
    """The language a page's content is written in (an alias shows its original's)."""
    locale_id = page.alias_of.locale_id if page.alias_of_id else page.locale_id
    reading = _reading.get()
    if reading is not None:
        return (
            reading.language_codes.get(locale_id) or Locale.objects.get(pk=locale_id).language_code
        )
    return Locale.objects.get(pk=locale_id).language_code


def terms_in_reading_language(terms):
    """Vocabulary terms (focus areas, languages …) named in the reader's language."""
    reading = _reading.get()
    return reading.terms(terms) if reading else list(terms)


def in_original_order(queryset):
    """``queryset`` in the order of the originals' page tree (a walk's stops, the portal's
    sections), wherever their translations sit in their own trees."""
    original_path = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale=default_locale()
    ).values("path")[:1]
    return queryset.annotate(original_path=Coalesce(Subquery(original_path), F("path"))).order_by(
        "original_path"
    )


def pages_below(page, model, locale, *, children_only=False):
    """The live, public pages of ``model`` below ``page`` that a reader of ``locale`` sees."""
    queryset = visible(model.objects.filter(below(page, locale, children_only=children_only)))
    return for_readers_of(queryset, locale)


class TermsInLanguage:
    """A vocabulary's terms in one language, by translation key: a page read in another
    language names its terms in the reader's language. Loads each vocabulary once."""

    def __init__(self, locale):
        self.locale = locale
        self._by_model = {}

    def __call__(self, terms):
        terms = list(terms)
        if not terms or not isinstance(terms[0], TranslatableMixin):
            return terms
        model = type(terms[0])
        if model not in self._by_model:
            self._by_model[model] = {
                term.translation_key: term for term in model.objects.filter(locale=self.locale)
            }
        in_language = self._by_model[model]
        return [
            term
            if term.locale_id == self.locale.pk
            else in_language.get(term.translation_key, term)
            for term in terms
        ]
