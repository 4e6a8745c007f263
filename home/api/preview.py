"""Headless preview in the API: the draft behind a signed, expiring preview token."""

import datetime

from ninja import Router, Schema, Status

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils.translation import gettext

from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.errors import ProblemDetail, problem_response
from wagtail.api.v3.routers.pages import PageDetailSchema
from wagtail.models import Page

from home.models.preview import HeadlessPreview

from .fields import ObjectId
from .pages import get_object_or_404  # another association's draft: as if it did not exist

router = Router(tags=["preview"])


class PreviewLink(Schema):
    token: str
    expires_at: datetime.datetime
    front_end_url: str | None


@router.get(
    "/",
    response={200: PageDetailSchema, 404: ProblemDetail},
    auth=[AllowAnonymous()],
    url_name="preview_page",
    operation_id="preview_page",
    summary="The draft a preview token stands for",
    description="For external front ends: the page as the editor sees it in the preview, in the "
    "same shape as the page detail. The token is signed and expires; it is the only access "
    "this endpoint grants, and the answer is never cached.",
)
def preview_page(request, response: HttpResponse, token: str):
    # Preview answers hold drafts: no cache may keep them.
    response["Cache-Control"] = "private, no-store"
    preview = HeadlessPreview.from_token(token)
    if preview is None:
        response = problem_response(
            status=404,
            detail=gettext("Diese Vorschau gibt es nicht oder sie ist abgelaufen."),
        )
        response["Cache-Control"] = "private, no-store"
        return response
    return preview.as_page()


@router.post(
    "/pages/{page_id}/",
    response={201: PreviewLink, 401: ProblemDetail, 403: ProblemDetail, 404: ProblemDetail},
    auth=BearerTokenAuth(),
    url_name="create_preview",
    operation_id="preview_create",
    summary="A preview token for the latest draft of a page",
    description="For editors working in an external front end: only for pages the token's user "
    "may edit.",
)
def create_preview(request, page_id: ObjectId):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied(gettext("Sie dürfen diese Seite nicht bearbeiten."))
    draft = page.get_latest_revision_as_object()
    preview, token = HeadlessPreview.create_for(draft, request.user)
    link = PreviewLink(
        token=token,
        expires_at=preview.created_at
        + datetime.timedelta(seconds=settings.NETWORK_HEADLESS_PREVIEW_MAX_AGE),
        front_end_url=HeadlessPreview.front_end_url(token)
        if settings.NETWORK_HEADLESS_PREVIEW_URL
        else None,
    )
    return Status(201, link)
