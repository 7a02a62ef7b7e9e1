"""The sentences of a draft that depend on who calls whom, and on what is known.

Templates stay one per kind; what changes between "they call me", "I call them" and a
video meeting (and between having a number and not) is said here, as whole sentences, so
that a missing value never leaves a fragment such as "on ." behind.

What a sentence says the person *did* (called, left a voicemail, joined the meeting) comes
from the action log, through :class:`Facts`: a draft never claims a call nobody logged.
"""

from __future__ import annotations

from dataclasses import dataclass

from crickets.domain.interview import Direction

_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor"}
_ROLE_NOUNS = {"role", "position", "job", "opening", "vacancy", "post"}


@dataclass(frozen=True)
class Facts:
    """What the sentences are made from; every text is already one clean line."""

    direction: Direction
    position: str  # "the Data analyst role at Acme"
    call_kind: str  # "phone interview"
    when: str  # "today at 2:00 PM EST", in their zone
    my_phone: str
    my_email: str
    their_phone: str
    has_link: bool
    until: str  # "2:30 PM EST" while it is still worth waiting, else ""
    follow_on: bool  # this interview replaces one that was missed
    tried_calling: bool = False  # the log has a call to them that did not get through
    left_voicemail: bool = False  # the log has a voicemail left for them
    joined: bool = False  # the log has the meeting link opened from Crickets


def addressee(name: str) -> str:
    """How to address someone: ``Jane`` for "Jane Doe" or "Doe, Jane"; ``Dr. Smith``."""
    family, comma, given = name.partition(",")
    words = (f"{given} {family}" if comma else name).split()
    if not words:
        return ""
    if words[0].rstrip(".").lower() in _TITLES:
        return f"{words[0]} {words[-1]}" if len(words) > 1 else ""
    return words[0]


def greeting(name: str) -> str:
    who = addressee(name)
    if not who:
        return "Hello,"
    return f"Hello {who}," if " " in who else f"Hi {who},"


def spoken_greeting(their_name: str, my_name: str) -> str:
    opening = greeting(their_name).removesuffix(",")
    return f"{opening}, this is {my_name}." if my_name else f"{opening}."


def position(role: str, company: str) -> str:
    """``the Data analyst role at Acme``, ``the role at Acme``, ``the role``."""
    words = role.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if not words:
        what = "the role"
    elif words[-1].lower() in _ROLE_NOUNS:
        what = f"the {' '.join(words)}"
    else:
        what = f"the {' '.join(words)} role"
    return f"{what} at {company}" if company else what


def reach_me(f: Facts) -> str:
    if f.my_phone and f.my_email:
        return f"You can reach me on {f.my_phone} or at {f.my_email}."
    if f.my_phone:
        return f"You can reach me on {f.my_phone}."
    return f"You can reach me at {f.my_email}." if f.my_email else ""


def _calls(f: Facts, also: str) -> str:
    """`` I also tried calling you on … and left a voicemail.``, only as far as the log says."""
    if not (f.tried_calling or f.left_voicemail):
        return ""
    number = f" on {f.their_phone}" if f.their_phone else ""
    message = " and left a voicemail" if f.left_voicemail else ""
    return f" I{also} tried calling you{number}{message}."


def attempt(f: Facts) -> str:
    """That the person was there and what they did to reach them (as logged); no blame in
    either direction."""
    if f.direction is Direction.I_CALL:
        if not (f.tried_calling or f.left_voicemail):
            return "I was ready to call you at the agreed time, but we didn't connect."
        number = f" on {f.their_phone}" if f.their_phone else ""
        message = ", so I left a voicemail" if f.left_voicemail else ""
        return f"I called you{number} but wasn't able to reach you{message}."
    if f.direction is Direction.VIDEO:
        was = (
            "I joined the meeting and waited"
            if f.joined
            else "I was ready for our video call at the agreed time"
        )
        return f"{was}, but we didn't connect.{_calls(f, ' also')}"
    mine = f" on {f.my_phone}" if f.my_phone else ""
    return (
        f"I was ready for your call at the agreed time{mine}, but we didn't connect."
        f"{_calls(f, ' also')}"
    )


def availability(f: Facts) -> str:
    """How long the person stays available; empty once that moment has passed."""
    if not f.until:
        return ""
    if f.direction is Direction.I_CALL:
        return f"I'm free until {f.until} if you'd like to call me back."
    if f.direction is Direction.VIDEO:
        return f"I'll stay in the meeting until {f.until} in case you're able to join."
    return f"I'll keep my phone with me until {f.until}, in case now still suits you."


def confirm_plan(f: Facts) -> str:
    if f.direction is Direction.I_CALL:
        number = f" on {f.their_phone}" if f.their_phone else ""
        return f"I'll call you{number} at that time."
    if f.direction is Direction.VIDEO:
        how = "using the link you sent" if f.has_link else "at that time"
        return f"I'll join the video meeting {how}."
    number = f" on {f.my_phone}" if f.my_phone else ""
    return f"I'll be ready for your call{number}."


def ask_them_to_call(f: Facts) -> str:
    """After a second miss: the next contact is theirs to make, asked for kindly."""
    if f.direction is Direction.VIDEO:
        return "To keep it simple, would you call me or send a new link whenever suits you?"
    return "To keep it simple, would you give me a call whenever you have a free moment?"


def my_miss(f: Facts) -> str:
    """One brief apology that takes responsibility (the person missed the call)."""
    if f.direction is Direction.I_CALL:
        return f"I'm sorry I didn't call you {f.when} as we had agreed; that was my responsibility."
    if f.direction is Direction.VIDEO:
        return f"I'm sorry I missed our video interview {f.when}; that was my responsibility."
    return f"I'm sorry I missed your call {f.when}; that was my responsibility."


def my_miss_spoken(f: Facts) -> str:
    if f.direction is Direction.THEY_CALL:
        return f"I'm returning your call about {f.position}. I'm sorry I missed it."
    late = "didn't call at the agreed time" if f.direction is Direction.I_CALL else "missed it"
    about = f"our {f.call_kind} for {f.position}, set for {f.when}"
    return f"I'm calling about {about}. I'm sorry I {late}."


def voicemail_reason(f: Facts) -> str:
    about = f"our {f.call_kind} for {f.position}, set for {f.when}"
    if f.direction is Direction.I_CALL:
        return f"I'm calling, as we planned, about {about}."
    if f.direction is Direction.VIDEO:
        return f"I'm calling about {about}. I'm in the meeting and wanted to check in by phone."
    return f"I'm calling about {about}, to check in since we haven't connected yet."


def flexibility_thanks(f: Facts) -> str:
    return "Thank you as well for your flexibility in moving our call." if f.follow_on else ""
