"""Wagtail's page endpoints (``/api/v3/pages/``) with the network's page permissions.

Wagtail 8.0's pages router has no hook for what a request may see. It looks pages up through
two names in its own module, ``get_pages_queryset`` and ``get_object_or_404``;
``guard_page_endpoints`` replaces both there, once, while config.api assembles the API (before
its URLs are read), and adds a django-ninja router decorator (ninja's own mechanism) to the
page detail. tests/security/test_tokens_and_patch.py fails if Wagtail stops using them.

- With a token, the pages a request may read are the public ones, exactly as without a token,
  and on top the pages the token's user may change or publish. (Wagtail's own rule for tokens
  is only the latter: a token hid the public pages of other associations.)
- A page named by id (a parent in POST, the page of a PATCH or an action, a destination) that
  is hidden from the token's user (home.permissions.hidden_from) answers exactly like an id
  that does not exist: 404, the same body, which names no page type (Django's message would
  name the type the request or the page has: "No TourPage matches").
- ``?version=draft`` (also through ``find/``, which redirects to the detail) returns the
  latest revision only to who may read it (home.permissions.may_read_draft); everyone else
  gets the live version, as an anonymous reader does. (The revision endpoints, the other
  ones that return drafts, check the same rule themselves; the actions that return a page
  need the right to change or publish it.)
"""

import functools

from django.contrib.auth.models import AnonymousUser
from django.db.models import Model, Q
from django.http import Http404
from django.shortcuts import get_object_or_404 as django_get_object_or_404

from wagtail.api.v3 import querysets as wagtail_querysets
from wagtail.api.v3.routers import pages as pages_router
from wagtail.models import Page
from wagtail.permissions import policy_registry

from ..permissions import hidden_from, may_read_draft
from .fields import current_request

#: Wagtail's own rule, for the public part.
wagtail_get_pages_queryset = wagtail_querysets.get_pages_queryset


class _AsAnonymous:
    """A request as an anonymous reader makes it: no user, no session (so no password or
    login a view restriction could accept)."""

    def __init__(self, request):
        self._request = request
        self.user = AnonymousUser()
        self.session = {}

    def __getattr__(self, name):
        return getattr(self._request, name)


def get_pages_queryset(request, model=Page):
    """The pages ``request`` may read: the public ones, and with a token also what its user
    may change or publish."""
    public = wagtail_get_pages_queryset(_AsAnonymous(request), model)
    if not request.user.is_authenticated:
        return public
    policy = policy_registry.get_by_type(Page)
    if model is not Page and model is not policy.model:
        policy = policy.for_model(model)
    editable = policy.instances_user_has_any_permission_for(request.user, {"change", "publish"})
    return (
        model._default_manager.filter(
            Q(pk__in=public.values("pk")) | Q(pk__in=editable.values("pk"))
        )
        .select_related("content_type", "locale")
        .order_by("pk")
    )


#: The answer for every page that is missing or hidden, whatever type was asked for: Django's
#: own message for a page id that does not exist.
NO_PAGE = f"No {Page._meta.object_name} matches the given query."


def get_object_or_404(klass, *args, **kwargs):
    """Django's get_object_or_404; a page hidden from the request's user is not found, and
    no page that is not found names its type."""
    model = klass if isinstance(klass, type) and issubclass(klass, Model) else klass.model
    if not issubclass(model, Page):
        return django_get_object_or_404(klass, *args, **kwargs)
    try:
        found = django_get_object_or_404(klass, *args, **kwargs)
    except Http404:
        raise Http404(NO_PAGE) from None
    request = current_request.get()
    if request is not None and hidden_from(request.user, found):
        raise Http404(NO_PAGE)
    return found


def live_unless_draft_readable(view_func):
    """A django-ninja operation decorator for the page detail: ``version=draft`` from who
    may not read the page's draft is answered with the live version."""
    if view_func is not wagtail_get_page:
        return view_func

    @functools.wraps(view_func)
    def get_page(request, page_id, version="live", **kwargs):
        if version == "draft":
            page = get_object_or_404(get_pages_queryset(request), pk=page_id)
            if not may_read_draft(request.user, page):
                version = "live"
        return view_func(request, page_id=page_id, version=version, **kwargs)

    return get_page


#: Wagtail's page detail view, which the decorator above applies to.
wagtail_get_page = pages_router.get_page


def guard_page_endpoints():
    pages_router.get_pages_queryset = get_pages_queryset
    pages_router.get_object_or_404 = get_object_or_404
    pages_router.router.add_decorator(live_unless_draft_readable, mode="operation")
