"""E-mails the network sends: confirmations and invitations to people outside the admin, and
notices to the city's editors.

Sending stores the message in the outbox; a background worker delivers it (to the console in
development, through SMTP in production; see outbox and the settings). Subjects are put on one
line: a title with a line break never costs a notification.

A mail to an editor is in the editor's language (the one they chose for the admin, else German),
never in the language of whoever caused it: a story sent from /ar/ reaches the city in German.
"""

import functools

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.admin.admin_url_finder import AdminURLFinder

from outbox.subjects import one_line

from .languages import site_language
from .models.moderation_mail import ModerationMailPreference
from .role_names import CITY_EDITORS_GROUP_NAME


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
    """The invitation, in its language (chosen by the city; on accepting an application, by
    default the language it was sent in), with a link to the page where it is accepted, under
    the same language's prefix."""
    from .models import MembershipApplication

    with translation.override(site_language(invitation.language)):
        link = invitation_link(token, request)
        applied = MembershipApplication.objects.filter(
            association=invitation.association,
            email__iexact=invitation.email,
            status=MembershipApplication.Status.ACCEPTED,
        ).exists()
        _send(
            _("Einladung: Redaktion für %(association)s")
            % {"association": invitation.association.title},
            "emails/invitation.txt",
            {
                "invitation": invitation,
                "link": link,
                "inviter": invitation.inviter_name,
                "applied": applied,
                "valid_days": settings.NETWORK_INVITATION_VALID_DAYS,
            },
            invitation.email,
        )
    return link


def invitation_link(token, request=None):
    path = reverse("network:accept_invitation", kwargs={"token": token})
    if request is not None:
        return request.build_absolute_uri(path)
    return f"{settings.WAGTAILADMIN_BASE_URL}{path}"


def editor_language(user):
    """The language an editor reads their mail in: their choice in the admin, else German."""
    try:
        chosen = user.wagtail_userprofile.preferred_language
    except ObjectDoesNotExist:
        chosen = ""
    return chosen or settings.LANGUAGE_CODE


def admin_link(user, item):
    """The address where ``user`` opens ``item`` in the admin (the admin's start if none)."""
    path = AdminURLFinder(user).get_edit_url(item) or reverse("wagtailadmin_home")
    return f"{settings.WAGTAILADMIN_BASE_URL}{path}"


def notify_moderators(item, kind, subject, subject_values):
    """Tell each of the city's editors, in their language, that ``item`` waits for them, with a
    link to it; not those who chose the daily digest (send_moderation_digest). ``kind`` and
    ``subject`` are lazy translations, ``subject`` a format string filled with
    ``subject_values``."""
    editors = (
        get_user_model()
        .objects.filter(groups__name=CITY_EDITORS_GROUP_NAME, is_active=True)
        .exclude(email="")
        .exclude(moderation_mail_preference__frequency=ModerationMailPreference.Frequency.DAILY)
        .select_related("wagtail_userprofile")
        .distinct()
    )
    for editor in editors:
        with translation.override(editor_language(editor)):
            body = render_to_string(
                "emails/new_submission.txt",
                {"submission": item, "kind": kind, "link": admin_link(editor, item)},
            )
            subject_line = one_line(str(subject) % subject_values)
        send_mail(subject_line, body, settings.DEFAULT_FROM_EMAIL, [editor.email])


def _in_the_site_language(send):
    """Wagtail's moderation mail, rendered per recipient in their preferred language: with none
    chosen, Wagtail falls back to the active one, the sender's. Under German, that fallback is
    German."""

    @functools.wraps(send)
    def send_in_the_site_language(*args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return send(*args, **kwargs)

    send_in_the_site_language.in_the_site_language = True
    return send_in_the_site_language


def install():
    """Route Wagtail's moderation mail through the recipients' languages; safe to call again."""
    from wagtail.admin import mail
    from wagtail.admin.views.pages import edit

    if not getattr(mail.EmailNotificationMixin.send_emails, "in_the_site_language", False):
        mail.EmailNotificationMixin.send_emails = _in_the_site_language(
            mail.EmailNotificationMixin.send_emails
        )
    for module in (mail, edit):
        if not getattr(module.send_notification, "in_the_site_language", False):
            module.send_notification = _in_the_site_language(module.send_notification)


def send_application_declined(application, reason):
    _send(
        _("Ihr Antrag beim Netzwerk Migrantenorganisationen Sindelfingen"),
        "emails/application_declined.txt",
        {"application": application, "reason": reason},
        application.email,
    )
