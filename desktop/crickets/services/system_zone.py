"""The IANA name of the machine's own time zone (``Europe/London``), read once."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones


def _valid(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _from_localtime_link() -> str:
    link = Path("/etc/localtime")
    try:
        target = str(link.resolve())
    except OSError:
        return ""
    marker = "zoneinfo/"
    return target.split(marker, 1)[1] if marker in target else ""


def _from_etc_timezone() -> str:
    try:
        return Path("/etc/timezone").read_text(encoding="utf-8").strip()
    except OSError:
        return ""


@cache
def system_zone() -> str:
    """``TZ``, then ``/etc/localtime``, then ``/etc/timezone``; ``UTC`` when none is usable."""
    tz = os.environ.get("TZ", "").lstrip(":")
    for name in (tz, _from_localtime_link(), _from_etc_timezone()):
        if name and _valid(name):
            return name
    return "UTC"


def home_zone(configured: str) -> str:
    """The person's zone: their setting when it names a real zone, else the system's."""
    return configured if configured and _valid(configured) else system_zone()


def all_zones() -> list[str]:
    """Every IANA zone name, sorted, for pickers and ``--tz`` validation messages."""
    return sorted(available_timezones())
