import pytest
from mail_servers import StalledSMTPServer, smtp_mailer


@pytest.fixture
def database_queue(settings):
    """Background tasks stored in the database and left for the worker, as in production
    (config.settings.test runs them at once)."""
    settings.TASKS = {
        "default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"},
        "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }


@pytest.fixture
def deliver_through(settings):
    """Point the delivering mailer at an SMTP server on this machine."""

    def deliver_through(port, timeout=5):
        settings.MAILERS = {
            "default": {"BACKEND": "outbox.backends.QueuedBackend"},
            "delivery": smtp_mailer(port, timeout),
        }

    return deliver_through


@pytest.fixture
def stalled_smtp():
    with StalledSMTPServer() as server:
        yield server
