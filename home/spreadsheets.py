"""Spreadsheet exports of the admin (CSV and XLSX) that are safe to open.

A cell starting with "=", "+", "-", "@", a tab or a carriage return is run as a formula by
spreadsheet programs: a registration named ``=HYPERLINK(...)`` would act on the machine of the
city editor who opens the export. OWASP's rule (CSV injection) neutralises such cells by putting
an apostrophe in front, which spreadsheets read as "this is text".

Every export of the admin goes through Wagtail's ``SpreadsheetExportMixin``: ours (registrations)
and Wagtail's own (site history, aging and locked pages, workflows, form submissions, redirects,
search promotions). It has no hook for this, so ``install()`` wraps, once, the two methods
through which every value and every heading passes on its way into either format. The tests in
tests/security/test_spreadsheet_exports.py fail if a Wagtail upgrade routes cells around them.
"""

import functools

from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import Promise

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
WRAPPED_METHODS = ("preprocess_field_value", "get_heading")


def neutralise(value):
    """The value as a spreadsheet may safely read it: text that would start a formula gets an
    apostrophe in front. Real numbers, dates and empty cells stay what they are, so a negative
    number remains a number."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _neutralising(method):
    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        return neutralise(method(*args, **kwargs))

    wrapper.neutralises_formulas = True
    return wrapper


def install():
    """Make every admin export neutralise formulas; safe to call again."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    for name in WRAPPED_METHODS:
        method = getattr(SpreadsheetExportMixin, name, None)
        if method is None:
            # Fail at start-up rather than export unsafe files after a Wagtail upgrade.
            raise ImproperlyConfigured(
                f"SpreadsheetExportMixin.{name} is gone: exports cannot be made safe, see "
                f"{__name__}."
            )
        if not getattr(method, "neutralises_formulas", False):
            setattr(SpreadsheetExportMixin, name, _neutralising(method))
