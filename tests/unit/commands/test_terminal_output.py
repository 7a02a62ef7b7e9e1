"""What is stored is shown, never obeyed: control characters reach the terminal escaped.

An interview is written straight into the store with the fields a hostile export or
invitation could carry (an escape sequence that clears the screen, a carriage return, a
line break that would forge a row, a NUL, a direction override, a C1 control), as add and
edit would never allow. ``show``, ``list``, ``status``, ``import``'s report and the error
line on stderr then print each of them as a visible escape.
"""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crickets.commands.context import CliContext
from crickets.commands.ics_report import Viewer, describe
from crickets.commands.session import CliSession
from crickets.commands.terminal import json_safe, visible
from crickets.domain.clock import Clock
from crickets.domain.interview import Interview
from crickets.domain.settings import Settings
from crickets.invitations.ics.candidate import ImportCandidate
from crickets.storage.store import Store
from tests.unit.commands.in_process import run, with_settings

HOSTILE = "Evil\x1b[2J\rCorp\nFake row\x00\u202eX\x9b"
SHOWN = "Evil\\x1b[2J\\rCorp\\nFake row\\x00\\u202eX\\x9b"
RAW = ("\x1b", "\r", "\x00", "\u202e", "\x9b")


def test_visible_escapes_what_a_terminal_would_act_on_and_nothing_else() -> None:
    assert visible(HOSTILE) == SHOWN
    assert visible("\x7f\t\u2028\ud800") == "\\x7f\\t\\u2028\\ud800"
    plain = "Zoë & Co, 東京, C:\\path, “quoted”, emoji 👩‍💻"
    assert visible(plain) == plain  # a zero-width joiner in an emoji is not a control


def test_json_safe_escapes_the_rest_and_reads_back_as_the_same_text() -> None:
    text = "x\x9b\x7f\u202e\u2028\ud800 é"
    encoded = json_safe(json.dumps({"a": text}, ensure_ascii=False))
    assert encoded == '{"a": "x\\u009b\\u007f\\u202e\\u2028\\ud800 é"}'
    assert json.loads(encoded) == {"a": text}


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A data folder whose one interview has hostile text in its company and notes."""
    with_settings(tmp_path, Settings(home_zone="Europe/London", clock_24h=True))
    store = Store.open(tmp_path)
    try:
        store.interviews.add(
            Interview(
                datetime(2026, 12, 1, 14, 0),
                "America/New_York",
                company=HOSTILE,
                notes="first line\nsecond \x1b]0;retitled\x07 line",
            )
        )
    finally:
        store.close()
    return tmp_path


def _no_raw_controls(text: str) -> None:
    for char in RAW:
        assert char not in text, repr(text)


def test_show_prints_every_field_escaped_and_notes_on_their_own_lines(hostile: Path) -> None:
    ran = run(hostile, "show", "1")
    assert ran.code == 0, ran.err
    _no_raw_controls(ran.out)
    lines = ran.out.splitlines()
    assert lines[0] == f"#1 Phone interview with {SHOWN}"
    assert f"  Company:         {SHOWN}" in lines
    assert lines[-2:] == [
        "  Notes:           first line",
        "                   second \\x1b]0;retitled\\x07 line",
    ]


def test_list_and_status_keep_one_line_per_interview(hostile: Path) -> None:
    listed = run(hostile, "list")
    assert listed.code == 0, listed.err
    _no_raw_controls(listed.out)
    _header, *rows = listed.out.splitlines()
    assert len(rows) == 1 and rows[0].endswith(f"Phone interview with {SHOWN}")
    status = run(hostile, "status")
    _no_raw_controls(status.out)
    assert len(status.out.splitlines()) == 1 and SHOWN in status.out


def test_json_output_escapes_them_too_and_reads_back_unchanged(hostile: Path) -> None:
    ran = run(hostile, "show", "1", "--json")
    _no_raw_controls(ran.out)
    assert "\\u001b[2J\\rCorp\\nFake row\\u0000\\u202eX\\u009b" in ran.out
    assert json.loads(ran.out)["company"] == HOSTILE


def test_an_error_line_shows_the_name_it_quotes_escaped(tmp_path: Path) -> None:
    ran = run(tmp_path, "export", "--out", str(tmp_path / "missing" / "a\x1b[2Jb"))
    assert ran.code == 2
    _no_raw_controls(ran.err)
    assert ran.err_lines == [
        f"crickets: --out: {tmp_path}/missing/a\\x1b[2Jb is in {tmp_path}/missing, which "
        "does not exist; Crickets does not create folders"
    ]


class _Unused:
    """``describe`` prints what it is given; it never opens the data folder."""

    def __call__(self, data_dir: Path, clock: Clock, on_notice: object) -> CliSession:
        raise AssertionError("the data folder was opened")


def test_the_import_report_prints_an_invitation_s_text_escaped() -> None:
    out = io.StringIO()
    ctx = CliContext(Path("unused"), _Unused(), out=out)
    start = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)
    event = ImportCandidate(
        "uid",
        start=start,
        local_start=datetime(2026, 12, 1, 14, 0),
        zone="America/New_York",
        duration=timedelta(minutes=30),
        summary="Screen\x1b]0;pwned\x07",
        company=HOSTILE,
        warnings=("odd\rline",),
    )
    describe(ctx, event, 1, 1, Viewer("Europe/London", clock_24h=True))
    printed = out.getvalue()
    _no_raw_controls(printed)
    assert printed.splitlines()[0] == "Event 1 of 1: Screen\\x1b]0;pwned\\x07"
    assert f"  Company:     {SHOWN}" in printed.splitlines()
    assert "  Warning:     odd\\rline" in printed.splitlines()
