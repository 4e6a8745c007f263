"""Project news on other apps' pages (the home page), without those apps importing this one."""

from django import template

from home.languages import localized, pages_below

from ..models import ProjectPage, ProjectUpdatePage

register = template.Library()


@register.inclusion_tag("components/project_news.html", takes_context=True)
def project_news(context, home, limit=3):
    """The latest project updates under ``home`` in the reader's language, newest first, each
    with its project and its visible authors."""
    locale = home.reading_locale
    updates = ProjectUpdatePage.with_authors(
        pages_below(home, ProjectUpdatePage, locale).order_by("-date", "-first_published_at")[
            :limit
        ],
        locale,
    )
    parents = ProjectPage.objects.filter(
        path__in={update.path[: -ProjectPage.steplen] for update in updates}
    )
    projects = dict(zip((p.path for p in parents), localized(parents, locale), strict=True))
    for update in updates:
        update.project = projects.get(update.path[: -ProjectPage.steplen])
    return {"updates": updates, "request": context.get("request")}
