"""The top of a guided window: who was to call whom, how to reach them, where to write.

When nobody calls, the first question is "who was this, and how do I reach them?": the
answer sits at the top of the guide instead of in the interview editor. A value the
interview does not have is named as missing, with where to add it, rather than left out:
the person then knows to look for it in the invitation.
"""

from __future__ import annotations

from dataclasses import dataclass

from crickets.domain.dial_in import dial_in
from crickets.domain.draft_phrases import position
from crickets.domain.interview import Direction, Interview

MISSING = "not recorded (add it to the interview)"


@dataclass(frozen=True)
class GuideHeader:
    who: str  # "Jane Doe from Acme was to call you about the Data Analyst role."
    reach: str  # "Their number: +1 415 555 0134" or "Meeting link: https://…"
    write_to: str  # "Write to: jane@acme.example" or "Write to: not recorded (…)"


def _person(interview: Interview) -> str:
    name, company = interview.interviewer_name.strip(), interview.company.strip()
    if name and company:
        return f"{name} from {company}"
    return name or company or "The interviewer"


def _who(interview: Interview, missed: bool) -> str:
    person = _person(interview)
    role = interview.role.strip()
    about = f" about {position(role, '')}" if role else ""
    if missed:
        return f"You missed a call from {person}{about}."
    if interview.direction is Direction.I_CALL:
        them = person if person != "The interviewer" else "the interviewer"
        return f"You were to call {them}{about}."
    if interview.direction is Direction.VIDEO:
        return f"{person} was to meet you on a video call{about}."
    return f"{person} was to call you{about}."


def _reach(interview: Interview) -> str:
    phone, link = interview.interviewer_phone.strip(), interview.meeting_link.strip()
    if interview.direction is Direction.VIDEO:
        parts = [f"Meeting link: {link or MISSING}"]
        if dial_in(interview):
            parts.append(f"by phone: {dial_in(interview)}")
        if phone:
            parts.append(f"their number: {phone}")
        return "; ".join(parts)
    return f"Their number: {phone or MISSING}"


def guide_header(interview: Interview, *, missed: bool = False) -> GuideHeader:
    """The header for "They haven't called" (``missed=False``) or "I missed their call"."""
    email = interview.interviewer_email.strip()
    return GuideHeader(
        who=_who(interview, missed),
        reach=_reach(interview),
        write_to=f"Write to: {email or MISSING}",
    )
