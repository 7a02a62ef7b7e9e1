#!/usr/bin/env bash
# Build the one-folder bundle on Linux: dist/crickets/crickets (docs/decisions/050).
#
#   packaging/build.sh            build with .venv/bin/python (PYTHON=... to use another)
#   DIST=/some/dir packaging/build.sh   put the bundle in /some/dir/crickets instead
#
# PyInstaller, and shtab and argparse-manpage (for the completions and the man page the bundle
# carries), come from the `package` extra in pyproject.toml; if the interpreter lacks them,
# exactly that extra's requirements are installed (nothing else is changed). The last line
# printed is the bundle's size, as `bundle: PATH SIZE_MIB MiB`.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-.venv/bin/python}
DIST=${DIST:-dist}
WORK=${WORK:-build/pyinstaller}

if [ ! -x "$PYTHON" ] && ! command -v "$PYTHON" >/dev/null 2>&1; then
    echo "build.sh: no Python at $PYTHON; run 'make run' (or scripts/bootstrap.sh) first," \
        "or set PYTHON=/path/to/python" >&2
    exit 1
fi
if ! "$PYTHON" -c 'import crickets' 2>/dev/null; then
    echo "build.sh: $PYTHON cannot import crickets; install it first: pip install -e ." >&2
    exit 1
fi
if ! "$PYTHON" -c 'import PyInstaller, shtab, argparse_manpage' 2>/dev/null; then
    mapfile -t requirements < <("$PYTHON" - <<'EOF'
import tomllib
with open("pyproject.toml", "rb") as f:
    print("\n".join(tomllib.load(f)["project"]["optional-dependencies"]["package"]))
EOF
)
    echo "build.sh: installing the package extra: ${requirements[*]}"
    "$PYTHON" -m pip install --quiet --disable-pip-version-check "${requirements[@]}"
fi

# strip, and readelf/as/ld for the trimmed ICU data library (docs/decisions/168).
for tool in strip readelf as ld; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "build.sh: $tool is missing; install binutils (apt-get install binutils)" >&2
        exit 1
    fi
done

started=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" packaging/pyinstaller/crickets.spec
bundle="$DIST/crickets"
if [ ! -x "$bundle/crickets" ]; then
    echo "build.sh: PyInstaller finished but $bundle/crickets is missing" >&2
    exit 1
fi
"$bundle/crickets" --version
size_kib=$(du -sk "$bundle" | cut -f1)
echo "built in $(($(date +%s) - started)) s"
awk -v k="$size_kib" -v p="$bundle" 'BEGIN { printf "bundle: %s %.1f MiB\n", p, k / 1024 }'
