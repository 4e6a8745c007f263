"""Helpers for the API tests: tokens for users, and a client that sends them."""

import pytest

from wagtail.models import APIToken


class TokenClient:
    """Django's test client, sending ``Authorization: Bearer <token>`` on every request."""

    def __init__(self, client, token):
        self.client = client
        self.headers = {"Authorization": f"Bearer {token}"}

    def get(self, path, data=None, **extra):
        return self.client.get(path, data, headers=self.headers, **extra)

    def post(self, path, data=None, **extra):
        return self.client.post(
            path, data or {}, content_type="application/json", headers=self.headers, **extra
        )

    def patch(self, path, data=None, **extra):
        return self.client.patch(
            path, data or {}, content_type="application/json", headers=self.headers, **extra
        )


@pytest.fixture
def token_client(client):
    """``token_client(user)``: a client acting with a fresh API token of ``user``."""

    def make(user):
        _token, plaintext = APIToken.create_token(user=user, name=f"Test {user.username}")
        return TokenClient(client.__class__(), plaintext)

    return make
