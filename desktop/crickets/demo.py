"""``crickets --demo``: a throw-away store with an interview about a minute away.

The timings are shortened so a newcomer sees the whole flow in under two minutes without
touching their real data: confirmation nudge (~15 s), get ready (~45 s), it's time (75 s),
nobody called → the guided window (105 s).
"""

from __future__ import annotations

import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from crickets.domain.interview import Direction, Interview
from crickets.domain.profile import Profile
from crickets.domain.settings import Settings

if TYPE_CHECKING:  # the use cases load with the tray, not with ``crickets --help``
    from crickets.application.use_cases import UseCases

START_IN = timedelta(seconds=75)
DEMO_SETTINGS = Settings(
    confirm_before=timedelta(seconds=60),
    get_ready_before=timedelta(seconds=30),
    grace=timedelta(seconds=30),
    min_wait=timedelta(minutes=1),
    stop_waiting_after=timedelta(minutes=3),
)
DEMO_PROFILE = Profile("Alex Rivera", "alex.rivera@example.com", "+1 415 555 0199")
THEIR_ZONE = "America/New_York"


def demo_interview(now: datetime) -> Interview:
    start = (now + START_IN).astimezone(ZoneInfo(THEIR_ZONE))
    return Interview(
        local_start=start.replace(tzinfo=None, microsecond=0),
        zone=THEIR_ZONE,
        company="Northwind Traders",
        role="Customer success associate",
        interviewer_name="Jordan Lee",
        interviewer_email="jordan.lee@example.com",
        interviewer_phone="+1 415 555 0134",
        duration=timedelta(minutes=30),
        direction=Direction.THEY_CALL,
        my_phone=DEMO_PROFILE.phone,
        notes="A demo interview: nothing here is real.",
    )


def demo_data_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="crickets-demo-"))


def seed(use_cases: UseCases, now: datetime) -> Interview:
    """Fill an empty store with the demo profile, settings and interview."""
    use_cases.preferences.save(DEMO_SETTINGS, DEMO_PROFILE)
    return use_cases.book.add(demo_interview(now))
