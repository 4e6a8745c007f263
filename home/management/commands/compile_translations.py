"""Compile the catalogues in locale/ (django.po) into what Django reads (django.mo).

Like Django's compilemessages, but in Python (Babel), so that setting up needs nothing beyond
Python: no GNU gettext. Fuzzy and untranslated entries are left out, as msgfmt does; a
language then shows the German original for them."""

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def compile_catalogue(po_path):
    with po_path.open("rb") as source:
        catalogue = read_po(source, locale=po_path.parent.parent.name)
    # Fuzzy entries are not compiled (the German shows), so their mistakes do no harm yet.
    errors = [
        f"{po_path}: {message.id!r}: {error}"
        for message, message_errors in catalogue.check()
        if not message.fuzzy
        for error in message_errors
    ]
    with po_path.with_suffix(".mo").open("wb") as target:
        write_mo(target, catalogue, use_fuzzy=False)
    return errors


class Command(BaseCommand):
    help = "Compiles locale/*/LC_MESSAGES/django.po to django.mo (no GNU gettext needed)."

    def handle(self, *args, **options):
        errors = []
        compiled = []
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(locale_path.glob("*/LC_MESSAGES/django.po")):
                errors += compile_catalogue(po_path)
                compiled.append(po_path.parent.parent.name)
        if errors:
            raise CommandError("\n".join(errors))
        if options["verbosity"] >= 1:
            self.stdout.write(f"Übersetzungen kompiliert: {', '.join(compiled)}")
