"""Users in the network's roles, for tests."""

from django.contrib.auth import get_user_model

from home.models import AssociationPage
from home.roles import ensure_association_group, ensure_city_editors_group

PASSWORD = "ein-sicheres-Testpasswort-2026"


def make_editor_of(*slugs, username=None):
    """An editor of the associations with these slugs (an editor may serve several)."""
    username = username or f"redaktion-{'-'.join(slugs)}"
    user = get_user_model().objects.create_user(
        username, email=f"{username}@example.org", password=PASSWORD, first_name=username
    )
    for slug in slugs:
        user.groups.add(ensure_association_group(AssociationPage.objects.get(slug=slug)))
    return user


def make_city_editor(username="stadtredaktion"):
    user = get_user_model().objects.create_user(
        username, email=f"{username}@example.org", password=PASSWORD, first_name="Sina"
    )
    user.groups.add(ensure_city_editors_group())
    return user
