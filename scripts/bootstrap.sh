#!/usr/bin/env bash
# Create .venv and install Crickets into it (editable). `bootstrap.sh dev` adds the test tools.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
what=${1:-run}

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "crickets: Python 3.11 or newer is needed; found: $("$PYTHON" --version 2>&1 || echo none)." >&2
    echo "crickets: install it (e.g. apt-get install python3 python3-venv) or set PYTHON=/path/to/python3.11" >&2
    exit 1
fi
if [ ! -x .venv/bin/python ]; then
    echo "Creating the virtualenv in .venv ..."
    if ! "$PYTHON" -m venv .venv; then
        echo "crickets: could not create a virtualenv; on Debian/Ubuntu: apt-get install python3-venv" >&2
        exit 1
    fi
fi
echo "Installing Crickets and its dependencies into .venv ..."
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
if [ "$what" = dev ]; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
else
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
fi
