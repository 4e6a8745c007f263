"""The moderators' daily digest (see home.moderation.digest); run it once a day, e.g. in the morning."""

from django.core.management.base import BaseCommand, CommandError

from home.moderation.digest import send_digests


class Command(BaseCommand):
    help = (
        "Sends each moderator who chose the daily digest one mail: what waits for them and "
        "what came in since their last digest. At most one per moderator and day, none when "
        "nothing waits: safe to run again, e.g. after a failure."
    )

    def handle(self, *args, verbosity=1, **options):
        sent, failed = send_digests()
        if verbosity:
            self.stdout.write(f"Zusammenfassungen gesendet: {sent}")
        if failed:
            raise CommandError(
                "Nicht gesendet (siehe Protokoll; noch einmal ausführen): "
                + ", ".join(editor.get_username() for editor in failed)
            )
