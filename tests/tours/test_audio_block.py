"""The audio block takes only files browsers can play, and never without a transcript."""

import pytest
from media_files import wav_bytes

from django.core.files.base import ContentFile

from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model

from tours.blocks import AudioBlock, StoryBlock

pytestmark = pytest.mark.django_db


def document(name, content):
    doc = get_document_model()(title=name)
    doc.file.save(name, ContentFile(content), save=False)
    doc.save()
    return doc


def clean(audio, transcript):
    block = AudioBlock()
    return block.clean(block.to_python({"audio": audio.pk, "transcript": transcript, "title": ""}))


def test_a_recording_with_transcript_is_accepted():
    cleaned = clean(document("stimme.wav", wav_bytes()), "Ich kam 1964 an.")

    assert cleaned["transcript"] == "Ich kam 1964 an."


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("protokoll.pdf", b"%PDF-1.4 not audio"),
        ("getarnt.mp3", b"this is text pretending to be an mp3"),
    ],
)
def test_a_file_that_is_not_audio_is_refused_with_a_clear_message(name, content):
    with pytest.raises(StructBlockValidationError) as error:
        clean(document(name, content), "Eine Abschrift")

    message = str(error.value.block_errors["audio"].messages[0])
    assert f"„{name}“ ist keine Audiodatei, die Browser abspielen können." in message
    assert "MP3-, M4A-, OGG/Opus- oder WAV-Datei" in message


@pytest.mark.parametrize("transcript", ["", "   \n  "])
def test_an_empty_transcript_is_refused_with_a_clear_message(transcript):
    with pytest.raises(StructBlockValidationError) as error:
        clean(document("stimme.wav", wav_bytes()), transcript)

    message = str(error.value.block_errors["transcript"].messages[0])
    assert message.startswith("Bitte die Abschrift eingeben")


def test_both_problems_are_reported_at_once():
    with pytest.raises(StructBlockValidationError) as error:
        clean(document("bild.png", b"\x89PNG\r\n\x1a\n"), "")

    assert set(error.value.block_errors) == {"audio", "transcript"}


def test_the_story_stream_offers_every_kind_of_block():
    assert set(StoryBlock().child_blocks) == {
        "paragraph",
        "image",
        "quote",
        "audio",
        "gallery",
        "period",
    }


def test_the_demo_stop_plays_its_audio_with_the_transcript_at_hand(client):
    html = client.get("/de/rundgaenge/ankommen-in-sindelfingen/marktplatz/").content.decode()

    assert '<audio controls preload="none" src="/documents/' in html
    assert "<summary>Abschrift lesen</summary>" in html
    assert "Tonfolge" in html  # the transcript says what the sample recording is
