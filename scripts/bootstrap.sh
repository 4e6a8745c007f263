# Shared by scripts/run and scripts/test: find Python 3.12+, create .venv, install the project.
# Sourced, not run. Usage: bootstrap "<lock>"   ("" for requirements/base.txt, "test")

set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

find_python() {
  local candidate
  for candidate in python3.13 python3.12 python3 python; do
    if command -v "$candidate" >/dev/null 2>&1 \
      && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

bootstrap() {
  # "" installs requirements/base.txt, "test" requirements/test.txt: exact versions with hashes
  # (scripts/lock makes them from pyproject.toml), the same for every Python 3.12+.
  local lock="requirements/${1:-base}.txt" python stamp
  if [ ! -x .venv/bin/python ] \
    || ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
    if ! python=$(find_python); then
      echo "Python 3.12 or newer is needed, and none was found (tried python3.13, python3.12, python3)." >&2
      echo "Install it, e.g. 'sudo apt install python3.12 python3.12-venv' or 'pyenv install 3.13'," >&2
      echo "then run this command again." >&2
      exit 1
    fi
    echo "==> Creating .venv with $($python --version)"
    rm -rf .venv
    "$python" -m venv .venv
    .venv/bin/python -m pip install --quiet --upgrade pip
  fi
  # Reinstall only when the lock file changed since the last install.
  stamp=".venv/.installed-${1:-base}-$(sha256sum "$lock" | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    echo "==> Installing the locked dependencies ($lock) and the project"
    .venv/bin/python -m pip install --quiet --require-hashes --requirement "$lock"
    # The project itself, editable (site/ is imported as config), built with the locked
    # setuptools instead of one fetched unpinned.
    .venv/bin/python -m pip install --quiet --no-deps --no-build-isolation --editable .
    rm -f .venv/.installed-"${1:-base}"-*
    touch "$stamp"
  fi
  # The interface in every language: the catalogues in locale/, compiled (in Python, no
  # GNU gettext needed). Quick, and always, so edited catalogues are never stale.
  .venv/bin/python manage.py compile_translations -v 0
}
