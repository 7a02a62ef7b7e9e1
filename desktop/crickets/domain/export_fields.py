"""The fields of an export that are not typed by a person, checked before a restore.

What a person types (names, addresses, links, notes, the duration) is checked by
:mod:`crickets.domain.validation`, as the editor and ``crickets add`` check it. These are
the rest of an export, which anyone can edit: instants, the repeated-hour choice, the
invitation's UID and sequence, the settings and the profile. Each raises
:class:`~crickets.domain.validation.FieldError` naming the field
(docs/decisions/065-restore-validation.md).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from crickets.domain import validation
from crickets.domain.profile import Profile
from crickets.domain.settings import Settings, settings_from_dict
from crickets.domain.slot_hours import WorkingHours, parse_hours

MAX_UID = 1000
MAX_SEQUENCE = 2**31 - 1
MAX_SETTING = timedelta(days=14)  # no reminder or wait is set two weeks ahead


def instant(field: str, value: object, *, aware: bool) -> datetime:
    if not isinstance(value, str):
        raise validation.FieldError(field, "is missing or not a date and time")
    try:
        parsed = datetime.fromisoformat(value[:40])
    except ValueError:
        raise validation.FieldError(field, f"{value[:40]!r} is not a date and time") from None
    if (parsed.tzinfo is not None) != aware:
        raise validation.FieldError(field, "has no UTC offset" if aware else "has a UTC offset")
    return validation.year_in_range(field, parsed)


def fold(value: object) -> int:
    if value not in (0, 1) or isinstance(value, bool):
        raise validation.FieldError("fold", "must be 0 or 1")
    return int(str(value))


def sequence(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_SEQUENCE:
        raise validation.FieldError("invitation sequence", "is not a small whole number")
    return value


def their_hours(value: object) -> WorkingHours | None:
    """The interviewer's working hours, ``"09:00-17:30"``; absent, null or "" for none."""
    if value is None:
        return None
    hours = validation.text_field("their working hours", value, validation.working_hours)
    return parse_hours(hours) if hours else None


def uid(field: str, value: str) -> str:
    return validation.single_line(field, value, max_length=MAX_UID)


def settings(raw: object) -> Settings:
    """The export's settings; TypeError, ValueError or OverflowError when they cannot be."""
    if not isinstance(raw, dict | None):
        raise TypeError("they are not an object")
    found = settings_from_dict(dict(raw or {}))
    for name, value in vars(found).items():
        if isinstance(value, timedelta) and not timedelta(0) <= value <= MAX_SETTING:
            raise validation.FieldError(name, "is out of range")
    if found.home_zone:
        validation.zone("home zone", found.home_zone)
    return found


def profile(raw: object) -> Profile:
    """The export's profile (name, email, phone, sign-off), each checked as the Settings
    window and ``crickets profile`` do."""
    if not isinstance(raw, dict | None):
        raise TypeError("it is not an object")
    data = dict(raw or {})
    return Profile(
        name=validation.text_field("your name", data.get("name", ""), validation.single_line),
        email=validation.text_field("your email", data.get("email", ""), validation.email),
        phone=validation.text_field("your phone", data.get("phone", ""), validation.phone),
        sign_off=validation.text_field(
            "your sign-off", data.get("sign_off", ""), validation.single_line
        ),
    )
