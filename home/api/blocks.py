"""StreamField blocks in the OpenAPI document.

Wagtail's v3 schema types a StreamField as a list of anything (``items: {}``). Here a domain
declares the shape of its blocks (``{"type": ..., "value": ..., "id": ...}`` per block type)
and registers it for a page schema's field; config.api puts these shapes into the document.
The shapes describe what the blocks' ``get_api_representation`` returns; tests validate real
answers against them.
"""

from typing import Annotated, Literal, Union

from pydantic import Field, TypeAdapter, create_model

from .fields import APIShape, DocumentInfo, ImageInfo

#: (page schema name, field name) -> the annotation of the field's list of blocks.
STREAM_FIELD_SHAPES = {}


def block(type_name, value, model_name):
    """The shape of one block type: its ``type``, its ``value`` and its ``id``."""
    return create_model(
        model_name,
        __base__=APIShape,
        type=(Literal[type_name], ...),
        value=(value, ...),
        id=(str, ...),
    )


def blocks_of(*block_models):
    """A list of blocks of these types, told apart by ``type``."""
    return list[Annotated[Union[block_models], Field(discriminator="type")]]  # noqa: UP007


def register_stream_field(schema_name, field, annotation):
    STREAM_FIELD_SHAPES[(schema_name, field)] = annotation


def typed_stream_fields(schema):
    """Replace the untyped StreamField properties of the registered page schemas."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for (schema_name, field), annotation in STREAM_FIELD_SHAPES.items():
        properties = components.get(schema_name, {}).get("properties", {})
        if field not in properties:
            continue
        json_schema = TypeAdapter(annotation).json_schema(
            ref_template="#/components/schemas/{model}"
        )
        for name, definition in json_schema.pop("$defs", {}).items():
            components.setdefault(name, definition)
        title = properties[field].get("title")
        properties[field] = {**json_schema, **({"title": title} if title else {})}
    return schema


# Blocks shared by several StreamFields.


class CaptionedImage(APIShape):
    image: ImageInfo | None
    decorative: bool = Field(description="True: the image is decorative; its alt is empty.")
    caption: str
    credit: str


class Quote(APIShape):
    quote: str
    speaker: str = ""
    language: str = Field(
        "", description="Language code of the quote where it is not the page's; else empty."
    )


ParagraphBlockShape = block("paragraph", str, "ParagraphBlock")
ImageBlockShape = block("image", CaptionedImage, "ImageBlock")
QuoteBlockShape = block("quote", Quote, "QuoteBlock")


class DocumentList(APIShape):
    heading: str | None
    documents: list[DocumentInfo | None]


class Agenda(APIShape):
    heading: str | None
    items: list[str]


class DecisionList(APIShape):
    heading: str | None
    decisions: list[str]


DocumentsBlockShape = block("documents", DocumentList, "DocumentsBlock")

#: home.blocks.BodyBlock: standard pages and project news.
BodyBlocks = blocks_of(ParagraphBlockShape, ImageBlockShape, QuoteBlockShape, DocumentsBlockShape)
#: home.blocks.MeetingContentBlock: a meeting's agenda and results.
MeetingContentBlocks = blocks_of(
    ParagraphBlockShape,
    block("agenda", Agenda, "AgendaBlock"),
    block("decisions", DecisionList, "DecisionsBlock"),
    DocumentsBlockShape,
    ImageBlockShape,
)

register_stream_field("StandardPageSchema", "body", BodyBlocks)
register_stream_field("MeetingPageSchema", "agenda", MeetingContentBlocks)
register_stream_field("MeetingPageSchema", "results", MeetingContentBlocks)
