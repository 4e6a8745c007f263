"""Mail subjects on one line.

A subject is a header: a line break in it (a page title, a meeting's or an association's name
pasted with one) makes Django refuse the whole message, and the notification would be lost.
"""

import unicodedata


def one_line(subject):
    """The subject with every run of white space, line breaks included, as one space, and
    without control characters: what a header can carry."""
    text = "".join(
        " " if unicodedata.category(character) == "Cc" else character for character in str(subject)
    )
    return " ".join(text.split())
