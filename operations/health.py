"""What /health/ checks: the database answers, the cache keeps a value, the task backends load
and, where they queue in the database, their queue answers and is being worked off.

Each check says "ok" or "failing"; why it fails goes to the log, never to the caller.
"""

import logging
import uuid
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core import checks as system_checks
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

OK = "ok"
FAILING = "failing"


def run_checks():
    return {
        "database": _state("database", database_answers),
        "cache": _state("cache", cache_keeps_values),
        "tasks": _state("tasks", task_backends_work),
    }


def _state(name, check):
    try:
        check()
    except Exception as exc:
        logger.warning("Health check %s failing: %s: %s", name, type(exc).__name__, exc)
        return FAILING
    return OK


def database_answers():
    # Connecting fails within the connect_timeout of the settings when the server is gone.
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone() != (1,):
            raise RuntimeError("SELECT 1 did not answer 1")


def cache_keeps_values():
    # A key of its own, so that concurrent checks of several workers never disturb each other.
    key = f"operations:health:{uuid.uuid4().hex}"
    token = uuid.uuid4().hex
    cache.set(key, token, timeout=30)
    try:
        if cache.get(key) != token:
            raise RuntimeError("the cache did not return the value just stored")
    finally:
        cache.delete(key)


def task_backends_work():
    """Every backend of ``TASKS`` loads and passes its own checks; a backend that keeps its
    queue in a database table (django-tasks-db) answers from it, and no task has been ready
    for longer than OPERATIONS_TASKS_MAX_WAIT_SECONDS (which means no worker runs).

    Without a TASKS setting Django's default (tasks run at once, no queue) applies: ok.
    """
    configured = getattr(settings, "TASKS", None) or {}
    for alias, params in configured.items():
        backend = import_string(params["BACKEND"])(alias, params)
        errors = [
            message
            for message in (backend.check() if hasattr(backend, "check") else [])
            if message.level >= system_checks.ERROR
        ]
        if errors:
            raise RuntimeError(f"task backend {alias!r}: {errors[0].msg}")
        for queue in _database_queues(backend):
            _check_queue(alias, queue)


def _database_queues(backend):
    """The result models of a backend that keeps its tasks in the database: the models of the
    installed app the backend's class belongs to that offer a ``ready()`` queryset."""
    app_config = apps.get_containing_app_config(type(backend).__module__)
    if app_config is None:
        return []
    return [
        model
        for model in app_config.get_models()
        if callable(getattr(model._default_manager.all(), "ready", None))
    ]


def _check_queue(alias, model):
    ready = model._default_manager.all().ready()
    field_names = {field.name for field in model._meta.get_fields()}
    if "enqueued_at" not in field_names:
        ready.exists()  # the table answers
        return
    now = timezone.now()
    waiting_since = []
    if "run_after" in field_names:
        # A deferred task (a retry) waits from the time it was due, the others from enqueueing.
        due = ready.filter(run_after__lte=now)
        waiting_since.append(due.order_by("run_after").values_list("run_after", flat=True).first())
        ready = ready.exclude(run_after__lte=now)
    waiting_since.append(
        ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    )
    waiting_since = [moment for moment in waiting_since if moment is not None]
    if not waiting_since:
        return
    waited = now - min(waiting_since)
    if waited > timedelta(seconds=settings.OPERATIONS_TASKS_MAX_WAIT_SECONDS):
        raise RuntimeError(
            f"task backend {alias!r}: a task has been ready for {waited}; is a worker running?"
        )
