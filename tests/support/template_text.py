"""Finds the text of a template that readers would see untranslated: text and the attributes
people read (alt, title, aria-label …) outside {% trans %} and {% blocktrans %}."""

import re
from html.parser import HTMLParser

from django.template.base import Lexer, TokenType

#: Attributes whose values people read or hear.
READ_ATTRIBUTES = {
    "alt",
    "title",
    "aria-label",
    "aria-description",
    "placeholder",
    "content",
    "label",
}
#: Words that are the same in every language: names, formats, units.
UNTRANSLATED_WORDS = {
    "Sindelfingen",
    "GPX",
    "GeoJSON",
    "RSS",
    "Atom",
    "iCal",
    "QR",
    "N",
    "PDF",
    "Wagtail",
    "API",
    "CSV",
    "XLSX",
}
#: Stands where a template tag or variable was: blank, so that HTML around it still parses.
PLACEHOLDER = " "
LETTERS = re.compile(r"[^\W\d_]{2,}")
ADDRESSES = re.compile(r"\S*/\S*|\S+@\S+")


def _words(text):
    text = ADDRESSES.sub(" ", text)
    return [word for word in LETTERS.findall(text) if word not in UNTRANSLATED_WORDS]


#: Elements whose content is never read as text.
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class _TextFinder(HTMLParser):
    """Text outside <script> and <style>, and outside elements that name their own language
    in the template (a language's own name, a line kept in English on purpose)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self._skip = 0
        self._open = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            skips = tag in ("script", "style") or (tag != "html" and "lang" in dict(attrs))
            self._open.append((tag, skips))
            self._skip += skips
        for name, value in attrs:
            if name in READ_ATTRIBUTES and value and _words(value):
                if name == "content" and dict(attrs).get("name") not in ("description",):
                    continue
                self.found.append(f'<{tag} {name}="{value}">')

    def handle_endtag(self, tag):
        while self._open:
            opened, skips = self._open.pop()
            self._skip -= skips
            if opened == tag:
                break

    def handle_data(self, data):
        if not self._skip and _words(data):
            self.found.append(" ".join(data.split()))


def untranslated_text(source):
    """The pieces of ``source`` (a Django template) that are text outside translation tags."""
    chunks = []
    # The template blocks we are inside; text counts only where none of them is quiet:
    # {% blocktrans %}, {% comment %}, {% block body_class %} (CSS classes, not words).
    blocks = []
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            bits = token.contents.split() or [""]
            if bits[0] in ("blocktrans", "blocktranslate", "comment"):
                blocks.append(True)
            elif bits[0] == "block":
                blocks.append(len(bits) > 1 and bits[1].endswith("_class"))
            elif (
                bits[0] in ("endblocktrans", "endblocktranslate", "endcomment", "endblock")
                and blocks
            ):
                blocks.pop()
            chunks.append(PLACEHOLDER)
        elif token.token_type == TokenType.TEXT and not any(blocks):
            chunks.append(token.contents)
        else:
            chunks.append(PLACEHOLDER)
    finder = _TextFinder()
    finder.feed("".join(chunks))
    finder.close()
    return finder.found
