"""Time zones as people write them in emails, mapped to IANA names.

"Eastern Time", "Pacific Time - Los Angeles" (Google), "(UTC-05:00) Eastern Time (US &
Canada)" (Outlook), "India Standard Time", "CET", "PST". A name says *where*; whether it
also says standard or summer time ("EST" in July) is checked by the caller, which warns
rather than moving the time. "GMT" and "UTC" are read as UTC exactly (the caller keeps the
person's own zone where its clock agrees: London in winter). "IST" is mapped to India here;
the caller prefers the person's own zone when that zone shows it. No third-party library.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from zoneinfo import available_timezones

# Longer names first where one contains another ("Eastern European Time" before "Eastern").
NAMES: dict[str, str] = {
    "eastern time": "America/New_York",
    "eastern standard time": "America/New_York",
    "eastern daylight time": "America/New_York",
    "us eastern": "America/New_York",
    "central time": "America/Chicago",
    "central standard time": "America/Chicago",
    "central daylight time": "America/Chicago",
    "mountain time": "America/Denver",
    "mountain standard time": "America/Denver",
    "mountain daylight time": "America/Denver",
    "arizona time": "America/Phoenix",
    "pacific time": "America/Los_Angeles",
    "pacific standard time": "America/Los_Angeles",
    "pacific daylight time": "America/Los_Angeles",
    "alaska time": "America/Anchorage",
    "hawaii time": "Pacific/Honolulu",
    "hawaii-aleutian time": "Pacific/Honolulu",
    "atlantic time": "America/Halifax",
    "newfoundland time": "America/St_Johns",
    "brasilia time": "America/Sao_Paulo",
    "brasília time": "America/Sao_Paulo",
    "united kingdom time": "Europe/London",
    "uk time": "Europe/London",
    "british summer time": "Europe/London",
    "british time": "Europe/London",
    "irish standard time": "Europe/Dublin",
    "western european time": "Europe/Lisbon",
    "western european summer time": "Europe/Lisbon",
    "central european time": "Europe/Berlin",
    "central european standard time": "Europe/Berlin",
    "central european summer time": "Europe/Berlin",
    "eastern european time": "Europe/Athens",
    "eastern european standard time": "Europe/Athens",
    "eastern european summer time": "Europe/Athens",
    "moscow time": "Europe/Moscow",
    "israel time": "Asia/Jerusalem",
    "israel standard time": "Asia/Jerusalem",
    "gulf standard time": "Asia/Dubai",
    "pakistan standard time": "Asia/Karachi",
    "india standard time": "Asia/Kolkata",
    "indian standard time": "Asia/Kolkata",
    "india time": "Asia/Kolkata",
    "singapore time": "Asia/Singapore",
    "singapore standard time": "Asia/Singapore",
    "hong kong time": "Asia/Hong_Kong",
    "china standard time": "Asia/Shanghai",
    "japan standard time": "Asia/Tokyo",
    "korea standard time": "Asia/Seoul",
    "australian eastern time": "Australia/Sydney",
    "australian eastern standard time": "Australia/Sydney",
    "australian eastern daylight time": "Australia/Sydney",
    "australian central time": "Australia/Adelaide",
    "australian western time": "Australia/Perth",
    "new zealand time": "Pacific/Auckland",
    "new zealand standard time": "Pacific/Auckland",
    "new zealand daylight time": "Pacific/Auckland",
    "south africa standard time": "Africa/Johannesburg",
    "west africa time": "Africa/Lagos",
    "east africa time": "Africa/Nairobi",
    "coordinated universal time": "UTC",
    "greenwich mean time": "UTC",
}
# Abbreviations: the zone they are taken to mean. "IST" is read as India (the commonest in
# job emails); "BST" as British Summer Time; "GMT"/"UTC" as UTC exactly.
ABBREVIATIONS: dict[str, str] = {
    "ET": "America/New_York", "EST": "America/New_York", "EDT": "America/New_York",
    "CT": "America/Chicago", "CST": "America/Chicago", "CDT": "America/Chicago",
    "MT": "America/Denver", "MST": "America/Denver", "MDT": "America/Denver",
    "PT": "America/Los_Angeles", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "AKST": "America/Anchorage", "AKDT": "America/Anchorage", "HST": "Pacific/Honolulu",
    "BST": "Europe/London", "WET": "Europe/Lisbon", "WEST": "Europe/Lisbon",
    "CET": "Europe/Berlin", "CEST": "Europe/Berlin", "EET": "Europe/Athens",
    "EEST": "Europe/Athens", "MSK": "Europe/Moscow", "IST": "Asia/Kolkata",
    "SGT": "Asia/Singapore", "HKT": "Asia/Hong_Kong", "JST": "Asia/Tokyo",
    "KST": "Asia/Seoul", "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney",
    "ACST": "Australia/Adelaide", "ACDT": "Australia/Adelaide", "AWST": "Australia/Perth",
    "NZST": "Pacific/Auckland", "NZDT": "Pacific/Auckland", "SAST": "Africa/Johannesburg",
    "GMT": "UTC", "UTC": "UTC",
}  # fmt: skip
# Abbreviations that name a season as well as a place: checked against the date.
SEASONAL = frozenset(ABBREVIATIONS) - {"ET", "CT", "MT", "PT", "GMT", "UTC", "IST", "MSK"}

_WINDOWS_PREFIX = re.compile(r"\(\s*(?:UTC|GMT)\s*(?:[+\-−]\s*\d{1,2}(?::?\d{2})?)?\s*\)")
_NAME = re.compile(
    r"(?<![\w/])(" + "|".join(re.escape(n) for n in sorted(NAMES, key=len, reverse=True)) + r")"
    r"(?:\s*[-–—]\s*[A-Z][\w .'-]{1,30})?(?![\w/])",
    re.IGNORECASE,
)
_ABBREVIATION = re.compile(
    r"(?<![\w/])\(?(" + "|".join(sorted(ABBREVIATIONS, key=len, reverse=True)) + r")\)?(?![\w/+\-])"
)
_IANA = re.compile(r"(?<![\w/])[A-Za-z][A-Za-z_\-]+(?:/[A-Za-z0-9_+\-]+)+(?![\w/])")


@dataclass(frozen=True)
class ZoneMention:
    zone: str  # IANA
    text: str  # as written, to take out of the time text and to echo
    abbreviation: str = ""  # "EST" when an abbreviation was used


def all_zones() -> list[str]:
    """Every IANA zone name, sorted: what a zone picker offers."""
    return sorted(available_timezones())


@functools.cache
def _zones_by_lower() -> dict[str, str]:
    return {z.lower(): z for z in available_timezones()}


@functools.cache
def _cities() -> dict[str, str]:
    regions = ("Africa/", "America/", "Asia/", "Atlantic/", "Australia/", "Europe/", "Pacific/")
    found: dict[str, str] = {}
    for zone in sorted(available_timezones()):
        if zone.startswith(regions):
            found.setdefault(zone.rsplit("/", 1)[-1].replace("_", " ").lower(), zone)
    return found


def find_zone(text: str) -> ZoneMention | None:
    """The first zone ``text`` names: IANA, a name, an Outlook city list, an abbreviation."""
    for match in _IANA.finditer(text):
        zone = _zones_by_lower().get(match.group(0).lower())
        if zone:
            return ZoneMention(zone, match.group(0))
    outlook = _WINDOWS_PREFIX.search(text)
    named = _NAME.search(text)
    if named:
        start = outlook.start() if outlook and outlook.end() <= named.start() + 2 else named.start()
        return ZoneMention(NAMES[named.group(1).lower()], text[start : named.end()])
    if outlook:  # "(UTC+01:00) Amsterdam, Berlin, Bern, Rome": the first city that is a zone
        rest = text[outlook.end() : outlook.end() + 80]
        for word in re.split(r"[,;]\s*", rest):
            zone = _cities().get(word.strip().lower())
            if zone:
                written = text[outlook.start() : outlook.end()] + rest.split("\n")[0]
                return ZoneMention(zone, written)
    short = _ABBREVIATION.search(text)
    if short:
        return ZoneMention(ABBREVIATIONS[short.group(1)], short.group(0), short.group(1))
    return None
