from wagtail import hooks

from .admin_views import StorySubmissionViewSet


@hooks.register("register_participation_viewset")
def story_submissions():
    return StorySubmissionViewSet
