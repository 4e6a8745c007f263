"""Bring every language's catalogue (locale/<code>/LC_MESSAGES/django.po) up to date with the
code: new strings are added (empty, to be translated), changed ones marked fuzzy, gone ones
dropped. German is the source language: its catalogue lists every string as the code writes
it, with nothing to translate. Needs GNU gettext (xgettext, msgmerge): `apt-get install gettext`.
"""

import re

from babel.messages.plurals import get_plural

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

#: Folders that hold no strings of ours.
IGNORED = [
    ".venv",
    "venv",
    "tests",
    "examples",
    "staticfiles",
    "media",
    "private-media",
    "node_modules",
    "test-artifacts",
]


def extract(locales, **options):
    """Run makemessages for ``locales`` over the project's own code and templates."""
    call_command(
        "makemessages",
        locale=locales,
        ignore_patterns=IGNORED,
        extensions=["html", "txt", "py"],
        no_obsolete=True,
        verbosity=0,
        **options,
    )


def catalogue_header(language_code):
    """The header lines a catalogue needs for ``language_code``: its language and plurals."""
    plural = get_plural(language_code)
    return {
        "Project-Id-Version": "sindelfingen-netzwerk",
        "Language": language_code,
        "Plural-Forms": f"nplurals={plural.num_plurals}; plural={plural.plural_expr};",
    }


def fix_header(path, language_code):
    """makemessages leaves a new catalogue's header fuzzy (so it would not be compiled), with
    English plural rules; give it the language's own."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'\A((?:#.*\n)*?)#, fuzzy\n(msgid "")', r"\1\2", text, count=1)
    for field, value in catalogue_header(language_code).items():
        text = re.sub(
            rf'^"{field}: [^"\n]*\\n"$', f'"{field}: {value}\\\\n"', text, count=1, flags=re.M
        )
    path.write_text(text, encoding="utf-8")


class Command(BaseCommand):
    help = "Updates the translation catalogues of all languages in settings.LANGUAGES."

    def handle(self, *args, **options):
        codes = [code for code, _name in settings.LANGUAGES]
        extract(codes)
        for code in codes:
            fix_header(settings.LOCALE_PATHS[0] / code / "LC_MESSAGES" / "django.po", code)
        self.stdout.write(self.style.SUCCESS("Kataloge aktualisiert: " + ", ".join(codes)))
