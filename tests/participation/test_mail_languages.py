"""Mail to an editor is in the editor's language (their admin choice, else German), whoever
caused it and in whatever language, and links straight to the item."""

import pytest
from admin_forms import stop_form
from network_users import make_city_editor, make_editor_of
from public_forms import application_data, story_data

from django.core import mail

from wagtail.users.models import UserProfile

from home.models import MembershipApplication
from tours.models import StoryFormPage, StorySubmission, TourStopPage

pytestmark = pytest.mark.django_db


def mails_to(user):
    return [message for message in mail.outbox if user.email in message.to]


def prefers(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.fixture
def arabic_story_form():
    german = StoryFormPage.objects.get(locale__language_code="de")
    return german.url.replace("/de/", "/ar/", 1)


def test_a_story_sent_in_arabic_reaches_the_city_in_german_with_a_link_to_it(
    client, arabic_story_form
):
    city = make_city_editor()

    response = client.post(arabic_story_form, story_data(title="حقيبة جدتي"))

    assert response.status_code == 302
    story = StorySubmission.objects.get(title="حقيبة جدتي")
    [notice] = mails_to(city)
    assert notice.subject == "Neue Geschichte eingesendet: حقيبة جدتي"
    assert "eine neue Einsendung wartet auf die Stadtredaktion (Geschichte)" in notice.body
    assert f"Lesen und entscheiden: http://testserver/admin/geschichten/inspect/{story.pk}/" in (
        notice.body
    )


def test_each_city_editor_reads_in_the_language_they_chose(client):
    german_editor = make_city_editor()
    english_editor = make_city_editor(username="city-en")
    prefers(english_editor, "en")

    client.post("/tr/mitmachen/", application_data(association_name="Anadolu Kültür Derneği"))

    application = MembershipApplication.objects.get(association_name="Anadolu Kültür Derneği")
    [german] = mails_to(german_editor)
    [english] = mails_to(english_editor)
    assert german.subject == "Neuer Aufnahmeantrag: Anadolu Kültür Derneği"
    assert english.subject == "New membership application: Anadolu Kültür Derneği"
    assert application.language == "tr"
    link = f"http://testserver/admin/aufnahmeantraege/inspect/{application.pk}/"
    assert link in german.body and link in english.body


def test_moderation_mail_is_in_the_reviewers_language_not_the_authors(client, demo_tour):
    author = make_editor_of("kulturbruecke-anatolien", username="autorin")
    prefers(author, "tr")
    reviewer = make_editor_of("circolo-culturale-ponte", username="pruefer")

    client.force_login(author)
    response = client.post(
        f"/admin/pages/add/tours/tourstoppage/{demo_tour.pk}/",
        stop_form("Yeni durak", "yeni-durak", **{"action-submit": "submit"}),
        HTTP_ACCEPT_LANGUAGE="tr",  # the author's browser, too, speaks Turkish
    )

    assert response.status_code == 302
    [notice] = mails_to(reviewer)
    assert "Yeni durak" in notice.subject
    assert notice.subject.startswith("Zur Prüfung: Station „Yeni durak“")
    assert notice.body.startswith("Hallo pruefer,")  # not "Merhaba", the author's language
    assert (
        f"http://testserver/admin/pages/{TourStopPage.objects.get(slug='yeni-durak').pk}/edit/"
        in (notice.body)
    )
