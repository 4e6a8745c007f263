"""A moderator may take the news of what waits once a day instead of one mail per item: chosen
in the admin's account settings; single mails (ours and Wagtail's) then skip them; the daily
command sends each their digest, in their language, once a day and only when something waits."""

import datetime
from html.parser import HTMLParser

import pytest
from moderated_path import decide, submitted_stop
from network_users import make_city_editor, make_editor_of
from public_forms import story_data

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from wagtail.models import TaskState
from wagtail.users.models import UserProfile

from home.models import MeetingRegistration, MembershipApplication, ModerationMailPreference
from home.moderation import digest
from tours.models import StoryFormPage, StorySubmission

pytestmark = pytest.mark.django_db

DAILY = ModerationMailPreference.Frequency.DAILY
IMMEDIATE = ModerationMailPreference.Frequency.IMMEDIATE
PANEL_TITLE = "E-Mails zu neuen Einsendungen"


class FormValues(HTMLParser):
    """What a browser posts from a page's forms as they stand: named fields with their value,
    ticked boxes and chosen options only."""

    def __init__(self):
        super().__init__()
        self.values, self._select, self._textarea = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"submit", "file", "button"}:
            if attrs.get("type") in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.values[name] = attrs.get("value", "on")
            else:
                self.values[name] = attrs.get("value", "")
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select:
            if "selected" in attrs or self._select not in self.values:
                self.values[self._select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.values[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data


def named(user):
    """Wagtail's account form asks for a last name, which the test users lack."""
    user.last_name = "Beispiel"
    user.save()
    return user


def account_page(client):
    response = client.get("/admin/account/")
    assert response.status_code == 200
    return response.content.decode()


def account_form(client, **changes):
    """The account page's form as the browser would send it, with ``changes``."""
    parser = FormValues()
    parser.feed(account_page(client))
    return parser.values | changes


def prefers(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def chooses_digest(user):
    ModerationMailPreference.for_user(user).choose(DAILY)
    return user


def mails_to(user):
    return [message for message in mail.outbox if user.email in message.to]


def nothing_waits():
    StorySubmission.objects.update(status=StorySubmission.Status.DECLINED)
    MembershipApplication.objects.update(status=MembershipApplication.Status.DECLINED)
    MeetingRegistration.objects.update(status=MeetingRegistration.Status.CONFIRMED)
    TaskState.objects.update(status=TaskState.STATUS_CANCELLED)


def new_story(title, **fields):
    story = StorySubmission(
        title=title, story="Eine Geschichte.", author_name="Nonna Maria", **fields
    )
    story.record_consent(["Ich bin einverstanden."])
    story.save()
    return story


# The choice in the account settings ------------------------------------------------------


def test_a_city_editor_chooses_the_daily_digest_on_the_account_page(client):
    city = named(make_city_editor())
    client.force_login(city)
    html = account_page(client)
    assert PANEL_TITLE in html
    assert "Sofort, eine E-Mail je Einsendung" in html
    assert "Einmal täglich eine Zusammenfassung" in html
    form = account_form(client)
    assert form["moderation_mail-frequency"] == IMMEDIATE  # the default, before any choice
    assert form["notifications-submitted_notifications"] == "on"

    response = client.post(
        "/admin/account/", account_form(client, **{"moderation_mail-frequency": DAILY})
    )

    assert response.status_code == 302
    preference = ModerationMailPreference.objects.get(user=city)
    assert preference.frequency == DAILY
    assert preference.digest_from is not None
    # Wagtail's own mail about pages submitted for moderation is off with it ...
    assert not UserProfile.get_for_user(city).submitted_notifications
    assert account_form(client)["moderation_mail-frequency"] == DAILY

    # ... and on again with single mails chosen back.
    response = client.post(
        "/admin/account/", account_form(client, **{"moderation_mail-frequency": IMMEDIATE})
    )

    assert response.status_code == 302
    assert ModerationMailPreference.objects.get(user=city).frequency == IMMEDIATE
    assert UserProfile.get_for_user(city).submitted_notifications


def test_a_choice_that_is_not_offered_is_refused_and_nothing_is_stored(client):
    city = named(make_city_editor())
    client.force_login(city)

    response = client.post(
        "/admin/account/", account_form(client, **{"moderation_mail-frequency": "hourly"})
    )

    # Wagtail's account view shows the form again with the error (its way for every field).
    assert response.status_code == 200
    assert "hourly ist keine gültige Auswahl." in response.content.decode()
    assert not ModerationMailPreference.objects.filter(user=city).exists()
    assert UserProfile.get_for_user(city).submitted_notifications


def test_the_digest_is_not_offered_to_an_association_editor(client):
    editor = named(make_editor_of("kulturbruecke-anatolien"))
    client.force_login(editor)

    assert PANEL_TITLE not in account_page(client)
    response = client.post(
        "/admin/account/", account_form(client, **{"moderation_mail-frequency": DAILY})
    )

    assert response.status_code == 302
    assert not ModerationMailPreference.objects.filter(user=editor).exists()


def test_superusers_moderate_too_and_are_offered_the_digest(client):
    admin = get_user_model().objects.create_superuser("admin-digest", "admin@example.org", "x")
    client.force_login(admin)

    assert PANEL_TITLE in account_page(client)


# Single mails skip whoever chose the digest ------------------------------------------------


def test_a_story_from_arabic_reaches_the_others_in_german_and_not_the_digest_editor(client):
    single = make_city_editor()
    daily = chooses_digest(make_city_editor(username="stadt-taeglich"))
    arabic_form = StoryFormPage.objects.get(locale__language_code="de").url.replace(
        "/de/", "/ar/", 1
    )

    response = client.post(arabic_form, story_data(title="حقيبة جدتي"))

    assert response.status_code == 302
    [notice] = mails_to(single)
    assert notice.subject == "Neue Geschichte eingesendet: حقيبة جدتي"
    assert "eine neue Einsendung wartet auf die Stadtredaktion (Geschichte)" in notice.body
    assert mails_to(daily) == []


def test_wagtails_submission_mail_skips_the_digest_editor(client, demo_tour, people):
    daily = chooses_digest(make_city_editor(username="stadt-taeglich"))
    stop = submitted_stop(client, people["author"], demo_tour, "Station am Abend", "am-abend")
    mail.outbox.clear()

    decide(stop, people["reviewer"], "approve")  # on to the city's step

    assert stop.current_workflow_task.name == "Freigabe durch die Stadtredaktion"
    [notice] = mails_to(people["city"])
    assert "Station am Abend" in notice.subject
    assert f"/admin/pages/{stop.pk}/edit/" in notice.body
    assert mails_to(daily) == []


# The daily digest --------------------------------------------------------------------------


def test_the_digest_lists_what_waits_and_what_is_new_in_the_editors_language(
    client, demo_tour, people
):
    application = MembershipApplication.objects.filter(
        status=MembershipApplication.Status.NEW
    ).first()
    assert application is not None, "the demo has one application waiting"
    daily = chooses_digest(make_city_editor(username="stadt-tr"))
    prefers(daily, "tr")
    german = chooses_digest(make_city_editor(username="stadt-de"))
    story = new_story("Der Koffer im Keller")
    stop = submitted_stop(
        client, people["author"], demo_tour, "Station am Bahnhof", "station-am-bahnhof"
    )
    decide(stop, people["reviewer"], "approve")
    mail.outbox.clear()
    stories = StorySubmission.objects.filter(status=StorySubmission.Status.NEW).count()
    applications = MembershipApplication.objects.filter(
        status=MembershipApplication.Status.NEW
    ).count()

    call_command("send_moderation_digest", verbosity=0)

    [turkish] = mails_to(daily)
    assert turkish.subject.startswith("Özet:")
    body = turkish.body
    assert body.startswith("Merhaba,")
    assert f"Yeni hikâyeler: {stories}\nhttp://testserver/admin/geschichten/?status=new" in body
    assert (
        f"Yeni üyelik başvuruları: {applications}\n"
        "http://testserver/admin/aufnahmeantraege/?status=new"
    ) in body
    assert "Moderasyondaki sayfalar: 1\nhttp://testserver/admin/#moderation-queue-section" in body
    # What came in since the digest was chosen, each with its own link ...
    new = body[body.index("Son özetten bu yana yeni:") :]
    assert f"- Der Koffer im Keller: http://testserver/admin/geschichten/inspect/{story.pk}/" in new
    assert f"- Station am Bahnhof: http://testserver/admin/pages/{stop.pk}/edit/" in new
    # ... not what was there before (that had its single mail).
    assert application.association_name not in new
    assert "http://testserver/admin/account/#tab-notifications" in body
    [in_german] = mails_to(german)
    assert (
        in_german.subject
        == f"Zusammenfassung: {stories + applications + 1} Einträge warten auf Sie"
    )
    assert in_german.body.startswith("Guten Tag,")
    assert "- Der Koffer im Keller: http://testserver/admin/geschichten/inspect/" in in_german.body
    assert mails_to(people["city"]) == []  # single mails: no digest


def test_no_digest_when_nothing_waits():
    daily = chooses_digest(make_city_editor(username="stadt-taeglich"))
    nothing_waits()

    call_command("send_moderation_digest", verbosity=0)

    assert mails_to(daily) == []
    assert ModerationMailPreference.objects.get(user=daily).last_digest_sent_at is None


def test_a_second_run_the_same_day_sends_nothing_and_the_next_day_only_whats_new():
    daily = chooses_digest(make_city_editor(username="stadt-taeglich"))
    nothing_waits()
    chosen = ModerationMailPreference.objects.get(user=daily).digest_from
    new_story("Die erste Geschichte")
    # Now, so that the command below runs on the same day; a second later is a second run of
    # that day (hours later may be past midnight in Sindelfingen, depending on when this runs).
    morning = max(timezone.now(), chosen)

    assert digest.send_digests(now=morning) == (1, [])
    assert digest.send_digests(now=morning + datetime.timedelta(seconds=1)) == (0, [])
    call_command("send_moderation_digest", verbosity=0)  # today, too: nothing more

    [first] = mails_to(daily)
    assert "- Die erste Geschichte: " in first.body
    new_story("Die zweite Geschichte", created_at=morning + datetime.timedelta(hours=5))
    mail.outbox.clear()

    assert digest.send_digests(now=morning + datetime.timedelta(days=1)) == (1, [])

    [second] = mails_to(daily)
    assert "Neue Geschichten: 2\n" in second.body  # both still wait ...
    assert "- Die zweite Geschichte: " in second.body  # ... one of them is new
    assert "Die erste Geschichte" not in second.body


def test_after_a_failure_a_second_run_sends_only_the_missing_digests(monkeypatch):
    first = chooses_digest(make_city_editor(username="stadt-eins"))
    second = chooses_digest(make_city_editor(username="stadt-zwei"))
    new_story("Eine Geschichte für beide")
    real_send_mail = digest.send_mail

    def mail_server_refuses_the_second(subject, body, sender, recipients):
        if second.email in recipients:
            raise ConnectionError("refused")
        return real_send_mail(subject, body, sender, recipients)

    monkeypatch.setattr(digest, "send_mail", mail_server_refuses_the_second)
    with pytest.raises(CommandError, match="stadt-zwei"):
        call_command("send_moderation_digest", verbosity=0)

    assert len(mails_to(first)) == 1 and mails_to(second) == []
    assert ModerationMailPreference.objects.get(user=second).last_digest_sent_at is None
    monkeypatch.setattr(digest, "send_mail", real_send_mail)

    call_command("send_moderation_digest", verbosity=0)

    assert len(mails_to(first)) == 1
    [late] = mails_to(second)
    assert "- Eine Geschichte für beide: " in late.body


def test_an_editor_who_left_the_city_gets_no_digest():
    former = chooses_digest(make_city_editor(username="stadt-frueher"))
    former.groups.clear()
    new_story("Eine neue Geschichte")

    call_command("send_moderation_digest", verbosity=0)

    assert mails_to(former) == []


def test_the_demo_has_a_city_editor_with_the_digest(settings):
    settings.DEBUG = True
    call_command("load_demo_content", verbosity=0)
    call_command("load_demo_content", verbosity=0)

    daily = get_user_model().objects.get(username="stadt-taeglich")
    assert ModerationMailPreference.objects.get(user=daily).frequency == DAILY
    assert not UserProfile.get_for_user(daily).submitted_notifications
    assert not ModerationMailPreference.objects.filter(
        user__username="stadt", frequency=DAILY
    ).exists()


def test_a_long_list_is_cut_and_says_how_many_more(monkeypatch):
    daily = chooses_digest(make_city_editor(username="stadt-taeglich"))
    nothing_waits()
    for number in range(1, 4):
        new_story(f"Geschichte Nummer {number}")
    monkeypatch.setattr(digest, "MAX_ITEMS_PER_KIND", 2)

    call_command("send_moderation_digest", verbosity=0)

    [message] = mails_to(daily)
    assert message.subject == "Zusammenfassung: 3 Einträge warten auf Sie"
    assert "- Geschichte Nummer 1: " in message.body
    assert "- Geschichte Nummer 2: " in message.body
    assert "Geschichte Nummer 3" not in message.body
    assert "- und 1 weiterer Eintrag\n" in message.body


def test_the_count_of_pages_leads_to_the_queue_on_the_dashboard(client):
    client.force_login(make_city_editor())

    html = client.get("/admin/").content.decode()

    assert 'href="/admin/#moderation-queue-section"' in html
    assert 'id="moderation-queue-section"' in html
