"""StreamField blocks shared by the network's pages. Tours and projects build on these."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
# For text below a section heading of its own (a meeting's agenda, say): no second-level headings.
SECTION_TEXT_FEATURES = [feature for feature in RICH_TEXT_FEATURES if feature != "h2"]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, features=None, **kwargs):
        super().__init__(features=features or RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "blocks/paragraph_block.html"
        description = _("Fließtext mit Zwischenüberschriften, Listen und Links.")
        preview_value = (
            "<p>Beim Auftakttreffen stellten sich die Vereine gegenseitig vor "
            "und sprachen über ihre Wünsche an die Zusammenarbeit.</p>"
        )


class NetworkImageBlock(ImageBlock):
    """Wagtail's image with alternative text, labelled in plain German: its chooser has no
    label of its own (the admin showed "Image*"), and "Alternativtext" says nothing to a
    volunteer. Stored exactly as Wagtail's ImageBlock (see its deconstruct)."""

    def __init__(self, required=True, **kwargs):
        super().__init__(required=required, **kwargs)
        labels = {
            "image": (_("Foto oder Grafik"), None),
            "decorative": (
                _("Nur Schmuck, ohne Aussage"),
                _("Dann lesen Screenreader das Bild nicht vor, und es braucht keine Beschreibung."),
            ),
            "alt_text": (
                _("Was auf dem Bild zu sehen ist"),
                _(
                    "Für Menschen, die das Bild nicht sehen: ein, zwei Sätze, nicht der Dateiname. "
                    "Wird vorgelesen, wenn das Bild nicht angezeigt wird."
                ),
            ),
        }
        # Its header names the image, not "Nein" for "not decorative".
        self.meta.label_format = "{image}"
        for name, (label, help_text) in labels.items():
            self.child_blocks[name].label = label
            if help_text:
                self.child_blocks[name].meta.help_text = help_text


class CaptionedImageBlock(blocks.StructBlock):
    """An image with its alternative text, a visible caption and the photographer's credit."""

    image = NetworkImageBlock(label=_("Bild"))
    caption = blocks.CharBlock(label=_("Bildunterschrift"), required=False, max_length=250)
    credit = blocks.CharBlock(
        label=_("Bildnachweis"),
        required=False,
        max_length=120,
        help_text=_("Wer das Bild gemacht hat oder woher es stammt."),
    )

    def get_api_representation(self, value, context=None):
        # The image with its alternative text (empty when the editor marked it decorative)
        # and ready-made sizes, instead of a bare image id.
        from .api.fields import image_info

        image = value.get("image")
        return {
            "image": image_info(image, alt_text=getattr(image, "contextual_alt_text", None)),
            "decorative": bool(getattr(image, "decorative", False)),
            "caption": value.get("caption") or "",
            "credit": value.get("credit") or "",
        }

    class Meta:
        icon = "image"
        label = _("Bild")
        # The collapsed block names its image (or caption), not "Bild — Nein".
        label_format = "{image} {caption}"
        template = "blocks/captioned_image_block.html"
        description = _("Ein Bild mit Alternativtext, Bildunterschrift und Bildnachweis.")


class LanguageCodeBlock(blocks.RegexBlock):
    """The language of a passage that is not in the page's language (a quote in Turkish on a
    German page): screen readers then pronounce it right, and Arabic runs right to left."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Sprache, wenn nicht die der Seite"))
        kwargs.setdefault(
            "help_text", _("Sprachcode wie tr, it, ar oder sr-Latn; leer: die Sprache der Seite.")
        )
        super().__init__(
            regex=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
            required=False,
            max_length=20,
            error_messages={
                "invalid": _("Bitte einen Sprachcode wie tr, it, ar oder sr-Latn angeben.")
            },
            **kwargs,
        )


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Zitat"), max_length=1000)
    speaker = blocks.CharBlock(label=_("Wer sagt das?"), required=False, max_length=120)
    language = LanguageCodeBlock()

    def get_api_representation(self, value, context=None):
        return {
            "quote": value.get("quote") or "",
            "speaker": value.get("speaker") or "",
            "language": value.get("language") or "",
        }

    class Meta:
        icon = "openquote"
        label = _("Zitat")
        template = "blocks/quote_block.html"
        description = _("Ein hervorgehobenes Zitat mit Angabe, wer es gesagt hat.")
        preview_value = {
            "quote": "Wir wollen mitgestalten, nicht nur eingeladen werden.",
            "speaker": "Teilnehmerin des Auftakttreffens",
        }


class DecisionListBlock(blocks.StructBlock):
    """What a meeting agreed on, one decision per line."""

    heading = blocks.CharBlock(label=_("Überschrift"), required=False, max_length=120)
    decisions = blocks.ListBlock(
        blocks.TextBlock(label=_("Beschluss"), max_length=500), label=_("Beschlüsse"), min_num=1
    )

    class Meta:
        icon = "tick-inverse"
        label = _("Beschlüsse und Ergebnisse")
        template = "blocks/decision_list_block.html"
        description = _("Eine Liste der Beschlüsse oder festgehaltenen Ergebnisse.")
        preview_value = {
            "heading": "Festgehalten",
            "decisions": [
                "Eine regelmäßige Austauschplattform zwischen den Vereinen wird gewünscht.",
                "Die Stadtverwaltung koordiniert und moderiert.",
            ],
        }


class AgendaBlock(blocks.StructBlock):
    """The points of a meeting's agenda, in order."""

    heading = blocks.CharBlock(label=_("Überschrift"), required=False, max_length=120)
    items = blocks.ListBlock(
        blocks.CharBlock(label=_("Tagesordnungspunkt"), max_length=250),
        label=_("Tagesordnungspunkte"),
        min_num=1,
    )

    class Meta:
        icon = "list-ol"
        label = _("Tagesordnungspunkte")
        template = "blocks/agenda_block.html"
        description = _("Die Punkte der Tagesordnung, nummeriert in ihrer Reihenfolge.")
        preview_value = {
            "heading": "Tagesordnung",
            "items": ["Begrüßung", "Berichte aus den Arbeitsgruppen", "Verschiedenes"],
        }


class DocumentListBlock(blocks.StructBlock):
    """Files to download, each shown with its type and size so readers know what they get."""

    heading = blocks.CharBlock(label=_("Überschrift"), required=False, max_length=120)
    documents = blocks.ListBlock(
        DocumentChooserBlock(label=_("Dokument")), label=_("Dokumente"), min_num=1
    )

    def get_api_representation(self, value, context=None):
        from .api.fields import document_info

        return {
            "heading": value.get("heading") or "",
            "documents": [document_info(document) for document in value.get("documents") or []],
        }

    class Meta:
        icon = "doc-full"
        label = _("Dokumente")
        template = "blocks/document_list_block.html"
        description = _("Dateien zum Herunterladen, z. B. Protokolle oder Präsentationen.")


class BodyBlock(blocks.StreamBlock):
    """The general body of content pages."""

    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    documents = DocumentListBlock()


class MeetingContentBlock(blocks.StreamBlock):
    """Agenda and results of a meeting: text, decisions, documents, images.

    Each sits under a section heading of the meeting page, so its own headings start one level down.
    """

    paragraph = ParagraphBlock(features=SECTION_TEXT_FEATURES)
    agenda = AgendaBlock()
    decisions = DecisionListBlock()
    documents = DocumentListBlock()
    image = CaptionedImageBlock()
