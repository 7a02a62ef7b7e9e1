"""The layers of docs/architecture.md, checked on the source and in fresh interpreters.

ruff's per-package bans (TID251) stop a forbidden import being written; these tests stop
one arriving indirectly (through another module) and keep the package free of circles.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "desktop" / "crickets"
OUTER = ("crickets.storage", "crickets.services", "crickets.invitations", "crickets.wiring")
FRONT_ENDS = ("crickets.ui", "crickets.commands")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts).removesuffix(".__init__")


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path) -> Iterator[tuple[int, str]]:
    """Every module an import statement names (also inside functions and TYPE_CHECKING)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module
            for alias in node.names:
                yield node.lineno, f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name


def _is_within(name: str, packages: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def test_front_ends_name_no_outer_layer() -> None:
    """The CLI and the windows call crickets.application only (and the domain)."""
    found = [
        f"{name}:{line} imports {target}"
        for name, path in _modules().items()
        if _is_within(name, FRONT_ENDS)
        for line, target in _imports(path)
        if _is_within(target, OUTER)
    ]
    assert found == []


def test_no_module_imports_the_composition_root_but_the_entry_points() -> None:
    allowed = {"crickets.app", "crickets.__main__"}
    found = [
        f"{name} imports {target}"
        for name, path in _modules().items()
        if name not in allowed and not _is_within(name, ("crickets.wiring",))
        for _line, target in _imports(path)
        if _is_within(target, ("crickets.wiring", "crickets.app"))
    ]
    assert found == []


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in graph:
        if node not in index:
            visit(node)
    return groups


def test_no_import_circles() -> None:
    """Between modules, counting imports inside functions and under TYPE_CHECKING too."""
    modules = _modules()
    graph = {
        name: {t for _line, t in _imports(path) if t in modules and t != name}
        for name, path in modules.items()
    }
    assert _strongly_connected(graph) == []


def test_the_circle_finder_finds_a_circle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _strongly_connected(graph) == [["a", "b", "c"]]


def _loaded_after(statement: str) -> set[str]:
    code = f"import sys, json; {statement}; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout))


USE_CASE_MODULES = sorted(
    name
    for name in _modules()
    if _is_within(name, ("crickets.application",)) and name != "crickets.application"
)


@pytest.mark.parametrize("module", USE_CASE_MODULES)
def test_a_use_case_loads_no_qt_store_or_keychain(module: str) -> None:
    loaded = _loaded_after(f"import {module}")
    forbidden = ("PySide6", "shiboken6", "keyring", "sqlite3", "cryptography", "plyer")
    bad = sorted(m for m in loaded if m.split(".")[0] in forbidden)
    bad += sorted(m for m in loaded if _is_within(m, ("crickets.storage", "crickets.ui")))
    assert bad == []


#: The keychain's libraries and the one module that owns each (docs/architecture.md, rule 3).
KEYCHAIN_OWNERS = {
    "keyring": "crickets.storage.keychain",
    "jeepney": "crickets.storage.secret_service",
}


@pytest.mark.parametrize("library", sorted(KEYCHAIN_OWNERS))
def test_one_module_owns_each_keychain_library(library: str) -> None:
    importers = {
        name
        for name, path in _modules().items()
        for _line, target in _imports(path)
        if _is_within(target, (library,))
    }
    assert importers == {KEYCHAIN_OWNERS[library]}
