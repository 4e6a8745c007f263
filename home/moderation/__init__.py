"""Moderation by the city: the workflows every page passes (workflow), what waits for the city
(waiting), and how moderators hear of it (digest, account_settings)."""
