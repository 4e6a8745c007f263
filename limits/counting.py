"""Counting events (submissions, failed logins, password resets) per key in a time window,
shared by every worker and server through the cache alias ``shared``.

A limit of N events per window is N slots: an event claims a free one with ``cache.add``,
which is atomic on every backend (Redis' SET NX, the database cache's primary key), and the
slot frees itself ``window`` seconds later. Two processes can therefore never both take the
last slot. (``cache.incr`` would not do: the database cache implements it as a read and a
write, and two workers could both read 4 and both write 5.)
"""

import hashlib
import math
import time

from django.core.cache import caches

#: The cache alias every process shares (site/settings/base.py, CACHES).
SHARED_CACHE = "shared"


def shared_cache():
    return caches[SHARED_CACHE]


class RateLimit:
    """At most ``limit`` events per ``window`` seconds for each key within ``scope``."""

    def __init__(self, scope, limit, window):
        self.scope = scope
        self.limit = int(limit)
        self.window = int(window)

    def _slots(self, key):
        # Keys are hashed: they may be e-mail addresses or user names, and cache keys must
        # stay short and free of spaces.
        digest = hashlib.sha256(str(key).casefold().encode()).hexdigest()[:32]
        return [f"limits:{self.scope}:{digest}:{number}" for number in range(self.limit)]

    def take(self, key):
        """Count an event for ``key``: the slot it took, or None when the limit is reached."""
        cache = shared_cache()
        slots = self._slots(key)
        taken = cache.get_many(slots)
        for slot in slots:
            if slot not in taken and cache.add(slot, time.time(), timeout=self.window):
                return slot
        return None

    def give_back(self, slot):
        """Undo ``take`` (the event did not happen after all)."""
        if slot:
            shared_cache().delete(slot)

    def reached(self, key):
        return len(shared_cache().get_many(self._slots(key))) >= self.limit

    def retry_after(self, key):
        """Seconds until ``key`` may count an event again (0 when it may now)."""
        taken = shared_cache().get_many(self._slots(key))
        if len(taken) < self.limit:
            return 0
        oldest = min(taken.values())
        return max(1, math.ceil(oldest + self.window - time.time()))

    def clear(self, key):
        shared_cache().delete_many(self._slots(key))


class Lock:
    """A key locked for ``seconds`` in ``scope`` (a login locked after too many failures);
    it ends by itself."""

    def __init__(self, scope, seconds):
        self.scope = scope
        self.seconds = int(seconds)

    def _key(self, key):
        digest = hashlib.sha256(str(key).casefold().encode()).hexdigest()[:32]
        return f"limits:{self.scope}:{digest}"

    def lock(self, key):
        """Lock ``key``; True if it was not locked before."""
        return shared_cache().add(self._key(key), time.time() + self.seconds, timeout=self.seconds)

    def remaining(self, key):
        """Seconds until ``key`` is unlocked (0 when it is not locked)."""
        until = shared_cache().get(self._key(key))
        return max(1, math.ceil(until - time.time())) if until else 0

    def unlock(self, key):
        shared_cache().delete(self._key(key))
