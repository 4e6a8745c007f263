"""The network's part of the headless API (Wagtail's API v3, assembled in config.api).

``fields`` holds what page types and blocks use to describe themselves in the API; the other
modules are routers: public lists with filters, calendars, participation, moderation, preview.
"""
