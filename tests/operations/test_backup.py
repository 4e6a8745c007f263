"""Backup and restore round trip: what is backed up comes back in a fresh database and fresh
media folders, every page, image (with its file), document and submission.

pg_dump reads what is committed, so the test runs in committed transactions (with the
migrations' content restored first and the demo reloaded, as the live-server tests do). The
restore runs as an operator runs it: manage.py restore with production settings in a process of
its own, into a second database of the test's own (PostgreSQL) or a new file (SQLite).
"""

import hashlib
import io
import json
import sqlite3
import stat
import tarfile

import pytest
from management import manage
from media_files import phone_photo_upload
from PIL import Image as PILImage

from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db import connection
from django.test import Client

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from home.models import HomePage, MeetingRegistration, MembershipApplication, StandardPage
from operations.backup import BackupError, postgresql_program
from tours.models import StoryFormPage, StorySubmission

committed = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def content(tmp_path):
    """The demo network plus a page, an image with its file and a story with a photo."""
    Page.fix_tree()
    Collection.fix_tree()
    call_command("load_demo_content", "--no-users")
    home = HomePage.objects.get(depth=2, locale__language_code="de")
    page = home.add_child(instance=StandardPage(title="Gesicherte Seite", slug="gesichert"))
    page.save_revision().publish()
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (10, 120, 200)).save(buffer, "PNG")
    image = get_image_model().objects.create(
        title="Gesichertes Bild", file=ImageFile(buffer, name="gesichert.png")
    )
    story_page = StoryFormPage.objects.get(locale__language_code="de")
    response = Client().post(
        story_page.url,
        {
            "title": "Gesicherte Geschichte",
            "story": "Sie muss die Sicherung überstehen.",
            "author_name": "Ada",
            "consent_to_publish": "on",
            "consent_privacy": "on",
            "website": "",
            "photo": phone_photo_upload(),
        },
    )
    assert response.status_code == 302
    return {
        "page": page,
        "image": image,
        "story": StorySubmission.objects.get(title="Gesicherte Geschichte"),
    }


def sha256(field_file):
    with field_file.storage.open(field_file.name, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()


def records():
    """What must survive, table by table: rows as (id, what identifies them)."""
    return {
        Page: set(Page.objects.values_list("id", "title", "url_path")),
        get_image_model(): set(get_image_model().objects.values_list("id", "title", "file")),
        get_document_model(): set(get_document_model().objects.values_list("id", "title", "file")),
        StorySubmission: set(StorySubmission.objects.values_list("id", "title", "photo")),
        MembershipApplication: set(
            MembershipApplication.objects.values_list("id", "association_name", "email")
        ),
        MeetingRegistration: set(MeetingRegistration.objects.values_list("id", "name", "email")),
    }


def files():
    """Every stored file with its checksum: images, documents, photos of submissions."""
    found = {}
    for model, field in (
        (get_image_model(), "file"),
        (get_document_model(), "file"),
        (StorySubmission, "photo"),
    ):
        for item in model.objects.exclude(**{field: ""}):
            found[getattr(item, field).name] = sha256(getattr(item, field))
    return found


COLUMNS = {
    Page: ("id", "title", "url_path"),
    get_image_model(): ("id", "title", "file"),
    get_document_model(): ("id", "title", "file"),
    StorySubmission: ("id", "title", "photo"),
    MembershipApplication: ("id", "association_name", "email"),
    MeetingRegistration: ("id", "name", "email"),
}


class Target:
    """A fresh database and fresh media folders to restore into, read without Django."""

    def __init__(self, tmp_path, vendor=None):
        vendor = vendor or connection.vendor
        self.vendor = vendor
        self.media = tmp_path / "restored-media"
        self.private = tmp_path / "restored-private-media"
        settings_dict = connection.settings_dict
        if vendor == "postgresql":
            try:
                postgresql_program(connection, "pg_dump")
                postgresql_program(connection, "pg_restore")
            except BackupError as error:
                pytest.skip(str(error))
            self.name = f"{settings_dict['NAME']}_restored"
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
                cursor.execute(f'CREATE DATABASE "{self.name}"')
            credentials = settings_dict["USER"] or ""
            if settings_dict["PASSWORD"]:
                credentials += f":{settings_dict['PASSWORD']}"
            host = settings_dict["HOST"] or "localhost"
            port = settings_dict["PORT"] or 5432
            self.url = f"postgres://{credentials}@{host}:{port}/{self.name}"
        else:
            self.name = tmp_path / "restored.sqlite3"
            self.url = f"sqlite:///{self.name}"

    def restore(self, archive, *options):
        env = {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "only-for-this-test-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFG",
            "ALLOWED_HOSTS": "localhost",
            "DATABASE_URL": self.url,
            "MEDIA_ROOT": str(self.media),
            "PRIVATE_MEDIA_ROOT": str(self.private),
        }
        return manage("restore", str(archive), *options, env=env, unset=("REDIS_URL",), timeout=300)

    def rows(self):
        if self.vendor == "postgresql":
            import psycopg

            settings_dict = connection.settings_dict
            database = psycopg.connect(
                dbname=self.name,
                user=settings_dict["USER"],
                password=settings_dict["PASSWORD"] or None,
                host=settings_dict["HOST"] or None,
                port=settings_dict["PORT"] or None,
            )
        else:
            database = sqlite3.connect(self.name)
        try:
            cursor = database.cursor()
            found = {}
            for model, columns in COLUMNS.items():
                cursor.execute(f"SELECT {', '.join(columns)} FROM {model._meta.db_table}")  # noqa: S608
                found[model] = {tuple(row) for row in cursor.fetchall()}
            return found
        finally:
            database.close()

    def file_checksum(self, name):
        for root in (self.media, self.private):
            if (root / name).is_file():
                return hashlib.sha256((root / name).read_bytes()).hexdigest()
        return None

    def drop(self):
        if self.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@pytest.fixture
def target(tmp_path):
    target = Target(tmp_path)
    yield target
    target.drop()


@committed
def test_a_backup_restores_every_page_image_file_and_submission(content, target, tmp_path):
    expected_rows, expected_files = records(), files()
    assert expected_files[content["story"].photo.name]  # a private photo, with its file
    assert content["image"].file.name in expected_files

    call_command("backup", "--output", str(tmp_path / "backups"), stdout=io.StringIO())

    (archive,) = (tmp_path / "backups").glob("netzwerk-backup-*.tar.gz")
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600  # personal data
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        names = tar.getnames()
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["database"]["file"] in names
    assert "0001_initial" in manifest["migrations"]["home"]
    assert manifest["versions"]["django"] and manifest["versions"]["wagtail"]
    assert manifest["files"]["private-media"]["count"] >= 1

    result = target.restore(archive)

    assert result.returncode == 0, result.stderr
    assert "Zurückgespielt" in result.stdout
    restored = target.rows()
    for model, rows in expected_rows.items():
        assert restored[model] == rows, model.__name__
    assert len(restored[Page]) > 50  # the demo network, not an empty tree
    for name, checksum in expected_files.items():
        assert target.file_checksum(name) == checksum, name

    # A second restore over what is there now is refused and changes nothing ...
    refused = target.restore(archive)
    assert refused.returncode != 0
    assert "leere Installation" in refused.stderr
    # ... unless it is asked to replace it.
    replaced = target.restore(archive, "--force")
    assert replaced.returncode == 0, replaced.stderr
    assert target.rows() == restored


def test_restore_refuses_an_archive_that_is_not_a_backup(tmp_path):
    target = Target(tmp_path, vendor="sqlite")  # refused before any database is opened
    archive = tmp_path / "not-a-backup.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.addfile(tarfile.TarInfo("something.txt"), io.BytesIO(b""))

    result = target.restore(archive)

    assert result.returncode != 0
    assert "keine lesbare Sicherung" in result.stderr
