"""Keeping roles in step with the pages they belong to, and reviewers informed.

Imported by HomeConfig.ready(), once the models are loaded.
"""

from django.db.models.signals import post_save, pre_delete
from django.dispatch import Signal, receiver

from wagtail.models import TaskState
from wagtail.signals import page_published, task_rejected

from .models import AssociationPage
from .moderation import earlier_reviewers_rejection_notifier
from .roles import (
    ensure_association_group,
    grant_contribution_page_to_associations,
    remove_association_group,
)

# Sent at the end of setup_network, so other apps can set up their part without this app
# importing them.
network_setup = Signal()


@receiver(post_save)
def page_created(sender, instance, created, raw=False, **kwargs):
    if raw or not created:
        return
    if isinstance(instance, AssociationPage):
        ensure_association_group(instance)
    elif getattr(type(instance), "associations_contribute", False):
        grant_contribution_page_to_associations(instance)


@receiver(page_published)
def association_renamed(sender, instance, **kwargs):
    if isinstance(instance, AssociationPage):
        ensure_association_group(instance)  # renames group and collection with the page


@receiver(pre_delete)
def association_deleted(sender, instance, **kwargs):
    if isinstance(instance, AssociationPage):
        remove_association_group(instance)


@receiver(task_rejected, sender=TaskState)
def tell_earlier_reviewers(sender, instance, user=None, **kwargs):
    earlier_reviewers_rejection_notifier(instance, user=user)
