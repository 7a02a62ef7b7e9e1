"""Who and what an invitation is about: people, company, role, phone, link, notes.

Read from one VEVENT. Every text passes through :mod:`crickets.invitations.ics.text` before it
is kept. The interviewer is the ORGANIZER unless that is the person themselves or a robot
(noreply@…, a group calendar), else the first ATTENDEE who is a person and not them. The
meeting link comes from the structured properties first (CONFERENCE, X-GOOGLE-CONFERENCE,
X-MICROSOFT-SKYPETEAMSMEETINGURL), then LOCATION, URL, DESCRIPTION and the HTML description.
A phone number in a dial-in paragraph ("Join by phone", "PIN", "Meeting ID") belongs to the
conference bridge, not to the interviewer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from crickets.domain.interview import Direction
from crickets.invitations.ics.links import first_meeting_link, html_to_text, links_in
from crickets.invitations.ics.text import clean_email, clean_line, clean_notes
from crickets.invitations.paste.guess import company_from_email, guess_title, is_robot
from crickets.services.phones import FoundPhone, find_phones

_LINK_PROPERTIES = (
    "CONFERENCE",
    "X-GOOGLE-CONFERENCE",
    "X-MICROSOFT-SKYPETEAMSMEETINGURL",
    "X-MICROSOFT-ONLINEMEETINGCONFLINK",
    "X-MICROSOFT-ONLINEMEETINGEXTERNALLINK",
)
_DIAL_IN = re.compile(
    r"join by phone|dial[\s-]?in|dial by|one tap|\bpin\b|meeting id|conference id|passcode|"
    r"access code|toll|find your local number|audio only|phone conference|,,\d",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class EventFields:
    summary: str = ""
    company: str = ""
    role: str = ""
    interviewer_name: str = ""
    interviewer_email: str = ""
    phone: str = ""
    meeting_link: str = ""
    link_kind: str = ""
    direction: Direction = Direction.THEY_CALL
    location: str = ""
    notes: str = ""
    warnings: tuple[str, ...] = ()


def text_of(event: Any, name: str) -> str:
    """A property's text (the first, when it repeats); "" when absent."""
    value = event.get(name)
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None:
        return ""
    # vText, vCalAddress, vUri, vBroken ... are str subclasses; an attribute lookup on a
    # vBroken raises, so none is made.
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _people(event: Any) -> list[tuple[str, str, Any]]:
    """(email, name, params) for ORGANIZER first, then each ATTENDEE."""
    found: list[tuple[str, str, Any]] = []
    values = [event.get("ORGANIZER")]
    attendees = event.get("ATTENDEE")
    values += attendees if isinstance(attendees, list) else [attendees]
    for value in values:
        if value is None or type(value).__name__ == "vBroken":
            continue
        params = getattr(value, "params", {})
        email = clean_email(str(value))
        name = clean_line(str(params.get("CN", "") or ""), max_length=120)
        if "@" in name:
            name = ""
        found.append((email, name, params))
    return found


def _interviewer(event: Any, my_email: str) -> tuple[str, str]:
    me = my_email.strip().lower()
    for index, (email, name, params) in enumerate(_people(event)):
        kind = str(params.get("CUTYPE", "INDIVIDUAL")).upper()
        role = str(params.get("ROLE", "")).upper()
        if index and (kind in ("ROOM", "RESOURCE", "GROUP") or role == "NON-PARTICIPANT"):
            continue
        if (email and email.lower() == me) or (email and is_robot(email)) or not (email or name):
            continue
        return name, email
    return "", ""


def choose_phone(texts: list[tuple[str, bool]], regions: Sequence[str | None]) -> tuple[str, bool]:
    """(number, is_dial_in): a direct number first; a conference dial-in only if alone.

    National numbers ("(212) 555-0147") are read in each region of ``regions`` in turn.
    """
    bridge = ""
    for text, trusted in texts:
        for paragraph in re.split(r"\n\s*\n", text):
            for region in dict.fromkeys(regions):
                for found in find_phones(paragraph, region=region):
                    if trusted or not _is_dial_in(found, paragraph):
                        return found.number, False
                    bridge = bridge or found.number
    return bridge, bool(bridge)


def _is_dial_in(found: FoundPhone, paragraph: str) -> bool:
    return bool(_DIAL_IN.search(paragraph) or _DIAL_IN.search(found.line))


def read_fields(event: Any, *, regions: Sequence[str | None], my_email: str) -> EventFields:
    """Everything but the time, from one VEVENT; ``regions`` read national phone numbers."""
    summary = clean_line(text_of(event, "SUMMARY"))
    description = text_of(event, "DESCRIPTION")
    location = text_of(event, "LOCATION")
    alt_text, alt_links = html_to_text(text_of(event, "X-ALT-DESC"))
    name, email = _interviewer(event, my_email)
    organizer = clean_email(text_of(event, "ORGANIZER"))
    hint = company_from_email(email) or company_from_email(organizer)
    others = [n for _, n, _ in _people(event) if n]
    title = guess_title(summary, company_hint=hint, people=[name, *others])

    structured = [text_of(event, p) for p in _LINK_PROPERTIES]
    structured += [text_of(event, "URL"), location]
    link = first_meeting_link([*structured, description, " ".join(alt_links), alt_text])
    url, kind = (link.url, link.kind) if link else ("", "")
    if not url:  # a web address given *as the place* is the meeting, whatever the service
        places = [u for t in [*structured[:-2], location] for u in links_in(t)]
        url, kind = (places[0], "link") if places else ("", "")

    texts = [(location, True), (description, False), (alt_text, False)]
    phone, dial_in = choose_phone(texts, regions)
    warnings: list[str] = []
    if dial_in and url:
        phone = ""  # the bridge of the video call: the link is how to join
    if url and not phone:
        direction = Direction.VIDEO
    elif dial_in:
        direction = Direction.I_CALL
        warnings.append(f"{phone} looks like a conference dial-in number: you call it.")
    else:
        direction = Direction.THEY_CALL
    return EventFields(
        summary=summary,
        company=title.company,
        role=title.role,
        interviewer_name=name,
        interviewer_email=email,
        phone=phone,
        meeting_link=url,
        link_kind=kind,
        direction=direction,
        location=clean_line(location),
        notes=clean_notes(description or alt_text),
        warnings=tuple(warnings),
    )
