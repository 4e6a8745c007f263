"""Alternative text is written, never guessed from a file name.

Wagtail proposes an image's ``default_alt_text`` wherever an image is chosen (image blocks,
images in rich text): its description, else its title, which an upload takes from the file
name ("IMG_2043"). A proposal that reads like alt text but says nothing is worse than an
empty field that asks for one. Wagtail's documented way is a custom image model overriding
the property; this project keeps Wagtail's own image model, so the property is replaced at
start-up (check on upgrading Wagtail).

Where a page shows an image that no editor described in place (a hero image), readers still
get its description or, failing that, its title: ``for_readers``.
"""


def description_only(image):
    return getattr(image, "description", "") or ""


def for_readers(image):
    """The text a page gives an image that carries no alt text of its own."""
    if image is None:
        return ""
    return getattr(image, "description", "") or image.title


def install():
    from wagtail.images.models import AbstractImage

    AbstractImage.default_alt_text = property(description_only)
