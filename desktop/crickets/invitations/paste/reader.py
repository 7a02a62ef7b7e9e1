"""Pasted invitation text (an email, a chat message) read into interview fields.

``understand_invite_text`` finds the time ("Tuesday, November 25 · 2:00 – 2:30pm Eastern
Time", "Wed Dec 2, 2026 10am - 10:45am (PST)"), the zone, the phone number, the meeting
link and the interviewer's address, and returns them with the lines it understood, to be
echoed back for the person to confirm before anything is saved. The date itself is read by
:func:`crickets.domain.timeparse.parse_when`, so typed and pasted times follow one set of
rules. Nothing here imports icalendar: the paste box stays light.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from crickets.domain.clock import require_aware
from crickets.domain.interview import Direction
from crickets.domain.timeparse import ParsedTime
from crickets.domain.zones.names import find_zone
from crickets.invitations.ics.fields import choose_phone
from crickets.invitations.ics.links import first_meeting_link
from crickets.invitations.ics.text import clean_email, clean_line, clean_notes
from crickets.invitations.paste.guess import company_from_email, guess_title, is_robot
from crickets.invitations.paste.when import TITLE_LABEL, read_time, split_range, when_text
from crickets.services.phones import region_for_zone

MAX_TEXT = 20_000
_ADDRESS = re.compile(
    r"(?:\"([^\"\n]{1,60})\"\s*|([^\W\d][\w.'\- ]{0,58}[\w.])\s*)?<([^<>\s@]+@[^<>\s@]+\.\w+)>"
    r"|([\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+)"
)
_PERSON_LABEL = re.compile(
    r"^\s*(?:organi[sz]er|from|interviewer|contact|recruiter|host|with)\s*:", re.IGNORECASE
)


@dataclass(frozen=True)
class PastedInvite:
    start: ParsedTime | None = None  # .local (naive) .zone .instant .echo
    duration: timedelta | None = None
    time_choices: tuple[ParsedTime, ...] = ()  # when the text fits two instants: ask
    company: str = ""
    role: str = ""
    interviewer_name: str = ""
    interviewer_email: str = ""
    phone: str = ""
    meeting_link: str = ""
    link_kind: str = ""
    direction: Direction | None = None
    notes: str = ""  # the pasted text, cleaned, for the notes field
    understood: tuple[str, ...] = ()  # what was read, one line each, to echo back
    warnings: tuple[str, ...] = ()


def _normalise(text: str) -> str:
    text = text[:MAX_TEXT].replace("\r\n", "\n")
    text = re.sub(r"[·⋅•|]", " ", text)
    text = re.sub(r"[\u00a0\u2009\u202f\u2007]", " ", text)
    return re.sub(r"\b([ap])\.m\.", r"\1m", text, flags=re.IGNORECASE)


def _person(text: str, my_email: str) -> tuple[str, str]:
    """The interviewer's name and address: from an "Organizer:"/"From:" line first."""
    me = my_email.strip().lower()
    lines = text.split("\n")
    ordered = [ln for ln in lines if _PERSON_LABEL.match(ln)]
    ordered += [ln for ln in lines if not _PERSON_LABEL.match(ln) and not TITLE_LABEL.match(ln)]
    for line in ordered:
        for match in _ADDRESS.finditer(line):
            email = clean_email(match.group(3) or match.group(4) or "")
            if not email or email.lower() == me or is_robot(email):
                continue
            name = clean_line(match.group(1) or match.group(2) or "", max_length=120)
            name = name.strip(" \"'")
            return ("" if "@" in name else name), email
    return "", ""


def understand_invite_text(
    text: str, *, my_zone: str, now: datetime, day_first: bool | None = None, my_email: str = ""
) -> PastedInvite:
    """Everything ``text`` says about an interview, and what was understood, to echo back."""
    now = require_aware(now)
    flat = _normalise(text)
    understood: list[str] = []
    warnings: list[str] = []
    if len(text) > MAX_TEXT:
        warnings.append(f"Only the first {MAX_TEXT:,} characters were read.")
    mention = find_zone(flat)
    start: ParsedTime | None = None
    choices: tuple[ParsedTime, ...] = ()
    duration: timedelta | None = None
    when = when_text(flat)
    if when:
        moment, duration = split_range(when)
        start, choices, notes = read_time(moment, mention, my_zone, now, day_first)
        warnings += notes
        if start:
            understood.append(f"When: {start.echo}")
            if mention:
                understood.append(f"Time zone: {start.zone} (from “{clean_line(mention.text)}”)")
        if duration:
            understood.append(f"Length: {int(duration.total_seconds() // 60)} minutes")
    else:
        warnings.append("No date and time were found; type them in the form.")
    link = first_meeting_link([flat])
    zone_for_phone = start.zone if start else (mention.zone if mention else my_zone)
    regions = (region_for_zone(zone_for_phone), region_for_zone(my_zone))
    phone, dial_in = choose_phone([(flat, False)], regions)
    if dial_in and link:
        phone = ""
    name, email = _person(flat, my_email)
    title_line = next((m.group(1) for m in TITLE_LABEL.finditer(flat)), "")
    title = guess_title(title_line, company_hint=company_from_email(email), people=[name])
    direction = None
    if link and not phone:
        direction = Direction.VIDEO
    elif phone:
        direction = Direction.I_CALL if dial_in else Direction.THEY_CALL
    for label, value in (
        ("Phone", phone),
        ("Link", f"{link.url} ({link.kind})" if link else ""),
        ("Interviewer", " ".join(p for p in (name, f"<{email}>" if email else "") if p)),
        ("Company", title.company),
        ("Role", title.role),
        ("Who calls", direction.value if direction else ""),
    ):
        if value:
            understood.append(f"{label}: {value}")
    return PastedInvite(
        start=start,
        duration=duration,
        time_choices=choices,
        company=title.company,
        role=title.role,
        interviewer_name=name,
        interviewer_email=email,
        phone=phone,
        meeting_link=link.url if link else "",
        link_kind=link.kind if link else "",
        direction=direction,
        notes=clean_notes(text[:MAX_TEXT]),
        understood=tuple(understood),
        warnings=tuple(dict.fromkeys(warnings)),
    )
