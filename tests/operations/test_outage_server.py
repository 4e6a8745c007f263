"""gunicorn with production settings and a database URL that points nowhere: /health/, a page
and the API answer 503 with Retry-After, fast, and tell nothing about the database.

gunicorn listens on a Unix socket in the test's folder (no port to race for under xdist); the
database's port is bound by the test and never listens, so every connection is refused.
scripts/outage_drill stops a real database under load and counts the submissions.
"""

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"


class UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path, timeout=10):
        super().__init__("localhost", timeout=timeout)
        self.socket_path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(str(self.socket_path))


def get(socket_path, path, timeout=10):
    connection = UnixHTTPConnection(socket_path, timeout=timeout)
    try:
        started = time.monotonic()
        connection.request("GET", path, headers={"Host": "localhost"})
        response = connection.getresponse()
        body = response.read().decode()
        return response, body, time.monotonic() - started
    finally:
        connection.close()


@pytest.fixture(scope="module")
def server_without_database(tmp_path_factory):
    folder = tmp_path_factory.mktemp("no-database")
    with socket.socket() as database_port:
        database_port.bind(("127.0.0.1", 0))
        port = database_port.getsockname()[1]
        socket_path = folder / "gunicorn.sock"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "only-for-this-test-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFG",
            "ALLOWED_HOSTS": "localhost",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": f"postgres://netzwerk:secret-password@127.0.0.1:{port}/netzwerk",
            "MEDIA_ROOT": str(folder / "media"),
            "PRIVATE_MEDIA_ROOT": str(folder / "private-media"),
        }
        env.pop("REDIS_URL", None)
        log = (folder / "gunicorn.log").open("w")
        server = subprocess.Popen(
            [str(GUNICORN), "config.wsgi", "--bind", f"unix:{socket_path}", "--workers", "1"],
            cwd=REPOSITORY,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 60
            while not socket_path.exists():
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"gunicorn did not start: {(folder / 'gunicorn.log').read_text()}")
                time.sleep(0.1)
            # The worker loads Django with its first request; the tests time the ones after.
            get(socket_path, "/health/", timeout=60)
            yield socket_path, port, folder / "gunicorn.log"
        finally:
            server.terminate()
            server.wait(timeout=20)
            log.close()


def assert_unavailable(response, body, seconds, port):
    assert response.status == 503
    assert response.getheader("Retry-After") == "30"
    assert "no-store" in response.getheader("Cache-Control")
    assert seconds < 5
    for secret in (str(port), "secret-password", "OperationalError", "127.0.0.1"):
        assert secret not in body


def test_health_answers_503_with_what_fails(server_without_database):
    socket_path, port, _log = server_without_database

    response, body, seconds = get(socket_path, "/health/")

    assert_unavailable(response, body, seconds, port)
    assert response.getheader("Content-Type") == "application/json"
    # The mail's task queue is a table of that database (django-tasks-db): it fails with it.
    assert body == '{"database": "failing", "cache": "ok", "tasks": "failing"}'


@pytest.mark.parametrize("path", ["/de/", "/de/rundgaenge/", "/de/mitmachen/"])
def test_a_page_answers_503_with_its_own_page(server_without_database, path):
    socket_path, port, _log = server_without_database

    response, body, seconds = get(socket_path, path)

    assert_unavailable(response, body, seconds, port)
    assert response.getheader("Content-Type").startswith("text/html")
    assert '<html lang="de"' in body
    assert "Vorübergehend nicht erreichbar" in body


def test_the_api_answers_a_problem_503(server_without_database):
    socket_path, port, _log = server_without_database

    response, body, seconds = get(socket_path, "/api/v3/pages/")

    assert_unavailable(response, body, seconds, port)
    assert response.getheader("Content-Type") == "application/problem+json"
    assert '"status":503' in body


def test_the_log_says_why_once_per_request_without_a_traceback(server_without_database):
    socket_path, _port, log = server_without_database

    get(socket_path, "/de/projekte/")

    text = log.read_text()
    assert "Database unavailable, answered 503: GET /de/projekte/" in text
    assert "Traceback" not in text
