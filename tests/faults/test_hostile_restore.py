"""``restore`` checks every field exactly as add and edit do (issue 15, item 5).

A hostile export (line breaks in names and addresses, NUL and escape sequences in text, a
20,000-character note, a ``javascript:`` link, a duration of 1e12 minutes, a start with no
zone or in the year 9999, an id of 2^63) is refused whole, naming the first bad record;
nothing already stored changes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from crickets.domain.actions import Action, ActionKind
from crickets.domain.clock import FixedClock
from crickets.domain.portable import export_document
from crickets.domain.profile import Profile
from crickets.domain.settings import Settings
from crickets.storage.keychain import Keychain
from crickets.storage.restoring import RestoreRefused, restore
from tests.builders import make_interview
from tests.faults.helpers import add, cli, listed
from tests.unit.storage.test_keychain import MemoryKeyring

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
Doc = dict[str, Any]


def good_export() -> Doc:
    interviews = [make_interview(id=1), make_interview(id=2, company="Globex")]
    log = [Action(1, NOW, ActionKind.CALLED, "no answer")]
    doc = export_document(interviews, Settings(), Profile("Sam Lee"), NOW, log)
    loaded: Doc = json.loads(json.dumps(doc))
    return loaded


def on_interview(index: int, field: str, value: object) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        doc["interviews"][index][field] = value

    return change


def without(field: str) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        del doc["interviews"][0][field]

    return change


HOSTILE: dict[str, tuple[Callable[[Doc], None], str]] = {
    "CR/LF in a name": (on_interview(0, "company", "Acme\r\nBcc: all@example.com"), "company"),
    "LF in an address": (
        on_interview(0, "interviewer_email", "jane@acme.com\nBcc: x@y.z"),
        "interviewer's email",
    ),
    "NUL in a role": (on_interview(0, "role", "Analyst\x00"), "role"),
    "escape in a name": (on_interview(0, "interviewer_name", "\x1b]0;pwned\x07Jane"), "name"),
    "escape in notes": (on_interview(0, "notes", "ok\x1b[2J"), "notes"),
    "20,000-character notes": (on_interview(0, "notes", "n" * 20_000), "notes"),
    "a javascript: link": (on_interview(0, "meeting_link", "javascript:alert(1)"), "link"),
    "a 1e12-minute duration": (on_interview(0, "duration_minutes", 1e12), "duration"),
    "a start with no zone": (without("zone"), "time zone"),
    "an empty zone": (on_interview(0, "zone", ""), "time zone"),
    "a path for a zone": (on_interview(0, "zone", "../../../etc/passwd"), "time zone"),
    "a year-9999 start": (on_interview(0, "local_start", "9999-12-31T23:00:00"), "9999"),
    "an id of 2^63": (on_interview(0, "id", 2**63), "id"),
    "an id that is text": (on_interview(0, "id", "1"), "id"),
    "a phone that is not one": (on_interview(0, "interviewer_phone", "call me"), "phone"),
    "a number as a name": (on_interview(0, "company", 12), "company"),
}


@pytest.fixture
def stored(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    add(data, "Kept")
    return data


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_export_is_refused_naming_the_record(
    stored: Path, tmp_path: Path, case: str
) -> None:
    change, words = HOSTILE[case]
    doc = good_export()
    change(doc)
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(RestoreRefused) as refused:
        restore(stored, hostile, clock=FixedClock(NOW), keychain=Keychain(MemoryKeyring()))
    message = str(refused.value)
    assert "interview" in message and words in message, message
    assert len(message.splitlines()) == 1


def test_the_first_bad_record_is_the_one_named(tmp_path: Path) -> None:
    doc = good_export()
    doc["interviews"][1]["company"] = "Globex\nInc"
    doc["interviews"][0]["notes"] = "\x00"
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(RestoreRefused, match=r"interview 1 .*notes"):
        restore(tmp_path / "data", hostile, clock=FixedClock(NOW), keychain=Keychain())


@pytest.mark.parametrize(
    ("where", "change"),
    [
        ("action log", lambda d: d["actions"][0].update(detail="\x1b[31mred")),
        ("action log", lambda d: d["actions"][0].update(at="9999-12-31T23:59:59+00:00")),
        ("profile", lambda d: d["profile"].update(name="Sam\r\nLee")),
        (
            "settings",
            lambda d: d["settings"].update(grace=1e9, min_wait=1e9, stop_waiting_after=1e9),
        ),
        ("settings", lambda d: d["settings"].update(home_zone="Nowhere/" + "x" * 300)),
        ("replaces interview 9", lambda d: d["interviews"][1].update(reschedules_id=9)),
    ],
)
def test_the_log_profile_and_settings_are_checked_too(
    tmp_path: Path, where: str, change: Callable[[Doc], None]
) -> None:
    doc = good_export()
    change(doc)
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(RestoreRefused, match=where):
        restore(tmp_path / "data", hostile, clock=FixedClock(NOW), keychain=Keychain())


def test_the_command_line_refuses_in_one_line_and_changes_nothing(
    stored: Path, tmp_path: Path
) -> None:
    doc = good_export()
    doc["interviews"][0]["company"] = "Acme\x1b[2J"
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps(doc), encoding="utf-8")
    refused = cli(stored, "restore", str(hostile))
    assert refused.returncode == 2, refused.stderr
    assert "interview 1 in the export is not valid: company" in refused.stderr
    assert "\x1b" not in refused.stderr and "Traceback" not in refused.stderr
    assert listed(stored) == ["Kept"]


def test_a_good_export_still_restores_whole(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps(good_export()), encoding="utf-8")
    report = restore(tmp_path / "data", good, clock=FixedClock(NOW), keychain=Keychain())
    assert (report.interviews, report.actions) == (2, 1)
