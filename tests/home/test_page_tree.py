"""The page tree keeps its shape: every page type knows where it may live and what it may hold."""

from django.contrib.auth import get_user_model

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import (
    AssociationIndexPage,
    AssociationPage,
    HomePage,
    JoinNetworkPage,
    MeetingIndexPage,
    MeetingPage,
    StandardPage,
)
from projects.models import ProjectIndexPage
from tours.models import TourIndexPage


class PageTreeTests(WagtailPageTestCase):
    def test_home_page_lives_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_holds_the_network_sections(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                AssociationIndexPage,
                MeetingIndexPage,
                TourIndexPage,
                ProjectIndexPage,
                JoinNetworkPage,
                StandardPage,
            },
        )

    def test_associations_live_in_the_directory_only(self):
        self.assertAllowedParentPageTypes(AssociationPage, {AssociationIndexPage})
        self.assertAllowedSubpageTypes(AssociationIndexPage, {AssociationPage})

    def test_meetings_live_in_the_meeting_index_only(self):
        self.assertAllowedParentPageTypes(MeetingPage, {MeetingIndexPage})
        self.assertAllowedSubpageTypes(MeetingIndexPage, {MeetingPage})

    def test_a_meeting_cannot_be_created_under_the_association_index(self):
        self.assertCanNotCreateAt(AssociationIndexPage, MeetingPage)
        self.assertCanNotCreateAt(AssociationPage, MeetingPage)
        self.assertCanNotCreateAt(MeetingIndexPage, AssociationPage)

    def test_leaf_pages_hold_nothing(self):
        self.assertAllowedSubpageTypes(AssociationPage, set())
        self.assertAllowedSubpageTypes(MeetingPage, set())

    def test_each_home_page_has_one_directory_and_one_meeting_index(self):
        home = HomePage.objects.get(depth=2, locale__language_code="de")
        self.assertFalse(AssociationIndexPage.can_create_at(home))
        self.assertFalse(MeetingIndexPage.can_create_at(home))
        self.assertTrue(StandardPage.can_create_at(home))

    def test_every_page_type_describes_itself_for_editors(self):
        for model in (
            HomePage,
            AssociationIndexPage,
            AssociationPage,
            MeetingIndexPage,
            MeetingPage,
            StandardPage,
        ):
            with self.subTest(model=model.__name__):
                self.assertTrue(model.page_description)

    def test_the_admin_refuses_a_meeting_under_the_directory(self):
        admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
        self.client.force_login(admin)
        directory = AssociationIndexPage.objects.get(locale__language_code="de")

        add_url = f"/admin/pages/add/home/meetingpage/{directory.pk}/"

        response = self.client.get(add_url, follow=True)
        self.assertEqual(response.redirect_chain, [("/admin/", 302)])
        self.assertContains(response, "Sie haben leider keinen Zugang zu diesem Bereich.")

        self.client.post(add_url, {"title": "Falsch einsortiert", "slug": "falsch"})
        self.assertFalse(MeetingPage.objects.child_of(directory).exists())
