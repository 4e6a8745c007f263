"""Admin registration of the network's shared vocabularies."""

from django.db.models import Q
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import ParticipationGroup
from .dashboard import construct_panels
from .models import District, FocusArea, Language, MeetingSeries, SupportTopic
from .roles import CITY_EDITORS_GROUP_NAME, grant_to_contributors


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


@hooks.register("register_admin_viewset")
def register_participation():
    return ParticipationGroup()


@hooks.register("construct_homepage_panels")
def add_network_panels(request, panels):
    construct_panels(request, panels)


@hooks.register("after_create_page")
def credit_contributing_associations(request, page):
    """What an association editor creates outside their association's own pages (a stop, project
    news), their associations may go on editing."""
    grant_to_contributors(page, request.user)


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


def without_drafts_of_others(pages, user):
    """Pages as an association editor may list them: another association's unpublished pages
    (in walks and projects they contribute to) stay out of their sight, titles included."""
    if user.is_superuser or user.groups.filter(name=CITY_EDITORS_GROUP_NAME).exists():
        return pages
    editable = [
        page.pk for page in pages.filter(live=False) if page.permissions_for_user(user).can_edit()
    ]
    return pages.filter(Q(live=True) | Q(pk__in=editable))


@hooks.register("construct_explorer_page_queryset")
def hide_drafts_of_others_in_explorer(parent_page, pages, request):
    return without_drafts_of_others(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def hide_drafts_of_others_in_choosers(pages, request):
    return without_drafts_of_others(pages, request.user)


class _DraftHidingPolicy:
    """A page permission policy whose explorable pages leave out other associations' drafts."""

    def __init__(self, policy):
        self._policy = policy

    def __getattr__(self, name):
        return getattr(self._policy, name)

    def explorable_instances(self, user, *args, **kwargs):
        return without_drafts_of_others(
            self._policy.explorable_instances(user, *args, **kwargs), user
        )


class NetworkPageSearchView(SearchView):
    def get_queryset(self):
        self.permission_policy = _DraftHidingPolicy(self.permission_policy)
        return super().get_queryset()


class NetworkPageViewSet(PageViewSet):
    name = "network_pages"
    url_prefix = "network-pages"
    search_view_class = NetworkPageSearchView


@hooks.register("register_admin_viewset", order=100)
def register_page_search_without_drafts_of_others():
    # Registered after Wagtail's own base page viewset, which it replaces for every page type.
    return NetworkPageViewSet()
