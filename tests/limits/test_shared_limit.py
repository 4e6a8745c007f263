"""The rate limit of the public forms is shared by every worker: two processes, each with its
own database connection, count one client's submissions together through the embedded
default's shared cache (a database table, created by migrate). Both start at the same moment,
so the count is also atomic: together they get exactly the limit, never more."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from django.db import connection
from django.db.models.signals import post_migrate

from limits.apps import create_cache_tables

COUNTER = Path(__file__).with_name("shared_counter.py")
ROOT = Path(__file__).resolve().parents[2]


def run(command, env):
    return subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_two_processes_share_one_limit(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'shared.sqlite3'}"}
    env.pop("REDIS_URL", None)
    setup = run(
        [sys.executable, "manage.py", "createcachetable"],
        {**env, "DJANGO_SETTINGS_MODULE": "config.settings.dev"},
    )
    assert setup.returncode == 0, setup.stderr

    workers = [
        subprocess.Popen(
            [sys.executable, str(COUNTER), str(tmp_path), "6"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    deadline = time.monotonic() + 90
    while len(list(tmp_path.glob("ready-*"))) < 2 and time.monotonic() < deadline:
        assert all(worker.poll() is None for worker in workers), "a counting process failed"
        time.sleep(0.05)
    (tmp_path / "go").touch()
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))

    assert results[0]["pid"] != results[1]["pid"]
    assert sum(result["accepted"] for result in results) == 5
    assert sum(result["refused"] for result in results) == 7


def test_migrate_runs_createcachetable():
    lookup_keys = [receiver[0] for receiver in post_migrate.receivers]
    assert any(key[0] == "limits-cache-table" for key in lookup_keys)


@pytest.mark.django_db
def test_the_migrate_hook_creates_the_shared_cache_table(settings):
    settings.CACHES = {
        **settings.CACHES,
        "shared": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "test_shared_cache_of_migrate",
        },
    }
    assert "test_shared_cache_of_migrate" not in connection.introspection.table_names()

    create_cache_tables(using="default", verbosity=0)  # what post_migrate runs

    assert "test_shared_cache_of_migrate" in connection.introspection.table_names()
