# Shared by scripts/run and scripts/test: find Python 3.12+, create .venv, install the project.
# Sourced, not run. Usage: bootstrap "<extras>"   (e.g. "" or "test")

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
  local extras="$1" python spec stamp
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
  spec="."
  [ -n "$extras" ] && spec=".[$extras]"
  # Reinstall only when the declared dependencies changed since the last install.
  stamp=".venv/.installed-${extras:-base}-$(sha256sum pyproject.toml | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    echo "==> Installing the project and its dependencies ($spec)"
    .venv/bin/python -m pip install --quiet --editable "$spec"
    rm -f .venv/.installed-"${extras:-base}"-*
    touch "$stamp"
  fi
  # The interface in every language: the catalogues in locale/, compiled (in Python, no
  # GNU gettext needed). Quick, and always, so edited catalogues are never stale.
  .venv/bin/python manage.py compile_translations -v 0
}
