"""The registry of places where personal data lives.

A place finds what it holds about a person, exports it, and erases it (deleting, or anonymising
where something must stay), and says what it did, table by table, and what it could not do.
Places erase in the order of their ``stage``: what was made from a person's records first (it is
found through them), then the records and accounts, then the traces the other steps leave behind
or clean up (audit log, search index); last a search of every other table, which changes nothing
but reports what is left, so that a store missing here shows up in the report.

A new store of personal data is one more entry: for this app, in ``builtin_places()``; another
app returns its places from the hook ``register_personal_data_places``. Mail goes out through
the outbox (a table of messages not delivered yet, see stores.OutgoingMails); the task queue's
rows name only a message's number.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

ERASED_ACTION = "network.personal_data_erased"
# What stands where a name or address was.
ERASED = _("(auf Wunsch gelöscht)")

DERIVED, CONTACTS, RECORDS, ACCOUNTS, TRACES, INDEX = 10, 20, 30, 40, 80, 90


@dataclass
class Result:
    """What erasing did in one table."""

    label: str
    table: str
    deleted: int = 0
    anonymised: int = 0
    notes: list = field(default_factory=list)  # what could not be erased, and what to do

    def add(self, other):
        self.deleted += other.deleted
        self.anonymised += other.anonymised
        self.notes += other.notes


class Place:
    """One place holding personal data. Subclasses implement export() and erase()."""

    stage = RECORDS

    def export(self, person):
        """A list of plain dicts (each with "type" and "table") about the person."""
        raise NotImplementedError

    def erase(self, person):
        """Delete or anonymise; returns a list of Result, one for each table touched, also
        when nothing was found (the report says every table was looked at)."""
        raise NotImplementedError

    def covers(self):
        """Tables whose rows this place's items stand for beyond their own "table" (a page's
        revisions, its specific table), which the export's safety net need not list again."""
        return set()


def builtin_places():
    from ..models import AssociationPage
    from .person import personal_data_models
    from .stores import (
        Accounts,
        AuditLog,
        DerivedImages,
        DerivedPages,
        FormSubmissions,
        Leftovers,
        OutgoingMails,
        PageContactFields,
        PageText,
        Records,
        Redirects,
        SearchIndex,
        log_entry_models,
    )

    return [
        DerivedPages(),
        DerivedImages(),
        PageContactFields(
            AssociationPage,
            _("Kontaktangaben in Vereinsprofilen"),
            fields={"contact_email": "email", "contact_phone": "phone"},
            switches={"contact_email": "show_contact_email", "contact_phone": "show_contact_phone"},
        ),
        PageText(),
        *[Records(model) for model in personal_data_models()],
        FormSubmissions(),
        OutgoingMails(),
        Accounts(),
        Redirects(),
        *[AuditLog(model) for model in log_entry_models()],
        SearchIndex(),
        Leftovers(),
    ]


def places():
    """Every place, in the order erasure goes through them."""
    found = builtin_places()
    for fn in hooks.get_hooks("register_personal_data_places"):
        found.extend(fn())
    return sorted(found, key=lambda place: place.stage)  # stable: list order within a stage
