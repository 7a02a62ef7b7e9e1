"""Reading an invitation (.ics) from bytes: :func:`parse_invitation`.

Pure: bytes in, an :class:`~crickets.invitations.ics.candidate.Invitation` out, or one
:class:`~crickets.invitations.ics.limits.IcsError` with a sentence for the person. Nothing
is written anywhere. Safe to call from a worker thread: icalendar keeps process-wide state
while it parses (a cache of custom time zones, the warnings filters), so parses are
serialised by a lock, and what icalendar warns about is decided here, not printed.

Steps: the byte checks of :mod:`~crickets.invitations.ics.limits`; icalendar's parser; each
UID's events grouped (master, moved or cancelled occurrences); the start
(:mod:`~crickets.invitations.ics.start`), the next date of a repeating event
(:mod:`~crickets.invitations.ics.series`), and who/what (:mod:`~crickets.invitations.ics.fields`).
"""

from __future__ import annotations

import hashlib
import re
import threading
import warnings
from datetime import UTC, datetime, timedelta
from typing import Any

from icalendar import Calendar

from crickets.domain.clock import require_aware
from crickets.invitations.ics.candidate import ImportCandidate, Invitation
from crickets.invitations.ics.events import EventReader
from crickets.invitations.ics.fields import text_of
from crickets.invitations.ics.limits import IcsError, check_file
from crickets.invitations.ics.rule_dates import WorkBudget, work_budget
from crickets.invitations.ics.start import PLAUSIBLE_YEARS, first, is_broken
from crickets.invitations.ics.text import clean_line
from crickets.invitations.ics.vtimezone import read_file_zones
from crickets.invitations.ics.zones import iana_name, known_zone
from crickets.services.phones import region_for_zone

__all__ = ["IcsError", "ImportCandidate", "Invitation", "parse_invitation"]

_ZONE_RULES_AHEAD = timedelta(days=5 * 366)
_ZONE_RULES_BEHIND = timedelta(days=2 * 366)
_LOCK = threading.Lock()
UNFORESEEN = "Crickets could not make sense of this calendar file"  # tests look for it
_NOT_INVITATIONS = {"REPLY", "COUNTER", "DECLINECOUNTER", "REFRESH"}
_PATH = re.compile(r"(?:[A-Za-z]:)?[\\/][^\s'\"]*[\\/][^\s'\"]*")


def parse_invitation(data: bytes, *, my_zone: str, now: datetime, my_email: str = "") -> Invitation:
    """Every event in ``data``; :class:`IcsError` when the file cannot be used.

    ``my_zone`` (IANA) reads floating times and finds the person's phone region; ``my_email``
    keeps the person from being taken for the interviewer.
    """
    now = require_aware(now)
    if iana_name(my_zone) is None:
        raise ValueError(f"{my_zone!r} is not an IANA zone name")
    checked = check_file(data)
    with _LOCK, warnings.catch_warnings(record=True):
        # icalendar warns when it guesses a vendor-prefixed TZID; the zones are resolved
        # again in ics_zones (and checked against the file), so its guesses are not used.
        warnings.simplefilter("always")
        calendars = _parse(checked.text)
        try:
            with work_budget(WorkBudget()):  # every repeat rule of the file shares it
                events, method, notes = _candidates(calendars, my_zone, now, my_email)
        except IcsError:
            raise
        except Exception as error:  # a file shape nobody foresaw: refused, never a crash
            raise IcsError(f"{UNFORESEEN} ({type(error).__name__}).") from None
    ordered = sorted(events, key=lambda e: (e.start is None, e.start or now, e.summary))
    return Invitation(tuple(ordered), method, checked.warnings + notes, bytes(data))


def _parse(text: str) -> list[Any]:
    try:
        return list(Calendar.from_ical(text, multiple=True))
    except RecursionError:
        raise IcsError("The file is damaged: its entries nest too deeply.") from None
    except OSError:  # icalendar looked a TZID up as a file: a name no zone has
        raise IcsError(
            "The file names its time zone with something that is not a zone name."
        ) from None
    except Exception as error:  # icalendar and dateutil raise many types; each is a bad file
        raise IcsError(_explain(error)) from None


def _explain(error: Exception) -> str:
    # A file name in a library's message is the installation's, never the person's business.
    detail = clean_line(_PATH.sub("…", str(error)), max_length=90)
    lowered = detail.lower()
    if "offset" in lowered:
        return f"The file's time zone definition has an impossible UTC offset ({detail})."
    if "content line" in lowered or "parts" in lowered:
        return f"The file is damaged: a line is not a calendar line ({detail})."
    if any(w in lowered for w in ("date", "time", "month", "day", "year", "duration")):
        return f"The file holds a date or time that does not exist ({detail})."
    return f"The file could not be read as a calendar ({detail})."


def _candidates(
    calendars: list[Any], my_zone: str, now: datetime, my_email: str
) -> tuple[list[ImportCandidate], str, tuple[str, ...]]:
    method = next((str(c["METHOD"]).strip().upper() for c in calendars if "METHOD" in c), "")
    if method in _NOT_INVITATIONS:
        raise IcsError(
            f"This file is a calendar {method.lower()} (an answer to an invitation), "
            "not an invitation."
        )
    vevents = [e for c in calendars for e in c.walk("VEVENT")]
    if not vevents:
        kinds = sorted({s.name for c in calendars for s in c.subcomponents} - {"VTIMEZONE"})
        held = f" (it holds only {', '.join(k.lower() for k in kinds)})" if kinds else ""
        raise IcsError(f"The file has no events in it{held}.")
    notes: list[str] = []
    x_wr = _file_zone_name(calendars, notes)
    hints = [hint for hint in (_start_hint(e) for e in vevents) if hint.year > 1]
    latest, earliest = max(hints, default=now), min(hints, default=now)
    until = (max(now, latest) + _ZONE_RULES_AHEAD).astimezone(UTC).replace(tzinfo=None)
    since = (min(now, earliest) - _ZONE_RULES_BEHIND).astimezone(UTC).replace(tzinfo=None)
    reader = EventReader(
        zones=read_file_zones(calendars, until=until, since=since),
        x_wr=x_wr,
        my_zone=my_zone,
        prefer=tuple(z for z in (my_zone, x_wr) if z),
        now=now,
        method=method,
        my_email=my_email,
        region=region_for_zone(my_zone),
    )
    groups: dict[str, list[Any]] = {}
    for event in vevents:
        groups.setdefault(_uid(event), []).append(event)
    found = [c for uid, group in groups.items() for c in reader.build(uid, group)]
    return found, method, tuple(notes)


def _file_zone_name(calendars: list[Any], notes: list[str]) -> str | None:
    for cal in calendars:
        raw = text_of(cal, "X-WR-TIMEZONE").strip()
        if raw:
            known = known_zone(raw)
            if known:
                return known[0]
            shown = clean_line(raw, max_length=60)
            notes.append(f"The file names its time zone {shown!r}, which Crickets does not know.")
    return None


def _start_hint(event: Any) -> datetime:
    """Roughly when the event is (its wall-clock time taken as UTC).

    Never the aware value icalendar made: for a custom VTIMEZONE its tzinfo is dateutil's,
    whose every offset lookup walks the zone's RRULE from its start without a bound.
    """
    prop = first(event, "DTSTART")
    value = None if prop is None or is_broken(prop) else getattr(prop, "dt", None)
    if isinstance(value, datetime) and value.year in PLAUSIBLE_YEARS:
        return value.replace(tzinfo=UTC)
    return datetime.min.replace(tzinfo=UTC)


def _uid(event: Any) -> str:
    uid = clean_line(text_of(event, "UID"), max_length=500)
    if uid:
        return uid
    # No UID: one made from the event itself, so importing the same file twice is noticed.
    start = first(event, "DTSTART")
    when = "" if start is None or is_broken(start) else getattr(start, "dt", "")
    wall = when.replace(tzinfo=None) if isinstance(when, datetime) else when
    basis = "|".join([str(wall), *(text_of(event, n) for n in ("SUMMARY", "ORGANIZER"))])
    return "crickets-nouid-" + hashlib.sha256(basis.encode()).hexdigest()[:24]
