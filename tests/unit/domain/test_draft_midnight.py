"""Drafts never say "12:00 AM": midnight is named with the day it starts; noon stays
"12:00 PM"; the 24-hour clock is used when chosen."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crickets import resources
from crickets.domain.draft_context import DraftRequest
from crickets.domain.draft_times import TheirClock
from crickets.domain.drafts import Draft, DraftKind, make_draft
from crickets.domain.interview import Interview
from crickets.domain.profile import Profile
from crickets.domain.settings import Settings

NY = "America/New_York"
LONDON = "Europe/London"
MIDNIGHT_NY = datetime(2026, 12, 2, 5, 0, tzinfo=UTC)  # 00:00 on Wednesday 2 December in NY
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
ME = Profile(name="Sam Lee", email="sam@example.com", phone="+44 7700 900999")


DEFAULTS = Settings()


def draft(
    kind: DraftKind, local: datetime, settings: Settings = DEFAULTS, now: datetime = NOW
) -> Draft:
    interview = Interview(local, NY, company="Acme", interviewer_name="Jane Doe", id=1)
    request = DraftRequest(interview, ME, settings, now, LONDON, [interview])
    return make_draft(kind, resources.read_text("templates", f"{kind.value}.txt"), request)


@pytest.mark.parametrize(
    ("method", "text"),
    [
        ("time", "midnight EST"),
        ("when", "at midnight EST at the start of Wednesday 2 December"),
        ("full", "Wednesday 2 December at midnight EST, at the start of that day"),
        ("slot", "midnight EST at the start of Wednesday 2 December (5:00 AM GMT my time)"),
    ],
)
def test_midnight_is_named_with_its_day(method: str, text: str) -> None:
    clock = TheirClock(NY, LONDON, NOW)
    assert getattr(clock, method)(MIDNIGHT_NY) == text


@pytest.mark.parametrize(
    ("instant", "aside"),
    [
        # 7 PM in New York is midnight in London: the start of Wednesday there
        (
            datetime(2026, 12, 2, 0, 0, tzinfo=UTC),
            " (midnight GMT at the start of Wednesday my time)",
        ),
        (datetime(2026, 12, 1, 19, 0, tzinfo=UTC), " (7:00 PM GMT my time)"),
    ],
)  # fmt: skip
def test_my_own_midnight_is_named_too(instant: datetime, aside: str) -> None:
    assert TheirClock(NY, LONDON, NOW).mine_aside(instant) == aside


def test_noon_stays_12_pm() -> None:
    noon = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)
    assert TheirClock(NY, LONDON, NOW).full(noon) == "Wednesday 2 December at 12:00 PM EST"


@pytest.mark.parametrize("kind", list(DraftKind))
def test_no_draft_says_12_00_am(kind: DraftKind) -> None:
    for now in (NOW, datetime(2026, 12, 2, 5, 8, tzinfo=UTC)):
        d = draft(kind, datetime(2026, 12, 2, 0, 0), now=now)
        assert "12:00 AM" not in d.text


def test_the_confirmation_names_the_night() -> None:
    d = draft(DraftKind.CONFIRMATION, datetime(2026, 12, 2, 0, 0))
    assert d.subject == (
        "Confirming our phone interview at midnight EST at the start of Wednesday 2 December"
    )
    assert "at midnight EST at the start of Wednesday 2 December (5:00 AM GMT my time)." in d.body


def test_drafts_follow_the_24_hour_clock() -> None:
    d = draft(DraftKind.CONFIRMATION, datetime(2026, 12, 1, 14, 0), Settings(clock_24h=True))
    assert "tomorrow at 14:00 EST (19:00 GMT my time)" in d.body
