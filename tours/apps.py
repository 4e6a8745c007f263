from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToursConfig(AppConfig):
    name = "tours"
    verbose_name = _("Stadtrundgänge")
    default_auto_field = "django.db.models.BigAutoField"
