"""One process of tests/limits/test_shared_limit.py: counts submissions of one client through
the shared cache of the embedded default (a table in the database named by DATABASE_URL)
and prints how many it was allowed, as JSON.

Usage: shared_counter.py FOLDER ATTEMPTS. Once set up, it writes FOLDER/ready-<pid> and waits
for FOLDER/go, so that both processes count at the same moment."""

import json
import os
import sys
import time
from pathlib import Path

os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
os.environ.pop("REDIS_URL", None)

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.test import RequestFactory  # noqa: E402

from home.participation import SubmissionLimitReached, store_accepted_submission  # noqa: E402

folder, attempts = Path(sys.argv[1]), int(sys.argv[2])
settings.NETWORK_PARTICIPATION_RATE_LIMIT = (5, 3600)
request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")
accepted = refused = 0
(folder / f"ready-{os.getpid()}").touch()
deadline = time.monotonic() + 60
while not (folder / "go").exists() and time.monotonic() < deadline:
    time.sleep(0.01)
for _ in range(attempts):
    try:
        store_accepted_submission(request, "story", lambda: None)
        accepted += 1
    except SubmissionLimitReached:
        refused += 1
print(json.dumps({"accepted": accepted, "refused": refused, "pid": os.getpid()}))
