"""Typed API fields: what a page type or snippet shows in the API and its OpenAPI schema.

Wagtail's API v3 types a model field from the model, but a computed value (a walk's length,
the live stops, the public contact) only as ``Any``. ``computed_field`` gives such a value a
real type, so that the OpenAPI document describes the whole model. It uses the serializer hook
of Wagtail's ``APIField``, the one extension point the v3 schema generator reads types from.

Relations to other pages are always filtered to live, public pages here: an API answer never
names a draft or a private page, whoever asks.
"""

from contextvars import ContextVar
from typing import Annotated, Literal

from ninja import Path
from pydantic import BaseModel, ConfigDict
from rest_framework import fields as drf_fields

from django.conf import settings

from wagtail.api import APIField
from wagtail.api.utils import get_full_url

from medialibrary.alt_text import for_readers as alt_text_for_readers

#: An id in a path: positive and within the database's integer range, so that an absurd id is
#: a clear 422 and never reaches the database.
ObjectId = Annotated[int, Path(ge=1, le=2**31 - 1)]

#: The API request being answered, for absolute URLs in fields that get no request.
current_request: ContextVar = ContextVar("current_api_request", default=None)


def absolute_url(url):
    """``url`` as an absolute address, on the same base as Wagtail's own API URLs (the
    site's root URL, or WAGTAILAPI_BASE_URL where set)."""
    if not url:
        return url
    full_url = get_full_url(current_request.get(), url)
    if full_url.startswith(("http://", "https://")):
        return full_url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def computed_field(name, annotation, compute=None):
    """An ``APIField`` named ``name`` whose value ``compute(instance)`` returns (by default the
    attribute or method ``name``), documented in OpenAPI as ``annotation``."""

    def default_compute(instance):
        value = getattr(instance, name)
        return value() if callable(value) else value

    compute = compute or default_compute

    class ComputedField(drf_fields.Field):
        def __init__(self):
            super().__init__(source="*", read_only=True)

        def to_representation(self, instance):
            return compute(instance)

    # The v3 generator reads the field's type from this annotation.
    ComputedField.to_representation.__annotations__ = {"return": annotation}
    ComputedField.__name__ = ComputedField.__qualname__ = f"{name.title().replace('_', '')}Field"
    return APIField(name, serializer=ComputedField())


# Shapes shared by several page types --------------------------------------------------------


class APIShape(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Term(APIShape):
    """An entry of a shared vocabulary (focus area, district, topic, meeting series)."""

    id: int
    name: str
    slug: str


class LanguageTerm(Term):
    code: str
    native_name: str
    direction: Literal["ltr", "rtl"]


class PageLink(APIShape):
    """A live, public page another page refers to."""

    id: int
    title: str
    type: str
    html_url: str | None
    detail_url: str


class Rendition(APIShape):
    url: str
    width: int
    height: int


class ImageInfo(APIShape):
    """An image with its alternative text and ready-made sizes."""

    id: int
    title: str
    alt: str
    width: int
    height: int
    renditions: dict[str, Rendition]


class DocumentInfo(APIShape):
    id: int
    title: str
    url: str
    file_extension: str
    file_size: int | None


class FormFieldInfo(APIShape):
    """A field of a public form, for front ends that show the form themselves."""

    name: str
    label: str
    type: Literal["text", "textarea", "email", "number", "decimal", "boolean", "file", "choice"]
    required: bool
    help_text: str
    max_length: int | None = None
    choices: list[tuple[str, str]] | None = None


def form_fields_info(form):
    """The fields of a Django form (without its honeypot), as a front end would show them."""
    from django import forms

    from home.participation import HONEYPOT_FIELD

    def field_type(field):
        if isinstance(field, forms.BooleanField):
            return "boolean"
        if isinstance(field, forms.ModelChoiceField | forms.ChoiceField):
            return "choice"
        if isinstance(field, forms.FileField):
            return "file"
        if isinstance(field, forms.EmailField):
            return "email"
        if isinstance(field, forms.DecimalField):
            return "decimal"
        if isinstance(field, forms.IntegerField):
            return "number"
        if isinstance(field.widget, forms.Textarea):
            return "textarea"
        return "text"

    fields = []
    for name, field in form.fields.items():
        if name == HONEYPOT_FIELD:
            continue
        kind = field_type(field)
        fields.append(
            FormFieldInfo(
                name=name,
                label=str(field.label),
                type=kind,
                required=field.required,
                help_text=str(field.help_text),
                max_length=getattr(field, "max_length", None),
                choices=[(str(value), str(label)) for value, label in field.choices if value != ""]
                if kind == "choice"
                else None,
            ).model_dump()
        )
    return fields


# The sizes a front end gets for each image, by name.
IMAGE_RENDITIONS = {
    "thumbnail": "fill-400x300",
    "medium": "width-960",
    "large": "width-1600",
}


def term(value):
    return Term.model_validate(value).model_dump()


def language_term(language):
    return LanguageTerm(
        id=language.pk,
        name=language.name,
        slug=language.slug,
        code=language.code,
        native_name=language.native_name,
        direction=language.direction,
    ).model_dump()


def in_list_language(page, terms):
    """``terms`` of ``page`` named in the language the list endpoint is read in (a German
    original standing in for a translation names its terms in the list's language)."""
    terms = list(terms.all()) if hasattr(terms, "all") else [terms] if terms else []
    mapper = getattr(page, "terms_in_list_language", None)
    return mapper(terms) if mapper else terms


def terms(manager):
    return [term(item) for item in manager.all()]


def language_terms(manager):
    return [language_term(item) for item in manager.all()]


def page_detail_url(page_id):
    from django.urls import reverse

    return absolute_url(reverse("wagtailapi_v3:detail_page", kwargs={"page_id": page_id}))


def page_urls(page):
    """A page's address for readers (in a list read in a language: the address readers of that
    language open it at) and its address in the API."""
    html_url = getattr(page, "address_in_list_language", None)
    return {
        "html_url": html_url or page.get_full_url(current_request.get()),
        "detail_url": page_detail_url(page.pk),
    }


def page_link(page):
    return PageLink(
        id=page.pk,
        title=page.title,
        type=page.specific_class._meta.label if page.specific_class else "wagtailcore.Page",
        html_url=page.get_full_url(current_request.get()),
        detail_url=page_detail_url(page.pk),
    ).model_dump()


class TranslationLink(APIShape):
    """Another language version of a page: live and public."""

    locale: str
    id: int
    title: str
    html_url: str | None
    detail_url: str


def translation_links(page):
    """The page's live, public versions in other languages, in the settings' order."""
    from home.languages import live_translations

    request = current_request.get()
    return [
        TranslationLink(
            locale=version.locale.language_code,
            id=version.pk,
            title=version.title,
            html_url=version.get_full_url(request),
            detail_url=page_detail_url(version.pk),
        ).model_dump()
        for version in live_translations(page)
        if version.pk != page.pk
    ]


def page_links(pages):
    """Links to the live, public pages among ``pages`` (a list: already the visible ones)."""
    from home.models.base import visible_pages

    if isinstance(pages, list):
        return [page_link(page) for page in pages]
    queryset = pages.all() if hasattr(pages, "all") else pages
    return [page_link(page) for page in visible_pages(queryset)]


def image_info(image, alt_text=None):
    if image is None:
        return None
    renditions = image.get_renditions(*IMAGE_RENDITIONS.values())
    return ImageInfo(
        id=image.pk,
        title=image.title,
        alt=alt_text_for_readers(image) if alt_text is None else alt_text,
        width=image.width,
        height=image.height,
        renditions={
            name: Rendition(
                url=absolute_url(renditions[spec].url),
                width=renditions[spec].width,
                height=renditions[spec].height,
            )
            for name, spec in IMAGE_RENDITIONS.items()
        },
    ).model_dump()


def document_info(document):
    if document is None:
        return None
    try:
        size = document.get_file_size()
    except OSError:
        size = None
    return DocumentInfo(
        id=document.pk,
        title=document.title,
        url=absolute_url(document.url),
        file_extension=document.file_extension,
        file_size=size,
    ).model_dump()
