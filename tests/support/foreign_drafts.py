"""Other people's drafts, for the tests of issue 12's third door: what association A's editor
must never read the titles of, and A's own work beside them."""

from network_users import make_city_editor, make_editor_of

from home.models import AssociationIndexPage, HomePage
from home.roles import grant_to_contributors
from projects.models import ProjectIndexPage, ProjectPage
from tours.models import TourIndexPage, TourPage

from factories import AssociationPageFactory, TourPageFactory, TourStopPageFactory

#: In the title of every page A's editor must not see, and of nothing else.
SECRET = "GEHEIM"


def build_foreign_drafts():
    home = HomePage.objects.get(depth=2, locale__language_code="de")
    tour_index = TourIndexPage.objects.child_of(home).get()
    walk = TourPage.objects.child_of(tour_index).get(slug="ankommen-in-sindelfingen")
    directory = AssociationIndexPage.objects.child_of(home).get()
    project_index = ProjectIndexPage.objects.child_of(home).get()
    a = make_editor_of("kulturbruecke-anatolien", username="redaktion-a")
    b = make_editor_of("familienzentrum-al-manara", username="redaktion-b")
    city = make_city_editor()

    def contributed(factory, parent, title, owner, **fields):
        page = factory(parent=parent, title=title, owner=owner, **fields)
        grant_to_contributors(page, owner)
        return page

    pages = {
        "b_walk": contributed(
            TourPageFactory, tour_index, f"{SECRET} Rundgang von B", b, live=False
        ),
        "b_stop": contributed(TourStopPageFactory, walk, f"{SECRET} Station von B", b, live=False),
        "b_live_stop": contributed(TourStopPageFactory, walk, "Station von B", b),
        "a_stop": contributed(TourStopPageFactory, walk, "Station von A", a, live=False),
        "city_association": AssociationPageFactory(
            parent=directory, title=f"{SECRET} Verein in Aufnahme", live=False, owner=city
        ),
    }
    project = ProjectPage(
        title=f"{SECRET} Projekt der Stadt", slug="geheimes-projekt", summary="…", live=False
    )
    project.owner = city
    project_index.add_child(instance=project)
    pages["city_project"] = project

    # Each saved and logged by its author, as the editor does; B renames its live stop in a
    # draft it has not published.
    for key, user in (
        ("b_walk", b),
        ("b_stop", b),
        ("a_stop", a),
        ("city_association", city),
        ("city_project", city),
    ):
        pages[key].save_revision(user=user, log_action=True)
    renamed = pages["b_live_stop"]
    renamed.title = f"{SECRET} neuer Titel von B"
    renamed.save_revision(user=b, log_action=True)

    return {
        "a": a,
        "b": b,
        "city": city,
        "pages": pages,
        "walk": walk,
        "tour_index": tour_index,
        "directory": directory,
        "project_index": project_index,
    }
