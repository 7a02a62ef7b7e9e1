"""``crickets list`` keeps its columns in line, whatever the rows hold.

Columns are measured in terminal cells: a wide character takes two, a combining accent
none. The person is in London; one interview is theirs, one in New York (so "Your time"
appears), one in Kolkata for a company written in Japanese with a decomposed accent.
"""

from __future__ import annotations

from pathlib import Path

from crickets.commands.table import display_width, pad, rows
from tests.unit.commands.cli_run import ok

DECOMPOSED = "Zoe\u0308"  # "Zoë" as e + COMBINING DIAERESIS


def test_display_width_counts_terminal_cells() -> None:
    assert display_width("abc") == 3
    assert display_width("東京") == 4
    assert display_width(DECOMPOSED) == 3
    assert display_width("\u200b") == 0  # a zero-width space is a format character
    assert pad("東京", 6) == "東京  "


def test_rows_line_up_by_cells_and_leave_the_last_cell_unpadded() -> None:
    lines = rows([["東京", DECOMPOSED, "end"], ["ab", "x", "e"]])
    assert lines == [f"東京  {DECOMPOSED}  end", "ab    x    e"]
    lasts = ["end", "e"]
    starts = {display_width(line) - len(last) for line, last in zip(lines, lasts, strict=True)}
    assert starts == {11}  # 4 cells, a gap, 3 cells, a gap


def _starts(line: str, column: str) -> int:
    return display_width(line[: line.index(column)])


def test_list_with_mixed_rows_keeps_every_column_in_line(tmp_path: Path) -> None:
    data = ("--data-dir", str(tmp_path))
    ok(*data, "add", "--at", "2026-12-01 09:00", "--company", "Local")
    ok(*data, "add", "--at", "2026-12-01 14:00", "--tz", "America/New_York", "--company", "Acme")
    ok(
        *data,
        "add",
        "--at",
        "2026-12-02 10:00",
        "--tz",
        "Asia/Kolkata",
        "--company",
        f"東京 {DECOMPOSED}",
    )
    header, *lines = ok(*data, "list").splitlines()

    assert header.split() == ["#", "When", "Your", "time", "Phase", "Interview"]
    assert len(lines) == 3
    assert "19:00" in lines[1] and "04:30" in lines[2]
    phase_column = {_starts(line, "upcoming") for line in lines}
    assert phase_column == {_starts(header, "Phase")}
    title_column = {_starts(line, "interview with") - len("Phone ") for line in lines}
    assert title_column == {_starts(header, "Interview")}
    assert all(line == line.rstrip() for line in [header, *lines])


def test_without_another_zone_there_is_no_your_time_column(tmp_path: Path) -> None:
    data = ("--data-dir", str(tmp_path))
    ok(*data, "add", "--at", "2026-12-01 09:00", "--company", "Local")
    header, line = ok(*data, "list").splitlines()
    assert header.split() == ["#", "When", "Phase", "Interview"]
    assert line.startswith("#1  Tuesday 1 December 2026, 09:00 GMT  upcoming  ")
