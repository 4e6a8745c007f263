from django.core.management.base import BaseCommand

from home.setup import setup_network


class Command(BaseCommand):
    help = (
        "Creates what the network needs to run: content languages, the city editors' group, one "
        "group per association and the moderation workflows. Runs after every migrate; safe to "
        "run again."
    )

    def handle(self, *args, verbosity=1, **options):
        for notice in setup_network(verbosity=verbosity):
            self.stdout.write(self.style.WARNING(notice))
        self.stdout.write(self.style.SUCCESS("Rollen und Moderation sind eingerichtet."))
