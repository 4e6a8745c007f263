"""Mail off the request path: every message is stored and delivered by a background task.

``outbox.backends.QueuedBackend`` is the default mailer: sending (ours, Wagtail's workflow
notifications, Django's password reset, error reports to ADMINS) stores the message as an
``OutgoingMail`` and enqueues ``outbox.tasks.deliver_mail`` on the task backend "background"
(django-tasks-db: a table in the same database, worked off by ``manage.py db_worker --backend
background``). The worker hands the message to the real mailer ("delivery"), retries failures
with backoff (``OUTBOX_RETRY_DELAYS``), deletes it once delivered, and after the last try leaves
it for the city editors' report "Nicht zugestellte E-Mails".

This app imports none of the network's apps; home imports it (subjects, privacy, retention).
"""
