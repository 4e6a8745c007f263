from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def setup_after_migrate(verbosity=1, stdout=None, **kwargs):
    from .setup import setup_network

    notices = setup_network()
    if verbosity and stdout is not None:
        for notice in notices:
            stdout.write(notice)


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Netzwerk")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)
        from .permissions import register_page_permission_policy

        # Before the first request asks Wagtail's policy registry (see home.permissions).
        register_page_permission_policy()

        from . import choosers, notifications, privacy, spreadsheets

        # Every admin export (ours and Wagtail's reports) neutralises formulas; see there.
        spreadsheets.install()
        # Choosers show only what their viewer may see; see there.
        choosers.install()
        # Wagtail's moderation mail in each recipient's language, not the sender's.
        notifications.install()
        privacy.register_log_actions()

        # setup_network first creates the permissions of every app, so home's own
        # post_migrate (the first of them) is late enough.
        post_migrate.connect(setup_after_migrate, sender=self, dispatch_uid="network-setup")
