"""``crickets draft KIND --json``: the draft as data, proposed times as instants.

The clock is frozen 8 minutes after a 2:00 PM New York call; the person is in London.
A script reads the reschedule slots without parsing prose, and they are the very times
the body lists.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from crickets.domain.clock import FixedClock
from crickets.domain.drafts import DraftKind
from crickets.domain.settings import Settings
from crickets.domain.timefmt import clock_time
from crickets.storage.store import Store
from tests.unit.commands.in_process import run, with_settings

WAITING = FixedClock(datetime.fromisoformat("2026-12-01T19:08:00+00:00"))
PROPOSING = {DraftKind.RESCHEDULE, DraftKind.NUDGE}


def _folder(tmp_path: Path, my_zone: str, their_zone: str, *extra: str) -> Path:
    with_settings(tmp_path, Settings(home_zone=my_zone))
    at = ("--at", "2026-12-01 14:00", "--tz", their_zone)
    added = run(tmp_path, "add", "--past", *at, *extra, clock=WAITING)
    assert added.code == 0, added.err
    return tmp_path


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return _folder(
        tmp_path,
        "Europe/London",
        "America/New_York",
        *("--company", "Acme", "--contact", "Jane Doe", "--email", "jane@acme.example"),
    )


def _draft(data: Path, *args: str) -> dict[str, Any]:
    ran = run(data, "draft", *args, "--json", clock=WAITING)
    assert ran.code == 0, ran.err
    document: dict[str, Any] = json.loads(ran.out)
    return document


def test_reschedule_lists_the_body_s_times_as_instants_in_their_zone(data: Path) -> None:
    draft = _draft(data, "reschedule")
    proposal = draft["proposed"]
    assert proposal["overlap"] is True and proposal["note"] == ""
    slots = proposal["slots"]
    assert len(slots) == 3
    for slot in slots:
        start = datetime.fromisoformat(slot["start"])
        local = datetime.fromisoformat(slot["local_start"])
        assert start.utcoffset() is not None and not start.utcoffset()  # UTC
        assert (
            local == start
            and local.utcoffset() == start.astimezone(ZoneInfo("America/New_York")).utcoffset()
        )
        assert slot["zone"] == "America/New_York" and slot["duration_minutes"] == 30
        assert datetime.fromisoformat(slot["end"]) - start == timedelta(minutes=30)
        assert f"{clock_time(local)} EST" in draft["body"]  # the body lists this very time
        assert 9 <= local.hour < 17 and local.weekday() < 5
    assert len({datetime.fromisoformat(s["local_start"]).date() for s in slots}) >= 2


@pytest.mark.parametrize("kind", list(DraftKind))
def test_every_kind_is_the_text_output_as_data(data: Path, kind: DraftKind) -> None:
    text = run(data, "draft", kind.value, clock=WAITING).out
    draft = _draft(data, kind.value)
    assert draft["kind"] == kind.value and draft["interview_id"] == 1
    shown = f"Subject: {draft['subject']}\n\n{draft['body']}\n" if draft["subject"] else None
    assert text == (shown or f"{draft['body']}\n")
    if kind.is_spoken:
        assert draft["recipient"] is None and draft["subject"] == ""
    else:
        assert draft["recipient"] == {"name": "Jane Doe", "email": "jane@acme.example"}
    assert (draft["proposed"] is not None) == (kind in PROPOSING)


def test_what_the_draft_lacks_is_in_the_json_with_its_command_not_on_stderr(
    tmp_path: Path,
) -> None:
    data = _folder(tmp_path, "Europe/London", "America/New_York", "--company", "Acme")
    ran = run(data, "draft", "follow-up", "--json", clock=WAITING)
    assert ran.code == 0 and ran.err == ""
    gaps = {gap["field"]: gap for gap in json.loads(ran.out)["gaps"]}
    assert gaps["interviewer_email"] == {
        "field": "interviewer_email",
        "problem": "No email address for the interviewer",
        "command": "crickets edit 1 --email ADDRESS",
    }
    assert gaps["profile.name"]["command"] == "crickets profile --name NAME"
    assert json.loads(ran.out)["recipient"] == {"name": "", "email": ""}


def test_when_the_working_days_never_meet_the_plan_says_so(tmp_path: Path) -> None:
    """A New York person and a Tokyo interviewer: the least bad times, each with its note."""
    data = _folder(tmp_path, "America/New_York", "Asia/Tokyo", "--company", "Kaisha")
    proposal = _draft(data, "reschedule")["proposed"]
    assert proposal["overlap"] is False
    assert "do not meet on any of the next 10 working days" in proposal["note"]
    assert proposal["slots"] and all(slot["note"] for slot in proposal["slots"])
    assert {slot["zone"] for slot in proposal["slots"]} == {"Asia/Tokyo"}
    assert {slot["local_start"][-6:] for slot in proposal["slots"]} == {"+09:00"}


def test_own_wording_without_times_proposes_none(data: Path) -> None:
    """The JSON never claims times the draft does not offer."""
    store = Store.open(data)
    try:
        store.state.set_state("template:reschedule", "Subject: New time\n\nCall me, ${greeting}")
    finally:
        store.close()
    draft = _draft(data, "reschedule")
    assert draft["proposed"] is None and draft["body"] == "Call me, Hi Jane,"


def test_json_goes_to_out_as_a_file(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "draft.json"
    ran = run(data, "draft", "reschedule", "--json", "--out", str(out), clock=WAITING)
    assert ran.code == 0 and ran.out == f"Saved the draft as JSON to {out}\n"
    assert json.loads(out.read_text(encoding="utf-8")) == _draft(data, "reschedule")


def test_json_with_another_format_is_refused(data: Path) -> None:
    ran = run(data, "draft", "follow-up", "--json", "--format", "eml", clock=WAITING)
    assert ran.code == 2 and ran.err_lines == [
        "crickets: --json prints the draft as data; leave out --format, or --json"
    ]
