"""The network's fixed structure: languages, roles and the moderation workflow.

Runs after every migrate and as `manage.py setup_network`; safe to run again.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import transaction

from wagtail.coreutils import get_content_languages
from wagtail.models import Locale

from .signals import network_setup


def ensure_content_locales():
    """Every content language in the settings gets its Wagtail locale."""
    for language_code in get_content_languages():
        Locale.objects.get_or_create(language_code=language_code)


@transaction.atomic
def setup_network(verbosity=0):
    # Django creates permissions app by app after migrating; the roles need all of them now.
    for app_config in apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0)
        create_permissions(app_config, verbosity=0)
    ensure_content_locales()

    from .translations import ensure_all_term_translations

    ensure_all_term_translations()

    from .models import AssociationPage
    from .moderation import ensure_city_workflow
    from .roles import ensure_association_group, ensure_city_editors_group

    ensure_city_editors_group()
    ensure_city_workflow()
    for association in AssociationPage.objects.all():
        ensure_association_group(association)
    # Other apps (walks: their review step) add their part.
    network_setup.send(sender=setup_network, verbosity=verbosity)
