"""Images and documents for tests: photos as a phone writes them (GPS position, camera), and
pages that use them."""

import io

from PIL import Image as PILImage

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

GPS = {1: "N", 2: (48.0, 42.0, 47.0), 3: "E", 4: (9.0, 0.0, 10.0)}
CAMERA = "Telefonkamera X"
EXIF_GPS, EXIF_MAKE, EXIF_ORIENTATION = 0x8825, 0x010F, 0x0112


def phone_photo_bytes(image_format="JPEG", size=(64, 48), orientation=1):
    exif = PILImage.Exif()
    exif[EXIF_MAKE] = CAMERA
    exif[EXIF_GPS] = GPS
    exif[EXIF_ORIENTATION] = orientation
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (200, 80, 40)).save(buffer, image_format, exif=exif.tobytes())
    return buffer.getvalue()


def phone_photo_upload(name="IMG_2041_Oma_Koffer.jpg", **kwargs):
    return SimpleUploadedFile(name, phone_photo_bytes(**kwargs), content_type="image/jpeg")


def metadata_left_in(data):
    """What a stored image file still tells about where and with what it was taken."""
    with PILImage.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        found = {name for name, tag in (("gps", EXIF_GPS), ("camera", EXIF_MAKE)) if tag in exif}
    if CAMERA.encode() in data:
        found.add("camera")
    return found


def make_image(title="Testbild", collection=None, name="IMG_2041_Oma_Koffer.jpg", **kwargs):
    image = get_image_model()(
        title=title, collection=collection or Collection.get_first_root_node()
    )
    image.file = ContentFile(phone_photo_bytes(**kwargs), name=name)
    image.save()
    return image


def make_document(title="Protokoll", collection=None, name="protokoll-entwurf.txt"):
    document = get_document_model()(
        title=title, collection=collection or Collection.get_first_root_node()
    )
    document.file = ContentFile(b"0123456789" * 100, name=name)
    document.save()
    return document


def read_stored(fieldfile):
    with fieldfile.storage.open(fieldfile.name, "rb") as stored:
        return stored.read()


def wav_bytes(frames=8000):
    """A mono WAV of silence at 8 kHz (8000 frames: one second) that browsers can play."""
    import io
    import wave

    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as recording:
        recording.setnchannels(1)
        recording.setsampwidth(2)
        recording.setframerate(8000)
        recording.writeframes(b"\0\0" * frames)
    return buffer.getvalue()
