from datetime import timedelta

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


@pytest.mark.parametrize(
    "bad",
    [
        {"grace": timedelta(minutes=40)},
        {"get_ready_before": timedelta(minutes=100)},
        {"work_days": ()},
        {"work_days": (7,)},
    ],
)
def test_inconsistent_settings_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        Settings(**bad)  # type: ignore[arg-type]
