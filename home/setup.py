"""The network's fixed structure: languages, roles and the moderation workflow.

Runs after every migrate and as `manage.py setup_network`; safe to run again.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group
from django.contrib.contenttypes.management import create_contenttypes
from django.db import transaction
from django.utils.translation import ngettext

from wagtail.coreutils import get_content_languages
from wagtail.models import GroupApprovalTask, Locale

from .signals import network_setup

# Wagtail's first migrations create these two groups with rights over the whole tree
# ("Moderators" may publish everywhere); the network's roles replace them.
WAGTAIL_DEFAULT_GROUPS = ("Moderators", "Editors")
WAGTAIL_STARTER_TASK = "Moderators approval"


def ensure_content_locales():
    """Every content language in the settings gets its Wagtail locale."""
    for language_code in get_content_languages():
        Locale.objects.get_or_create(language_code=language_code)


def remove_wagtail_default_groups():
    """Remove Wagtail's starter groups, unless someone was put in them: then they stay, and the
    returned notices say so. Only migrations create them, so once gone they stay gone."""
    notices = []
    for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS):
        members = group.user_set.count()
        if members:
            notices.append(
                ngettext(
                    "Die Gruppe „%(group)s“ aus Wagtails Grundeinstellung bleibt bestehen, weil "
                    "ihr %(count)d Konto angehört; ihre Rechte reichen über die Rollen des "
                    "Netzwerks hinaus. Bitte das Konto der Stadtredaktion oder einem Verein "
                    "zuordnen und die Gruppe dann löschen.",
                    "Die Gruppe „%(group)s“ aus Wagtails Grundeinstellung bleibt bestehen, weil "
                    "ihr %(count)d Konten angehören; ihre Rechte reichen über die Rollen des "
                    "Netzwerks hinaus. Bitte die Konten der Stadtredaktion oder einem Verein "
                    "zuordnen und die Gruppe dann löschen.",
                    members,
                )
                % {"group": group.name, "count": members}
            )
        else:
            group.delete()  # its page and collection permissions go with it
    # Wagtail's starter task ("Moderators approval") now has nobody to approve; its workflow is
    # already inactive (see ensure_city_workflow), so the task goes out of the lists too.
    GroupApprovalTask.objects.filter(name=WAGTAIL_STARTER_TASK, groups__isnull=True).exclude(
        workflow_tasks__workflow__active=True
    ).update(active=False)
    return notices


@transaction.atomic
def setup_network(verbosity=0):
    """Set everything up; returns notices for whoever runs it."""
    # Django creates permissions app by app after migrating; the roles need all of them now.
    for app_config in apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0)
        create_permissions(app_config, verbosity=0)
    ensure_content_locales()

    from .translations import ensure_all_term_translations

    ensure_all_term_translations()

    from .models import AssociationPage
    from .moderation.workflow import ensure_city_workflow
    from .roles import ensure_association_group, ensure_city_editors_group

    ensure_city_editors_group()
    ensure_city_workflow()
    for association in AssociationPage.objects.all():
        ensure_association_group(association)
    notices = remove_wagtail_default_groups()
    # Other apps (walks: their review step) add their part.
    network_setup.send(sender=setup_network, verbosity=verbosity)
    return notices
