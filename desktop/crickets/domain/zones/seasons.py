"""What an abbreviation says about a zone: the season it names, and whether it is one place.

"EST" names New York's winter: in July New York shows EDT, so "9am EST" in July is either
EST exactly (10 AM EDT) or New York time (9 AM EDT), and the person is asked which. "GMT"
is the same for London and Dublin, whose winter name it is. "IST" names three places
(India, Israel, Ireland): accepted where the zone really shows it, and the reading says so.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from crickets.domain.zones.rules import ABBREVIATIONS

#: "GMT" where a zone shows it in winter (London, Dublin) is a season, like "EST".
GMT_MEANING = "Greenwich Mean Time"


def meaning(abbreviation: str) -> str:
    """``India, Israel or Irish Standard Time``; ``Greenwich Mean Time`` for GMT."""
    if abbreviation == "GMT":
        return GMT_MEANING
    return ABBREVIATIONS[abbreviation][0] if abbreviation in ABBREVIATIONS else abbreviation


def is_ambiguous(abbreviation: str) -> bool:
    """Whether the abbreviation names more than one place ("IST", "CST", "BST")."""
    return " or " in meaning(abbreviation)


def season_offset(zone: str, abbreviation: str, year: int) -> timedelta | None:
    """The offset ``zone`` has while it shows ``abbreviation`` in ``year``, or None when it
    never shows it (sampled mid-month: no zone changes its name for under a month)."""
    tz = ZoneInfo(zone)
    for month in range(1, 13):
        local = datetime(year, month, 15, 12, tzinfo=UTC).astimezone(tz)
        if local.tzname() == abbreviation:
            return local.utcoffset()
    return None


def shows(zone: str, abbreviation: str, year: int) -> bool:
    """Whether ``zone`` shows ``abbreviation`` at some time of ``year``."""
    return season_offset(zone, abbreviation, year) is not None


def reading_note(abbreviation: str, zone: str, my_zone: str | None) -> str | None:
    """The assumption behind an abbreviation with several meanings, in plain words:
    ``IST read as Asia/Kolkata time, your own zone (IST can mean India, Israel or Irish
    Standard Time)``; None for one that names one place."""
    if not is_ambiguous(abbreviation):
        return None
    whose = ", your own zone" if zone == my_zone else ""
    means = meaning(abbreviation)
    return f"{abbreviation} read as {zone} time{whose} ({abbreviation} can mean {means})"
