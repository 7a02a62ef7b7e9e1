"""docs/cli.md read as data: its exit-status table and its ``--json`` shapes.

The reference is written for people; these few rules make it checkable too:

- ``## Exit status``: a table whose first cell is the code.
- ``## JSON output``: a table ``command | prints``, then one ``### `name``` per shape with a
  table ``key | type | meaning``; a line "Every key of `base`" before the table includes
  that shape's keys.
- A type is ``string``, ``integer``, ``number``, ``boolean``, ``object``, ``null``, a
  shape in backquotes, or ``array of`` one of these; ``or`` joins alternatives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

CLI_MD = Path(__file__).resolve().parents[3] / "docs" / "cli.md"
_BASE = re.compile(r"Every key of `([\w-]+)`")
_SCALARS: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "object": (dict,),
}


@dataclass
class Shape:
    keys: dict[str, str] = field(default_factory=dict)  # key -> type expression
    base: str | None = None


def _sections(text: str, level: str) -> dict[str, str]:
    """Heading text -> body, for headings of exactly ``level`` (``##`` or ``###``)."""
    parts = re.split(rf"^{level} (.+)$", text, flags=re.MULTILINE)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}


def _table(body: str) -> list[list[str]]:
    """The body rows of the first Markdown table in ``body``, cells stripped."""
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in body.splitlines()
        if line.startswith("|")
    ]
    return [row for row in rows[1:] if not set("".join(row)) <= set("-: ")]


def _unquote(cell: str) -> str:
    return cell.strip("`")


def document() -> str:
    return CLI_MD.read_text(encoding="utf-8")


def exit_codes() -> dict[int, str]:
    return {int(row[0]): row[1] for row in _table(_sections(document(), "##")["Exit status"])}


def json_outputs() -> dict[str, str]:
    """``crickets add --json`` -> its type expression."""
    body = _sections(document(), "##")["JSON output"]
    return {_unquote(row[0]): row[1] for row in _table(body.split("\n### ")[0])}


def shapes() -> dict[str, Shape]:
    body = _sections(document(), "##")["JSON output"]
    found = {}
    for heading, text in _sections(body, "###").items():
        base = _BASE.search(text)
        keys = {_unquote(row[0]): row[1] for row in _table(text)}
        found[_unquote(heading)] = Shape(keys, base.group(1) if base else None)
    return found


def problems(value: object, expression: str, where: str, known: dict[str, Shape]) -> list[str]:
    """How ``value`` differs from the type ``expression`` ("" when it fits)."""
    found: list[str] = []
    for option in (o.strip() for o in expression.split(" or ")):
        found = _against(value, option, where, known)
        if not found:
            return []
    return found if " or " not in expression else [f"{where}: {value!r} is not {expression}"]


def _against(value: object, option: str, where: str, known: dict[str, Shape]) -> list[str]:
    if option.startswith("array of "):
        if not isinstance(value, list):
            return [f"{where}: {value!r} is not an array"]
        item = option.removeprefix("array of ")
        return [p for i, v in enumerate(value) for p in problems(v, item, f"{where}[{i}]", known)]
    if option == "null":
        return [] if value is None else [f"{where}: {value!r} is not null"]
    if option.startswith("`"):
        return _shape_problems(value, _unquote(option), where, known)
    if isinstance(value, bool) and option != "boolean":  # bool is an int to Python
        return [f"{where}: {value!r} is not {option}"]
    return [] if isinstance(value, _SCALARS[option]) else [f"{where}: {value!r} is not {option}"]


def all_keys(name: str, known: dict[str, Shape]) -> dict[str, str]:
    shape = known[name]
    inherited = all_keys(shape.base, known) if shape.base else {}
    return {**inherited, **shape.keys}


def _shape_problems(value: object, name: str, where: str, known: dict[str, Shape]) -> list[str]:
    if not isinstance(value, dict):
        return [f"{where}: {value!r} is not an object ({name})"]
    keys = all_keys(name, known)
    if set(value) != set(keys):
        extra, missing = sorted(set(value) - set(keys)), sorted(set(keys) - set(value))
        return [f"{where} ({name}): undocumented keys {extra}, missing keys {missing}"]
    return [p for k, t in keys.items() for p in problems(value[k], t, f"{where}.{k}", known)]
