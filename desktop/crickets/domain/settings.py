"""Every tunable of the guidance, declared once with its default (docs/product.md)."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import time, timedelta
from typing import Any


@dataclass(frozen=True)
class Settings:
    confirm_before: timedelta = timedelta(minutes=90)  # the confirmation-email nudge
    get_ready_before: timedelta = timedelta(minutes=15)  # phone charged, quiet place, notes
    grace: timedelta = timedelta(minutes=5)  # the "They haven't called" window opens
    min_wait: timedelta = timedelta(minutes=15)  # wait at least this long in total
    stop_waiting_after: timedelta = timedelta(minutes=30)  # ... and no longer than this
    stale_after: timedelta = timedelta(hours=2)  # a reminder this late is reported, not fired
    work_start: time = time(9, 0)  # reschedule proposals fall inside working hours
    work_end: time = time(17, 30)
    work_days: tuple[int, ...] = (0, 1, 2, 3, 4)  # Monday=0 ... Sunday=6
    slot_slack: timedelta = timedelta(minutes=30)  # free time kept around a proposed slot
    home_zone: str = ""  # "" = the system's zone
    sound: bool = True
    day_first: bool | None = None  # None = ask when "04/05" is ambiguous
    clock_24h: bool | None = None  # None = follow the system's locale (read outside the domain)

    def __post_init__(self) -> None:
        if not (self.get_ready_before <= self.confirm_before):
            raise ValueError("the get-ready reminder must not come before the confirmation one")
        if not (timedelta(0) <= self.grace <= self.min_wait <= self.stop_waiting_after):
            raise ValueError("grace ≤ minimum wait ≤ stop waiting is required")
        if not self.work_start < self.work_end:
            raise ValueError("working hours must end after they start")
        if not self.work_days or any(d not in range(7) for d in self.work_days):
            raise ValueError("working days are 0 (Monday) to 6 (Sunday), at least one")


DEFAULTS = Settings()

_DURATIONS = {f.name for f in fields(Settings) if f.type == "timedelta"}
_TIMES = {f.name for f in fields(Settings) if f.type == "time"}
_CHOICES = {f.name for f in fields(Settings) if f.type == "bool | None"}


def settings_to_dict(settings: Settings) -> dict[str, Any]:
    """A JSON-ready mapping: durations in minutes, times as "HH:MM"."""
    out: dict[str, Any] = {}
    for f in fields(Settings):
        value = getattr(settings, f.name)
        if f.name in _DURATIONS:
            value = value.total_seconds() / 60
        elif f.name in _TIMES:
            value = value.strftime("%H:%M")
        elif f.name == "work_days":
            value = list(value)
        out[f.name] = value
    return out


def setting_value(name: str, value: Any) -> Any:
    """One stored value as its Settings field holds it (ValueError/TypeError when it is not
    one); checks the value alone, not how it sits with the others."""
    if name in _DURATIONS:
        return timedelta(minutes=float(value))
    if name in _TIMES:
        hh, mm = str(value).split(":")
        return time(int(hh), int(mm))
    if name == "work_days":
        return tuple(int(d) for d in value)
    return value


def settings_from_dict(data: dict[str, Any]) -> Settings:
    """The inverse of :func:`settings_to_dict`; keys this version does not know are ignored,
    and a key an older version did not write keeps its default."""
    known = {f.name for f in fields(Settings)}
    kwargs: dict[str, Any] = {}
    for name, value in data.items():
        if name not in known:
            continue
        if name in _CHOICES and not (value is None or isinstance(value, bool)):
            continue  # a yes/no/"follow the system" choice that is none of them: the default
        kwargs[name] = setting_value(name, value)
    return replace(DEFAULTS, **kwargs)
