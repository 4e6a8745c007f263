from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running the platform: the health endpoint, honest answers while the database is down,
    API errors as problem details, backup and restore."""

    name = "operations"
    verbose_name = _("Betrieb")
    default_auto_field = "django.db.models.BigAutoField"
