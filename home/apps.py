from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def ensure_content_locales(using="default", **kwargs):
    """Give every content language in the settings its Wagtail locale, so it can be translated into.

    Runs after every migrate: adding a language to WAGTAIL_CONTENT_LANGUAGES is all it takes.
    """
    from wagtail.coreutils import get_content_languages
    from wagtail.models import Locale

    for language_code in get_content_languages():
        Locale.objects.using(using).get_or_create(language_code=language_code)


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Netzwerk")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        post_migrate.connect(ensure_content_locales, sender=self)
