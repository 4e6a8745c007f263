"""The admin works for every page type and vocabulary: editors can open, edit and preview them."""

from django.contrib.auth import get_user_model
from django.utils.timezone import localtime

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import (
    AssociationIndexPage,
    AssociationPage,
    District,
    FocusArea,
    HomePage,
    Language,
    MeetingIndexPage,
    MeetingPage,
    MeetingSeries,
    StandardPage,
    SupportTopic,
)
from projects.models import OutsideActor, ProjectIndexPage, ProjectPage, ProjectUpdatePage
from tours.models import TourIndexPage, TourPage, TourStopPage


def editor_form_data(page):
    """What the page editor posts for ``page``: its own fields plus the StreamFields and inline
    panels that Wagtail's JavaScript would submit (the test helpers cannot read those from HTML)."""
    data = {"title": page.title, "slug": page.slug, "comments": inline_formset([])}
    if isinstance(page, AssociationPage):
        data |= {
            "short_description": page.short_description,
            "description": rich_text(page.description),
            "social_links": inline_formset([]),
            "representatives": inline_formset([]),
        }
    elif isinstance(page, MeetingPage):
        data |= {
            "start": localtime(page.start).strftime("%Y-%m-%d %H:%M"),
            "end": localtime(page.end).strftime("%Y-%m-%d %H:%M"),
            "format": page.format,
            "agenda": streamfield([]),
            "results": streamfield([]),
        }
    elif isinstance(page, StandardPage | ProjectUpdatePage):
        data |= {"body": streamfield([]), "summary": getattr(page, "summary", "")}
        if isinstance(page, ProjectUpdatePage):
            data["date"] = page.date.isoformat()
    elif isinstance(page, ProjectPage):
        data |= {
            "summary": page.summary,
            "status": page.status,
            "goal": rich_text(page.goal),
            "milestones": inline_formset([]),
            "working_groups": inline_formset([]),
        }
    elif isinstance(page, TourStopPage):
        data |= {
            "teaser": page.teaser,
            "latitude": str(page.latitude),
            "longitude": str(page.longitude),
            "story": streamfield([]),
            "sources": rich_text(page.sources),
        }
    else:
        return None  # no StreamField or inline panel: the helpers read the form themselves
    return nested_form_data(data)


class AdminTests(WagtailPageTestCase):
    def setUp(self):
        self.admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
        self.client.force_login(self.admin)

    def test_every_page_type_opens_in_the_editor_and_previews(self):
        for model in (
            HomePage,
            AssociationIndexPage,
            AssociationPage,
            MeetingIndexPage,
            MeetingPage,
            StandardPage,
            TourIndexPage,
            TourPage,
            TourStopPage,
            ProjectIndexPage,
            ProjectPage,
            ProjectUpdatePage,
        ):
            page = model.objects.first()
            with self.subTest(model=model.__name__):
                self.assertPageIsEditable(page, post_data=editor_form_data(page))
                self.assertPageIsPreviewable(page, post_data=editor_form_data(page))

    def test_the_add_form_opens_for_each_child_type(self):
        for parent_model, child in (
            (AssociationIndexPage, "home/associationpage"),
            (MeetingIndexPage, "home/meetingpage"),
            (HomePage, "home/standardpage"),
            (TourIndexPage, "tours/tourpage"),
            (TourPage, "tours/tourstoppage"),
            (ProjectIndexPage, "projects/projectpage"),
            (ProjectPage, "projects/projectupdatepage"),
        ):
            parent = parent_model.objects.first()
            with self.subTest(child=child):
                response = self.client.get(f"/admin/pages/add/{child}/{parent.pk}/")
                self.assertEqual(response.status_code, 200)

    def test_outside_actors_are_managed_as_snippets(self):
        response = self.client.get("/admin/snippets/projects/outsideactor/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, OutsideActor.objects.get().name)

    def test_vocabularies_are_listed_under_their_admin_menu(self):
        for model in (FocusArea, Language, District, SupportTopic, MeetingSeries):
            with self.subTest(model=model.__name__):
                url = f"/admin/snippets/home/{model._meta.model_name}/"
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, model.objects.first().name)


def test_editors_keep_wagtails_content_checker_on_the_public_pages(client, db):
    from network_users import make_city_editor

    client.force_login(make_city_editor())

    html = client.get("/de/rundgaenge/ankommen-in-sindelfingen/").content.decode()

    assert 'id="checker-axe-configuration"' in html
