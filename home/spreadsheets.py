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

The same place makes the files open well in the city's German Excel: CSV with a byte order
mark (without it Excel reads UTF-8 as Windows-1252: "YÄ±lmaz") and semicolons (German Excel's
list separator: with commas everything lands in column A); statuses and other choices in words;
times in the site's time zone to the minute (Wagtail writes UTC into XLSX).
"""

import csv
import datetime
import functools

from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.utils import timezone
from django.utils.formats import date_format
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


def local_minutes(value):
    """A time as the city reads it: in the site's time zone, naive, to the minute."""
    if timezone.is_aware(value):
        value = timezone.make_naive(value)
    return value.replace(second=0, microsecond=0)


def in_words(row, item):
    """The row with each choice (a registration's status …) as its label, not its code."""
    meta = getattr(item, "_meta", None)
    if meta is None:
        return row
    for name in row:
        try:
            field = meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if field.choices and not field.is_relation:
            row[name] = getattr(item, f"get_{name}_display")()
    return row


def _to_row_dict(original):
    @functools.wraps(original)
    def to_row_dict(self, item):
        return in_words(original(self, item), item)

    to_row_dict.in_words = True
    return to_row_dict


def _stream_csv(self, queryset):
    """Wagtail's stream_csv for German Excel: byte order mark first, semicolons between."""
    from wagtail.admin.views.mixins import Echo

    yield "\ufeff"
    writer = csv.DictWriter(Echo(), fieldnames=self.list_export, delimiter=";")
    yield writer.writerow({field: self.get_heading(queryset, field) for field in self.list_export})
    for item in queryset:
        yield self.write_csv_row(writer, self.to_row_dict(item))


_stream_csv.for_excel = True


def _write_csv_response(original):
    @functools.wraps(original)
    def write_csv_response(self, queryset):
        response = original(self, queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response

    write_csv_response.for_excel = True
    return write_csv_response


def install():
    """Make every admin export neutralise formulas and open well in German Excel; safe to call
    again."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    mixin = SpreadsheetExportMixin
    if not getattr(mixin.stream_csv, "for_excel", False):
        mixin.stream_csv = _stream_csv
        mixin.write_csv_response = _write_csv_response(mixin.write_csv_response)
        mixin.to_row_dict = _to_row_dict(mixin.to_row_dict)
        mixin.custom_value_preprocess = {
            **mixin.custom_value_preprocess,
            datetime.datetime: {
                mixin.FORMAT_CSV: lambda value: date_format(
                    local_minutes(value), "SHORT_DATETIME_FORMAT"
                ),
                mixin.FORMAT_XLSX: local_minutes,
            },
        }

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
