"""One dated archive holds everything needed to bring the platform back: the database (a
pg_dump in custom format on PostgreSQL, a copy made with SQLite's backup API on SQLite),
MEDIA_ROOT, PRIVATE_MEDIA_ROOT and a manifest (versions, date, migration state).

Archive layout::

    manifest.json
    database.pgdump | database.sqlite3
    media/…            MEDIA_ROOT
    private-media/…    PRIVATE_MEDIA_ROOT

The database is dumped first, the files copied after it, so every file the dump refers to is
in the archive (unless it was deleted or moved to the other storage in between).

Backups hold personal data: the archive is created readable by its owner only (0600).
"""

import contextlib
import datetime
import importlib.metadata
import io
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1
MANIFEST = "manifest.json"
DUMPS = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
MEDIA_FOLDERS = {"media": "MEDIA_ROOT", "private-media": "PRIVATE_MEDIA_ROOT"}


class BackupError(Exception):
    """Something the operator must fix; the message says what."""


def archive_name(moment):
    return f"netzwerk-backup-{moment:%Y%m%dT%H%M%SZ}.tar.gz"


def media_roots():
    return {folder: Path(getattr(settings, name)) for folder, name in MEDIA_FOLDERS.items()}


# Backing up --------------------------------------------------------------------------------


def create_backup(output_dir, alias=DEFAULT_DB_ALIAS):
    """Write the archive into ``output_dir`` (created 0700 if missing); return its path and
    manifest. Nothing is left behind when it fails."""
    connection = connections[alias]
    vendor = connection.vendor
    if vendor not in DUMPS:
        raise BackupError(f"Datenbanken vom Typ {vendor} kann diese Sicherung nicht sichern.")
    output_dir = Path(output_dir)
    output_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    moment = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    target = output_dir / archive_name(moment)
    if target.exists():
        raise BackupError(f"{target} gibt es schon.")
    # Work files next to the archive (same file system, often more room than /tmp), 0700.
    with tempfile.TemporaryDirectory(dir=output_dir, prefix=".backup-") as work:
        dump = Path(work) / DUMPS[vendor]
        if vendor == "postgresql":
            dump_postgresql(connection, dump)
        else:
            copy_sqlite(connection, dump)
        manifest = build_manifest(connection, moment)
        partial = Path(work) / "archive.tar.gz"
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as file, tarfile.open(fileobj=file, mode="w:gz") as tar:
            tar.add(dump, arcname=dump.name)
            for folder, root in media_roots().items():
                manifest["files"][folder] = add_folder(tar, root, folder)
            # Last, so that it counts the files that really went in.
            data = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mode, info.mtime = len(data), 0o600, int(moment.timestamp())
            tar.addfile(info, io.BytesIO(data))
        os.replace(partial, target)
    return target, manifest


def add_folder(tar, root, arcname):
    """Add the files below ``root`` (if it exists) under ``arcname``; count them."""
    count = size = 0
    if not root.is_dir():
        return {"count": count, "bytes": size}
    for path in sorted(root.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue  # media are plain files; a link could point anywhere
        try:
            file_size = path.stat().st_size
            tar.add(path, arcname=f"{arcname}/{path.relative_to(root).as_posix()}")
        except FileNotFoundError:
            continue  # deleted (or moved to the other storage) while the backup ran
        count += 1
        size += file_size
    return {"count": count, "bytes": size}


def build_manifest(connection, moment):
    applied = MigrationRecorder(connection).applied_migrations()
    migrations = {}
    for app_label, name in sorted(applied):
        migrations.setdefault(app_label, []).append(name)
    return {
        "format": FORMAT,
        "created_at": moment.isoformat().replace("+00:00", "Z"),
        "database": {
            "vendor": connection.vendor,
            "server_version": server_version(connection),
            "file": DUMPS[connection.vendor],
        },
        "versions": {
            "python": platform.python_version(),
            **{
                name: _version(distribution)
                for name, distribution in (
                    ("project", "sindelfingen-netzwerk"),
                    ("django", "Django"),
                    ("wagtail", "wagtail"),
                )
            },
        },
        "migrations": migrations,
        "files": {},
    }


def _version(distribution):
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def server_version(connection):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
        else:
            cursor.execute("SELECT sqlite_version()")
        return cursor.fetchone()[0]


def copy_sqlite(connection, target):
    """A consistent copy through SQLite's online backup API (works while the site runs)."""
    connection.ensure_connection()
    with contextlib.closing(sqlite3.connect(target)) as copy:
        connection.connection.backup(copy)


# PostgreSQL's client programs ----------------------------------------------------------------


def postgresql_program(connection, name):
    """``pg_dump`` or ``pg_restore`` of the server's major version where Debian installs it,
    else the one on PATH (pg_dump refuses servers newer than itself)."""
    major = connection.pg_version // 10000
    candidates = [Path(f"/usr/lib/postgresql/{major}/bin/{name}")]
    if found := shutil.which(name):
        candidates.append(Path(found))
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    raise BackupError(
        f"{name} wurde nicht gefunden. Installieren Sie PostgreSQLs Client-Programme in der "
        f"Version des Servers ({major}), z. B. apt-get install postgresql-client-{major}."
    )


def postgresql_environment(connection):
    """libpq's environment for the connection's settings: the password never appears on a
    command line (other users could read it in the process list)."""
    from django.db.backends.postgresql.client import DatabaseClient

    settings_dict = connection.settings_dict
    _args, env = DatabaseClient.settings_to_cmd_args_env(settings_dict, [])
    options = settings_dict.get("OPTIONS", {})
    values = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER") or options.get("user"),
        "PGCONNECT_TIMEOUT": options.get("connect_timeout"),
    }
    env = {**(env or {}), **{key: str(value) for key, value in values.items() if value}}
    return {**os.environ, **env}


def run_postgresql_program(arguments, connection):
    result = subprocess.run(  # noqa: S603 (our arguments, no shell)
        arguments,
        env=postgresql_environment(connection),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        program = Path(arguments[0]).name
        raise BackupError(f"{program} ist fehlgeschlagen: {result.stderr.strip()}")
    return result


def dump_postgresql(connection, target):
    run_postgresql_program(
        [
            postgresql_program(connection, "pg_dump"),
            "--format=custom",
            f"--file={target}",
            f"--dbname={connection.settings_dict['NAME']}",
        ],
        connection,
    )


# Restoring ---------------------------------------------------------------------------------


def read_manifest(archive):
    try:
        with tarfile.open(archive, mode="r:gz") as tar:
            member = tar.extractfile(MANIFEST)
            if member is None:
                raise KeyError(MANIFEST)
            manifest = json.load(member)
    except (OSError, tarfile.TarError, KeyError, ValueError) as error:
        raise BackupError(f"{archive} ist keine lesbare Sicherung ({error}).") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(
            f"{archive} hat das Format {manifest.get('format')!r}; diese Version liest {FORMAT}."
        )
    return manifest


def database_tables(connection):
    with connection.cursor() as cursor:
        return connection.introspection.table_names(cursor, include_views=True)


def occupied(alias=DEFAULT_DB_ALIAS):
    """What the restore would overwrite: tables in the database, files in the media folders."""
    found = []
    tables = database_tables(connections[alias])
    if tables:
        found.append(f"die Datenbank enthält {len(tables)} Tabellen")
    for folder, root in media_roots().items():
        if root.is_dir() and any(path.is_file() for path in root.rglob("*")):
            found.append(f"{MEDIA_FOLDERS[folder]} ({root}) enthält Dateien")
    return found


def restore_backup(archive, alias=DEFAULT_DB_ALIAS, force=False):
    """Restore ``archive`` into the database ``alias`` and the media folders.

    Refuses a database with tables or media folders with files, unless ``force``: then every
    table is dropped first and files of the same name are overwritten. The database is
    restored in one transaction (all or nothing) before any file is written.
    Returns the manifest and the migrations the code has beyond the backup's.
    """
    archive = Path(archive)
    manifest = read_manifest(archive)
    connection = connections[alias]
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(
            f"Die Sicherung stammt aus einer Datenbank vom Typ {vendor}, die Zieldatenbank ist "
            f"vom Typ {connection.vendor}. Eine Sicherung lässt sich nur in denselben Typ "
            "zurückspielen."
        )
    found = occupied(alias)
    if found and not force:
        raise BackupError(
            "Zurückgespielt wird nur in eine leere Installation, doch "
            + "; ".join(found)
            + ". Legen Sie eine neue, leere Datenbank an (createdb) und leere Medienordner, "
            "oder ersetzen Sie alles mit --force."
        )
    roots = media_roots()
    for root in roots.values():
        root.mkdir(parents=True, exist_ok=True)
    # Unpack next to the media (same file system, so large archives need no room in /tmp).
    with tempfile.TemporaryDirectory(dir=roots["media"].parent, prefix=".restore-") as work:
        work = Path(work)
        with tarfile.open(archive, mode="r:gz") as tar:
            # The "data" filter refuses absolute paths, links out of the folder, devices.
            tar.extractall(work, filter="data")
        dump = work / manifest["database"]["file"]
        if not dump.is_file():
            raise BackupError(f"{archive} enthält keine Datenbank ({dump.name}).")
        if connection.vendor == "postgresql":
            restore_postgresql(connection, dump, force)
        else:
            restore_sqlite(connection, dump)
        for folder, root in roots.items():
            if (work / folder).is_dir():
                shutil.copytree(work / folder, root, dirs_exist_ok=True)
    return manifest, pending_migrations(connection, manifest)


def restore_postgresql(connection, dump, force):
    if force:
        drop_all_tables(connection)
    connection.close()
    run_postgresql_program(
        [
            postgresql_program(connection, "pg_restore"),
            f"--dbname={connection.settings_dict['NAME']}",
            # Another server or role may own the new database: the tables become its user's.
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            str(dump),
        ],
        connection,
    )


def drop_all_tables(connection):
    quote = connection.ops.quote_name
    tables = database_tables(connection)
    if tables:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {', '.join(map(quote, tables))} CASCADE")


def restore_sqlite(connection, dump):
    """Copy the backed-up database over the configured one, page by page (SQLite's backup
    API replaces its whole content, so --force needs nothing else)."""
    connection.ensure_connection()
    with contextlib.closing(sqlite3.connect(dump)) as source:
        source.backup(connection.connection)
    connection.close()


def pending_migrations(connection, manifest):
    """Migrations of the code that the restored database has not applied (run migrate), and
    applied ones the code does not know (the backup is from a newer version)."""
    connection.close()
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    known = set(executor.loader.graph.nodes)
    backed_up = {
        (app_label, name)
        for app_label, names in manifest.get("migrations", {}).items()
        for name in names
    }
    return {
        "to_apply": [f"{migration.app_label}.{migration.name}" for migration, _back in plan],
        "unknown": sorted(f"{app}.{name}" for app, name in backed_up - known),
    }
