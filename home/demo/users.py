"""Demo logins: one per role, with passwords printed by the run command. Only with DEBUG on."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from ..models import AssociationPage, ModerationMailPreference
from ..roles import ensure_association_group, ensure_city_editors_group
from .associations import EDITOR_ASSOCIATIONS

DEMO_PASSWORD_SUFFIX = "-demo-2026"


def demo_password(username):
    return f"{username}{DEMO_PASSWORD_SUFFIX}"


def _user(username, *, first_name, last_name, superuser=False, groups=()):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "email": f"{username}@example.org",
            "is_staff": superuser,
            "is_superuser": superuser,
        },
    )
    if created:
        user.set_password(demo_password(username))
        user.save()
        user.groups.add(*groups)
    return user


def load(home):
    """Create the demo users and their groups; returns (username, password, role) rows."""
    rows = []
    _user("admin", first_name="Ada", last_name="Admin", superuser=True)
    rows.append(("admin", demo_password("admin"), _("Administration (alle Rechte)")))

    city_editors = ensure_city_editors_group()
    _user("stadt", first_name="Sina", last_name="Stadtredaktion", groups=[city_editors])
    rows.append(
        ("stadt", demo_password("stadt"), _("Stadtredaktion: moderiert und veröffentlicht"))
    )
    # A second city editor reads of new items once a day (manage.py send_moderation_digest);
    # "stadt" keeps the single mails. Chosen once: a choice changed in the demo stays.
    daily = _user(
        "stadt-taeglich", first_name="Tarik", last_name="Stadtredaktion", groups=[city_editors]
    )
    if not ModerationMailPreference.objects.filter(user=daily).exists():
        ModerationMailPreference(user=daily).choose(ModerationMailPreference.Frequency.DAILY)
    rows.append(
        (
            "stadt-taeglich",
            demo_password("stadt-taeglich"),
            _("Stadtredaktion, E-Mails einmal täglich als Zusammenfassung"),
        )
    )

    for username, association_slug in EDITOR_ASSOCIATIONS.items():
        association = AssociationPage.objects.descendant_of(home).get(slug=association_slug)
        group = ensure_association_group(association)
        _user(username, first_name="Vera", last_name=association.title, groups=[group])
        rows.append(
            (
                username,
                demo_password(username),
                _("Redaktion von %(association)s: schreibt, veröffentlicht nicht")
                % {"association": association.title},
            )
        )
    return rows
