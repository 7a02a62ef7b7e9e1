"""Phone numbers in free text, found and written the one way (the only phonenumbers import).

Numbers are found with libphonenumber's matcher at its VALID leniency, never with a hand
regex: "Meeting ID: 812 3456 7890" and "2026-12-01 14:00" are not phone numbers, and
"(415) 555-0100" is one only for someone whose region is the US. A number written with
"+" and its country code is found whatever the region; a national one only when the
person's region is known (taken from their IANA zone through the tz database's zone.tab).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import phonenumbers

from crickets.domain import validation

MAX_TEXT = 20_000  # characters searched; a description longer than this is not read for numbers
_MAX_TRIES = 200  # candidate numbers tried per text (libphonenumber's own bound)


@dataclass(frozen=True)
class FoundPhone:
    number: str  # "+1 415-555-0100": international format, accepted by validation.phone
    raw: str  # as written in the text
    line: str  # the line it was found on, for context ("Join by phone", "PIN")


@functools.cache
def _zone_countries() -> dict[str, str]:
    try:
        table = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError, UnicodeDecodeError):
        return {}
    countries: dict[str, str] = {}
    for row in table.splitlines():
        if row.startswith("#"):
            continue
        parts = row.split("\t")
        if len(parts) >= 3:
            countries[parts[2]] = parts[0]
    return countries


def region_for_zone(zone: str) -> str | None:
    """``America/New_York`` → ``US``; None for ``UTC`` and zones without one country."""
    return _zone_countries().get(zone)


def find_phones(text: str, *, region: str | None = None) -> tuple[FoundPhone, ...]:
    """Every valid phone number in ``text``, in order, each once."""
    text = text[:MAX_TEXT]
    found: list[FoundPhone] = []
    seen: set[str] = set()
    try:
        matches = list(
            phonenumbers.PhoneNumberMatcher(
                text, region, leniency=phonenumbers.Leniency.VALID, max_tries=_MAX_TRIES
            )
        )
    except Exception:  # a library bug must not stop an import; no number is found
        return ()
    for match in matches:
        number = _formatted(match.number)
        if number is None or number in seen:
            continue
        seen.add(number)
        start = text.rfind("\n", 0, match.start) + 1
        end = text.find("\n", match.end)
        line = text[start : end if end >= 0 else len(text)]
        found.append(FoundPhone(number=number, raw=match.raw_string, line=line))
    return tuple(found)


def normalise_phone(text: str, *, region: str | None = None) -> str | None:
    """The one number ``text`` holds ("tel:+1-415-555-0100"), formatted; None if none."""
    found = find_phones(text.removeprefix("tel:").removeprefix("TEL:"), region=region)
    return found[0].number if found else None


def _formatted(number: phonenumbers.PhoneNumber) -> str | None:
    text = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    try:
        return validation.phone("phone", text) or None
    except validation.FieldError:
        return None
