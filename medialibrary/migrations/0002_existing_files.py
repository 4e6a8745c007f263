"""Files stored before the media library's rules: documents move out of the public media folder
into private storage; image originals get a random name and lose their metadata, and their
renditions go (Wagtail makes them again, from the clean original, when they are next used).

Runs once per install; an empty database has nothing to move."""

import hashlib
import posixpath

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.db import migrations


def move_existing_files(apps, schema_editor):
    from django.conf import settings
    from django.core.exceptions import ValidationError
    from django.core.files.storage import default_storage

    from medialibrary.images import random_stem, without_metadata
    from medialibrary.storage import MediaStorage, is_private_name

    if not isinstance(default_storage, MediaStorage):
        return
    public = FileSystemStorage(location=settings.MEDIA_ROOT)

    Document = apps.get_model("wagtaildocs", "Document")
    for document in Document.objects.all():
        name = document.file.name
        if name and public.exists(name) and not default_storage.exists(name):
            with public.open(name, "rb") as source:
                stored = default_storage.save(name, source)
            public.delete(name)
            if stored != name:
                Document.objects.filter(pk=document.pk).update(file=stored)

    Image = apps.get_model("wagtailimages", "Image")
    Rendition = apps.get_model("wagtailimages", "Rendition")
    for image in Image.objects.all():
        name = image.file.name
        if not name or is_private_name(name) or not default_storage.exists(name):
            continue
        stem = posixpath.splitext(posixpath.basename(name))[0]
        if len(stem) == 20 and all(char in "0123456789abcdef" for char in stem):
            continue  # already named by the media library
        with default_storage.open(name, "rb") as source:
            try:
                clean = without_metadata(source)
            except ValidationError:
                continue  # not an image Pillow can read: leave it as it is
        stored = default_storage.save(
            f"original_images/{random_stem()}.{clean.extension}", ContentFile(clean.data)
        )
        Image.objects.filter(pk=image.pk).update(
            file=stored,
            width=clean.width,
            height=clean.height,
            file_size=len(clean.data),
            file_hash=hashlib.sha1(clean.data, usedforsecurity=False).hexdigest(),
        )
        for rendition in Rendition.objects.filter(image_id=image.pk):
            if rendition.file.name:
                default_storage.delete(rendition.file.name)
        Rendition.objects.filter(image_id=image.pk).delete()
        default_storage.delete(name)


class Migration(migrations.Migration):
    dependencies = [
        ("medialibrary", "0001_initial"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(move_existing_files, migrations.RunPython.noop)]
