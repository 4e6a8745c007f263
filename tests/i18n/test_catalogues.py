"""Every string of the interface goes through gettext, and the catalogues keep up with it.

The German catalogue is the source: it lists every string as the code writes it. A string
added to the code and not to the catalogues (``manage.py update_translations``) fails here,
as does an English entry left untranslated, or a public one in another language.
"""

import os
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from template_text import untranslated_text

from django.conf import settings
from django.test import override_settings

from home.management.commands.update_translations import extract

LOCALE = settings.LOCALE_PATHS[0]
TEMPLATE_FOLDERS = [settings.BASE_DIR / "templates"] + [
    path
    for app in ("home", "tours", "projects", "operations", "limits", "outbox")
    if (path := settings.BASE_DIR / app / "templates").exists()
]
#: Where the public site's strings come from: its templates (not the admin's), its forms and
#: what they say after sending, the search, walks' facts and notices.
PUBLIC_SOURCES = (
    "templates/",
    "home/forms.py",
    "home/participation.py",
    "home/search.py",
    "home/views.py",
    "home/filters.py",
    "home/languages.py",
    "home/paging.py",
    "home/api/query_guard.py",
    "medialibrary/images.py",
    # The page shown while the database is down, and the API's problem details.
    "operations/",
    # What a reader is told when a form or an upload is refused.
    "limits/text.py",
    "limits/uploads.py",
    "limits/templates/",
    "tours/forms.py",
    "tours/geo.py",
    "tours/sketch.py",
    "tours/views.py",
)
NOT_PUBLIC = ("templates/admin/", "templates/wagtailadmin/", "templates/emails/new_submission.txt")


def catalogue(language):
    with (LOCALE / language / "LC_MESSAGES" / "django.po").open("rb") as source:
        return read_po(source, locale=language)


def entries(language):
    return [message for message in catalogue(language) if message.id]


def is_translated(message):
    strings = [message.string] if isinstance(message.string, str) else list(message.string)
    return all(strings) and not message.fuzzy


def is_public(message):
    return any(
        path.startswith(PUBLIC_SOURCES) and not path.startswith(NOT_PUBLIC)
        for path, _line in message.locations
    )


def key(message):
    return (message.context, message.id if isinstance(message.id, str) else message.id[0])


#: Templates for machines, not people: nothing in them is translated.
MACHINE_READABLE = ("robots.txt",)


def templates():
    for folder in TEMPLATE_FOLDERS:
        yield from sorted(
            path
            for path in folder.rglob("*")
            if path.suffix in (".html", ".txt") and path.name not in MACHINE_READABLE
        )


@pytest.mark.parametrize(
    "template", list(templates()), ids=lambda path: str(path.relative_to(settings.BASE_DIR))
)
def test_every_text_of_a_template_is_marked_for_translation(template):
    assert untranslated_text(template.read_text(encoding="utf-8")) == []


def test_the_check_finds_unmarked_text_and_attributes():
    found = untranslated_text(
        '{% load i18n %}<p>{% trans "Gut" %}</p><p>Nicht übersetzt</p>'
        '<img alt="Ein Bild" src="{{ x }}"><span lang="tr">Türkçe</span>'
        "{% blocktrans %}Auch gut{% endblocktrans %}<a title=\"{% trans 'Gut' %}\">→</a>"
    )
    assert found == ["Nicht übersetzt", '<img alt="Ein Bild">']


def test_the_german_catalogue_has_every_string_of_the_code(tmp_path):
    if not shutil.which("xgettext"):
        reason = "GNU gettext (xgettext) is needed to extract strings: apt-get install gettext"
        if os.environ.get("REQUIRE_GETTEXT") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    # makemessages writes into the locale/ folder beside the code it reads: extract from a
    # copy of the code, so that the committed catalogues stay as they are.
    copy = tmp_path / "project"
    shutil.copytree(
        settings.BASE_DIR,
        copy,
        ignore=shutil.ignore_patterns(
            ".*",
            "locale",
            "media",
            "private-media",
            "staticfiles",
            "node_modules",
            "test-artifacts",
            "*.sqlite3",
        ),
    )
    (copy / "locale").mkdir()
    cwd = Path.cwd()
    try:
        os.chdir(copy)
        with override_settings(LOCALE_PATHS=[copy / "locale"]):
            extract(["de"])
    finally:
        os.chdir(cwd)
    with (copy / "locale" / "de" / "LC_MESSAGES" / "django.po").open("rb") as source:
        in_code = {key(message) for message in read_po(source) if message.id}
    in_catalogue = {key(message) for message in entries("de")}

    missing = sorted(in_code - in_catalogue, key=str)
    gone = sorted(in_catalogue - in_code, key=str)
    assert not missing, f"Not in the catalogues yet (manage.py update_translations): {missing}"
    assert not gone, f"No longer in the code (manage.py update_translations): {gone}"


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES if code != "de"])
def test_every_language_has_the_same_strings_as_the_german_catalogue(language):
    assert {key(message) for message in entries(language)} == {
        key(message) for message in entries("de")
    }


def test_the_english_catalogue_is_complete():
    missing = [message.id for message in entries("en") if not is_translated(message)]
    assert not missing, missing


@pytest.mark.parametrize("language", ["tr", "it", "el", "hr", "ar"])
def test_the_public_site_is_translated_into_every_community_language(language):
    public = [message for message in entries(language) if is_public(message)]
    assert len(public) > 200  # navigation, forms, notices, walks
    missing = [message.id for message in public if not is_translated(message)]
    assert not missing, missing


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_translations_keep_their_placeholders(language):
    problems = [
        (message.id, [str(error) for error in errors])
        for message, errors in catalogue(language).check()
        if errors and not message.fuzzy
    ]
    assert not problems, problems


def test_the_catalogues_are_compiled_by_the_setup():
    for code, _name in settings.LANGUAGES:
        compiled = LOCALE / code / "LC_MESSAGES" / "django.mo"
        source = compiled.with_suffix(".po")
        assert compiled.exists(), f"{compiled}: run manage.py compile_translations"
        assert compiled.stat().st_mtime >= source.stat().st_mtime, (
            f"{compiled} is older than its .po"
        )
