"""Storage for what members of the public send: never served from the public media URL."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def private_storage():
    # A callable, so tests and deployments can move PRIVATE_MEDIA_ROOT by setting alone.
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)
