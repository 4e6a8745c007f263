"""Where media files live: public files where the web server (or a CDN) serves them, private
ones where nobody can reach them except through a view that checks who asks.

Wagtail keeps every image, rendition and document in Django's default storage. The default
storage here routes by file name:

- documents are private: they are served by ``medialibrary.views.serve_document`` only, which
  checks that a live, public page uses them (Range requests included);
- an image file whose name starts with ``private_`` is private: photos sent by the public keep
  that until a city editor publishes a page that uses them (``medialibrary.publication``);
  Wagtail names renditions after their original, so they stay private with it;
- everything else (images in use, and their renditions) is public under ``MEDIA_URL``.
"""

import posixpath

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.urls import reverse
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property

PRIVATE_PREFIX = "private_"
PRIVATE_FOLDERS = ("documents/",)


def private_storage():
    """What members of the public send, and private media: never served from MEDIA_URL.

    A callable, so tests and deployments can move PRIVATE_MEDIA_ROOT by setting alone (the
    story submissions' photo field names it in its migration)."""
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


def is_private_name(name):
    name = str(name).replace("\\", "/")
    return name.startswith(PRIVATE_FOLDERS) or posixpath.basename(name).startswith(PRIVATE_PREFIX)


def private_name(name):
    """The name of a file that should stay private wherever it is stored."""
    folder, base = posixpath.split(str(name).replace("\\", "/"))
    if base.startswith(PRIVATE_PREFIX):
        return posixpath.join(folder, base)
    return posixpath.join(folder, PRIVATE_PREFIX + base)


def public_name(name):
    folder, base = posixpath.split(str(name).replace("\\", "/"))
    return posixpath.join(folder, base.removeprefix(PRIVATE_PREFIX))


@deconstructible(path="medialibrary.storage.MediaStorage")
class MediaStorage(Storage):
    """The default storage: public and private files behind one interface.

    ``public`` and ``private`` name storage aliases of ``STORAGES``; without them, the public
    part is MEDIA_ROOT (served at MEDIA_URL) and the private part PRIVATE_MEDIA_ROOT.
    """

    def __init__(self, public=None, private=None):
        self.public_alias = public
        self.private_alias = private

    @cached_property
    def public(self):
        if self.public_alias:
            return storages[self.public_alias]
        return FileSystemStorage(location=settings.MEDIA_ROOT, base_url=settings.MEDIA_URL)

    @cached_property
    def private(self):
        if self.private_alias:
            return storages[self.private_alias]
        return private_storage()

    def storage_for(self, name):
        return self.private if is_private_name(name) else self.public

    # Storage's API, each call sent to the part that holds the name.
    def _open(self, name, mode="rb"):
        return self.storage_for(name).open(name, mode)

    def _save(self, name, content):
        return self.storage_for(name).save(name, content)

    def get_available_name(self, name, max_length=None):
        return self.storage_for(name).get_available_name(name, max_length=max_length)

    def get_valid_name(self, name):
        return self.public.get_valid_name(name)

    def delete(self, name):
        return self.storage_for(name).delete(name)

    def exists(self, name):
        return self.storage_for(name).exists(name)

    def listdir(self, path):
        return self.storage_for(path.rstrip("/") + "/").listdir(path)

    def size(self, name):
        return self.storage_for(name).size(name)

    def path(self, name):
        return self.storage_for(name).path(name)

    def get_accessed_time(self, name):
        return self.storage_for(name).get_accessed_time(name)

    def get_created_time(self, name):
        return self.storage_for(name).get_created_time(name)

    def get_modified_time(self, name):
        return self.storage_for(name).get_modified_time(name)

    def url(self, name):
        if is_private_name(name):
            # Editors see private images in the admin (thumbnails, previews) through a view
            # that checks their rights; nobody else has an address for them.
            return reverse("medialibrary_private_file", args=[name])
        return self.public.url(name)
