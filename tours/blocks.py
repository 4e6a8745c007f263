"""The story of a walk's stop: text, pictures, voices and the period it tells of."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.telepath import register
from wagtail.blocks.stream_block import StreamBlockAdapter
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from home.blocks import CaptionedImageBlock, LanguageCodeBlock, ParagraphBlock, QuoteBlock

from .audio import audio_format


class AudioBlock(blocks.StructBlock):
    """A recording with its transcript: without the transcript, deaf readers miss the story."""

    title = blocks.CharBlock(label=_("Titel"), max_length=150, required=False)
    audio = DocumentChooserBlock(
        label=_("Audiodatei"),
        help_text=_("MP3, M4A, OGG/Opus oder WAV aus der Dokumentensammlung."),
    )
    transcript = blocks.TextBlock(
        label=_("Abschrift (Transkript)"),
        help_text=_("Was in der Aufnahme gesagt wird, vollständig. Pflichtfeld."),
    )
    credit = blocks.CharBlock(
        label=_("Sprecherin oder Sprecher, Aufnahme"), max_length=200, required=False
    )
    language = LanguageCodeBlock(
        help_text=_(
            "Die Sprache der Aufnahme und ihrer Abschrift, wenn nicht die der Seite "
            "(z. B. tr); leer: die Sprache der Seite."
        )
    )

    def get_api_representation(self, value, context=None):
        # The file's address and its transcript, instead of a bare document id.
        from home.api.fields import document_info

        return {
            "title": value.get("title") or "",
            "audio": document_info(value.get("audio")),
            "transcript": value.get("transcript") or "",
            "credit": value.get("credit") or "",
            "language": value.get("language") or "",
        }

    class Meta:
        icon = "media"
        label = _("Audio mit Abschrift")
        template = "blocks/audio_block.html"
        description = _("Eine Aufnahme zum Anhören, immer mit vollständiger Abschrift.")

    def clean(self, value):
        errors = {}
        document = value.get("audio")
        if document is not None:
            try:
                with document.open_file() as audio_file:
                    recognised = audio_format(audio_file)
            except OSError:
                recognised = None
            if recognised is None:
                # The title only for an editor who may see the document: the id sent may be
                # one they may not choose.
                from home.choosers import may_show

                message = (
                    _(
                        "„%(title)s“ ist keine Audiodatei, die Browser abspielen können. "
                        "Bitte eine MP3-, M4A-, OGG/Opus- oder WAV-Datei wählen."
                    )
                    % {"title": document.title}
                    if may_show(document)
                    else _(
                        "Die gewählte Datei ist keine Audiodatei, die Browser abspielen können. "
                        "Bitte eine MP3-, M4A-, OGG/Opus- oder WAV-Datei wählen."
                    )
                )
                errors["audio"] = ValidationError(message)
        if not (value.get("transcript") or "").strip():
            errors["transcript"] = ValidationError(
                _(
                    "Bitte die Abschrift eingeben: Ohne sie ist die Aufnahme für gehörlose "
                    "und schwerhörige Menschen nicht zugänglich."
                )
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return super().clean(value)


class GalleryBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Überschrift"), max_length=150, required=False)
    images = blocks.ListBlock(CaptionedImageBlock(), label=_("Bilder"), min_num=2)

    class Meta:
        icon = "image"
        label = _("Bildergalerie")
        template = "blocks/gallery_block.html"
        description = _("Mehrere Bilder mit Bildunterschriften, nebeneinander.")


class HistoricalPeriodBlock(blocks.StructBlock):
    """The time a story tells of, e.g. 'Anwerbung 1960 bis 1973'."""

    label = blocks.CharBlock(
        label=_("Zeitraum"), max_length=100, help_text=_("z. B. „Die Anwerbejahre“")
    )
    start_year = blocks.IntegerBlock(label=_("Von (Jahr)"), min_value=1000)
    end_year = blocks.IntegerBlock(label=_("Bis (Jahr)"), min_value=1000, required=False)
    text = blocks.TextBlock(label=_("Erläuterung"), required=False, max_length=600)

    class Meta:
        icon = "time"
        label = _("Historischer Zeitraum")
        template = "blocks/historical_period_block.html"
        description = _("Ordnet die Geschichte zeitlich ein.")
        preview_value = {
            "label": "Die Anwerbejahre",
            "start_year": 1960,
            "end_year": 1973,
            "text": "Anwerbeabkommen brachten Arbeitskräfte nach Sindelfingen.",
        }

    def clean(self, value):
        cleaned = super().clean(value)
        start, end = cleaned.get("start_year"), cleaned.get("end_year")
        errors = {}
        if start and start > datetime.date.today().year:
            errors["start_year"] = ValidationError(_("Das Jahr liegt in der Zukunft."))
        if start and end and end < start:
            errors["end_year"] = ValidationError(_("Das Ende liegt vor dem Anfang."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return cleaned


class StoryBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    audio = AudioBlock()
    gallery = GalleryBlock()
    period = HistoricalPeriodBlock()

    def clean(self, value):
        # A text block left empty (a new stop starts with one) is dropped, not an error.
        kept = [child for child in value if not _is_empty_text(child)]
        return super().clean(
            blocks.StreamValue(self, [(child.block_type, child.value, child.id) for child in kept])
        )


class StoryBlockAdapter(StreamBlockAdapter):
    """The story in the editor: a photo or a recording just added opens its chooser at once
    (tours/static/tours/admin/new_block_chooser.js)."""

    @cached_property
    def media(self):
        return super().media + forms.Media(js=["tours/admin/new_block_chooser.js"])


register(StoryBlockAdapter(), StoryBlock)


def _is_empty_text(child):
    if child.block_type != "paragraph":
        return False
    source = getattr(child.value, "source", child.value) or ""
    return not strip_tags(source).replace("\xa0", " ").strip()
