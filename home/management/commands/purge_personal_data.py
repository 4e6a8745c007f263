from django.core.management.base import BaseCommand
from django.db import transaction

from home.models.participation import retention_cutoff
from home.privacy import personal_data_models
from outbox.models import OutgoingMail


class Command(BaseCommand):
    help = (
        "Deletes personal data kept longer than NETWORK_RETENTION_DAYS allows: meeting "
        "registrations some weeks after the meeting, decided applications, stories not taken "
        "over, old invitations, mail that could not be delivered. Run it daily (cron or a "
        "systemd timer). --dry-run only counts."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count, delete nothing.")

    def handle(self, *args, dry_run=False, **options):
        total = 0
        with transaction.atomic():
            for model in personal_data_models():
                expired = list(model.expired())
                for record in expired:
                    if not dry_run:
                        record.erase()
                total += len(expired)
                if expired:
                    self.stdout.write(f"{model._meta.verbose_name_plural}: {len(expired)}")
            undelivered = OutgoingMail.objects.undelivered_since(
                retention_cutoff("undelivered_mails")
            )
            count = undelivered.count()
            if count and not dry_run:
                undelivered.delete()
            total += count
            if count:
                self.stdout.write(f"{OutgoingMail._meta.verbose_name_plural}: {count}")
        verb = "würden gelöscht" if dry_run else "gelöscht"
        self.stdout.write(self.style.SUCCESS(f"{total} Datensätze {verb}."))
