"""Content stays accessible by construction: images need an alternative text unless marked
decorative, and a passage's language code is checked."""

import pytest

from django.core.exceptions import ValidationError

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from home.blocks import CaptionedImageBlock, QuoteBlock

pytestmark = pytest.mark.django_db


@pytest.fixture
def image():
    return get_image_model().objects.create(title="Ein Bild", file=get_test_image_file())


def test_a_content_image_needs_an_alternative_text(image):
    block = CaptionedImageBlock()
    value = block.to_python(
        {
            "image": {"image": image.pk, "decorative": False, "alt_text": ""},
            "caption": "",
            "credit": "",
        }
    )

    with pytest.raises(ValidationError):
        block.clean(value)


def test_a_decorative_image_needs_none_and_gets_an_empty_alt(image):
    block = CaptionedImageBlock()
    value = block.clean(
        block.to_python(
            {
                "image": {"image": image.pk, "decorative": True, "alt_text": ""},
                "caption": "",
                "credit": "",
            }
        )
    )

    assert 'alt=""' in block.render(value)


def test_a_quote_in_another_language_names_it_with_a_real_language_code():
    block = QuoteBlock()

    assert block.clean(block.to_python({"quote": "Merhaba", "speaker": "", "language": "tr"}))
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"quote": "Merhaba", "speaker": "", "language": "Türkisch"}))
