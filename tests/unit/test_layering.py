"""docs/architecture.md, rule 1: the domain imports no Qt, keychain, notifications or I/O;
nothing runs at import time. Checked in a fresh interpreter, so what other tests imported
does not count."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

FORBIDDEN = (
    "PySide6",
    "shiboken6",
    "keyring",
    "plyer",
    "sqlite3",
    "icalendar",
    "cryptography",
    "phonenumbers",
    "platformdirs",
    "crickets.storage",
    "crickets.services",
    "crickets.ui",
    "crickets.app",
)

DOMAIN_ROOT = Path(__file__).resolve().parents[2] / "desktop" / "crickets" / "domain"
#: Every module of the domain, found on disk, so a new one is checked without a list to edit.
DOMAIN_MODULES = sorted(
    ".".join(p.relative_to(DOMAIN_ROOT).with_suffix("").parts)
    for p in DOMAIN_ROOT.rglob("*.py")
    if p.name != "__init__.py"
)


def _loaded_after(statement: str) -> set[str]:
    code = f"import sys, json; {statement}; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout))


@pytest.mark.parametrize("module", DOMAIN_MODULES)
def test_domain_module_loads_nothing_forbidden(module: str) -> None:
    loaded = _loaded_after(f"import crickets.domain.{module}")
    bad = sorted(m for m in loaded if m.split(".")[0] in FORBIDDEN or m.startswith(FORBIDDEN))
    assert bad == []


def test_import_crickets_domain_loads_no_qt() -> None:
    assert not any(m.startswith("PySide6") for m in _loaded_after("import crickets.domain"))


def test_the_command_line_starts_without_qt_or_the_keychain() -> None:
    """Building the parser is also how the tray starts: it must stay light."""
    loaded = _loaded_after("import crickets.cli; crickets.cli.build_parser()")
    heavy = (
        "PySide6",
        "keyring",
        "plyer",
        "icalendar",
        "cryptography",
        "phonenumbers",
        "dateutil.parser",
    )
    assert not any(m.startswith(heavy) for m in loaded)
