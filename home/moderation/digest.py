"""The daily digest for moderators who chose it (account settings, "E-Mails zu neuen
Einsendungen"): what waits for them, per kind with its list, and what came in since the last
digest, each with its link; in the editor's language; nothing when nothing waits.

At most one digest per editor and day: the editor's record says when the last one went out and
from when the next one lists, and is written in the same transaction as the mail (stored in the
outbox), so a run that fails half-way can simply be run again.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext

from outbox.subjects import one_line

from ..models import ModerationMailPreference
from ..notifications import admin_link, editor_language
from ..roles import moderators
from .waiting import subject_of, title_of, waiting_for

logger = logging.getLogger(__name__)

# Items listed per kind; the rest are counted and found through the kind's list.
MAX_ITEMS_PER_KIND = 20


def digest_editors():
    """The moderators who chose the digest and can receive mail."""
    return (
        moderators()
        .filter(
            is_active=True,
            moderation_mail_preference__frequency=ModerationMailPreference.Frequency.DAILY,
        )
        .exclude(email="")
        .select_related("wagtail_userprofile")
        .order_by("pk")
    )


def send_digests(now=None):
    """Send each digest editor the day's digest unless they had it today. Returns the number
    sent and the editors whose digest failed (each in its own transaction: one failure stops
    no other digest)."""
    now = now or timezone.now()
    sent, failed = 0, []
    for editor in digest_editors():
        try:
            sent += send_digest(editor, now)
        except Exception:
            logger.exception("The moderation digest for %s could not be sent", editor)
            failed.append(editor)
    return sent, failed


@transaction.atomic
def send_digest(editor, now):
    """The digest for ``editor``; False if they had today's already, no longer want it (changed
    meanwhile), or nothing waits."""
    preference = ModerationMailPreference.objects.select_for_update().get(user=editor)
    if not preference.wants_digest:
        return False
    last = preference.last_digest_sent_at
    if last is not None and timezone.localdate(last) == timezone.localdate(now):
        return False
    with translation.override(editor_language(editor)):
        kinds = []
        for waiting in waiting_for(editor):
            count = waiting.count()
            if not count:
                continue
            arrived = waiting.arrived(preference.digest_from, now)
            listed = list(arrived[:MAX_ITEMS_PER_KIND])
            kinds.append(
                {
                    "label": str(waiting.label),
                    "count": count,
                    "link": settings.WAGTAILADMIN_BASE_URL + waiting.list_url,
                    "arrived": [
                        {
                            "title": title_of(item),
                            "link": admin_link(editor, subject_of(item)),
                        }
                        for item in listed
                    ],
                    "more": arrived.count() - len(listed),
                }
            )
        if not kinds:
            return False
        total = sum(kind["count"] for kind in kinds)
        subject = ngettext(
            "Zusammenfassung: %(count)s Eintrag wartet auf Sie",
            "Zusammenfassung: %(count)s Einträge warten auf Sie",
            total,
        ) % {"count": total}
        body = render_to_string(
            "emails/moderation_digest.txt",
            {
                "kinds": kinds,
                "anything_arrived": any(kind["arrived"] for kind in kinds),
                "account_link": (
                    f"{settings.WAGTAILADMIN_BASE_URL}{reverse('wagtailadmin_account')}"
                    "#tab-notifications"
                ),
            },
        )
    send_mail(one_line(subject), body, settings.DEFAULT_FROM_EMAIL, [editor.email])
    preference.digest_from = now
    preference.last_digest_sent_at = now
    preference.save(update_fields=["digest_from", "last_digest_sent_at"])
    return True
