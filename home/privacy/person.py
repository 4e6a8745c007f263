"""Whom a request is about, and what is known about them before anything is erased."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.functional import cached_property

from wagtail.models import Page

from ..models.participation import PersonalData
from .places import ERASED
from .text import pattern, scrub, slug_pattern


def personal_data_models():
    """Every model holding records of people, in any app: they inherit PersonalData."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, PersonalData) and not model._meta.abstract
    ]


class Person:
    """A person, found by e-mail address: their records, accounts, the names they gave, and
    what was made from what they sent.

    Everything is looked up once, before any place erases anything, so that later places still
    know what earlier ones removed (a deleted object forgets its primary key).
    """

    def __init__(self, email):
        self.email = email.strip()
        self.records = [
            record for model in personal_data_models() for record in model.for_email(self.email)
        ]
        User = get_user_model()
        self.accounts = list(
            User.objects.filter(
                Q(**{f"{User.get_email_field_name()}__iexact": self.email})
                | Q(**{f"{User.USERNAME_FIELD}__iexact": self.email})
            )
        )
        self.names = {
            name.strip()
            for record in self.records
            for name in record.personal_names()
            if name and name.strip()
        }
        for account in self.accounts:
            full_name = account.get_full_name().strip()
            if full_name:
                self.names.add(full_name)
        self.phones = {
            phone.strip()
            for record in self.records
            for phone in record.personal_phones()
            if phone and phone.strip()
        }
        self.derived = self._derived_objects()
        # (model, primary key) of the records and accounts: their audit entries are about them.
        self.subjects = [(type(obj), obj.pk) for obj in [*self.records, *self.accounts]]
        self.derived_keys = [(type(obj), obj.pk) for obj in self.derived]

    def _derived_objects(self):
        """Pages and images made from what the person sent, pages in every language."""
        found = {}
        for record in self.records:
            for obj in record.derived_objects():
                if isinstance(obj, Page):
                    for page in obj.get_translations(inclusive=True).specific():
                        found[(Page, page.pk)] = page
                else:
                    found[(type(obj), obj.pk)] = obj
        return list(found.values())

    @property
    def full_names(self):
        """Names specific enough to look for anywhere: first and last name, not "Ana" alone,
        which would also hit other people's entries."""
        return {name for name in self.names if len(name.split()) >= 2}

    @property
    def usable_names(self):
        """Names safe to replace in content made from what the person sent."""
        return {name for name in self.names if len(name) >= 2}

    @cached_property
    def name_pattern(self):
        """The usable names, in text (content made from what the person sent)."""
        return pattern(self.usable_names)

    @cached_property
    def slug_pattern(self):
        """The usable names as a slug or a URL path made from such text has them."""
        return slug_pattern(self.usable_names)

    def anonymise(self, text):
        """The text without the person's address and names: what stays of a record that must
        stay (see PersonalData.erase)."""
        return scrub(text, pattern([self.email, *self.usable_names]), str(ERASED))[0]
