"""What an editor may choose in the admin: Wagtail's image and document permission policies,
action "choose" (what the admin's choosers offer them).

Used where a user names media: the pages they edit may refer only to media they may choose
(home.references), and the admin's own API lists only those (medialibrary.admin_api).
"""

from wagtail.permissions import policy_registry

CHOOSE = "choose"


def choosable(queryset, user):
    """The images or documents of ``queryset`` that ``user`` may choose in the admin.

    A plain filter (by collection), so that Wagtail's search backends can still search it."""
    policy = policy_registry.get_by_type(queryset.model)
    return queryset & policy.instances_user_has_any_permission_for(user, [CHOOSE])
