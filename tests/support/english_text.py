"""Finds English in a page of the German admin: text and read attributes that are an English
source string of an installed catalogue (Wagtail's, Django's …) which German translates or
should translate, i.e. a string that reached the page without passing through German."""

import functools
from html.parser import HTMLParser
from pathlib import Path

from babel.messages.pofile import read_po
from template_text import READ_ATTRIBUTES, VOID

from django.apps import apps
from django.utils import translation

#: Shown as they are on purpose: language names in their own language (the admin's language
#: picker), and words German uses as they are.
KEPT_AS_THEY_ARE = {"English", "Deutsch", "Türkçe", "العربية", "Italiano", "Ελληνικά", "Hrvatski"}


@functools.cache
def english_source_strings():
    """English msgids of the installed apps' German catalogues, with whether German has a
    translation for them."""
    strings = {}
    for config in apps.get_app_configs():
        for po in Path(config.path, "locale", "de", "LC_MESSAGES").glob("*.po"):
            with po.open("rb") as file:
                for message in read_po(file):
                    ids = message.id if isinstance(message.id, tuple) else (message.id,)
                    texts = (
                        message.string if isinstance(message.string, tuple) else (message.string,)
                    )
                    for msgid, msgstr in zip(ids, texts, strict=False):
                        msgid = msgid.strip()
                        if len(msgid) > 2 and msgid != (msgstr or "").strip():
                            strings[msgid] = strings.get(msgid, False) or bool(msgstr)
    return strings


class _ReadText(HTMLParser):
    """Text people read or hear: not scripts, and nothing hidden from everyone."""

    SKIPPED = {"script", "style", "template", "svg"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self._open = [], []  # (tag, hidden) of the open elements

    @property
    def _hidden(self):
        return any(hidden for _tag, hidden in self._open)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        hidden = tag in self.SKIPPED or "hidden" in attrs or attrs.get("aria-hidden") == "true"
        if not (hidden or self._hidden):
            self.found += [
                value.strip()
                for name, value in attrs.items()
                if name in READ_ATTRIBUTES - {"content"} and value
            ]
        if tag not in VOID:
            self._open.append((tag, hidden))

    def handle_endtag(self, tag):
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                break

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.found.append(" ".join(data.split()))


def english_in(html):
    """The English strings of ``html``, a page of the admin rendered in German."""
    parser = _ReadText()
    parser.feed(html)
    sources = english_source_strings()
    with translation.override("de"):
        return sorted(
            {
                text
                for text in parser.found
                if text in sources
                and text not in KEPT_AS_THEY_ARE
                and (not sources[text] or translation.gettext(text) != text)
            }
        )
