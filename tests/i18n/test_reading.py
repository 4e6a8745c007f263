"""Reading in every language: the switcher and hreflang offer exactly the live translations; a
page without a translation shows its German original with a notice, never a 404; Arabic runs
right to left; listings follow the reader's language."""

import re

import pytest
from lxml import html as lxml_html

from wagtail.models import Locale, PageViewRestriction

from home.models import AssociationPage
from tours.models import TourPage, TourStopPage

from factories import translate

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200, response.status_code
    return lxml_html.fromstring(response.content)


def switcher_languages(document):
    return [a.get("lang") for a in document.cssselect(".language-switcher a")]


def hreflangs(document):
    return {
        link.get("hreflang"): link.get("href")
        for link in document.cssselect('link[rel="alternate"][hreflang]')
    }


@pytest.fixture
def walk():
    return TourPage.objects.get(slug="ankommen-in-sindelfingen")


def test_switcher_and_hreflang_list_exactly_the_live_translations(client, walk):
    document = parse(client.get(walk.url))

    assert switcher_languages(document) == ["de", "en", "tr", "ar"]
    links = hreflangs(document)
    assert set(links) == {"de", "en", "tr", "ar", "x-default"}
    assert links["en"] == "http://testserver/en/walks/arriving-in-sindelfingen/"
    assert links["x-default"] == links["de"]
    current = document.cssselect('.language-switcher a[aria-current="true"]')
    assert [a.get("lang") for a in current] == ["de"]


def test_a_draft_translation_is_offered_nowhere(client, walk):
    draft = translate(walk, "it", publish=False, title="Arrivare a Sindelfingen")
    assert not draft.live

    document = parse(client.get(walk.url))

    assert "it" not in switcher_languages(document)
    assert "it" not in hreflangs(document)
    assert client.get(draft.url).status_code == 404


def test_a_page_made_private_in_one_language_is_private_in_all(client, walk):
    english = walk.get_translation(Locale.objects.get(language_code="en"))

    PageViewRestriction.objects.create(page=english, restriction_type="login")

    for version in walk.get_translations(inclusive=True):
        assert PageViewRestriction.objects.filter(page=version).exists(), version.locale
        assert client.get(version.url).status_code == 302  # to the login
    assert "Arriving in Sindelfingen" not in client.get("/sitemap.xml").content.decode()


def test_making_a_page_public_again_does_so_in_every_language(client, walk):
    restriction = PageViewRestriction.objects.create(page=walk, restriction_type="login")
    assert PageViewRestriction.objects.count() == walk.get_translations(inclusive=True).count()

    restriction.delete()

    assert not PageViewRestriction.objects.exists()
    assert client.get(walk.url).status_code == 200


def test_deleting_a_translation_keeps_the_original_private(walk):
    PageViewRestriction.objects.create(page=walk, restriction_type="login")
    arabic = walk.get_translation(Locale.objects.get(language_code="ar"))

    arabic.delete()

    assert PageViewRestriction.objects.filter(page=walk).exists()


def test_a_page_without_translation_shows_the_original_with_a_notice(client):
    association = AssociationPage.objects.get(slug="kulturbruecke-anatolien")

    response = client.get(association.url.replace("/de/", "/en/", 1))
    document = parse(response)

    assert document.get("lang") == "en"
    notice = document.cssselect(".notice--language")
    assert len(notice) == 1
    assert "not yet available in your language" in notice[0].text_content()
    assert "German" in notice[0].text_content()
    heading = document.cssselect("h1")[0]
    assert heading.text_content().strip() == association.title
    assert heading.getparent().get("lang") == "de"
    # Its links stay in English, and it names the original as the canonical page.
    assert document.cssselect("link[rel=canonical]")[0].get("href") == (
        "http://testserver/de/vereine/kulturbruecke-anatolien/"
    )
    menu = [a.get("href") for a in document.cssselect(".main-menu a")]
    assert menu and all(href.startswith("/en/") for href in menu)


def test_a_translated_page_has_no_notice(client, walk):
    english = TourPage.objects.get(slug="arriving-in-sindelfingen")

    document = parse(client.get(english.url))

    assert not document.cssselect(".notice--language")
    assert document.get("lang") == "en"
    assert document.cssselect("h1")[0].get("lang") is None


def test_every_german_page_can_be_read_in_every_language(client):
    """No 404 for a page that exists in German: every live page answers under every prefix."""
    for stop in TourStopPage.objects.live().filter(locale__language_code="de"):
        for code in ("en", "tr", "it", "el", "hr", "ar"):
            address = stop.url.replace("/de/", f"/{code}/", 1)
            response = client.get(address, follow=True)
            assert response.status_code == 200, address
            assert response.redirect_chain == [] or response.redirect_chain[-1][0].startswith(
                f"/{code}/"
            )


def test_the_address_of_an_original_leads_to_its_translation_once_there_is_one(client):
    bahnhof = TourStopPage.objects.get(slug="bahnhof", locale__language_code="de")

    response = client.get(bahnhof.url.replace("/de/", "/en/", 1))

    assert response.status_code == 302
    assert response["Location"] == "/en/walks/arriving-in-sindelfingen/station/"


def test_a_walk_lists_all_its_stops_in_the_readers_language_in_walking_order(client):
    turkish = TourPage.objects.get(slug="sindelfingene-varis")

    document = parse(client.get(turkish.url))

    stops = document.cssselect(".stop-list li")
    assert len(stops) == 7
    titles = [li.cssselect(".stop-list__title")[0].text_content() for li in stops]
    assert titles[0] == "İstasyon: elde bir bavulla varış"
    assert titles[1] == "Am Werkstor: Arbeit im Schichtbetrieb"
    assert titles[2] == "Pazar meydanı: ilk alışveriş"
    languages = [li.cssselect(".stop-list__title")[0].get("lang") for li in stops]
    assert languages == [None, "de", None, "de", "de", "de", "de"]
    notes = [li.cssselect(".original-language") for li in stops]
    assert [bool(note) for note in notes] == [False, True, False, True, True, True, True]
    hrefs = [li.cssselect("a")[0].get("href") for li in stops]
    assert all(href.startswith("/tr/") for href in hrefs)


def test_a_walk_states_the_languages_it_can_be_read_in(client):
    walk = TourPage.objects.get(slug="arriving-in-sindelfingen")

    languages = {item["locale"]: item for item in walk.text_languages()}

    assert languages["de"]["complete"] and languages["en"]["complete"]
    assert not languages["tr"]["complete"] and languages["tr"]["stops_translated"] == 2
    assert not languages["ar"]["complete"] and languages["ar"]["stop_count"] == 7
    assert "it" not in languages
    text = parse(client.get(walk.url)).cssselect(".tour-facts")[0].text_content()
    assert "2 of 7 stops" in text


def test_arabic_pages_run_right_to_left(client):
    response = client.get("/ar/jawlat/alwusul-ila-sindelfingen/")
    document = parse(response)

    assert document.get("lang") == "ar"
    assert document.get("dir") == "rtl"
    assert response["Content-Language"] == "ar"
    # A German stop in the Arabic walk runs left to right, in its own language.
    stand_in = [a for a in document.cssselect(".stop-list__title") if a.get("lang") == "de"]
    assert stand_in and all(a.get("dir") == "ltr" for a in stand_in)


def test_german_pages_run_left_to_right(client, walk):
    document = parse(client.get(walk.url))

    assert (document.get("lang"), document.get("dir")) == ("de", "ltr")


def test_passages_in_another_language_carry_their_own(client, walk):
    stop = TourStopPage.objects.get(slug="marktplatz", locale__language_code="de")
    stop.story = [
        *[(block.block_type, block.value) for block in stop.story],
        (
            "quote",
            {"quote": "Pazar her hafta yeni bir kelime.", "speaker": "Eleni", "language": "tr"},
        ),
    ]
    stop.save_revision().publish()

    document = parse(client.get(stop.url))

    quotes = document.cssselect("blockquote")
    assert [q.get("lang") for q in quotes] == [None, "tr"]


def test_listings_read_in_another_language_name_terms_in_it(client):
    document = parse(client.get("/en/associations/"))

    tags = {li.text_content() for li in document.cssselect(".association-card .tags li")}
    assert "Culture" in tags
    assert "Kultur" not in tags
    cards = document.cssselect(".association-card__body h3")
    assert cards and all(card.get("lang") == "de" for card in cards)
    assert re.search(r"13 associations", document.text_content())


def test_the_directory_filters_by_terms_of_the_readers_language(client):
    document = parse(client.get("/en/associations/?schwerpunkt=kultur"))

    assert document.cssselect(".association-card")
    chips = [a.text_content() for a in document.cssselect(".tags--filters a")]
    assert any("Culture" in chip for chip in chips)


def test_the_story_form_names_languages_in_the_readers_language(client):
    document = parse(client.get("/ar/rundgaenge/geschichte-erzaehlen/"))

    options = [option.text_content() for option in document.cssselect("#id_language option")][1:]
    assert "العربية" in options and "Arabisch" not in options
    assert options == sorted(options)
    intro = document.cssselect(".prose > div[lang]")
    assert intro and intro[0].get("lang") == "de"  # the German form page stands in


def test_forms_help_browsers_fill_in_and_keep_addresses_left_to_right(client):
    document = parse(client.get("/ar/mitmachen/"))

    email = document.cssselect("#id_email")[0]
    phone = document.cssselect("#id_phone")[0]
    assert (email.get("autocomplete"), email.get("dir")) == ("email", "ltr")
    assert (phone.get("type"), phone.get("autocomplete"), phone.get("dir")) == ("tel", "tel", "ltr")
    assert document.cssselect("#id_contact_name")[0].get("autocomplete") == "name"


def test_the_switcher_keeps_a_filtered_view_filtered(client):
    document = parse(client.get("/ar/jameiyat/?sprache=arabisch&angebot=uebersetzung"))

    links = {a.get("lang"): a.get("href") for a in document.cssselect(".language-switcher a")}
    assert links["de"] == "/de/vereine/?sprache=arabisch&angebot=uebersetzung"


def test_the_notice_of_a_stand_in_offers_the_translations_there_are(client):
    document = parse(client.get("/ar/rundgaenge/ankommen-in-sindelfingen/werkstor/"))

    links = document.cssselect(".notice--language a")
    assert [(a.get("lang"), a.get("href")) for a in links] == [
        ("en", "/en/walks/arriving-in-sindelfingen/factory-gate/")
    ]


def test_the_walks_invite_readers_to_share_their_story(client):
    document = parse(client.get("/en/walks/"))

    [link] = document.cssselect(".story-invitation a")
    assert link.get("href") == "/en/rundgaenge/geschichte-erzaehlen/"


def test_durations_follow_each_languages_plurals():
    from django.utils import translation

    from tours.geo import format_duration

    with translation.override("ar"):
        assert format_duration(120) == "ساعتان"
        assert format_duration(5) == "5 دقائق"
        assert format_duration(90) == "ساعة واحدة و30 دقيقة"
    with translation.override("en"):
        assert format_duration(95) == "1 h 35 min"
