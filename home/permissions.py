"""Who may see which pages: Wagtail's page permissions, without other people's drafts.

One definition, used by the admin (explorer, search, choosers, reports, bulk actions, page
views) and the API:

*A foreign draft*, for a user, is a page that is not live and that the user may neither change
(Wagtail's "change", or "add" on a page they own) nor publish. An association editor's foreign
drafts are other associations' and the city's unpublished pages; city editors (change and
publish on the tree root) and superusers have none.

- Listings never contain a foreign draft: the policy below drops them from every queryset
  Wagtail asks it for (explorable pages, pages with a permission), so its title appears nowhere.
- On a foreign draft the user has no rights (``NetworkPagePermissionTester``), except what the
  page's current workflow task grants: the reviewers of a step open, edit and decide it.
- Named by id, a foreign draft answers like an id that does not exist (``hidden_from``), unless
  it is under the user's review.
- A live page is shown to whoever may not change it under its live title, never the title of
  a newer draft (``admin_title_for``; its log entries too, see home.signals); its draft (the
  latest revision) is read only by who may change or publish it, or review it in its current
  workflow step (``may_read_draft``), everyone else reads the live version.
- What is about the whole site, drafts included (the page types report), is only for users
  who have no foreign drafts (``sees_every_page``).

This module imports no models of the network, so that the models can use it.
"""

from contextvars import ContextVar

from django.db.models import Q

from wagtail.models import Page, PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

#: The request being answered (admin, API or site), for what Wagtail asks of a page without
#: a request: the admin title, which depends on who is looking. Set by ViewingRequestMiddleware.
viewing_request: ContextVar = ContextVar("viewing_request", default=None)


class ViewingRequestMiddleware:
    """Remembers the request being answered in ``viewing_request`` (after authentication)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = viewing_request.set(request)
        try:
            return self.get_response(request)
        finally:
            viewing_request.reset(token)


def changes_or_publishes(actions, owns):
    """Whether page permissions ``actions`` ("add", "change", "publish" …) let a user change or
    publish a page; ``owns``: the user owns it (Wagtail lets "add" change one's own pages)."""
    return "change" in actions or "publish" in actions or ("add" in actions and owns)


class NetworkPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permission policy, with foreign drafts left out of every queryset."""

    def changeable_q(self, user):
        """The pages ``user`` may change or publish, as a filter (from the cached permissions,
        no query of its own)."""
        q = Q(pk__in=[])
        for perm in self.get_cached_permissions_for_user(user):
            under = Q(path__startswith=perm.page.path)
            actions = {perm.permission.codename.rsplit("_", maxsplit=1)[0]}
            if changes_or_publishes(actions, owns=False):
                q |= under
            elif changes_or_publishes(actions, owns=True):  # "add": the user's own pages
                q |= under & Q(owner=user)
        return q

    def without_foreign_drafts(self, pages, user):
        if user.is_superuser:
            return pages
        if not user.is_active or user.is_anonymous:
            return pages.filter(live=True)
        return pages.filter(Q(live=True) | self.changeable_q(user))

    def may_change_or_publish(self, user, page):
        if user.is_superuser:
            return user.is_active
        if not user.is_active or user.is_anonymous:
            return False
        actions = {
            perm.permission.codename.rsplit("_", maxsplit=1)[0]
            for perm in self.get_cached_permissions_for_user(user)
            if page.path.startswith(perm.page.path)
        }
        return changes_or_publishes(actions, page.owner_id == user.pk)

    def is_foreign_draft(self, user, page):
        return not page.live and not self.may_change_or_publish(user, page)

    def sees_every_page(self, user):
        """Whether ``user`` has no foreign drafts at all: a superuser, or who may change or
        publish the tree root (city editors)."""
        if not user.is_active or user.is_anonymous:
            return False
        if user.is_superuser:
            return True
        return any(
            perm.page.is_root()
            and changes_or_publishes({perm.permission.codename.rsplit("_", maxsplit=1)[0]}, False)
            for perm in self.get_cached_permissions_for_user(user)
        )

    def instances_user_has_any_permission_for(self, user, actions):
        pages = super().instances_user_has_any_permission_for(user, actions)
        return self.without_foreign_drafts(pages, user)

    def explorable_instances(self, user):
        # Also drops foreign drafts that are only ancestors of a page the user may edit.
        return self.without_foreign_drafts(super().explorable_instances(user), user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if self.is_foreign_draft(user, instance):
            return False
        return super().user_has_any_permission_for_instance(user, actions, instance)


class NetworkPagePermissionTester(PagePermissionTester):
    """Wagtail's tester, with no rights on a foreign draft but those its workflow task grants
    (Wagtail asks the task itself in can_edit, can_lock and can_unlock)."""

    def __init__(self, user, page):
        super().__init__(user, page)
        if (
            user.is_active
            and not user.is_superuser
            and not page.live
            and not changes_or_publishes(self.permissions, page.owner_id == user.pk)
        ):
            self.permissions = set()


def page_policy():
    return policy_registry.get_by_type(Page)


def register_page_permission_policy():
    """Called from HomeConfig.ready(), before any request asks the registry."""
    register_permission_policy(Page, NetworkPagePermissionPolicy(Page))


def without_foreign_drafts(pages, user):
    return page_policy().without_foreign_drafts(pages, user)


def is_foreign_draft(user, page):
    return page_policy().is_foreign_draft(user, page)


def sees_every_page(user):
    return page_policy().sees_every_page(user)


def may_read_draft(user, page):
    """Whether ``user`` may read the latest revision of ``page`` (any page, specific or not):
    who may change or publish it, and the reviewers of its current workflow step (Wagtail's
    own test for a page's revisions). Everyone else reads its live version."""
    if not user.is_authenticated:
        return False
    tester = NetworkPagePermissionTester(user, page)
    return tester.can_edit() or tester.can_publish()


def under_review_by(user, page):
    """Whether the page's current workflow step lets ``user`` open it in the editor."""
    task = page.current_workflow_task
    return task is not None and task.user_can_access_editor(page, user)


def hidden_from(user, page):
    """Whether a page named by id must answer as if it did not exist: a foreign draft that is
    not under the user's review."""
    return is_foreign_draft(user, page) and not under_review_by(user, page)


def admin_title_for(page, title):
    """``title`` (Wagtail's admin title: the latest draft's) as the current viewer may read it:
    the live title of a live page they may neither change nor publish."""
    request = viewing_request.get()
    user = getattr(request, "user", None) if request is not None else None
    if user is None or not page.live or title == page.title:
        return title
    if page_policy().may_change_or_publish(user, page):
        return title
    return page.title
