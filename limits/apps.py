from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def create_cache_tables(using="default", verbosity=1, **kwargs):
    """The shared cache's table (limits.counting) exists wherever the database was migrated:
    ``migrate`` is the one setup command every install runs."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=max(verbosity - 1, 0))


class LimitsConfig(AppConfig):
    name = "limits"
    verbose_name = _("Begrenzungen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import logins

        logins.connect()
        post_migrate.connect(create_cache_tables, sender=self, dispatch_uid="limits-cache-table")
