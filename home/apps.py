from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def setup_after_migrate(**kwargs):
    from .setup import setup_network

    setup_network()


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Netzwerk")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)

        # setup_network first creates the permissions of every app, so home's own
        # post_migrate (the first of them) is late enough.
        post_migrate.connect(setup_after_migrate, sender=self, dispatch_uid="network-setup")
