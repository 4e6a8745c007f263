import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from home.privacy import personal_data_models


class Command(BaseCommand):
    help = (
        "Answers a person's request about their data: --export prints everything stored about "
        "an e-mail address as JSON; --erase deletes it (a story already published keeps an "
        "anonymous note that consent was given)."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--export", action="store_true")
        action.add_argument("--erase", action="store_true")

    def handle(self, *args, email, export=False, erase=False, **options):
        if "@" not in email:
            raise CommandError(f"„{email}“ ist keine E-Mail-Adresse.")
        records = [record for model in personal_data_models() for record in model.for_email(email)]
        accounts = get_user_model().objects.filter(email__iexact=email)
        if export:
            self.stdout.write(
                json.dumps(
                    {
                        "email": email,
                        "records": [record.export_data() for record in records],
                        "accounts": [
                            {
                                "username": account.get_username(),
                                "name": account.get_full_name(),
                                "groups": [group.name for group in account.groups.all()],
                                "date_joined": account.date_joined,
                            }
                            for account in accounts
                        ],
                    },
                    cls=DjangoJSONEncoder,
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return
        with transaction.atomic():
            for record in records:
                record.erase()
        self.stdout.write(
            self.style.SUCCESS(f"{len(records)} Datensätze zu {email} gelöscht oder anonymisiert.")
        )
        if accounts:
            self.stdout.write(
                "Es gibt ein Konto im Redaktionssystem mit dieser Adresse; es bleibt bestehen. "
                "Bitte in der Benutzerverwaltung löschen, wenn es nicht mehr gebraucht wird."
            )
        published = [r for r in records if getattr(r, "stop_id", None)]
        if published:
            self.stdout.write(
                "Achtung: Eine Geschichte dieser Person ist als Station veröffentlicht "
                f"(Seiten-IDs: {', '.join(str(r.stop_id) for r in published)}). "
                "Bitte die Nennung dort von Hand prüfen."
            )
