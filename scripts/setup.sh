#!/usr/bin/env bash
# Installs what the project needs: a virtualenv in .venv with requirements.txt, and Debian's
# Chromium (for PNG export and the browser tests). Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $($PYTHON --version)"
  "$PYTHON" -m venv .venv
fi

stamp=.venv/.requirements.sha256
want=$(sha256sum requirements.txt | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setup: installing Python packages from requirements.txt"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
  echo "$want" > "$stamp"
fi

# `.venv/bin/python -m timeline` from any folder, not only this one: the project folder on the virtualenv's import
# path (rewritten when the project moves; a folder's own timeline/ still comes first when run from there)
pth="$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/timeline-project.pth"
if [ "$(cat "$pth" 2>/dev/null)" != "$PWD" ]; then
  echo "$PWD" > "$pth"
fi

# apt_install COMMAND PACKAGE WHY: installs a Debian package when its command is missing (root only).
apt_install() {
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian's $2 ($3)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  else
    echo "setup: $2 is missing ($3). Install it with: sudo apt-get install $2" >&2
  fi
}

apt_install chromium chromium "PNG export and the browser tests"
apt_install faketime faketime "the determinism tests fake today's date with it"
