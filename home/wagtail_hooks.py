"""Admin registration of the network's shared vocabularies."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import District, FocusArea, Language, MeetingSeries, SupportTopic


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
