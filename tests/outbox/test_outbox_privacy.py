"""Mail waiting in the outbox is personal data: exported and erased with the rest of a person's
data, and not kept longer than NETWORK_RETENTION_DAYS["undelivered_mails"]."""

import datetime
import io
import json

import pytest

from django.core.mail import send_mail
from django.core.management import call_command
from django.utils import timezone

from outbox.models import OutgoingMail

pytestmark = pytest.mark.django_db

EMAIL = "zofia.przybylska@example.org"
NAME = "Zofia Przybylska-Ünal"


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture
def waiting_mail(database_queue):
    """Three messages the worker has not delivered yet: to the person, about them, and one
    that has nothing to do with them."""
    send_mail("Anmeldung bestätigt", "Guten Tag", None, [f"{NAME} <{EMAIL}>"])
    send_mail("Neue Geschichte eingesendet", f"Von {NAME}, {EMAIL}", None, ["stadt@example.org"])
    send_mail("Einladung", "Guten Tag", None, ["jemand@example.org"])
    return {mail.subject: mail for mail in OutgoingMail.objects.all()}


def test_export_lists_the_mail_to_and_about_the_person(waiting_mail):
    records = json.loads(run("personal_data", EMAIL, "--export"))["records"]

    subjects = sorted(item["subject"] for item in records if item["table"] == "outbox_outgoingmail")
    assert subjects == ["Anmeldung bestätigt", "Neue Geschichte eingesendet"]


def test_erase_deletes_the_mail_to_and_about_the_person_and_nothing_else(waiting_mail):
    output = run("personal_data", EMAIL, "--erase")

    assert "Ausgehende E-Mails (outbox_outgoingmail): 2 gelöscht" in output
    assert list(OutgoingMail.objects.values_list("subject", flat=True)) == ["Einladung"]
    assert "outbox_outgoingmail" not in output.split("Alle übrigen Tabellen")[-1]


def test_undelivered_mail_is_purged_after_its_retention(waiting_mail, settings):
    settings.NETWORK_RETENTION_DAYS = {**settings.NETWORK_RETENTION_DAYS, "undelivered_mails": 30}
    old = waiting_mail["Einladung"]
    OutgoingMail.objects.filter(pk=old.pk).update(
        status=OutgoingMail.Status.FAILED, created_at=timezone.now() - datetime.timedelta(days=31)
    )

    assert "Ausgehende E-Mails: 1" in run("purge_personal_data", "--dry-run")
    assert OutgoingMail.objects.filter(pk=old.pk).exists()
    run("purge_personal_data")
    assert not OutgoingMail.objects.filter(pk=old.pk).exists()
    assert OutgoingMail.objects.count() == 2
