"""Every mail goes through the outbox: stored, delivered by a task, deleted once delivered; a
subject with a line break is put on one line instead of costing the mail."""

import pytest
from network_users import make_city_editor, make_editor_of

from django.core import mail
from django.core.mail import EmailMessage, EmailMultiAlternatives, send_mail

from home.models import AssociationPage, MeetingPage
from outbox.models import OutgoingMail
from outbox.subjects import one_line

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Neue Geschichte: Der Koffer", "Neue Geschichte: Der Koffer"),
        ("Zeile eins\nZeile zwei", "Zeile eins Zeile zwei"),
        ("Windows\r\nZeilen\rund Mac", "Windows Zeilen und Mac"),
        ("  Tab\tund  doppelt \u2028Trenner\x85 ", "Tab und doppelt Trenner"),
        ("Null\x00Byte\x1b", "Null Byte"),
    ],
)
def test_a_subject_is_put_on_one_line(subject, expected):
    assert one_line(subject) == expected


def test_a_message_is_stored_delivered_as_written_and_then_forgotten():
    message = EmailMultiAlternatives(
        subject="Einladung",
        body="Guten Tag",
        from_email="netzwerk@example.org",
        to=["ana@example.org"],
        cc=["kopie@example.org"],
        bcc=["blind@example.org"],
        reply_to=["antwort@example.org"],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative("<p>Guten Tag</p>", "text/html")
    message.attach("liste.csv", "Name;E-Mail\n", "text/csv")
    message.attach("bild.png", b"\x89PNG\r\n\x1a\n", "image/png")

    assert message.send() == 1

    [sent] = mail.outbox
    assert sent.subject == "Einladung"
    assert sent.body == "Guten Tag"
    assert sent.from_email == "netzwerk@example.org"
    assert (sent.to, sent.cc, sent.bcc, sent.reply_to) == (
        ["ana@example.org"],
        ["kopie@example.org"],
        ["blind@example.org"],
        ["antwort@example.org"],
    )
    assert sent.extra_headers["Auto-Submitted"] == "auto-generated"
    assert sent.alternatives == [("<p>Guten Tag</p>", "text/html")]
    assert [(name, mimetype) for name, _content, mimetype in sent.attachments] == [
        ("liste.csv", "text/csv"),
        ("bild.png", "image/png"),
    ]
    assert sent.attachments[1][1] == b"\x89PNG\r\n\x1a\n"
    assert not OutgoingMail.objects.exists(), "delivered mail is not kept"


def test_a_header_the_message_cannot_carry_is_the_senders_error_at_once():
    message = EmailMessage("Betreff", "Text", to=["ana@example.org"], headers={"X-Bad": "a\nb"})

    with pytest.raises(ValueError):
        message.send()

    assert not OutgoingMail.objects.exists()
    assert not mail.outbox


def test_a_subject_with_a_line_break_still_goes_out_on_one_line():
    assert send_mail("Erste Zeile\nzweite Zeile", "Text", None, ["ana@example.org"]) == 1

    assert mail.outbox[-1].subject == "Erste Zeile zweite Zeile"


def test_a_meeting_title_with_a_line_break_never_costs_the_confirmation(client):
    meeting = MeetingPage.objects.get(slug="naechstes-vernetzungstreffen")
    MeetingPage.objects.filter(pk=meeting.pk).update(title="Vernetzungstreffen\nim Rathaus")

    response = client.post(
        f"{meeting.url}anmelden/",
        {
            "name": "Pat Beispiel",
            "email": "pat@example.org",
            "people": "1",
            "consent_privacy": "on",
            "website": "",
        },
    )

    assert response.status_code == 302
    [confirmation] = [m for m in mail.outbox if m.to == ["pat@example.org"]]
    assert confirmation.subject == "Anmeldung bestätigt: Vernetzungstreffen im Rathaus"


def test_a_page_title_with_a_line_break_never_costs_wagtails_moderation_notice():
    """Wagtail's own workflow mail (wagtail.admin.mail) goes through the outbox too; Wagtail
    would log and drop a message whose subject Django refuses."""
    city_editor = make_city_editor()
    author = make_editor_of("kulturbruecke-anatolien", username="autorin")
    page = AssociationPage.objects.get(slug="kulturbruecke-anatolien")
    page.title = "Kulturbrücke\nAnatolien"
    page.save_revision(user=author)

    page.get_workflow().start(page, author)

    notices = [m for m in mail.outbox if city_editor.email in m.to]
    assert notices, "the city editors hear of the submission"
    assert "Kulturbrücke Anatolien" in notices[-1].subject
    assert "\n" not in notices[-1].subject
