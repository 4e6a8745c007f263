"""Load the demo network. Idempotent: a second run finds everything in place and changes nothing."""

import importlib
import importlib.util

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from home.demo import network, users
from medialibrary.signals import sync_image_storage


class Command(BaseCommand):
    help = (
        "Loads the demo network: vocabularies, 13 sample associations, the meetings of 2021 and "
        "one ahead, and (with DEBUG on) demo logins for every role. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-users",
            action="store_true",
            help="Load the content only, without demo logins (the only way when DEBUG is off).",
        )

    def handle(self, *args, no_users=False, verbosity=1, **options):
        self.verbosity = verbosity
        if not no_users and not settings.DEBUG:
            raise CommandError(
                "Demo users have well-known passwords and are only created with DEBUG on. "
                "Run with --no-users to load the demo content without them."
            )
        with transaction.atomic():
            home = network.load(self.log)
            # Other apps (projects, walks) add their demo content through a `demo` module of
            # their own, so this app never imports them.
            for app_config in apps.get_app_configs():
                module_name = f"{app_config.name}.demo"
                if app_config.name != "home" and importlib.util.find_spec(module_name):
                    importlib.import_module(module_name).load(home, self.log)
            logins = [] if no_users else users.load(home)
            # The demo's pages are made live in code, not published: their images go to public
            # storage here.
            sync_image_storage()

        self.stdout.write(self.style.SUCCESS("Demo-Inhalte sind geladen."))
        if logins:
            self.stdout.write("\nAnmeldungen für die Vorführung (nur lokal, DEBUG an):")
            for username, password, role in logins:
                self.stdout.write(f"  {username:<22} {password:<32} {role}")

    def log(self, message):
        if self.verbosity >= 2:
            self.stdout.write(f"  {message}")
