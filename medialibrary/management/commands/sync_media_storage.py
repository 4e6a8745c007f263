from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from medialibrary.signals import sync_image_storage


class Command(BaseCommand):
    help = (
        "Moves every image file to where the media rule says: public storage while a live, "
        "public page uses the image (or its collection is public), private storage otherwise. "
        "Runs by itself after publishing, unpublishing and migrating; run it after pages were "
        "made live by other means (imports, scripts)."
    )

    def handle(self, *args, **options):
        made_public, made_private = sync_image_storage()
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Bilddateien abgeglichen: %(public)d öffentlich gemacht, %(private)d "
                    "zurückgezogen."
                )
                % {"public": made_public, "private": made_private}
            )
        )
