"""Building blocks for idempotent demo content, shared by every app's demo module.

Each helper looks for what it would create first and returns that instead, so running the
demo command again changes nothing.
"""

import io
import math
import random

from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont

from django.core.files.images import ImageFile
from django.db import transaction

from wagtail.images import get_image_model
from wagtail.models import Collection

DEMO_COLLECTION_NAME = "Beispielbilder"

PALETTE = ["#0b5563", "#9b1c1c", "#5c4300", "#3f3d99", "#1f6f43", "#7a2e6b", "#8a4b08"]


def demo_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=DEMO_COLLECTION_NAME).first()
    return existing or root.add_child(name=DEMO_COLLECTION_NAME)


def _png_file(picture, filename):
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    buffer.seek(0)
    return ImageFile(buffer, name=filename)


def get_or_create_image(title, alt_text, draw, filename):
    """A Wagtail image drawn locally by ``draw()`` (returns a Pillow image); no downloads."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    image = Image(title=title, description=alt_text, collection=demo_collection())
    image.file = _png_file(draw(), filename)
    image.save()
    return image


def draw_logo(initials, colour):
    """A square logo: initials on a coloured ground."""
    size = 480
    picture = PillowImage.new("RGB", (size, size), colour)
    canvas = ImageDraw.Draw(picture)
    canvas.ellipse((40, 40, size - 40, size - 40), outline="#ffffff", width=14)
    font = ImageFont.load_default(size=170)
    canvas.text((size / 2, size / 2), initials, fill="#ffffff", font=font, anchor="mm")
    return picture


def draw_network(seed, width=1440, height=810):
    """An abstract picture of a network: points joined by lines, in the site's colours."""
    rng = random.Random(seed)
    picture = PillowImage.new("RGB", (width, height), "#e3eef0")
    canvas = ImageDraw.Draw(picture)
    points = [(rng.randint(60, width - 60), rng.randint(60, height - 60)) for _ in range(26)]
    for index, (x, y) in enumerate(points):
        nearest = sorted(points, key=lambda other: math.dist(other, (x, y)))[1:4]
        for other in nearest:
            canvas.line((x, y, *other), fill="#7fa9b2", width=4)
        radius = rng.randint(14, 34)
        colour = PALETTE[index % len(PALETTE)]
        canvas.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
    return picture


def get_or_create_child(parent, model, slug, **fields):
    """A published child page of ``parent`` with ``slug``; created and published once.

    ``fields`` may hold lists for ParentalManyToManyFields and child relations: modelcluster
    keeps them in memory until the page is first saved.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific, False
    page = model(slug=slug, **fields)
    with transaction.atomic():
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page, True


def get_or_create_translation(page, language_code, **fields):
    """``page`` in another language: copied once with Wagtail's translation action (as an
    editor's "Translate" does), given the translated ``fields`` and published."""
    from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
    from wagtail.models import Locale

    locale = Locale.objects.get(language_code=language_code)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    with transaction.atomic():
        translation = (
            CopyPageForTranslationAction(page=page, locale=locale)
            .execute(skip_permission_checks=True)
            .specific
        )
        # The copy's draft, with the relations the translation took over in its language.
        translation = translation.get_latest_revision_as_object()
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save_revision().publish()
    return translation, True


def translate_section_front_page(page, translations):
    """A section's front page (directory, meetings, walks, projects) in every language of
    ``translations``: {language: (title, slug, introduction)}."""
    from wagtail.rich_text import RichText

    for language, (title, slug, intro) in translations.items():
        get_or_create_translation(
            page,
            language,
            title=title,
            slug=slug,
            search_description=intro,
            intro=RichText(f"<p>{intro}</p>"),
        )
