"""Each refusal names its way out, in one line on stderr, with exit 2 and nothing changed.

The clock is frozen at Wednesday 25 November 2026, 12:21 UTC; the person is in London.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.unit.commands.cli_run import ICS, ok, refused


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder with an empty store (so first-run notices are not counted)."""
    ok("--data-dir", str(tmp_path), "list")
    return tmp_path


def interviews(data: Path) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = json.loads(ok("--data-dir", str(data), "list", "--json"))
    return rows


def test_a_time_that_has_passed_is_asked_about_and_past_confirms(data: Path) -> None:
    """The README's old example, a week after its date: once silently "waited-out"."""
    add = ("--data-dir", str(data), "add", "--at", "2026-11-18 14:00", "--company", "Acme")
    line = refused(*add)
    assert line == (
        "crickets: --at: Wednesday 18 November 2026, 14:00 GMT has passed (6 days 22 h ago); "
        "if that is meant, run again with --past"
    )
    assert interviews(data) == []
    ok(*add, "--past")
    assert [i["start"] for i in interviews(data)] == ["2026-11-18T14:00:00+00:00"]


def test_edit_asks_about_a_new_time_in_the_past_but_not_about_other_fields(data: Path) -> None:
    ok("--data-dir", str(data), "add", "--at", "2026-11-18 14:00", "--past")
    ok("--data-dir", str(data), "edit", "1", "--company", "Globex")  # an old one stays editable
    line = refused("--data-dir", str(data), "edit", "1", "--at", "2026-11-20 09:00")
    assert "has passed (5 days 3 h ago)" in line and line.endswith("run again with --past")
    assert interviews(data)[0]["start"] == "2026-11-18T14:00:00+00:00"


def test_tomorrow_2pm_is_never_in_the_past(data: Path) -> None:
    """What the README's examples type: it stays in the future whenever they are run."""
    added = json.loads(ok("--data-dir", str(data), "add", "--at", "tomorrow 2pm", "--json"))
    assert added["start"] == "2026-11-26T14:00:00+00:00"


def test_day_and_month_order_names_both_options_and_each_answers(data: Path) -> None:
    line = refused("--data-dir", str(data), "add", "--at", "04/05/2027 10:00")
    assert "could be 5 April 2027 or 4 May 2027" in line
    assert line.endswith("To go on, say which with --day-first or --month-first.")
    assert interviews(data) == []
    at = ("--data-dir", str(data), "add", "--at", "04/05/2027 10:00", "--json")
    assert json.loads(ok(*at, "--day-first"))["local_start"] == "2027-05-04T10:00:00"
    assert json.loads(ok(*at, "--month-first"))["local_start"] == "2027-04-05T10:00:00"


def test_the_repeated_hour_names_fold(data: Path) -> None:
    line = refused("--data-dir", str(data), "add", "--at", "2027-11-07 01:30", "--tz", "EST5EDT")
    assert line.endswith("To go on, say which with --fold 0 (the first) or --fold 1 (the second).")


def test_other_questions_name_the_exact_way_to_type_the_time(data: Path) -> None:
    line = refused("--data-dir", str(data), "add", "--at", "midnight Friday")
    assert "could mean the start or the end of that day" in line
    assert line.endswith('e.g. --at "2026-11-27 00:00" --tz Europe/London.')
    ok("--data-dir", str(data), "add", "--at", "2026-11-27 00:00", "--tz", "Europe/London")


def test_import_names_the_order_options_it_takes(data: Path) -> None:
    """An all-day invitation needs a time; typed ambiguously, the same way out applies."""
    base = ("--data-dir", str(data), "import", str(ICS / "all_day.ics"), "--at", "04/05/2027 9am")
    assert refused(*base).endswith("say which with --day-first or --month-first.")
    result = json.loads(ok(*base, "--day-first", "--json"))
    assert result["interview"]["local_start"] == "2027-05-04T09:00:00"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["frobnicate"], "(see: crickets --help)"),
        (["list", "--bogus"], "unrecognized arguments: --bogus (see: crickets list --help)"),
        (["add"], "the following arguments are required: --at (see: crickets add --help)"),
        (
            ["show", "x"],
            "argument ID: 'x' is not an interview number; give the # that crickets list shows "
            "(see: crickets show --help)",
        ),
    ],
)
def test_a_usage_error_names_the_help_to_read(data: Path, args: list[str], expected: str) -> None:
    assert refused("--data-dir", str(data), *args).endswith(expected)
