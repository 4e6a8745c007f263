from wagtail import hooks

from .admin_pages import WalkStopPageViewSet
from .admin_views import StorySubmissionViewSet


@hooks.register("register_participation_viewset")
def story_submissions():
    return StorySubmissionViewSet


@hooks.register("register_admin_viewset", order=100)
def walk_stops_in_walking_order():
    # After the network's base page viewset (home), like it.
    return WalkStopPageViewSet()
