"""The places personal data lives in: our records and what is made from them, and Wagtail's own
stores (pages and their revisions, images and renditions, accounts, audit log, search index)."""

import copy
import json
from functools import reduce
from operator import or_

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, models, transaction
from django.db.models import Q, Value
from django.db.models.functions import Cast, Concat, Substr
from django.utils.encoding import uri_to_iri
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from wagtail.coreutils import find_available_slug
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.log_actions import registry as log_registry
from wagtail.models import APIToken, Page, ReferenceIndex, Revision, get_page_models
from wagtail.search import index

from .places import (
    ACCOUNTS,
    CONTACTS,
    DERIVED,
    ERASED,
    ERASED_ACTION,
    INDEX,
    RECORDS,
    TRACES,
    Place,
    Result,
)
from .text import mentions, pattern, scrub, slug_forms

REVISIONS_LABEL = _("Seitenversionen")
SEARCH_INDEX_LABEL = _("Suchindex")


def files_result(deleted):
    """Files are no table: they go from storage once the erasure is committed."""
    return Result(str(_("Dateien")), str(_("Dateispeicher")), deleted=deleted)


def stored_files(obj):
    return [
        getattr(obj, field.name)
        for field in obj._meta.concrete_fields
        if isinstance(field, models.FileField) and getattr(obj, field.attname)
    ]


def _table(model):
    return model._meta.db_table


def _ids(objects):
    return ", ".join(str(obj.pk) for obj in objects)


def page_tables():
    """A page's rows: its tables down the inheritance, and its revisions."""
    return {_table(model) for model in get_page_models()} | {_table(Page), _table(Revision)}


def _delete_file_on_commit(file):
    """Delete a stored file once the erasure is committed, not before: if it fails, the record
    still points at its file."""
    name, storage = file.name, file.storage
    transaction.on_commit(lambda: storage.delete(name))


def rewrite_page(page, transform):
    """Apply ``transform`` (content dict -> truthy if changed, changing it in place) to the page
    as stored and to each of its revisions, with Wagtail's own serialisation (as a revert
    does). Returns (the page changed, number of revisions changed).

    Every field of the content counts, the draft title, the slug and the URL path included
    (``transform`` keeps the page's path consistent with its slug): a page whose slug changes
    moves to the new address with its descendants, and no redirect from the old one is kept."""
    content = page.serializable_data()
    page_changed = bool(transform(content))
    if page_changed:
        changed = page.with_content_json(content)  # its url_path follows the content's slug
        # with_content_json keeps the page's draft title (a revision's is not the page's); here
        # the content is the page's own.
        changed.draft_title = content["draft_title"]
        if changed.slug != page.slug:
            _write_slug_first(page, changed.slug)
        changed.save(clean=False)
        if changed.url_path != page.url_path:
            _move_descendants(page, changed.url_path)
        if page.live and apps.is_installed("wagtail.contrib.frontend_cache"):
            # Publishing purges the front-end cache; this change does not publish. Both
            # addresses: the old one must not go on showing what was there.
            from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

            before = copy.copy(page)
            transaction.on_commit(lambda: purge_pages_from_cache([before, changed]))
    revisions = 0
    for revision in page.revisions.all():
        if transform(revision.content):
            # What the history calls the version (a page's title) follows its content.
            object_str = str(page.with_content_json(revision.content))
            Revision.objects.filter(pk=revision.pk).update(
                content=revision.content, object_str=object_str
            )
            revisions += 1
    return page_changed, revisions


def _write_slug_first(page, slug):
    """Wagtail's Page.save() follows a new slug itself, and once that is committed its redirects
    app keeps a redirect from the old address to the new one (page_slug_changed). An erasure
    changes a slug because the old address names a person: that one must not be kept. So the
    slug is written before save(), which then sees no change to follow; the page's own url_path
    comes from with_content_json() (Wagtail's set_url_path), its descendants' from
    _move_descendants()."""
    Page.objects.filter(pk=page.pk).update(slug=slug)


def _move_descendants(page, new_url_path):
    """The descendants' url_path under the page's new one, as Page.save() updates them."""
    Page.objects.descendant_of(page).update(
        url_path=Concat(Value(new_url_path), Substr("url_path", len(page.url_path) + 1))
    )


def own_text(page):
    """A page's own text as stored: what a person's story became."""
    return {
        "title": page.title,
        **{
            field.name: field.value_to_string(page)
            for field in page._meta.concrete_fields
            if field.model is not Page
            and isinstance(field, (models.CharField, models.TextField, StreamField))
            and field.value_from_object(page)
        },
    }


# Search index ---------------------------------------------------------------------------------


def index_entry_model():
    """Wagtail's database search backend keeps its index in this table; other backends keep
    theirs outside the database (they are updated through the same calls)."""
    if not apps.is_installed("wagtail.search"):
        return None
    from wagtail.search.models import IndexEntry

    return IndexEntry


def index_entries_of(obj):
    IndexEntry = index_entry_model()
    if IndexEntry is None:
        return 0
    return IndexEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).count()


def search_index_result(**counts):
    IndexEntry = index_entry_model()
    table = _table(IndexEntry) if IndexEntry else "search-index"
    return Result(str(SEARCH_INDEX_LABEL), table, **counts)


# Content made from what a person sent ---------------------------------------------------------


class DerivedPages(Place):
    """Pages made from a person's submission (a story taken over as a stop), in every language.
    A page live in no language goes, with its revisions. A published one stays, with its
    translations (whether it goes offline is the city's decision), but loses the person's name
    wherever it stands, in the pages and their revisions: its text, title and draft title, and
    its address: a slug that names the person is made again from the anonymised title, and no
    redirect keeps the old address. A page type whose pages have an address that survives a
    new slug offers it as ``short_path()`` (a stop's QR code, /q/<id>/); the report names it."""

    stage = DERIVED
    label = _("Seiten aus Einsendungen")

    def covers(self):
        return page_tables()

    def pages(self, person):
        return [obj for obj in person.derived if isinstance(obj, Page)]

    def export(self, person):
        return [
            {
                "type": str(page._meta.verbose_name),
                "table": _table(Page),
                "id": page.pk,
                "url_path": page.url_path,
                "live": page.live,
                "revisions": page.revisions.count(),
                "content": own_text(page),
            }
            for page in self.pages(person)
        ]

    def erase(self, person):
        pages = Result(str(self.label), _table(Page))
        revisions = Result(str(REVISIONS_LABEL), _table(Revision))
        search = search_index_result()
        renamed, unnamed, moved = [], [], []
        pages_found = self.pages(person)
        # A story published in any language stays in all of them, until the city decides.
        published = {page.translation_key for page in pages_found if page.live}
        for page in pages_found:
            if page.translation_key in published:
                old_slug = page.slug
                page_changed, revisions_changed = rewrite_page(page, self.anonymiser(page, person))
                if page_changed or revisions_changed:
                    page.refresh_from_db()
                    index.insert_or_update_object(page)
                    log(page, ERASED_ACTION)
                    pages.anonymised += 1
                    revisions.anonymised += revisions_changed
                    search.anonymised += index_entries_of(page)
                    renamed.append(page)
                    if page.slug != old_slug:
                        moved.append(page)
                else:
                    unnamed.append(page)
            else:
                revisions.deleted += page.revisions.count()
                search.deleted += index_entries_of(page)
                page.delete()  # with its revisions; Wagtail logs the deletion
                pages.deleted += 1
        if renamed:
            pages.notes.append(
                gettext(
                    "Nicht gelöscht, weil veröffentlicht (Seiten-IDs: %(ids)s): Text und Foto "
                    "bleiben öffentlich, der Name der Person ist ersetzt, auch in Titel, Adresse "
                    "und Versionen. Bitte entscheiden, ob die Seite offline gehen soll."
                )
                % {"ids": _ids(renamed)}
            )
        for page in moved:
            pages.notes.append(self.new_address_note(page))
        if unnamed:
            pages.notes.append(
                gettext(
                    "Nicht gelöscht, weil veröffentlicht (Seiten-IDs: %(ids)s); der Name der "
                    "Person ließ sich dort nicht sicher finden. Bitte die Nennung von Hand "
                    "prüfen und entscheiden, ob die Seite offline gehen soll."
                )
                % {"ids": _ids(unnamed)}
            )
        return [pages, revisions, search]

    def anonymiser(self, page, person):
        """The transform for rewrite_page(): the person's names out of the content, and a new
        slug and URL path where the old ones name them (in the page and in every revision, so
        that publishing an old version does not bring the old address back)."""
        names, slugs = person.name_pattern, person.slug_pattern
        address = None
        if mentions(page.slug, slugs):
            parent = page.get_parent()
            allow_unicode = getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
            title = scrub(page.title, names, str(ERASED))[0]
            erased = slugify(str(ERASED), allow_unicode=allow_unicode)
            base = scrub(slugify(title, allow_unicode=allow_unicode), slugs, erased)[0]
            moved = copy.copy(page)
            moved.slug = find_available_slug(parent, base or erased, ignore_page_id=page.pk)
            moved.set_url_path(parent)
            address = {"slug": moved.slug, "url_path": moved.url_path}

        def anonymise(content):
            # Slug and path are no text: a name in them is replaced by a whole new address.
            kept = {key: content.pop(key) for key in ("slug", "url_path") if key in content}
            changed = scrub(content, names, str(ERASED))[1]
            for key, value in kept.items():
                if address and mentions(value, slugs):
                    value, changed = address[key], True
                content[key] = value
            return changed

        return anonymise

    def new_address_note(self, page):
        note = gettext(
            "Seite %(id)s hat eine neue Adresse ohne den Namen: %(url)s. Die alte Adresse führt "
            "nirgends mehr hin: eine Weiterleitung würde den Namen speichern."
        ) % {"id": page.pk, "url": uri_to_iri(page.get_url() or page.url_path)}
        short_path = getattr(page.specific, "short_path", None)
        if short_path:
            note += " " + gettext("QR-Codes (%(path)s) führen weiter zur Seite.") % {
                "path": short_path()
            }
        return note


def live_pages_using(obj):
    """Live pages that refer to an object, by Wagtail's reference index."""
    page_ids = (
        ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    return list(Page.objects.filter(pk__in=[int(pk) for pk in page_ids], live=True))


class DerivedImages(Place):
    """Wagtail images made from a person's photos: deleted with every rendition and their files,
    unless a published page shows them; then they stay, without the person's names in their
    title and description (the alternative texts on the pages are the pages' own, see
    DerivedPages)."""

    stage = DERIVED  # after the pages: a deleted draft no longer counts as using its image
    label = _("Bilder aus eingesendeten Fotos")

    def images(self, person):
        Image = get_image_model()
        return [obj for obj in person.derived if isinstance(obj, Image)]

    def export(self, person):
        return [
            {
                "type": str(image._meta.verbose_name),
                "table": _table(type(image)),
                "id": image.pk,
                "title": image.title,
                "file": image.file.name,
                "created_at": image.created_at,
                "renditions": [rendition.file.name for rendition in image.renditions.all()],
            }
            for image in self.images(person)
        ]

    def erase(self, person):
        Image = get_image_model()
        images = Result(str(self.label), _table(Image))
        renditions = Result(str(_("Bildvarianten")), _table(Image.get_rendition_model()))
        search = search_index_result()
        files = files_result(0)
        for image in self.images(person):
            used_on = live_pages_using(image)
            if used_on:
                note = gettext(
                    "Bild %(id)s nicht gelöscht: es steht auf veröffentlichten Seiten "
                    "(Seiten-IDs: %(ids)s)."
                ) % {"id": image.pk, "ids": _ids(used_on)}
                if self.anonymise(image, person):
                    images.anonymised += 1
                    search.anonymised += index_entries_of(image)
                    note += " " + gettext("Titel und Beschreibung nennen die Person nicht mehr.")
                images.notes.append(note)
                continue
            image_renditions = list(image.renditions.all())
            renditions.deleted += len(image_renditions)
            files.deleted += 1 + sum(bool(rendition.file) for rendition in image_renditions)
            search.deleted += index_entries_of(image)
            log(image, "wagtail.delete", deleted=True)
            # Wagtail's signal handlers delete the files of the image and of its renditions
            # once the transaction is committed.
            image.delete()
            images.deleted += 1
        return [images, renditions, search, files]

    def anonymise(self, image, person):
        """The person's names out of the image's own text (title, description); returns whether
        it changed. Saved, re-indexed (the API's search finds images by their title) and
        logged."""
        changed = []
        for field in image._meta.concrete_fields:
            if isinstance(field, (models.CharField, models.TextField)) and not field.choices:
                value, field_changed = scrub(
                    getattr(image, field.attname), person.name_pattern, str(ERASED)
                )
                if field_changed:
                    setattr(image, field.attname, value)
                    changed.append(field.name)
        if changed:
            image.save(update_fields=changed)
            index.insert_or_update_object(image)
            log(image, ERASED_ACTION, data={"fields": changed})
        return bool(changed)


class PageContactFields(Place):
    """Contact details on pages: an association's profile made from an application carries the
    contact's address. Blanked (and hidden) where they are the person's, in the page and in
    every revision; the profile itself belongs to the association and stays."""

    stage = CONTACTS

    def __init__(self, model, label, fields, switches=None):
        self.model = model
        self.label = label
        self.fields = fields  # field name -> "email" or "phone"
        self.switches = switches or {}  # field name -> the flag that shows it publicly

    def covers(self):
        return page_tables()

    def pages(self, person):
        # The address, where the page has it now or had it in any revision.
        email_fields = [name for name, kind in self.fields.items() if kind == "email"]
        current, in_revisions = Q(pk__in=[]), Q(pk__in=[])
        for name in email_fields:
            current |= Q(**{f"{name}__iexact": person.email})
            in_revisions |= Q(**{f"content__{name}__iexact": person.email})
        pks = set(self.model.objects.filter(current).values_list("pk", flat=True))
        pks |= {
            int(pk)
            for pk in Revision.objects.filter(
                content_type=ContentType.objects.get_for_model(self.model)
            )
            .filter(in_revisions)
            .values_list("object_id", flat=True)
        }
        return list(self.model.objects.filter(pk__in=pks).order_by("pk"))

    def _is_theirs(self, kind, value, person):
        if not isinstance(value, str) or not value.strip():
            return False
        if kind == "email":
            return value.strip().lower() == person.email.lower()
        digits = "".join(ch for ch in value if ch.isdigit())
        return len(digits) >= 6 and digits in {
            "".join(ch for ch in phone if ch.isdigit()) for phone in person.phones
        }

    def _blank(self, content, person):
        blanked = []
        for name, kind in self.fields.items():
            if self._is_theirs(kind, content.get(name), person):
                content[name] = ""
                if self.switches.get(name) in content:
                    content[self.switches[name]] = False
                blanked.append(name)
        return blanked

    def export(self, person):
        return [
            {
                "type": str(page._meta.verbose_name),
                "table": _table(self.model),
                "id": page.pk,
                "title": page.title,
                "live": page.live,
                "fields": {name: getattr(page, name) for name in self.fields},
            }
            for page in self.pages(person)
        ]

    def erase(self, person):
        pages = Result(str(self.label), _table(self.model))
        revisions = Result(str(REVISIONS_LABEL), _table(Revision))
        found = self.pages(person)
        for page in found:
            blanked = set()

            def blank(content, blanked=blanked):
                fields = self._blank(content, person)
                blanked.update(fields)
                return fields

            _page_changed, revisions_changed = rewrite_page(page, blank)
            log(page, ERASED_ACTION, data={"fields": sorted(blanked)})
            index.insert_or_update_object(page)
            pages.anonymised += 1
            revisions.anonymised += revisions_changed
        if found:
            pages.notes.append(
                gettext(
                    "Ohne Kontaktangaben (Seiten-IDs: %(ids)s): bitte dort eine neue "
                    "Kontaktperson eintragen."
                )
                % {"ids": _ids(found)}
            )
        return [pages, revisions]


class PageText(Place):
    """The address written anywhere else in a page: a working group's contact, a sentence in
    rich text, an inline. Replaced in the page and in every revision that has it."""

    stage = CONTACTS
    label = _("E-Mail-Adresse im Text von Seiten")

    def covers(self):
        return page_tables()

    def pages(self, person):
        page_ids = (
            Revision.objects.filter(
                base_content_type=ContentType.objects.get_for_model(Page),
                content__icontains=person.email,
            )
            .values_list("object_id", flat=True)
            .distinct()
        )
        candidates = Page.objects.filter(pk__in=[int(pk) for pk in page_ids]).specific()
        # The database compares substrings ("a@example.org" is in "maria@example.org").
        regex = pattern([person.email])
        return [
            page
            for page in candidates
            if mentions(page.serializable_data(), regex)
            or any(mentions(revision.content, regex) for revision in page.revisions.all())
        ]

    def export(self, person):
        # Pages another place has listed already (a profile's contact field) are not repeated.
        listed = {
            item["id"]
            for item in getattr(person, "exported", [])
            if item["table"] in page_tables() and "id" in item
        }
        return [
            {
                "type": str(page._meta.verbose_name),
                "table": _table(Page),
                "id": page.pk,
                "title": page.title,
                "live": page.live,
                "content": own_text(page),
            }
            for page in self.pages(person)
            if page.pk not in listed
        ]

    def erase(self, person):
        pages = Result(str(self.label), _table(Page))
        revisions = Result(str(REVISIONS_LABEL), _table(Revision))
        regex = pattern([person.email])
        found = self.pages(person)
        for page in found:
            page_changed, revisions_changed = rewrite_page(
                page, lambda content: scrub(content, regex, str(ERASED))[1]
            )
            if page_changed:
                index.insert_or_update_object(page)
            log(page, ERASED_ACTION)
            pages.anonymised += 1
            revisions.anonymised += revisions_changed
        if found:
            pages.notes.append(
                gettext(
                    "Adresse ersetzt (Seiten-IDs: %(ids)s): bitte prüfen, ob dort eine andere "
                    "Kontaktangabe hingehört."
                )
                % {"ids": _ids(found)}
            )
        return [pages, revisions]


# Records ------------------------------------------------------------------------------------


class Records(Place):
    """Records of one PersonalData model; each record knows how it is erased (see
    PersonalData.erase)."""

    stage = RECORDS

    def __init__(self, model):
        self.model = model

    def records(self, person):
        return [record for record in person.records if type(record) is self.model]

    def export(self, person):
        return [
            {**record.export_data(), "table": _table(self.model)} for record in self.records(person)
        ]

    def erase(self, person):
        result = Result(str(capfirst(self.model._meta.verbose_name_plural)), _table(self.model))
        files = files_result(0)
        for record in self.records(person):
            files.deleted += len(stored_files(record))  # a story's photo, in private storage
            kept_because = record.erase(anonymise=person.anonymise)
            if kept_because:
                result.anonymised += 1
                result.notes.append(str(kept_because))
            else:
                result.deleted += 1
        return [result, files]


class FormSubmissions(Place):
    """Submissions of Wagtail's form pages (wagtail.contrib.forms) that contain the address."""

    stage = RECORDS
    label = _("Formulareinsendungen")

    def submissions(self, person):
        if not apps.is_installed("wagtail.contrib.forms"):
            return []
        from wagtail.contrib.forms.models import FormSubmission

        regex = pattern([person.email])
        candidates = FormSubmission.objects.filter(form_data__icontains=person.email)
        return [submission for submission in candidates if mentions(submission.form_data, regex)]

    def export(self, person):
        return [
            {
                "type": str(submission._meta.verbose_name),
                "table": _table(type(submission)),
                "id": submission.pk,
                "page": submission.page_id,
                "submit_time": submission.submit_time,
                "form_data": submission.form_data,
            }
            for submission in self.submissions(person)
        ]

    def erase(self, person):
        if not apps.is_installed("wagtail.contrib.forms"):
            return []
        from wagtail.contrib.forms.models import FormSubmission

        result = Result(str(self.label), _table(FormSubmission))
        for submission in self.submissions(person):
            submission.delete()
            result.deleted += 1
        return [result]


class Redirects(Place):
    """Wagtail's redirects from old addresses that carry the person's name: those to a page made
    from what they sent (an earlier slug made from the story's title), and any old address with
    their full name. Deleted: a redirect would keep the name as an address (QR codes use the
    stop's short address, which keeps working)."""

    stage = TRACES
    label = _("Weiterleitungen")

    def redirects(self, person):
        if not apps.is_installed("wagtail.contrib.redirects"):
            return []
        from wagtail.contrib.redirects.models import Redirect

        derived_pages = [obj.pk for obj in person.derived if isinstance(obj, Page)]
        anywhere = pattern(slug_forms(person.full_names))
        found = []
        for redirect in Redirect.objects.all().only("old_path", "redirect_page", "redirect_link"):
            address = uri_to_iri(redirect.old_path)
            if (
                redirect.redirect_page_id in derived_pages
                and mentions(address, person.slug_pattern)
            ) or mentions(address, anywhere):
                found.append(redirect)
        return found

    def export(self, person):
        return [
            {
                "type": str(redirect._meta.verbose_name),
                "table": _table(type(redirect)),
                "id": redirect.pk,
                "old_path": redirect.old_path,
            }
            for redirect in self.redirects(person)
        ]

    def erase(self, person):
        if not apps.is_installed("wagtail.contrib.redirects"):
            return []
        from wagtail.contrib.redirects.models import Redirect

        result = Result(str(self.label), _table(Redirect))
        for redirect in self.redirects(person):
            redirect.delete()
            result.deleted += 1
        return [result]


# Mail on its way out --------------------------------------------------------------------------


class OutgoingMails(Place):
    """Mail in the outbox (outbox.OutgoingMail) to the person, or about them: waiting for
    delivery or not delivered. Delivered mail is deleted at once; the task queue's rows hold
    only a message's number. Deleted: a message about a person who asked to be erased is not to
    go out later, nor to be sent again from the report."""

    stage = RECORDS
    label = _("Ausgehende E-Mails")

    def mails(self, person):
        from outbox.models import OutgoingMail

        regex = pattern([person.email, *person.full_names])
        fields = ["to", "cc", "bcc", "reply_to", "subject", "body", "alternatives", "headers"]
        # Read in Python, not searched in the database: JSON columns may keep letters escaped,
        # and the table holds only what is not delivered yet.
        return [
            mail
            for mail in OutgoingMail.objects.iterator()
            if mentions([getattr(mail, name) for name in fields], regex)
        ]

    def export(self, person):
        return [
            {
                "type": str(mail._meta.verbose_name),
                "table": _table(type(mail)),
                "id": mail.pk,
                "created_at": mail.created_at,
                "status": mail.status,
                "to": mail.to,
                "cc": mail.cc,
                "bcc": mail.bcc,
                "reply_to": mail.reply_to,
                "subject": mail.subject,
                "body": mail.body,
            }
            for mail in self.mails(person)
        ]

    def erase(self, person):
        from outbox.models import OutgoingMail

        result = Result(str(self.label), _table(OutgoingMail))
        for mail in self.mails(person):
            mail.delete()
            result.deleted += 1
        return [result]


# Accounts -----------------------------------------------------------------------------------


class Accounts(Place):
    """Editor accounts with the address (an invitation accepted makes one, named after the
    address). Anonymised, not deleted: pages, revisions and the audit log keep pointing at who
    did what, now without a name. The account is locked; its API tokens go."""

    stage = ACCOUNTS
    label = _("Konten im Redaktionssystem")

    def export(self, person):
        return [
            {
                "type": str(account._meta.verbose_name),
                "table": _table(type(account)),
                "username": account.get_username(),
                "name": account.get_full_name(),
                "email": getattr(account, account.get_email_field_name()),
                "groups": [group.name for group in account.groups.all()],
                "date_joined": getattr(account, "date_joined", None),
                "last_login": account.last_login,
                "is_active": account.is_active,
            }
            for account in person.accounts
        ]

    def erase(self, person):
        accounts = Result(str(self.label), _table(get_user_model()))
        tokens = Result(str(_("API-Tokens")), _table(APIToken))
        files = files_result(0)
        for account in person.accounts:
            if account.is_superuser:
                # Locking out an administrator by a typo in an address would be worse.
                accounts.notes.append(
                    gettext(
                        "Konto %(id)s nicht anonymisiert: es hat Administratorrechte. Bitte von "
                        "Hand prüfen."
                    )
                    % {"id": account.pk}
                )
                continue
            account_tokens = APIToken.objects.filter(user=account)
            tokens.deleted += account_tokens.count()
            account_tokens.delete()
            files.deleted += self.anonymise(account)
            accounts.anonymised += 1
        return [accounts, tokens, files]

    def anonymise(self, account):
        """Returns the number of files it deletes (a profile picture)."""
        setattr(account, account.USERNAME_FIELD, f"geloescht-{account.pk}")
        setattr(account, account.get_email_field_name(), "")
        for name in ("first_name", "last_name"):
            if hasattr(account, name):
                setattr(account, name, "")
        account.is_active = False
        account.set_unusable_password()  # also ends its sessions (their hash no longer fits)
        account.save()
        account.groups.clear()
        account.user_permissions.clear()
        if apps.is_installed("wagtail.users"):
            from wagtail.users.models import UserProfile

            profile = UserProfile.objects.filter(user=account).first()
            if profile is not None and profile.avatar:
                _delete_file_on_commit(profile.avatar)
                profile.avatar = ""
                profile.save(update_fields=["avatar"])
                return 1
        return 0


# Traces ---------------------------------------------------------------------------------------


def log_entry_models():
    """Every table of Wagtail's audit log (pages, other models, and any registered later)."""
    return sorted(log_registry.get_log_entry_models(), key=lambda model: model._meta.label)


class AuditLog(Place):
    """One table of Wagtail's audit log. The log stays (who did what stays answerable), without
    the person: entries about their records and accounts get a neutral label, and their address
    and names go from every entry's label and data."""

    stage = TRACES

    def __init__(self, model):
        self.model = model

    def _about(self, keys):
        """Entries about these objects, given as (model, primary key)."""
        query = Q(pk__in=[])
        if any(field.name == "page" for field in self.model._meta.fields):
            page_ids = [pk for model, pk in keys if issubclass(model, Page)]
            return query | Q(page_id__in=page_ids)
        by_model = {}
        for model, pk in keys:
            if not issubclass(model, Page):
                by_model.setdefault(model, []).append(str(pk))
        for model, pks in by_model.items():
            content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
            query |= Q(content_type=content_type, object_id__in=pks)
        return query

    def _entries(self, person):
        """(entry, pattern, neutral label or None) for every entry that holds the person."""
        about = set(
            self.model.objects.filter(self._about(person.subjects)).values_list("pk", flat=True)
        )
        derived = set(
            self.model.objects.filter(self._about(person.derived_keys)).values_list("pk", flat=True)
        )
        # In entries about them or their content, every name they gave; elsewhere only what
        # cannot be someone else's: their address and full names.
        broad = pattern([person.email, *person.usable_names])
        narrow = pattern([person.email, *person.full_names])
        entries = self.model.objects.only("pk", "label", "data", "content_type")
        for entry in entries.iterator(chunk_size=2000):
            if entry.pk in about:
                model = ContentType.objects.get_for_id(entry.content_type_id).model_class()
                name = model._meta.verbose_name if model else gettext("Datensatz")
                neutral = gettext("%(type)s (auf Wunsch gelöscht)") % {"type": capfirst(name)}
                yield entry, broad, neutral
            else:
                regex = broad if entry.pk in derived else narrow
                if mentions(entry.label, regex) or mentions(entry.data, regex):
                    yield entry, regex, None

    def export(self, person):
        return [
            {
                "type": str(self.model._meta.verbose_name),
                "table": _table(self.model),
                "id": entry.pk,
                "action": entry.action,
                "timestamp": entry.timestamp,
                "label": entry.label,
                "data": entry.data,
            }
            for entry, _regex, _neutral in self._entries(person)
        ]

    def erase(self, person):
        result = Result(str(capfirst(self.model._meta.verbose_name_plural)), _table(self.model))
        for entry, regex, neutral in list(self._entries(person)):
            label = neutral or scrub(entry.label, regex, str(ERASED))[0]
            data = scrub(entry.data, regex, str(ERASED))[0]
            # update(), not save(): an entry is not to be re-validated or re-timed.
            self.model.objects.filter(pk=entry.pk).update(label=label, data=data)
            result.anonymised += 1
        return [result]


class SearchIndex(Place):
    """Wagtail's search index (database backend): what the other places deleted or changed is
    already out of it or re-indexed; this finds and removes what is left."""

    stage = INDEX
    label = SEARCH_INDEX_LABEL

    def covers(self):
        # The database backend's own tables (on SQLite also its full-text copy).
        if not apps.is_installed("wagtail.search"):
            return set()
        return {_table(model) for model in apps.get_app_config("wagtailsearch").get_models()}

    def _entries(self, person):
        IndexEntry = index_entry_model()
        if IndexEntry is None:
            return []
        # The columns that hold text: title, body and autocomplete on SQLite; on PostgreSQL
        # those are search vectors and only the normalised title is text.
        names = [
            field.name
            for field in IndexEntry._meta.local_concrete_fields
            if isinstance(field, (models.CharField, models.TextField)) and field.name != "object_id"
        ]
        if not names:
            return []
        needles = [person.email, *person.full_names]
        query = reduce(
            or_, [Q(**{f"{name}__icontains": needle}) for needle in needles for name in names]
        )
        regex = pattern(needles)
        return [
            entry
            for entry in IndexEntry.objects.filter(query).select_related("content_type")
            if mentions([getattr(entry, name) for name in names], regex)
        ]

    def export(self, person):
        return [
            {
                "type": str(SEARCH_INDEX_LABEL),
                "table": _table(type(entry)),
                "object": f"{entry.content_type.app_label}.{entry.content_type.model}",
                "object_id": entry.object_id,
                "title": entry.title,
            }
            for entry in self._entries(person)
        ]

    def erase(self, person):
        result = search_index_result()
        for entry in self._entries(person):
            model = entry.content_type.model_class()
            obj = model and model._default_manager.filter(pk=entry.object_id).first()
            if obj is None:
                entry.delete()
                result.deleted += 1
                continue
            index.insert_or_update_object(obj)
            if any(str(entry.pk) == str(e.pk) for e in self._entries(person)):
                result.notes.append(
                    gettext(
                        "%(type)s %(id)s nennt die Person weiterhin und bleibt so im Suchindex: "
                        "bitte den Inhalt prüfen."
                    )
                    % {"type": capfirst(model._meta.verbose_name), "id": obj.pk}
                )
            else:
                result.anonymised += 1
        return [result]


class Leftovers(Place):
    """The safety net: every other table of the database, searched for the address and the
    person's full names. It changes nothing; it says where they remain, so that what erasure
    could not do is known (a store nobody has registered yet shows up here)."""

    stage = INDEX + 5
    label = _("Alle übrigen Tabellen")

    def tables(self, person, exclude=()):
        """{table: rows} where the person still appears: their address, their full names, also
        as an address has them (an old URL kept somewhere)."""
        needles = [person.email, *person.full_names, *slug_forms(person.full_names)]
        regex = pattern(needles)
        # JSON columns may keep non-ASCII letters escaped ("\u00dc").
        json_needles = {json.dumps(needle)[1:-1] for needle in needles} | set(needles)
        found = {}
        for model in apps.get_models():
            if model._meta.proxy or _table(model) in exclude:
                continue
            fields, conditions = [], []
            for field in model._meta.local_concrete_fields:
                if isinstance(field, (models.JSONField, StreamField)):
                    candidates = json_needles
                elif isinstance(field, (models.CharField, models.TextField)):
                    candidates = needles
                else:
                    continue
                fields.append(field)
                conditions += [Q(**{f"{field.name}__icontains": needle}) for needle in candidates]
            if not conditions:
                continue
            # The database finds candidates; the pattern confirms whole addresses and names
            # ("a@example.org" is in "maria@example.org").
            texts = model._base_manager.filter(reduce(or_, conditions)).values_list(
                *[Cast(field.name, models.TextField()) for field in fields]
            )
            try:
                with transaction.atomic():  # a table that cannot be searched leaves the rest
                    rows = sum(1 for row in texts if mentions(list(row), regex))
            except DatabaseError:
                continue
            if rows:
                found[_table(model)] = rows
        return found

    def export(self, person):
        exported = getattr(person, "covered_tables", set())
        return [
            {"type": gettext("Weitere Fundstelle"), "table": table, "rows": rows}
            for table, rows in self.tables(person, exclude=exported).items()
        ]

    def erase(self, person):
        result = Result(str(self.label), str(_("Datenbank")))
        for table, rows in self.tables(person).items():
            result.notes.append(
                ngettext(
                    "Noch gefunden in %(table)s (%(rows)d Zeile): nicht gelöscht, bitte von "
                    "Hand prüfen.",
                    "Noch gefunden in %(table)s (%(rows)d Zeilen): nicht gelöscht, bitte von "
                    "Hand prüfen.",
                    rows,
                )
                % {"table": table, "rows": rows}
            )
        return [result]
