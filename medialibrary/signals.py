"""Every image file the platform keeps is metadata-free and randomly named, and it lives where
the media rule (medialibrary.access) says: in public storage while anyone may see the image, in
private storage otherwise. New uploads start private. Whenever what is public may have changed
(a page published, unpublished, deleted or restricted, an image moved to another collection, the
city's public collections changed), ``sync_image_storage()`` moves the files whose place no longer
fits: a photo sent by the public becomes public with the stop that shows it, and a file once
public leaves public storage, under a new name, with the last page that showed it."""

import hashlib
import posixpath

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, ReferenceIndex
from wagtail.signals import page_published, page_unpublished

from .access import public_media
from .images import random_stem, without_metadata
from .models import MediaSettings
from .storage import PRIVATE_PREFIX, is_private_name

# Where Wagtail keeps originals (AbstractImage.get_upload_to).
ORIGINALS_FOLDER = "original_images"


def clean_new_image_file(sender, instance, raw=False, **kwargs):
    """Before a new image file is stored (admin, API, code alike), replace it with a copy
    without metadata under a name that cannot be guessed."""
    file = instance.file
    if raw or not file or getattr(file, "_committed", True):
        return
    clean = without_metadata(file.file if hasattr(file, "file") else file)
    # Private until a live, public page uses the image (or its collection is public).
    instance.file = ContentFile(
        clean.data, name=f"{PRIVATE_PREFIX}{random_stem()}.{clean.extension}"
    )
    instance.width, instance.height = clean.width, clean.height
    instance.file_size = len(clean.data)
    instance.file_hash = hashlib.sha1(clean.data, usedforsecurity=False).hexdigest()


def move_file(image, private):
    """Move an image's file between public and private storage, under a new random name (an
    address someone saw no longer leads anywhere), and drop its renditions: they are made
    again, where the image now lives, on first use. The old files are deleted on commit.
    Returns whether anything moved."""
    if is_private_name(image.file.name) == private:
        return False
    old_name = image.file.name
    with image.open_file() as current:
        data = current.read()
    extension = posixpath.splitext(old_name)[1]
    image.file.save(
        f"{PRIVATE_PREFIX if private else ''}{random_stem()}{extension}",
        ContentFile(data),
        save=False,
    )
    image.save(update_fields=["file"])
    # The old file goes once the move is committed: rolled back, the image keeps it.
    storage = image.file.storage
    transaction.on_commit(lambda: storage.delete(old_name))
    image.renditions.all().delete()
    return True


def sync_image_storage(images=None):
    """Move every image (of ``images``, by default all) whose file is not where the media rule
    says; returns (made public, made private)."""
    Image = get_image_model()
    images = Image.objects.all() if images is None else images
    public = public_media(Image.objects.all()).values("pk")
    stored_privately = Q(file__startswith=f"{ORIGINALS_FOLDER}/{PRIVATE_PREFIX}")
    to_publish = list(images.filter(stored_privately, pk__in=public))
    to_withdraw = list(images.exclude(stored_privately).exclude(pk__in=public))
    for image in to_publish:
        move_file(image, private=False)
    for image in to_withdraw:
        move_file(image, private=True)
    return len(to_publish), len(to_withdraw)


def page_published_or_unpublished(sender, instance, **kwargs):
    # The index is updated by a task that may run later; this page's references count now.
    ReferenceIndex.create_or_update_for_object(instance)
    sync_image_storage()


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        # Once the page and its references are gone for good.
        transaction.on_commit(sync_image_storage)


def public_pages_changed(sender, **kwargs):
    sync_image_storage()


def image_saved(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    if raw or (update_fields is not None and set(update_fields) <= {"file", "file_hash"}):
        return  # the file was just moved here, or nothing the rule looks at changed
    sync_image_storage(get_image_model().objects.filter(pk=instance.pk))


def connect():
    Image = get_image_model()
    pre_save.connect(clean_new_image_file, sender=Image, dispatch_uid="clean_image")
    post_save.connect(image_saved, sender=Image, dispatch_uid="sync_saved_image")
    page_published.connect(page_published_or_unpublished, dispatch_uid="sync_published")
    page_unpublished.connect(page_published_or_unpublished, dispatch_uid="sync_unpublished")
    post_delete.connect(page_deleted, dispatch_uid="sync_deleted_page")
    for model in (PageViewRestriction, MediaSettings):
        post_save.connect(public_pages_changed, sender=model, dispatch_uid=f"sync_{model.__name__}")
        post_delete.connect(
            public_pages_changed, sender=model, dispatch_uid=f"sync_del_{model.__name__}"
        )
    m2m_changed.connect(
        public_pages_changed,
        sender=MediaSettings.public_collections.through,
        dispatch_uid="sync_public_collections",
    )
