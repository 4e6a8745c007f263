"""Keeping roles in step with the pages they belong to, and reviewers informed.

Imported by HomeConfig.ready(), once the models are loaded.
"""

from contextvars import ContextVar

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import Signal, receiver

from wagtail.models import Page, PageLogEntry, PageViewRestriction, TaskState
from wagtail.signals import copy_for_translation_done, page_published, task_rejected

from .models import AssociationPage
from .models.snippets import VocabularyTerm
from .moderation.workflow import earlier_reviewers_rejection_notifier
from .roles import (
    ensure_association_group,
    grant_contribution_page_to_associations,
    remove_association_group,
)
from .translations import (
    ensure_term_translations,
    mirror_view_restriction,
    remove_mirrored_view_restrictions,
    take_over_from_original,
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


@receiver(pre_save, sender=PageLogEntry)
def name_live_pages_by_their_live_title(sender, instance, raw=False, **kwargs):
    """Wagtail names a page in its log by the latest draft's title; the site history shows the
    log to everyone who may explore the page. A live page's entries carry its live title, so
    nobody reads the title of a draft there that they may not see (see home.permissions)."""
    if raw or instance.pk:
        return
    live_title = (
        Page.objects.filter(pk=instance.page_id, live=True).values_list("title", flat=True).first()
    )
    if live_title:
        instance.label = live_title


@receiver(task_rejected, sender=TaskState)
def tell_earlier_reviewers(sender, instance, user=None, **kwargs):
    earlier_reviewers_rejection_notifier(instance, user=user)


@receiver(copy_for_translation_done)
def translation_created(sender, source_obj, target_obj, **kwargs):
    if isinstance(target_obj, Page):
        take_over_from_original(source_obj, target_obj)


@receiver(post_save)
def term_created(sender, instance, created, raw=False, **kwargs):
    """A new term of a vocabulary exists in every language at once, for pages of every
    language to name (the city translates its name)."""
    if (
        created
        and not raw
        and isinstance(instance, VocabularyTerm)
        and instance.locale_id == instance.locale.get_default().pk
    ):
        ensure_term_translations(instance)


# A page's privacy holds in all its languages. Copying a restriction to the other versions
# sends the same signals again: _mirroring stops the echo. A restriction that goes because
# its page is deleted leaves the other versions private: _deleted_pages tells them apart.
_mirroring = ContextVar("mirroring_view_restrictions", default=False)
_deleted_pages = ContextVar("pages_being_deleted", default=frozenset())


def _mirrored(function):
    def receiver_function(sender, instance, raw=False, **kwargs):
        if raw or _mirroring.get():
            return
        token = _mirroring.set(True)
        try:
            function(instance, **kwargs)
        finally:
            _mirroring.reset(token)

    return receiver_function


@receiver(pre_delete)
def page_being_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _deleted_pages.set(_deleted_pages.get() | {instance.pk})


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _deleted_pages.set(_deleted_pages.get() - {instance.pk})


@receiver(post_save, sender=PageViewRestriction)
@_mirrored
def restriction_saved(restriction, **kwargs):
    mirror_view_restriction(restriction)


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
@_mirrored
def restriction_groups_changed(restriction, action="", **kwargs):
    if isinstance(restriction, PageViewRestriction) and action.startswith("post_"):
        mirror_view_restriction(restriction)


@receiver(post_delete, sender=PageViewRestriction)
@_mirrored
def restriction_deleted(restriction, **kwargs):
    if restriction.page_id not in _deleted_pages.get():
        remove_mirrored_view_restrictions(restriction.page)
