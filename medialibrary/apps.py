from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def sync_after_migrate(**kwargs):
    from .signals import sync_image_storage

    sync_image_storage()


class MediaLibraryConfig(AppConfig):
    name = "medialibrary"
    verbose_name = _("Medien")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import alt_text, signals
        from .images import limit_decoding

        signals.connect()
        limit_decoding()
        alt_text.install()
        # After the last migration (files of an older install go where the rule says).
        post_migrate.connect(sync_after_migrate, sender=self)
