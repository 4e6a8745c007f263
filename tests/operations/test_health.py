"""/health/: a small JSON of what works, never cached, no session, no details for callers."""

import datetime

import pytest

from django.apps import apps
from django.utils import timezone

pytestmark = pytest.mark.django_db

ALL_OK = {"database": "ok", "cache": "ok", "tasks": "ok"}


def test_health_answers_ok_uncached_and_without_a_session(client):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == ALL_OK
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    assert not response.cookies  # no session, no language cookie
    assert "Retry-After" not in response


def test_health_is_not_in_the_sitemap(client):
    assert "/health/" not in client.get("/sitemap.xml").content.decode()


def test_health_takes_no_post(client):
    assert client.post("/health/").status_code == 405


def test_a_cache_that_does_not_answer_is_failing_without_details(client, settings, closed_port):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port}/0",
        }
    }

    response = client.get("/health/")

    # The site works without its cache, degraded: load balancers keep it.
    assert response.status_code == 200
    assert response.json() == {**ALL_OK, "cache": "failing"}
    assert str(closed_port) not in response.content.decode()


def test_a_task_backend_that_does_not_load_is_failing(client, settings):
    settings.TASKS = {"default": {"BACKEND": "operations.no_such_module.Backend"}}

    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json() == {**ALL_OK, "tasks": "failing"}
    assert "no_such_module" not in response.content.decode()


@pytest.mark.parametrize(
    "backend",
    [
        "django_tasks.backends.immediate.ImmediateBackend",
        "django.tasks.backends.immediate.ImmediateBackend",
    ],
)
def test_a_task_backend_without_a_queue_is_ok(client, settings, backend):
    settings.TASKS = {"default": {"BACKEND": backend}}

    assert client.get("/health/").json() == ALL_OK


def test_without_tasks_setting_the_tasks_are_ok(client, settings):
    del settings.TASKS

    assert client.get("/health/").json() == ALL_OK


def test_a_database_queue_without_a_worker_is_failing(client, settings):
    """With django-tasks-db (the mail's queue): a task left ready for longer than
    OPERATIONS_TASKS_MAX_WAIT_SECONDS means no worker takes them."""
    if not apps.is_installed("django_tasks_db"):
        pytest.skip("django-tasks-db is not installed (no database task queue configured)")
    from django_tasks_db.models import DBTaskResult, get_date_max

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="operations.tests.nothing",
        backend_name="default",
        run_after=get_date_max(),
    )
    assert client.get("/health/").json() == ALL_OK

    waited = datetime.timedelta(seconds=settings.OPERATIONS_TASKS_MAX_WAIT_SECONDS + 60)
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - waited)

    assert client.get("/health/").json() == {**ALL_OK, "tasks": "failing"}
