import json

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils.translation import gettext, ngettext

from home import privacy


class Command(BaseCommand):
    help = (
        "Answers a person's request about their data, wherever it is stored (see home.privacy): "
        "--export prints it as JSON; --erase deletes or anonymises it, in one transaction, and "
        "reports table by table what it did and what it could not (a story already published "
        "keeps an anonymous note that consent was given)."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--export", action="store_true")
        action.add_argument("--erase", action="store_true")

    def handle(self, *args, email, export=False, erase=False, **options):
        if "@" not in email:
            raise CommandError(gettext("„%(email)s“ ist keine E-Mail-Adresse.") % {"email": email})
        if export:
            self.stdout.write(
                json.dumps(
                    {"email": email, "records": privacy.export(email)},
                    cls=DjangoJSONEncoder,
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return
        with transaction.atomic():
            results = privacy.erase(email)
        self.stdout.write(
            gettext("Löschung für %(email)s, Tabelle für Tabelle:") % {"email": email}
        )
        for result in results:
            self.stdout.write(f"  {describe(result)}")
            for note in result.notes:
                self.stdout.write(self.style.WARNING(f"    {note}"))
        total = sum(result.deleted + result.anonymised for result in results)
        self.stdout.write(
            self.style.SUCCESS(
                ngettext(
                    "%(count)d Datensatz zu %(email)s gelöscht oder anonymisiert.",
                    "%(count)d Datensätze zu %(email)s gelöscht oder anonymisiert.",
                    total,
                )
                % {"count": total, "email": email}
            )
        )


def describe(result):
    done = []
    if result.deleted:
        done.append(gettext("%(count)d gelöscht") % {"count": result.deleted})
    if result.anonymised:
        done.append(gettext("%(count)d anonymisiert") % {"count": result.anonymised})
    if not done:
        # A place that found something it could not change says so in its notes.
        done.append(gettext("nichts geändert") if result.notes else gettext("nichts gefunden"))
    return gettext("%(label)s (%(table)s): %(done)s") % {
        "label": result.label,
        "table": result.table,
        "done": ", ".join(done),
    }
