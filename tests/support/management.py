"""manage.py in a process of its own, for what only happens at start-up (settings read from the
environment, logging, mailers) or needs other settings than the test process's (production,
another database)."""

import os
import subprocess
import sys
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "a-long-random-secret-only-for-this-test-0123456789-abcdefghijklmnop",
    "ALLOWED_HOSTS": "netzwerk.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://netzwerk.example.org",
}


def manage(*args, env, unset=(), timeout=120):
    """Run ``manage.py *args`` in the repository with this environment plus ``env``, without
    the variables named in ``unset``; the result of subprocess.run, output as text."""
    environment = {k: v for k, v in {**os.environ, **env}.items() if k not in unset}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPOSITORY,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
