"""Image files without what a camera or phone writes into them (GPS position, camera, owner):
every image the platform keeps, whoever uploaded it, is stored as a metadata-free copy.

Pixels are checked before they are decoded, so a small file that claims a huge picture (a
decompression bomb) is refused without taking the server's memory.
"""

import io
import secrets
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# What Pillow writes for each format we keep, and the file extension that goes with it.
EXTENSIONS = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
EXIF_ORIENTATION = 0x0112
JPEG_QUALITY = 90
WEBP_QUALITY = 90
# Wagtail's own default limit for its image fields (128 megapixels) is far beyond any photo.
DEFAULT_MAX_PIXELS = 50_000_000


def max_pixels():
    return getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None) or DEFAULT_MAX_PIXELS


def limit_decoding():
    """Make Pillow itself refuse, before decoding, any picture above the limit, wherever it is
    opened (renditions of images stored before a check existed, Wagtail's admin): it raises
    DecompressionBombError above twice MAX_IMAGE_PIXELS and only warns below."""
    Image.MAX_IMAGE_PIXELS = max_pixels() // 2
    warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)


def random_stem():
    """A file name that cannot be guessed (80 random bits), so that a file's address tells
    nothing and leads nowhere unless the platform published it."""
    return secrets.token_hex(10)


class CleanImage:
    """A metadata-free copy of an image: its bytes, format, extension and size."""

    def __init__(self, data, image_format, width, height):
        self.data = data
        self.format = image_format
        self.extension = EXTENSIONS[image_format]
        self.width = width
        self.height = height


def _refuse(message, code):
    raise ValidationError(message, code=code)


def without_metadata(fileobj, accepted_formats=tuple(EXTENSIONS)):
    """Read an image and return a CleanImage: the same picture, turned as the camera meant,
    with no EXIF, XMP, IPTC or comments. Colour profiles stay (they are not about anyone).

    Raises ValidationError with a message for the person who sent it.
    """
    if hasattr(fileobj, "seek"):
        fileobj.seek(0)
    try:
        # Image.open reads only the header: the size is known before any pixel is decoded.
        with Image.open(fileobj) as image:
            image_format = image.format
            if image_format not in accepted_formats:
                raise UnidentifiedImageError(image_format)
            width, height = image.size
            # Every frame of an animation is decoded when it is re-encoded: count them all (the
            # number of frames, too, is read without decoding any).
            frames = getattr(image, "n_frames", 1) if image_format in ("GIF", "WEBP") else 1
            if width * height * frames > max_pixels():
                _refuse(
                    _(
                        "Das Bild ist mit %(width)d × %(height)d Pixeln zu groß (höchstens "
                        "%(megapixels)d Megapixel)."
                    )
                    % {
                        "width": width,
                        "height": height,
                        "megapixels": max_pixels() // 1_000_000,
                    },
                    "too_many_pixels",
                )
            data, width, height = _reencode(image, image_format)
    except Image.DecompressionBombError as error:
        # Pillow's own limit (limit_decoding) refused it while reading the header.
        raise ValidationError(
            _("Das Bild hat zu viele Pixel (höchstens %(megapixels)d Megapixel).")
            % {"megapixels": max_pixels() // 1_000_000},
            code="too_many_pixels",
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise ValidationError(
            _("Bitte ein Bild als JPEG, PNG, WebP oder GIF hochladen."), code="invalid_image"
        ) from error
    return CleanImage(data, "JPEG" if image_format == "MPO" else image_format, width, height)


def _reencode(image, image_format):
    """The pixels in a new file of the same format. Pillow writes metadata only when asked,
    except a JPEG's comment, which it carries over: every save says "none" explicitly."""
    buffer = io.BytesIO()
    orientation = image.getexif().get(EXIF_ORIENTATION, 1)
    options = {"exif": b""}
    if image.info.get("icc_profile"):
        options["icc_profile"] = image.info["icc_profile"]
    if image_format in ("JPEG", "MPO"):
        options["comment"] = b""
        if orientation == 1 and image.mode in ("L", "RGB", "CMYK"):
            # The camera's own compression, kept: no loss of quality.
            image.save(buffer, "JPEG", quality="keep", **options)
            return buffer.getvalue(), *image.size
        image = ImageOps.exif_transpose(image)
        if image.mode not in ("L", "RGB", "CMYK"):
            image = image.convert("RGB")
        image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, **options)
    elif image_format == "GIF":
        # Animations keep their frames and timing; comments and application data go.
        image.info.pop("comment", None)
        timing = {key: image.info[key] for key in ("duration", "loop") if key in image.info}
        image.save(buffer, "GIF", save_all=getattr(image, "is_animated", False), **timing)
    else:
        animated = getattr(image, "is_animated", False)
        if orientation != 1 and not animated:
            image = ImageOps.exif_transpose(image)
        if image_format == "PNG":
            image.save(buffer, "PNG", optimize=True, **options)
        else:
            image.save(buffer, "WEBP", save_all=animated, quality=WEBP_QUALITY, **options)
    return buffer.getvalue(), *image.size
