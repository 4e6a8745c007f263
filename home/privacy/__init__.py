"""A person's data across the platform: where it lives, and answering their requests about it.

``places()`` is the registry of every place that holds personal data (records of our forms, pages
made from them, images made from their photos, accounts, Wagtail's audit log and search index, …);
``export(email)`` collects what each holds about an address, ``erase(email)`` deletes or
anonymises it place by place and reports, table by table, what it did and what it could not.
See manage.py personal_data.

This package imports home.models; home.models never imports it (no cycle).
"""

from django.utils.translation import gettext_lazy as _

from .person import Person, personal_data_models
from .places import ERASED_ACTION, Place, Result, places

__all__ = [
    "ERASED_ACTION",
    "Person",
    "Place",
    "Result",
    "erase",
    "export",
    "personal_data_models",
    "places",
    "register_log_actions",
]


def export(email):
    """Everything stored about an address, as plain data, place by place."""
    person = Person(email)
    # What earlier places listed: later ones (the safety net) do not repeat it.
    person.exported, person.covered_tables = [], set()
    for place in places():
        found = place.export(person)
        if found:
            person.covered_tables |= {item["table"] for item in found} | place.covers()
        person.exported += found
    return person.exported


def erase(email):
    """Delete or anonymise everything about an address; returns the results, table by table.

    Run it inside a transaction: files go only once it is committed (see the places)."""
    person = Person(email)
    return merge([result for place in places() for result in place.erase(person)])


def merge(results):
    """One result per table and kind, in the order they first came up."""
    merged = {}
    for result in results:
        key = (result.table, result.label)
        if key in merged:
            merged[key].add(result)
        else:
            merged[key] = result
    return list(merged.values())


def register_log_actions():
    """The audit log's word for an erasure, so a page's history says why its contact changed."""
    from wagtail import hooks

    def register(actions):
        label = _("Personenbezogene Daten auf Wunsch gelöscht")
        actions.register_action(ERASED_ACTION, label, label)

    if not getattr(register_log_actions, "done", False):
        hooks.register("register_log_actions", register)
        register_log_actions.done = True
