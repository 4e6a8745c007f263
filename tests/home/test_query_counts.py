"""Pages render with a constant number of SQL queries, however many associations there are."""

import io

import pytest
from PIL import Image as PillowImage

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from home.models import AssociationPage, MeetingPage

from factories import AssociationPageFactory, FocusAreaFactory, LanguageFactory

pytestmark = pytest.mark.django_db

# Measured and fixed here; the same bound holds for 5 and for 50 associations, so a change
# that makes a page query once per association fails. Read in English, the German profiles
# stand in for missing translations: their terms and links follow the reader's language.
MAX_QUERIES = {
    "de": {"directory": 30, "home": 36, "meeting": 24, "association": 31},
    "en": {"directory": 39, "home": 50, "meeting": 38, "association": 44},
}


def make_logo(number):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 40), (number % 255, 80, 120)).save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=f"Logo {number}", file=ImageFile(buffer, name=f"logo-{number}.png")
    )


@pytest.fixture
def network_of(directory):
    """Replace the demo associations with ``count`` new ones, each with logo and terms."""

    def build(count):
        AssociationPage.objects.all().delete()
        focus_areas = [FocusAreaFactory() for _ in range(3)]
        languages = [LanguageFactory() for _ in range(3)]
        associations = [
            AssociationPageFactory(
                parent=directory,
                logo=make_logo(number),
                focus_areas=focus_areas,
                languages=languages,
            )
            for number in range(count)
        ]
        kickoff = MeetingPage.objects.get(slug="auftakttreffen-2021")
        kickoff.attending_associations.set(associations)
        kickoff.save_revision().publish()
        return associations

    return build


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("associations", [5, 50])
def test_pages_query_a_constant_number_of_times(
    client, settings, network_of, associations, language, django_assert_max_num_queries
):
    settings.NETWORK_DIRECTORY_PAGE_SIZE = 100  # all of them on one page
    network = network_of(associations)
    urls = {
        "directory": {"de": "/de/vereine/", "en": "/en/associations/"}[language],
        "home": f"/{language}/",
        "meeting": f"/{language}/treffen/auftakttreffen-2021/",
        "association": network[0].url.replace("/de/", f"/{language}/", 1),
    }
    for name, url in urls.items():
        client.get(url)  # the first request may create image renditions
        with django_assert_max_num_queries(MAX_QUERIES[language][name]):
            response = client.get(url)
        assert response.status_code == 200
        if name in ("directory", "meeting"):
            assert response.content.decode().count("Testverein") >= associations
