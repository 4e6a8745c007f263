"""Admin registration of the network's shared vocabularies."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .action_menu import submit_first_for_authors
from .admin_pages import PAGE_BULK_ACTIONS, NetworkPageViewSet
from .admin_views import ParticipationGroup
from .dashboard import construct_panels, construct_summary_items
from .models import District, FocusArea, Language, MeetingSeries, SupportTopic
from .moderation import next_steps
from .moderation.account_settings import ModerationMailSettingsPanel
from .permissions import sees_every_page, without_foreign_drafts
from .rich_text import register_page_links
from .roles import grant_to_contributors


class VocabularyViewSet(SnippetViewSet):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]


class FocusAreaViewSet(VocabularyViewSet):
    model = FocusArea
    icon = "tag"


class LanguageViewSet(VocabularyViewSet):
    model = Language
    icon = "globe"
    list_display = ["name", "native_name", "code"]


class DistrictViewSet(VocabularyViewSet):
    model = District
    icon = "home"


class SupportTopicViewSet(VocabularyViewSet):
    model = SupportTopic
    icon = "help"


class MeetingSeriesViewSet(VocabularyViewSet):
    model = MeetingSeries
    icon = "date"


class VocabularyGroup(SnippetViewSetGroup):
    menu_label = _("Vokabulare")
    menu_icon = "list-ul"
    menu_order = 250
    items = (
        FocusAreaViewSet,
        LanguageViewSet,
        DistrictViewSet,
        SupportTopicViewSet,
        MeetingSeriesViewSet,
    )


register_snippet(VocabularyGroup)


@hooks.register("insert_global_admin_css")
def text_in_every_direction():
    """Fields take the direction of what is typed into them: Arabic runs right to left in an
    admin shown in German, German left to right in one shown in Arabic."""
    return format_html('<link rel="stylesheet" href="{}">', static("network/admin.css"))


@hooks.register("register_account_settings_panel")
def moderation_mail_settings(request, user, profile):
    return ModerationMailSettingsPanel(request, user, profile)


@hooks.register("insert_global_admin_js")
def names_for_rich_text_editors():
    """Rich text fields get an accessible name (network/admin.js)."""
    return format_html('<script src="{}"></script>', static("network/admin.js"))


@hooks.register("register_admin_viewset")
def register_participation():
    return ParticipationGroup()


@hooks.register("construct_homepage_panels")
def add_network_panels(request, panels):
    construct_panels(request, panels)


@hooks.register("construct_homepage_summary_items", order=100)
def site_totals_for_the_city(request, items):
    construct_summary_items(request, items)


@hooks.register("after_create_page")
def credit_contributing_associations(request, page):
    """What an association editor creates outside their association's own pages (a stop, project
    news), their associations may go on editing."""
    grant_to_contributors(page, request.user)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def say_what_comes_next(request, page):
    if request.POST.get("action-submit") or request.POST.get("action-restart-workflow"):
        next_steps.after_submitting(request, page)
    elif not request.POST.get("action-publish") and request.accepts("text/html"):
        # (Not after an autosave, which asks for JSON and shows no messages.)
        next_steps.after_saving_a_draft(request, page)


@hooks.register("register_log_actions")
def register_network_log_actions(actions):
    actions.register_action(
        "network.invitation_sent", _("Einladung verschickt"), _("Einladung verschickt")
    )
    actions.register_action(
        "network.invitation_accepted", _("Einladung angenommen"), _("Einladung angenommen")
    )
    actions.register_action(
        "network.application_accepted", _("Verein aufgenommen"), _("Verein aufgenommen")
    )
    actions.register_action(
        "network.application_declined", _("Aufnahmeantrag abgelehnt"), _("Aufnahmeantrag abgelehnt")
    )
    actions.register_action(
        "network.story_converted",
        _("Geschichte als Station übernommen"),
        _("Geschichte als Station übernommen"),
    )
    actions.register_action(
        "network.story_declined",
        _("Geschichte nicht übernommen"),
        _("Geschichte nicht übernommen"),
    )


@hooks.register("construct_page_chooser_queryset")
def hide_foreign_drafts_in_choosers(pages, request):
    # Wagtail's page chooser lists every page, without asking the permission policy.
    return without_foreign_drafts(pages, request.user)


@hooks.register("register_rich_text_features", order=100)
def page_links_without_foreign_drafts(features):
    # After Wagtail's own features (order 0), whose page link handlers these replace.
    register_page_links(features)


@hooks.register("construct_reports_menu")
def reports_for_who_sees_every_page(request, menu_items):
    # The reports look at the whole site (its history, its ageing pages, every workflow): not
    # an association's work, which its dashboard shows. The page types report also refuses
    # everyone else itself (home.admin_pages); the others list only what the user may see.
    if not sees_every_page(request.user):
        menu_items[:] = []


@hooks.register("construct_settings_menu")
def api_tokens_for_who_uses_them(request, menu_items):
    # An association's editor writes in the admin; the API tokens page is for who builds on the
    # API: the city, and whoever already has a token (the city makes the first one on request).
    user = request.user
    if not sees_every_page(user) and not user.api_tokens.exists():
        menu_items[:] = [item for item in menu_items if item.name != "api_tokens"]


@hooks.register("register_admin_viewset", order=100)
def register_page_views_without_foreign_drafts():
    # Registered after Wagtail's own base page viewset, which it replaces for every page type.
    return NetworkPageViewSet()


for bulk_action in PAGE_BULK_ACTIONS:
    # After Wagtail's own, which they replace (the registry keeps the last per action type).
    hooks.register("register_bulk_action", bulk_action, order=100)


# Authors who cannot publish see "Zur Prüfung einreichen" as the footer's button (action_menu).
hooks.register("construct_page_action_menu", submit_first_for_authors)


@hooks.register("construct_main_menu")
def no_english_help_for_editors(request, menu_items):
    # Wagtail's help menu links to its English guide and release notes on wagtail.org: for the
    # site's administrators, not for the network's editors.
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "help"]
