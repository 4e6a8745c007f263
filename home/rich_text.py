"""Page links in rich text as their reader may see them.

A link to a page that is a foreign draft for the reader (home.permissions; for the public,
every page that is not live) reads like a link to a page that does not exist: ``<a>`` without
an address on the site and in the API's HTML, and an entity without address in the admin's
editor (whose data also gives the API's Markdown). Otherwise the draft's address, and so its
existence and slug, would show wherever a page links to it.

The reader is the user of the request being answered (home.permissions.viewing_request); with
no request (a management command, a task), the public. Both handlers replace Wagtail's own
through its rich text feature registry (home.wagtail_hooks).
"""

from django.contrib.auth.models import AnonymousUser

from wagtail.admin.rich_text.converters.html_to_contentstate import PageLinkElementHandler
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from .permissions import is_foreign_draft, viewing_request


def reader():
    request = viewing_request.get()
    user = getattr(request, "user", None) if request is not None else None
    return user if user is not None else AnonymousUser()


class NetworkPageLinkHandler(PageLinkHandler):
    """Wagtail's page links on the site and in the API, without foreign drafts."""

    @classmethod
    def get_many(cls, attrs_list):
        user = reader()
        return [
            None if page is not None and is_foreign_draft(user, page) else page
            for page in super().get_many(attrs_list)
        ]


class NetworkPageLinkElementHandler(PageLinkElementHandler):
    """Wagtail's page links in the admin's editor, without foreign drafts."""

    def get_attribute_data(self, attrs):
        try:
            page = Page.objects.filter(id=attrs["id"]).first()
        except (KeyError, ValueError):
            page = None
        if page is not None and is_foreign_draft(reader(), page):
            # As Wagtail keeps a link to a page that does not exist.
            return {"id": page.id, "url": None, "parentId": None}
        return super().get_attribute_data(attrs)


#: Where Wagtail's contentstate rule for the "link" feature names its page link handler.
PAGE_LINK_SELECTOR = 'a[linktype="page"]'


def register_page_links(features):
    """Called from a register_rich_text_features hook that runs after Wagtail's own: the
    handlers above in place of Wagtail's, in Wagtail's own rules."""
    features.register_link_type(NetworkPageLinkHandler)
    # (Read from the registry's table: get_converter_rule() would scan for features again.)
    rule = features.converter_rules_by_converter["contentstate"]["link"]
    handlers = rule["from_database_format"]
    if PAGE_LINK_SELECTOR not in handlers:
        raise LookupError(f"Wagtail's link rule has no {PAGE_LINK_SELECTOR} any more.")
    features.register_converter_rule(
        "contentstate",
        "link",
        {
            **rule,
            "from_database_format": {
                **handlers,
                PAGE_LINK_SELECTOR: NetworkPageLinkElementHandler("LINK"),
            },
        },
    )
