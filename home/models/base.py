"""What the network's page types share."""

import copy

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.forms import BoundField
from django.forms.formsets import DELETION_FIELD_NAME
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index

from limits.text import refuse_line_breaks

from ..api.fields import (
    FormFieldInfo,
    TranslationLink,
    computed_field,
    form_fields_info,
    translation_links,
)
from ..blocks import RICH_TEXT_FEATURES
from ..languages import (
    address_in_reading_language,
    language_versions_for,
    originals_without_translation,
    reading_in,
    reading_locale,
    visible,
)
from ..participation import handle_participation_form
from ..permissions import (
    NetworkPagePermissionTester,
    admin_title_for,
    is_foreign_draft,
    without_foreign_drafts,
)
from ..references import latest_revision_of, referred_to, refused_references
from .preview import HeadlessPreviewMixin


class RefusedFieldShowsItsValueBefore(BoundField):
    """A field whose value was refused (a reference its editor may not make) is shown again
    with the value it had, so that the form shown with the error names nothing the editor may
    not see (an image's title and preview, a document's file name, a page's address)."""

    def value(self):
        if self.name in getattr(self.form, "refused_fields", ()):
            return self.field.prepare_value(self.initial)
        return super().value()


class NetworkPageForm(WagtailAdminPageForm):
    """The page editor's choices in the page's own language, and pages (associations,
    meetings, walks) by name rather than by their place in the tree.

    Terms exist in every language; of pages, a translation offers those of its language and
    the German originals not translated into it yet (as its readers see them). What the page
    refers to already stays among the choices, so that saving never drops a relation.

    Pages are offered without the editor's foreign drafts (home.permissions); one the page
    already refers to stays chosen, but unnamed.

    Fields and inline panels with a permission (``FieldPanel(permission=…)``,
    home.panels.PermissionedInlinePanel) are left out for users without it, so saving never
    changes them; a request that sends them anyway (the API) is refused, naming the field.

    The page, and its inline objects, refer only to what home.references allows its editor:
    an error on each field that names something else (nothing is stored)."""

    bound_field_class = RefusedFieldShowsItsValueBefore

    def __init__(self, *args, **kwargs):
        self._keep_permissions_of_own_fields()
        super().__init__(*args, **kwargs)
        # Titles and other one-line fields take one line (admin and API alike).
        refuse_line_breaks(self)
        self._withhold()
        self._plain_words_for_wagtails_fields()
        if self.instance.locale_id:
            locale = self.instance.locale
        else:
            locale = self.parent_page.locale if self.parent_page else None
        for name, field in self.fields.items():
            queryset = getattr(field, "queryset", None)
            if queryset is None:
                continue
            chosen = self._chosen_ids(name)
            if locale is not None and issubclass(queryset.model, TranslatableMixin):
                offered = queryset.filter(locale=locale)
                if issubclass(queryset.model, Page):
                    untranslated = originals_without_translation(
                        queryset.model, locale, visible_only=False
                    )
                    offered = queryset.filter(untranslated) | offered
                queryset = offered | queryset.filter(pk__in=chosen) if chosen else offered
            if issubclass(queryset.model, Page):
                queryset = self._without_foreign_drafts(field, queryset, chosen)
                queryset = queryset.order_by("title")
            field.queryset = queryset
        self._preselect_own_associations()

    #: Wagtail's own fields in words a volunteer knows ("Kurztitel", "Meta-Information",
    #: "http://domain.com/blog/[my-slug]/" were its German).
    PLAIN_WORDS = {
        "slug": (
            _("Kurzname der Adresse"),
            _(
                "Der letzte Teil der Internetadresse der Seite, aus dem Titel gebildet: "
                "Kleinbuchstaben, Ziffern und Bindestriche."
            ),
        ),
        "seo_title": (
            _("Titel in Suchmaschinen"),
            _("Leer lassen, wenn er wie der Seitentitel lauten soll."),
        ),
        "search_description": (
            _("Beschreibung in Suchmaschinen"),
            _("Ein, zwei Sätze, die Suchmaschinen unter dem Titel zeigen."),
        ),
        "show_in_menus": (
            _("Im Menü der Website zeigen"),
            None,
        ),
    }

    def _plain_words_for_wagtails_fields(self):
        for name, (label, help_text) in self.PLAIN_WORDS.items():
            field = self.fields.get(name)
            if field is None:
                continue
            field.label = label
            if help_text is not None:
                field.help_text = help_text

    def _preselect_own_associations(self):
        """On a new page, the author's own associations are already ticked among those who
        contributed (in the page's language where they have a profile in it)."""
        field = self.fields.get("contributing_associations")
        if field is None or self.is_bound or self.instance.pk is not None or not self.for_user:
            return
        associations = field.queryset.model.objects
        own = associations.filter(editors__group__user=self.for_user).values("translation_key")
        self.initial["contributing_associations"] = list(
            field.queryset.filter(translation_key__in=own).values_list("pk", flat=True)
        )

    renamed_slug = None  # (asked for, given) when a new page's address was taken

    def clean_slug(self):
        """A new page whose address is taken among its siblings gets the next free one
        ("eisdiele-2"), as a volunteer starting again with the same title expects; the address
        is on a tab they rarely open, and Wagtail's error there would stop them unexplained."""
        slug = self.cleaned_data.get("slug")
        if not slug or self.instance.pk is not None or self.parent_page is None:
            return slug
        base = slug[: Page._meta.get_field("slug").max_length - 4]
        candidate, number = slug, 1
        while not Page._slug_is_available(candidate, self.parent_page):
            number += 1
            candidate = f"{base}-{number}"
        if candidate != slug:
            self.renamed_slug = (slug, candidate)
        return candidate

    def _keep_permissions_of_own_fields(self):
        """The API narrows a page form to the fields a request sends, but keeps the field
        permissions of the whole edit handler; Django's permissioned form then fails on a field
        it does not have (KeyError). This form keeps only the permissions of its own fields."""
        permissions = self._meta.field_permissions or {}
        own = {name: perm for name, perm in permissions.items() if name in self.base_fields}
        if len(own) < len(permissions):
            self._meta = copy.copy(self._meta)
            self._meta.field_permissions = own

    def _withhold(self):
        """What this user may not change, by the key that would send it: the fields Django's
        permissioned form has left out, and the formsets of inline panels with a permission
        the user lacks, which are left out here."""
        user = self.for_user
        self.withheld = {
            name: self.add_prefix(name)
            for name, perm in (self._meta.field_permissions or {}).items()
            if user and not user.has_perm(perm)
        }
        meta = getattr(self, "Meta", None)
        for name, perm in (getattr(meta, "formset_permissions", None) or {}).items():
            if name in self.formsets and user and not user.has_perm(perm):
                self.withheld[name] = f"{self.formsets.pop(name).prefix}-TOTAL_FORMS"

    def full_clean(self):
        super().full_clean()
        if not self.is_bound:
            return
        for name, key in self.withheld.items():
            if key in self.data:
                # The field is not on this user's form, so add_error() cannot name it.
                self._errors.setdefault(name, self.error_class()).append(
                    ValidationError(_("Sie dürfen dieses Feld nicht ändern."), code="forbidden")
                )
        if self.for_user is not None:
            self._refuse_references()

    def _refuse_references(self):
        """Errors for what the page (and its inline objects, as the form has built them) may
        not refer to; what the latest revision refers to stays allowed (home.references)."""
        latest = latest_revision_of(self.instance)
        before = referred_to(latest)
        for form in [self, *self._changed_inline_forms(self)]:
            refused = refused_references(form.instance, self.for_user, before)
            if not refused:
                continue
            form.refused_fields = set(refused)
            if form is not self:
                form.bound_field_class = RefusedFieldShowsItsValueBefore
                form._bound_fields_cache.clear()
            for name, errors in refused.items():
                if name in form.fields:
                    form.add_error(name, errors)
                else:
                    form._errors.setdefault(name, form.error_class()).extend(errors)
            if form is self:
                self._restore(refused, latest)

    @classmethod
    def _changed_inline_forms(cls, form):
        """The inline forms (of every depth) that hold something new."""
        for formset in getattr(form, "formsets", {}).values():
            for child in formset.forms:
                child.errors  # noqa: B018 - builds the child's instance
                if not child.has_changed():
                    continue
                if formset.can_delete and getattr(child, "cleaned_data", {}).get(
                    DELETION_FIELD_NAME
                ):
                    continue
                yield child
                yield from cls._changed_inline_forms(child)

    def _restore(self, fields, latest):
        """The page's refused fields as they were, so that nothing shown with the form (the
        editor's header, its side panels) names what was refused."""
        for name in fields:
            try:
                field = self.instance._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if not field.concrete:
                continue
            value = getattr(latest, field.attname) if latest is not None else field.get_default()
            setattr(self.instance, field.attname, value)

    def _without_foreign_drafts(self, field, queryset, chosen):
        if self.for_user is None:
            return queryset
        offered = without_foreign_drafts(queryset, self.for_user)
        if chosen:
            offered = offered | queryset.filter(pk__in=chosen)
        name_page = field.label_from_instance
        user = self.for_user

        def label(page):
            if is_foreign_draft(user, page):
                return _("Nicht veröffentlichte Seite")
            return name_page(page)

        field.label_from_instance = label
        return offered

    def _chosen_ids(self, name):
        value = self.initial.get(name)
        if value is None:
            return []
        if isinstance(value, models.Model | int | str):
            value = [value]
        return [getattr(item, "pk", item) for item in value if item is not None]


class LanguageVersionsMixin:
    """Every page type of the network in several languages (see home.languages).

    While a reader of another language reads, a German page that has no translation in their
    language stands in for it, at an address under their language prefix. A page's API
    fields end with ``translations``: links to its live versions in other languages.
    """

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        fields = list(getattr(cls, "api_fields", None) or [])
        if not any(field.name == "translations" for field in fields):
            cls.api_fields = [
                *fields,
                computed_field("translations", list[TranslationLink], translation_links),
            ]

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request)
        if not parts or not parts[2]:
            return parts
        site_id, root_url, page_path = parts
        return site_id, root_url, address_in_reading_language(self, page_path)

    def serve_preview(self, request, mode_name):
        """The preview shows the page as its readers will see it: in its language, with the
        interface in it (an editor of the Arabic translation sees it right to left)."""
        if mode_name == getattr(self, "HEADLESS_MODE", None):
            return super().serve_preview(request, mode_name)
        language = self.locale.language_code
        with translation.override(language), reading_in(language):
            response = super().serve_preview(request, mode_name)
            if hasattr(response, "render"):
                response.render()
        return response

    def get_sitemap_urls(self, request=None):
        """The page's address, with its addresses in its other languages (hreflang)."""
        urls = super().get_sitemap_urls(request)
        versions = language_versions_for(request, self)
        if len(versions) > 1:
            alternates = [
                {
                    "lang_code": version.locale.language_code,
                    "location": version.get_full_url(request),
                }
                for version in versions
            ]
            default = next(
                (v for v in versions if v.locale.language_code == settings.LANGUAGE_CODE), None
            )
            if default is not None:
                alternates.append(
                    {"lang_code": "x-default", "location": default.get_full_url(request)}
                )
            for url in urls:
                url["alternates"] = alternates
        return urls

    @property
    def reading_locale(self):
        """The locale the page is read in: the reader's, or its own outside the public site."""
        return reading_locale(self)


class NetworkPageMixin(LanguageVersionsMixin, HeadlessPreviewMixin):
    """What every page type of the network has: languages, the external preview, the
    network's page permissions (home.permissions) and its page form (in the admin and the
    API; what a page may refer to is checked there, see home.references)."""

    base_form_class = NetworkPageForm

    def permissions_for_user(self, user):
        return NetworkPagePermissionTester(user, self)

    def get_admin_display_title(self):
        return admin_title_for(self, super().get_admin_display_title())

    #: The fields that say in a sentence or two what a page is about, best first.
    SUMMARY_FIELDS = ("search_description", "summary", "teaser", "short_description", "lead")

    @property
    def listing_summary(self):
        """A sentence or two about the page, for search results and other listings."""
        for name in self.SUMMARY_FIELDS:
            value = getattr(self, name, "")
            if value:
                return value
        intro = getattr(self, "intro", "")
        return Truncator(strip_tags(str(intro))).words(30) if intro else ""


class SectionIndexPage(NetworkPageMixin, Page):
    """A main section of the portal, directly under a home page: an introduction above a
    listing of its pages (the directory, the meetings; later projects and walks)."""

    intro = RichTextField(_("Einleitung"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro", writable=True)]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class ParticipationFormPage(NetworkPageMixin, Page):
    """A public form the city places in the tree (share a story, join the network): an
    introduction, the privacy notice, and what it says after sending. Nothing sent is live."""

    intro = RichTextField(_("Einleitung"), features=RICH_TEXT_FEATURES, blank=True)
    privacy_notice = RichTextField(
        _("Datenschutzhinweise"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Wer die Angaben sieht, wofür und wie lange sie gespeichert werden."),
    )
    thank_you = models.CharField(
        _("Dank nach dem Absenden"),
        max_length=300,
        blank=True,
        help_text=_("Leer: ein Standardtext."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("privacy_notice"),
        FieldPanel("thank_you"),
    ]

    subpage_types = []
    max_count_per_parent = 1

    api_fields = [
        APIField("intro", writable=True),
        APIField("privacy_notice", writable=True),
        APIField("thank_you", writable=True),
        computed_field(
            "form",
            list[FormFieldInfo],
            lambda page: form_fields_info(page.form_class(**page.form_kwargs())),
        ),
    ]

    form_class = None
    rate_limit_scope = ""
    default_thanks = ""

    class Meta:
        abstract = True

    def form_kwargs(self):
        return {}

    def store(self, form):
        """Keep what a valid form holds, for moderation."""
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.setdefault("form", self.form_class(**self.form_kwargs()))
        return context

    def serve(self, request, *args, **kwargs):
        return handle_participation_form(
            request,
            form_class=self.form_class,
            form_kwargs=self.form_kwargs(),
            scope=self.rate_limit_scope,
            template=self.get_template(request),
            context=self.get_context(request),
            on_valid=self.store,
            success_url=self.url,
            success_message=self.thank_you or self.default_thanks,
        )


def visible_pages(pages):
    """Only the pages the public may see: live and without view restrictions.

    A preview holds a page's relations in memory, where only the live flag can be checked.
    """
    if isinstance(pages, PageQuerySet):
        return visible(pages)
    return pages.filter(live=True)
