"""What the network's page types share."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index

from ..blocks import RICH_TEXT_FEATURES


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


class SectionIndexPage(Page):
    """A main section of the portal, directly under a home page: an introduction above a
    listing of its pages (the directory, the meetings; later projects and walks)."""

    intro = RichTextField(_("Einleitung"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


def visible_pages(pages):
    """Only the pages the public may see: live and without view restrictions.

    A preview holds a page's relations in memory, where only the live flag can be checked.
    """
    if isinstance(pages, PageQuerySet):
        return pages.live().public()
    return pages.filter(live=True)
