"""What the network's page types share."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index

from ..api.fields import FormFieldInfo, computed_field, form_fields_info
from ..blocks import RICH_TEXT_FEATURES
from ..participation import handle_participation_form
from .preview import HeadlessPreviewMixin


class NetworkPageForm(WagtailAdminPageForm):
    """The page editor's choices in the page's own language, and pages (associations,
    meetings, walks) by name rather than by their place in the tree."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.locale_id:
            locale = self.instance.locale
        else:
            locale = self.parent_page.locale if self.parent_page else None
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is None:
                continue
            if locale is not None and issubclass(queryset.model, TranslatableMixin):
                queryset = queryset.filter(locale=locale)
            if issubclass(queryset.model, Page):
                queryset = queryset.order_by("title")
            field.queryset = queryset


class SectionIndexPage(HeadlessPreviewMixin, Page):
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


class ParticipationFormPage(HeadlessPreviewMixin, Page):
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
        return pages.live().public()
    return pages.filter(live=True)
