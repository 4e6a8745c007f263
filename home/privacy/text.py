"""Finding and replacing a person's address and names in stored text, JSON included."""

import html
import json
import re

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.text import slugify


def pattern(needles):
    """A case-insensitive pattern for whole occurrences of any of the needles, also as HTML
    escapes them (rich text); None when there is nothing to look for."""
    variants = set()
    for needle in needles:
        needle = needle.strip()
        if needle:
            variants |= {needle, html.escape(needle), html.escape(needle, quote=False)}
    if not variants:
        return None
    alternatives = "|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True))
    # Whole words only: "Ana" is not to be cut out of "Anatolien".
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def slug_forms(needles):
    """The needles as they stand in a slug or a URL path ("Ana Lima" in
    "der-koffer-von-ana-lima/"): slugified as Wagtail slugifies a title, with and without
    non-ASCII letters, and as German transliterates them ("ü" as "ue")."""
    forms = set()
    for needle in needles:
        german = needle.translate(GERMAN_TRANSLITERATION)
        forms |= {slugify(needle, allow_unicode=True), slugify(needle), slugify(german)}
    return {form for form in forms if form}


def slug_pattern(needles):
    """A pattern for the needles' slug forms; None when there is nothing to look for."""
    return pattern(slug_forms(needles))


GERMAN_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def mentions(value, regex):
    """Whether the value (text, or data as stored in a JSON field) contains a match."""
    if regex is None:
        return False
    return scrub(_copy(value), regex, "")[1]


def scrub(value, regex, replacement):
    """(value, changed): every match replaced, also in JSON kept as text inside the value (a
    StreamField in a revision). Dicts and lists are changed in place."""
    if regex is None:
        return value, False
    if isinstance(value, dict):
        changed = False
        for key, item in value.items():
            new, item_changed = scrub(item, regex, replacement)
            if item_changed:
                value[key] = new
                changed = True
        return value, changed
    if isinstance(value, list):
        changed = False
        for index, item in enumerate(value):
            new, item_changed = scrub(item, regex, replacement)
            if item_changed:
                value[index] = new
                changed = True
        return value, changed
    if isinstance(value, str):
        if value[:1] in ("[", "{"):
            try:
                inner = json.loads(value)
            except ValueError:
                inner = None
            if isinstance(inner, (dict, list)):
                # Inside JSON text a name may be escaped ("\u00dc"): compare decoded text.
                new, changed = scrub(inner, regex, replacement)
                return (json.dumps(new, cls=DjangoJSONEncoder) if changed else value), changed
        new = regex.sub(replacement, value)
        return new, new != value
    return value, False


def _copy(value):
    return (
        json.loads(json.dumps(value, cls=DjangoJSONEncoder))
        if isinstance(value, (dict, list))
        else value
    )
