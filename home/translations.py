"""Keeping translations in step with their originals.

An editor translates a page with Wagtail's simple_translation: it copies the page (and, if
asked, its subtree) into the other language's tree as a draft, which then goes through the
same moderation as any page. What the copy takes over here:

- its relations in its own language: vocabulary terms always (every term exists in every
  language, see ``ensure_term_translations``), pages where they are translated;
- who may edit it: the association groups that may edit the original (an association's
  editors translate their own pages and the stops they wrote);
- who may see it: a private original stays private in every language.

Every function here is safe to run again.
"""

from django.db import transaction
from django.db.models import ForeignKey, ManyToManyField

from wagtail.models import (
    GroupPagePermission,
    Locale,
    Page,
    PageViewRestriction,
    TranslatableMixin,
)

from .models.snippets import VocabularyTerm


def _relations(model):
    """The page type's own relations to translatable objects (not Wagtail's: locale,
    alias_of …): (field, is_many)."""
    own_fields = {field.name for field in Page._meta.get_fields()}
    for field in model._meta.get_fields():
        if field.auto_created or field.name in own_fields:
            continue
        if isinstance(field, ForeignKey | ManyToManyField):
            related = field.related_model
            if isinstance(related, type) and issubclass(related, TranslatableMixin):
                yield field, isinstance(field, ManyToManyField)


def _in_locale(objects, locale):
    """Each of ``objects`` (translatable) in ``locale`` where it exists there, else itself."""
    objects = list(objects)
    if not objects:
        return objects
    model = type(objects[0])
    if issubclass(model, Page):
        candidates = Page.objects.filter(
            translation_key__in=[obj.translation_key for obj in objects], locale=locale
        ).specific()
    else:
        candidates = model.objects.filter(
            translation_key__in=[obj.translation_key for obj in objects], locale=locale
        )
    by_key = {candidate.translation_key: candidate for candidate in candidates}
    return [by_key.get(obj.translation_key, obj) for obj in objects]


def relate_in_own_language(translation):
    """Point the translation's relations (terms, pages) at their versions in its language."""
    page = translation.specific
    changed = False
    for field, is_many in _relations(type(page)):
        if is_many:
            current = list(getattr(page, field.name).all())
            localized = _in_locale(current, page.locale)
            if [obj.pk for obj in localized] != [obj.pk for obj in current]:
                getattr(page, field.name).set(localized)
                changed = True
        else:
            current = getattr(page, field.name)
            if current is not None:
                localized = _in_locale([current], page.locale)[0]
                if localized.pk != current.pk:
                    setattr(page, field.name, localized)
                    changed = True
    if changed:
        page.save(update_fields=None, clean=False)
        # The draft the editor opens is the latest revision: give it the same relations.
        if page.latest_revision_id:
            page.save_revision(clean=False, log_action=False, changed=False)


def share_permissions(original, translation):
    """The groups that may edit the original may edit its translation (association groups;
    the city's editors hold their rights at the tree's root)."""
    for permission in GroupPagePermission.objects.filter(page=original):
        GroupPagePermission.objects.get_or_create(
            group_id=permission.group_id, page=translation, permission_id=permission.permission_id
        )


def _copy_restriction(restriction, page):
    copy, _created = PageViewRestriction.objects.update_or_create(
        page=page,
        defaults={
            "restriction_type": restriction.restriction_type,
            "password": restriction.password,
        },
    )
    copy.groups.set(restriction.groups.all())


def share_view_restrictions(original, translation):
    """A translation of a private page is private in the same way."""
    for restriction in PageViewRestriction.objects.filter(page=original):
        _copy_restriction(restriction, translation)


def mirror_view_restriction(restriction):
    """A restriction set on a page holds for all its language versions."""
    for version in restriction.page.get_translations():
        _copy_restriction(restriction, version)


def remove_mirrored_view_restrictions(page):
    """A page made public again is public in every language."""
    PageViewRestriction.objects.filter(page__in=page.get_translations()).delete()


@transaction.atomic
def take_over_from_original(original, translation):
    """What a new translation takes over from its original (see the module's docstring)."""
    share_permissions(original, translation)
    share_view_restrictions(original, translation)
    relate_in_own_language(translation)


# Vocabularies ----------------------------------------------------------------------------


def vocabulary_models():
    return [model for model in VocabularyTerm.__subclasses__() if not model._meta.abstract]


def ensure_term_translations(term, locales=None):
    """``term`` in every locale: a copy with the same name where a translation is missing,
    for the city to translate (Vokabulare). Pages of every language can then name it."""
    existing = set(
        type(term)
        .objects.filter(translation_key=term.translation_key)
        .values_list("locale_id", flat=True)
    )
    for locale in locales or Locale.objects.all():
        if locale.pk not in existing:
            copy = term.copy_for_translation(locale)
            copy.save()


def ensure_all_term_translations():
    locales = list(Locale.objects.all())
    for model in vocabulary_models():
        originals = model.objects.filter(locale=Locale.get_default())
        for term in originals:
            ensure_term_translations(term, locales)
