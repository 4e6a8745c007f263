"""Single-line fields take one line: a title or a name with a line break is refused with a
message (it would break mail subjects, calendar entries and headers further on)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

#: What Python's str.splitlines() splits on.
LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def no_line_breaks(value):
    if isinstance(value, str) and LINE_BREAKS.intersection(value):
        raise ValidationError(
            _("Bitte ohne Zeilenumbruch: dieses Feld hat nur eine Zeile."), code="line_break"
        )


def is_single_line(field):
    # By its widget: a one-line input (titles, names, places, addresses, e-mail, URLs), not a
    # text area or a rich text editor.
    return isinstance(field, forms.CharField) and isinstance(field.widget, forms.TextInput)


def refuse_line_breaks(form):
    """Give every single-line text field of ``form`` the validator ``no_line_breaks``."""
    for field in form.fields.values():
        if is_single_line(field) and no_line_breaks not in field.validators:
            field.validators.append(no_line_breaks)
