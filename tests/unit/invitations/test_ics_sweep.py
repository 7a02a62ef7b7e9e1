"""Every real-world .ics file that the installed icalendar ships with its own tests.

For each: either events whose start is an aware instant in an IANA zone, or an explicit
"needs a time", or one clean IcsError; never another exception, and never the catch-all
refusal (which would mean a shape the importer did not foresee).
"""

from __future__ import annotations

from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from crickets.invitations.ics.limits import IcsError
from crickets.invitations.ics.parse import UNFORESEEN, parse_invitation

NOW = datetime(2026, 11, 25, 12, 21, tzinfo=UTC)


def _shipped() -> list[Path]:
    root = Path(str(files("icalendar") / "tests"))
    return sorted(root.rglob("*.ics")) if root.is_dir() else []


SHIPPED = _shipped()


def test_the_installed_icalendar_ships_its_test_calendars() -> None:
    assert len(SHIPPED) >= 100, "icalendar's wheel no longer holds tests/**/*.ics"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: f"{p.parent.name}/{p.name}")
@pytest.mark.parametrize("my_zone", ["Europe/London", "Asia/Kolkata"])
def test_each_shipped_calendar_imports_or_is_refused_cleanly(path: Path, my_zone: str) -> None:
    try:
        invitation = parse_invitation(path.read_bytes(), my_zone=my_zone, now=NOW)
    except IcsError as error:
        assert UNFORESEEN not in error.message
        assert error.message and "\n" not in error.message
        return
    assert invitation.events
    for event in invitation.events:
        if event.start is None:
            assert event.needs_time and event.zone is None and event.local_start is None
            continue
        assert event.start.utcoffset() is not None and event.zone is not None
        assert event.local_start is not None and event.local_start.tzinfo is None
        interview = event.to_interview()
        assert interview.start == event.start  # the wall time + zone name the same instant
        assert event.start.astimezone(ZoneInfo(event.zone)).replace(tzinfo=None) == (
            event.local_start
        )
