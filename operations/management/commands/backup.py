from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from operations.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Writes one dated archive (netzwerk-backup-<UTC time>.tar.gz, mode 0600: it holds "
        "personal data) with a dump of the database, MEDIA_ROOT, PRIVATE_MEDIA_ROOT and a "
        "manifest (versions, date, migrations). Restore it with manage.py restore."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            metavar="DIR",
            help="Folder for the archive (default: BACKUP_ROOT, created 0700 if missing).",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="Database alias.")

    def handle(self, *args, output=None, database=DEFAULT_DB_ALIAS, **options):
        try:
            archive, manifest = create_backup(output or settings.BACKUP_ROOT, alias=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] < 1:
            return
        files = manifest["files"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Gesichert: {archive} ({archive.stat().st_size / 1e6:.1f} MB; Datenbank, "
                f"{files['media']['count']} öffentliche und "
                f"{files['private-media']['count']} private Dateien)"
            )
        )
