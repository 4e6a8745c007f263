"""Project news on other apps' pages (the home page), without those apps importing this one."""

from django import template
from django.db.models import Prefetch

from home.models import AssociationPage
from home.models.base import visible_pages

from ..models import ProjectPage, ProjectUpdatePage

register = template.Library()


@register.inclusion_tag("components/project_news.html", takes_context=True)
def project_news(context, home, limit=3):
    """The latest project updates under ``home``, newest first, each with its project."""
    updates = list(
        visible_pages(ProjectUpdatePage.objects.descendant_of(home))
        .prefetch_related(
            Prefetch(
                "author_associations",
                queryset=visible_pages(AssociationPage.objects.all()).order_by("title"),
            )
        )
        .order_by("-date", "-first_published_at")[:limit]
    )
    parent_paths = {update.path[: -ProjectPage.steplen] for update in updates}
    projects = {
        project.path: project for project in ProjectPage.objects.filter(path__in=parent_paths)
    }
    for update in updates:
        update.project = projects.get(update.path[: -ProjectPage.steplen])
    return {"updates": updates, "request": context.get("request")}
