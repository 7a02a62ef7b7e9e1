"""Finding ``resources/`` (templates, checklists, icons) wherever Crickets runs from.

Three layouts, tried in order (docs/decisions/003-resources.md):
1. a frozen bundle (PyInstaller): ``<sys._MEIPASS>/resources``;
2. an installed wheel: ``crickets/_resources`` (hatch force-includes the folder there);
3. a checkout or editable install: ``<repo>/resources`` beside ``desktop/``.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _candidates() -> list[Path]:
    found = []
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        found.append(Path(bundle) / "resources")
    found.append(_PACKAGE / "_resources")
    found.append(_PACKAGE.parent.parent / "resources")
    return found


@cache
def root() -> Path:
    for candidate in _candidates():
        if (candidate / "templates").is_dir():
            return candidate
    tried = ", ".join(str(c) for c in _candidates())
    raise FileNotFoundError(f"Crickets cannot find its resources folder (looked in {tried})")


def path(*parts: str) -> Path:
    return root().joinpath(*parts)


def read_text(*parts: str) -> str:
    return path(*parts).read_text(encoding="utf-8")
