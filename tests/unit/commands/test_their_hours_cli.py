"""``crickets add|edit --their-hours``: set, shown, cleared, refused, exported and restored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.unit.commands.test_cli import crickets, ok, refused


def test_add_show_edit_and_clear_their_hours(tmp_path: Path) -> None:
    added = json.loads(
        ok(tmp_path, "add", "--at", "2026-12-01 14:00", "--their-hours", "8:30-16:00", "--json")
    )
    assert added["their_hours"] == "08:30-16:00"
    assert "Their hours:     08:30-16:00 their time" in ok(tmp_path, "show", "1")
    edited = json.loads(ok(tmp_path, "edit", "1", "--company", "Acme", "--json"))
    assert edited["their_hours"] == "08:30-16:00"  # kept when not given
    ok(tmp_path, "edit", "1", "--their-hours", "12:00-14:00")
    assert json.loads(ok(tmp_path, "show", "1", "--json"))["their_hours"] == "12:00-14:00"
    ok(tmp_path, "edit", "1", "--their-hours", "")
    assert json.loads(ok(tmp_path, "show", "1", "--json"))["their_hours"] is None
    assert "Their hours" not in ok(tmp_path, "show", "1")


@pytest.mark.parametrize("bad", ["17:30-09:00", "9-5", "09:00 to 17:30", "25:00-26:00"])
def test_a_bad_value_exits_2_with_one_line_and_writes_nothing(tmp_path: Path, bad: str) -> None:
    line = refused(tmp_path, "add", "--at", "2026-12-01 14:00", "--their-hours", bad)
    assert line == (
        "crickets: --their-hours: must be two times like 09:00-17:30, the start before the end"
    )
    assert json.loads(ok(tmp_path, "list", "--json")) == []


def test_their_hours_survive_export_and_restore(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    ok(first, "add", "--at", "2026-12-01 14:00", "--their-hours", "10:00-18:00")
    export = tmp_path / "export.json"
    assert crickets(first, "export", "--out", str(export)).returncode == 0
    ok(second, "restore", str(export))
    (restored,) = json.loads(ok(second, "list", "--json"))
    assert restored["their_hours"] == "10:00-18:00"
