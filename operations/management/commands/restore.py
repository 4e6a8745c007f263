from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from operations.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restores an archive of manage.py backup: the database (into an empty one) and the "
        "files of MEDIA_ROOT and PRIVATE_MEDIA_ROOT. Refuses a database with tables or media "
        "folders with files; --force drops every table first and overwrites files of the same "
        "name. Stop the app servers first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The archive (netzwerk-backup-….tar.gz).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace what is there: drop every table, overwrite media files.",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="Database alias.")

    def handle(self, *args, archive, force=False, database=DEFAULT_DB_ALIAS, **options):
        try:
            manifest, migrations = restore_backup(archive, alias=database, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        files = manifest["files"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Zurückgespielt: Sicherung vom {manifest['created_at']} (Version "
                f"{manifest['versions']['project']}), {files['media']['count']} öffentliche "
                f"und {files['private-media']['count']} private Dateien."
            )
        )
        if migrations["unknown"]:
            self.stdout.write(
                self.style.WARNING(
                    "Die Sicherung stammt aus einer neueren Version: diese kennt "
                    f"{len(migrations['unknown'])} ihrer Migrationen nicht "
                    f"({', '.join(migrations['unknown'][:5])} …). Installieren Sie die "
                    "Version der Sicherung."
                )
            )
        elif migrations["to_apply"]:
            self.stdout.write(
                self.style.WARNING(
                    f"{len(migrations['to_apply'])} Migrationen der installierten Version "
                    "fehlen der Sicherung: führen Sie manage.py migrate aus."
                )
            )
