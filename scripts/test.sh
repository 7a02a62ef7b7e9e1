#!/usr/bin/env bash
# The whole suite, from a fresh clone: system packages for the desktop tests (when root),
# the virtualenv, lint, types, then every test (unit, gui, desktop).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-system-deps.sh
make --no-print-directory .venv/.installed-dev

echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy"
.venv/bin/mypy
echo "== pytest"
status=0
.venv/bin/pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
    echo "crickets: pytest collected no tests; that is a broken suite, not a pass." >&2
    exit 1
fi
exit "$status"
