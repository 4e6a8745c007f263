from wagtail import hooks

from .logins import register_log_actions

hooks.register("register_log_actions", register_log_actions)
