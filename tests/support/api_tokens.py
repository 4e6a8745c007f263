"""API tokens for tests outside tests/api (whose conftest has a token_client fixture)."""

from wagtail.models import APIToken


def bearer(user):
    """Headers that send a fresh API token of ``user``."""
    _token, plaintext = APIToken.create_token(user=user, name=f"Test {user.username}")
    return {"Authorization": f"Bearer {plaintext}"}
