import socket

import pytest

from django.test import Client


@pytest.fixture
def closed_port():
    """A loopback port that refuses connections: bound (so nobody else takes it during the
    test) but never listening."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


@pytest.fixture
def quiet_client():
    """A client that returns the response of a failing request instead of raising the
    exception, as a browser sees it."""
    return Client(raise_request_exception=False)
