"""Participation through the API: the same forms, consents, honeypot and rate limits as the
public pages, answered in JSON. Nothing sent here is public before a city editor decides."""

from typing import Literal

from ninja import Router, Schema, Status
from pydantic import Field

from django.http import Http404
from django.utils.translation import gettext

from wagtail.api.v3.auth import AllowAnonymous
from wagtail.api.v3.errors import ProblemDetail, problem_response
from wagtail.utils.forms import FormValidationError

from home.participation import SubmissionLimitReached, store_accepted_submission

router = Router(tags=["participation"], auth=[AllowAnonymous()])

# Answers every participation endpoint may give besides success.
ERROR_RESPONSES = {
    404: ProblemDetail,
    409: ProblemDetail,
    422: ProblemDetail,
    429: ProblemDetail,
}


class SubmissionReceived(Schema):
    """What became of a submission. It is stored for the city; nothing is published."""

    status: Literal["received", "confirmed", "waitlisted"]
    message: str


class ParticipationInput(Schema):
    # Left empty by people; robots fill it in. Same name as the forms' hidden field.
    website: str = Field("", description="Leer lassen (Schutz vor automatisierten Einsendungen).")


def submit(request, *, form_class, form_kwargs=None, scope, data, files=None, store):
    """Validate ``data`` with the public form ``form_class`` and keep it atomically.

    ``store(form)`` keeps the submission and returns (status, message). Answers 422 with one
    error per field for bad input (which does not count against the client), 429 when the
    client reached the limit of accepted submissions (shared with the HTML form of the same
    scope); a refused submission stores nothing.
    """
    form = form_class(data=data, files=files or {}, **(form_kwargs or {}))
    if not form.is_valid():
        # One error per field, with the form's own (German) messages: a front end can show
        # them next to its fields, as the website does.
        raise FormValidationError.from_form(form)
    try:
        status, message = store_accepted_submission(request, scope, lambda: store(form))
    except SubmissionLimitReached as refusal:
        response = problem_response(status=429, detail=refusal.message)
        response["Retry-After"] = str(refusal.retry_after)
        return response
    return SubmissionReceived(status=status, message=str(message))


def live_form_page(model):
    """The live, public form page of ``model`` that API submissions are stored for."""
    from home.models.base import visible_pages

    page = visible_pages(model.objects.all()).order_by("path").first()
    if page is None:
        raise Http404(gettext("Dieses Formular ist zurzeit nicht verfügbar."))
    return page


class MembershipApplicationInput(ParticipationInput):
    association_name: str = Field(min_length=1, max_length=150)
    focus: str = Field(min_length=1, max_length=300)
    contact_name: str = Field(min_length=1, max_length=120)
    email: str = Field(max_length=254, json_schema_extra={"format": "email"})
    phone: str = Field("", max_length=40)
    message: str = Field("", max_length=3000)
    consent_privacy: bool = Field(
        description="Zustimmung zur Datenschutzerklärung; muss true sein.",
        json_schema_extra={"const": True},
    )


@router.post(
    "/membership-applications/",
    response={201: SubmissionReceived, **ERROR_RESPONSES},
    url_name="apply_for_membership",
    operation_id="participation_apply_for_membership",
    summary="Apply to join the network",
    description=(
        "An association applies to join. The city decides; the applicant hears back by e-mail. "
        "The same checks as the form on the website apply, including the consent to the privacy "
        "notice and a limit of submissions per client."
    ),
)
def apply_for_membership(request, payload: MembershipApplicationInput):
    from home.models import JoinNetworkPage

    page = live_form_page(JoinNetworkPage)

    def store(form):
        page.store(form)
        return "received", page.thank_you or page.default_thanks

    result = submit(
        request,
        form_class=page.form_class,
        form_kwargs=page.form_kwargs(),
        scope=page.rate_limit_scope,
        data=payload.dict(),
        store=store,
    )
    return Status(201, result) if isinstance(result, SubmissionReceived) else result
