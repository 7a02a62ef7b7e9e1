from datetime import time, timedelta
from typing import TypedDict

import pytest

from crickets.domain.settings import DEFAULTS, Settings, settings_from_dict, settings_to_dict


def test_defaults_are_the_guidance() -> None:
    assert DEFAULTS.confirm_before == timedelta(minutes=90)
    assert DEFAULTS.get_ready_before == timedelta(minutes=15)
    assert DEFAULTS.grace == timedelta(minutes=5)
    assert DEFAULTS.min_wait == timedelta(minutes=15)
    assert DEFAULTS.stop_waiting_after == timedelta(minutes=30)


def test_round_trip_through_a_dict() -> None:
    custom = Settings(grace=timedelta(minutes=7), work_days=(0, 2, 4), day_first=True)
    assert settings_from_dict(settings_to_dict(custom)) == custom


def test_unknown_keys_from_a_newer_version_are_ignored() -> None:
    assert settings_from_dict({"grace": 6, "teleport": True}).grace == timedelta(minutes=6)


class Changes(TypedDict, total=False):
    grace: timedelta
    get_ready_before: timedelta
    work_days: tuple[int, ...]


INCONSISTENT: list[Changes] = [
    {"grace": timedelta(minutes=40)},
    {"get_ready_before": timedelta(minutes=100)},
    {"work_days": ()},
    {"work_days": (7,)},
]


@pytest.mark.parametrize("bad", INCONSISTENT)
def test_inconsistent_settings_are_refused(bad: Changes) -> None:
    with pytest.raises(ValueError):
        Settings(**bad)


def test_working_hours_default_to_half_past_five() -> None:
    assert (DEFAULTS.work_start, DEFAULTS.work_end) == (time(9, 0), time(17, 30))


@pytest.mark.parametrize("choice", [None, True, False])
def test_the_clock_choice_round_trips(choice: bool | None) -> None:
    chosen = Settings(clock_24h=choice)
    stored = settings_to_dict(chosen)
    assert stored["clock_24h"] is choice
    assert settings_from_dict(stored) == chosen


def test_a_store_from_before_the_clock_choice_follows_the_system() -> None:
    old = settings_to_dict(Settings(grace=timedelta(minutes=7)))
    del old["clock_24h"]
    loaded = settings_from_dict(old)
    assert loaded.clock_24h is None and loaded.grace == timedelta(minutes=7)


@pytest.mark.parametrize("junk", ["yes", 1, 0, "24"])
def test_a_clock_choice_that_is_no_choice_keeps_the_default(junk: object) -> None:
    assert settings_from_dict({"clock_24h": junk}).clock_24h is None
