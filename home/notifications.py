"""E-mails the network sends to people outside the admin: confirmations and invitations.

Sending stores the message in the outbox; a background worker delivers it (to the console in
development, through SMTP in production; see outbox and the settings). Subjects are put on one
line: a title with a line break never costs a notification.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from outbox.subjects import one_line


def _send(subject, template, context, recipient):
    body = render_to_string(template, context)
    send_mail(one_line(subject), body, settings.DEFAULT_FROM_EMAIL, [recipient])


def send_registration_confirmation(registration, request):
    meeting = registration.meeting
    waitlisted = registration.status == registration.Status.WAITLISTED
    subject = (
        _("Warteliste: %(meeting)s") if waitlisted else _("Anmeldung bestätigt: %(meeting)s")
    ) % {"meeting": meeting.title}
    _send(
        subject,
        "emails/registration_confirmation.txt",
        {
            "registration": registration,
            "meeting": meeting,
            "waitlisted": waitlisted,
            "meeting_url": meeting.get_full_url(request),
        },
        registration.email,
    )


def send_invitation(invitation, token, request=None):
    link = invitation_link(token, request)
    _send(
        _("Einladung: Redaktion für %(association)s")
        % {"association": invitation.association.title},
        "emails/invitation.txt",
        {"invitation": invitation, "link": link},
        invitation.email,
    )
    return link


def invitation_link(token, request=None):
    path = reverse("network:accept_invitation", kwargs={"token": token})
    if request is not None:
        return request.build_absolute_uri(path)
    return f"{settings.WAGTAILADMIN_BASE_URL}{path}"


def notify_moderators(subject, template, context):
    """Tell the city's editors that something waits for them."""
    from .roles import CITY_EDITORS_GROUP_NAME

    recipients = list(
        get_user_model()
        .objects.filter(groups__name=CITY_EDITORS_GROUP_NAME, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if recipients:
        body = render_to_string(template, {**context, "admin_url": settings.WAGTAILADMIN_BASE_URL})
        send_mail(one_line(subject), body, settings.DEFAULT_FROM_EMAIL, recipients)


def send_application_declined(application, reason):
    _send(
        _("Ihr Antrag beim Netzwerk Migrantenorganisationen Sindelfingen"),
        "emails/application_declined.txt",
        {"application": application, "reason": reason},
        application.email,
    )
