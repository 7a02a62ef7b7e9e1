"""Columns that line up in a terminal, whatever the text in them.

``str.ljust`` counts code points, but a terminal gives an East Asian wide character two
cells and a combining accent none: a company called 東京 or a decomposed "Zoë" would push
every column after it out of line. Widths here are measured in terminal cells instead.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

GAP = "  "


def cell_width(char: str) -> int:
    """The cells ``char`` takes: 0 for combining marks and format or control characters,
    2 for wide and full-width ones, else 1."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf", "Cc"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    return sum(cell_width(char) for char in text)


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` cells."""
    return text + " " * max(0, width - display_width(text))


def rows(table: Sequence[Sequence[str]]) -> list[str]:
    """Each row's cells padded to its column's widest, the last cell left as it is (so no
    line ends in spaces)."""
    if not table:
        return []
    columns = max(len(row) for row in table)
    widths = [
        max((display_width(row[i]) for row in table if i < len(row)), default=0)
        for i in range(columns - 1)
    ]
    lines = []
    for row in table:
        cells = [pad(cell, widths[i]) for i, cell in enumerate(row[:-1])]
        lines.append(GAP.join([*cells, row[-1]]).rstrip())
    return lines
