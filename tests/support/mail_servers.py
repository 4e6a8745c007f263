"""Mail servers on free ports of this machine, and the background worker run in a test."""

import contextlib
import email
import email.policy
import socket
import threading
from unittest import mock

from aiosmtpd.controller import Controller
from django_tasks_db.management.commands.db_worker import Worker


class StalledSMTPServer:
    """Accepts every connection and never says a word: a mail server that hangs."""

    def __init__(self):
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.1)
        self.port = self.socket.getsockname()[1]
        self.connections = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self):
        while not self._stop.is_set():
            try:
                connection, _address = self.socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections.append(connection)  # held open, never answered

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc_info):
        self._stop.set()
        self._thread.join(timeout=2)
        for connection in self.connections:
            connection.close()
        self.socket.close()


class _Recorder:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append({"to": list(envelope.rcpt_tos), "message": message})
        return "250 OK"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def recording_smtp_server():
    """A working SMTP server (aiosmtpd) on a free port; yields (port, received messages)."""
    recorder = _Recorder()
    for attempt in range(3):
        port = free_port()
        controller = Controller(recorder, hostname="127.0.0.1", port=port)
        try:
            controller.start()
            break
        except OSError:  # the port was taken between probing and binding
            if attempt == 2:
                raise
    try:
        yield port, recorder.messages
    finally:
        controller.stop()


def smtp_mailer(port, timeout):
    return {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False, "timeout": timeout},
    }


def work_off_the_queue(backend="background"):
    """What `manage.py db_worker --backend background --batch` does: run every task that is
    due, then stop. In the test's transaction, so the worker must not close the connection
    between tasks as it does in production."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name=backend,
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        worker.run()
