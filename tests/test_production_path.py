"""The production path: the README's steps that scripts/production_smoke runs, the dependency
pins they install, static files that collectstatic can process, and the addresses the smoke test
requests."""

import re
import subprocess
import tomllib
from io import StringIO
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from django.apps import apps
from django.core.management import CommandError, call_command

from wagtail.models import Page, get_page_models

from home.models import StandardPage

REPOSITORY = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((REPOSITORY / "pyproject.toml").read_text())
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def readme_production_steps():
    """The block scripts/production_smoke runs, by the script's own rule."""
    result = subprocess.run(
        [
            "bash",
            "-c",
            'source <(sed -n "/^readme_steps() {/,/^}/p" scripts/production_smoke) && readme_steps',
        ],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.splitlines()


def pins(lock_file):
    """{name: (version, marker, number of hashes)} of a requirements file made by scripts/lock."""
    found, current = {}, None
    for line in (REPOSITORY / "requirements" / lock_file).read_text().splitlines():
        if match := PIN.match(line):
            current = canonicalize_name(match[1])
            found[current] = [match[2], match[3], 0]
        elif "--hash=sha256:" in line and current:
            found[current][2] += 1
    return {name: tuple(value) for name, value in found.items()}


def test_readme_production_steps_install_from_the_lock_and_check_before_serving():
    steps = readme_production_steps()

    assert steps[:3] == [
        "python3 -m venv .venv",
        ".venv/bin/python -m pip install --require-hashes --requirement requirements/base.txt",
        ".venv/bin/python -m pip install --no-deps --no-build-isolation --editable .",
    ]
    export = next(step for step in steps if step.startswith("export "))
    for name in (
        "DJANGO_SETTINGS_MODULE=config.settings.production",
        "SECRET_KEY=",
        "ALLOWED_HOSTS=",
    ):
        assert name in export
    commands = [step.split("#")[0].strip() for step in steps]
    order = [
        "python manage.py check --deploy --fail-level WARNING",
        "python manage.py migrate",
        "python manage.py collectstatic --no-input",
        "gunicorn config.wsgi",
    ]
    assert [commands.index(command) for command in order] == sorted(
        commands.index(command) for command in order
    )
    assert steps[-1].endswith("# service: runs until stopped")


@pytest.mark.parametrize("lock_file", ["base.txt", "test.txt"])
def test_every_pin_is_exact_and_hashed(lock_file):
    locked = pins(lock_file)

    assert locked, f"no pins read from requirements/{lock_file}"
    assert all(hashes for _version, _marker, hashes in locked.values())


def test_production_pins_are_the_tested_ones():
    production, tested = pins("base.txt"), pins("test.txt")

    assert {name: production[name][0] for name in production} == {
        name: tested[name][0] for name in production
    }


@pytest.mark.parametrize(
    ("lock_file", "requirements"),
    [
        (
            "base.txt",
            PYPROJECT["project"]["dependencies"] + PYPROJECT["build-system"]["requires"],
        ),
        ("test.txt", PYPROJECT["project"]["optional-dependencies"]["test"]),
    ],
)
def test_the_pins_satisfy_pyproject(lock_file, requirements):
    """An offline check; scripts/lock --check (CI) also resolves again."""
    locked = pins(lock_file)
    for line in requirements:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{requirement.name} is not pinned: run scripts/lock"
        assert requirement.specifier.contains(locked[name][0], prereleases=True), (
            f"{requirement.name}=={locked[name][0]} does not satisfy {line}: run scripts/lock"
        )
        for extra in requirement.extras:
            assert canonicalize_name(f"{requirement.name}-{extra}") in locked or extra == "binary"


def static_files():
    for app in apps.get_app_configs():
        static = Path(app.path) / "static"
        if static.is_dir() and Path(app.path).parent == REPOSITORY:  # ours, not installed ones
            yield from (path for path in static.rglob("*") if path.suffix in {".css", ".js"})


REFERENCE = {
    ".js": re.compile(r"^//# sourceMappingURL=(\S+)", re.MULTILINE),
    ".css": re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|/\*# sourceMappingURL=(\S+) \*/"""),
}


@pytest.mark.parametrize("path", list(static_files()), ids=lambda path: path.name)
def test_static_files_reference_only_files_that_are_there(path):
    """Production's collectstatic (whitenoise's manifest storage) stops at the first reference
    to a missing file, and every page then fails: vendor the whole set or drop the reference."""
    text = path.read_text(encoding="utf-8")
    for match in REFERENCE[path.suffix].finditer(text):
        target = next(group for group in match.groups() if group)
        if re.match(r"^(#|data:|https?:|//)", target):
            continue
        assert (path.parent / target.split("?")[0].split("#")[0]).is_file(), (
            f"{path.relative_to(REPOSITORY)} refers to {target}, which is not there"
        )


@pytest.mark.django_db
def test_smoke_urls_cover_every_page_type_its_api_and_a_static_file():
    output = StringIO()
    call_command("smoke_urls", stdout=output)
    urls = output.getvalue().splitlines()

    for model in get_page_models():
        if model is Page:
            continue
        page = model.objects.live().public().exact_type(model).order_by("path").first()
        assert page.get_url() in urls, model
        assert f"/api/v3/pages/{page.pk}/" in urls
    for url in (
        "/api/v3/openapi.json",
        "/api/v3/pages/",
        "/api/v3/tours/",
        "/sitemap.xml",
        "/robots.txt",
    ):
        assert url in urls
    assert any(url.endswith("/feed/") for url in urls)  # project news, Atom
    assert any(url.endswith("/kalender/") for url in urls)  # meetings, iCal
    assert any(re.fullmatch(r"/api/v3/tours/\d+/stops/", url) for url in urls)
    assert any(url.startswith("/documents/") for url in urls)
    assert any(url.startswith("/static/") for url in urls)
    assert len(urls) == len(set(urls))


@pytest.mark.django_db
def test_smoke_urls_refuse_when_a_page_type_has_no_live_page():
    for page in StandardPage.objects.live():
        page.unpublish()

    with pytest.raises(CommandError, match=r"home\.StandardPage"):
        call_command("smoke_urls", stdout=StringIO())
