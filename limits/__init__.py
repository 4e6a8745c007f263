"""Limits on what clients may send: submissions and password resets per client, failed logins
per account and per client, and the size of request bodies.

Counts live in the cache alias ``shared`` (limits.counting), which every worker and server
reads: Redis in production, a database table otherwise. This app imports none of the
network's apps; they import from it.
"""
