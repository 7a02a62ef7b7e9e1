"""The values a draft's ``${placeholders}`` are filled with, and what is missing for them.

Everything comes from the interview, the profile, the settings, ``now``, the person's
zone and the interview's action log, passed in. What a draft says the person did comes from
that log only. Every value is one clean line (line breaks and control characters in a
stored field become spaces) except ``signature`` and ``proposed_times``, which are lines
the code builds. Times the interviewer reads are in *their* zone: the zone the interview
was agreed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from crickets.domain import draft_phrases as say
from crickets.domain import validation
from crickets.domain.actions import Action, ActionKind
from crickets.domain.clock import require_aware
from crickets.domain.draft_times import TheirClock
from crickets.domain.interview import Direction, Interview
from crickets.domain.phases import stop_waiting_at
from crickets.domain.profile import Profile
from crickets.domain.settings import Settings
from crickets.domain.slots import Slot, plan_slots


@dataclass(frozen=True)
class DraftRequest:
    """Everything a draft is made from. ``others``: every interview, to keep slots free;
    ``log``: what the person did about this interview (other interviews' entries are
    ignored)."""

    interview: Interview
    profile: Profile
    settings: Settings
    now: datetime
    my_zone: str
    others: Sequence[Interview] = ()
    log: Sequence[Action] = ()

    def logged(self, kind: ActionKind, *details: str) -> bool:
        """Whether this interview's log has ``kind`` (with one of ``details``, if given)."""
        return any(
            a.kind is kind
            and a.interview_id == self.interview.id
            and (not details or a.detail in details)
            for a in self.log
        )


@dataclass(frozen=True)
class Gap:
    """A value the draft would be better with: ``field`` says where to add it."""

    field: str  # "interviewer_email", "profile.name", "settings.work_days", ...
    problem: str
    fix: str = "add one?"

    @property
    def text(self) -> str:
        return f"{self.problem} — {self.fix}"


#: Every name a template may use; anything else is reported by name.
PLACEHOLDERS = frozenset(
    """greeting spoken_greeting company role position call_kind interviewer_name
    interviewer_first_name interviewer_phone meeting_link my_name my_first_name my_phone
    my_email signature reach_me scheduled_time_theirs scheduled_time_both
    scheduled_when_theirs scheduled_when_both conversation_when current_time_theirs
    available_until availability proposed_times attempt confirm_plan ask_them_to_call my_miss
    my_miss_spoken voicemail_reason flexibility_thanks sign_off""".split()  # noqa: SIM905
)

ACTIVE_FOR = timedelta(days=1)  # how long after its start an open interview counts as current
_ADDRESSEE = frozenset({"greeting", "spoken_greeting", "interviewer_first_name"})
_MY_NAME = frozenset({"signature", "spoken_greeting", "my_name", "my_first_name"})
#: Call results that say the person dialled them (a wrong number reached someone else).
TRIED = ("no answer", "reached")
_MY_PHONE = frozenset({"reach_me", "my_phone", "ask_them_to_call"})
_THEIR_PHONE = frozenset({"attempt", "confirm_plan", "interviewer_phone"})


def clean(text: str) -> str:
    """One line: line breaks, tabs and control or format characters become single spaces."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def _my_phone(request: DraftRequest) -> str:
    return clean(request.interview.my_phone) or clean(request.profile.phone)


def facts(request: DraftRequest, clock: TheirClock) -> say.Facts:
    interview, stop = request.interview, stop_waiting_at(request.interview, request.settings)
    return say.Facts(
        direction=interview.direction,
        position=say.position(clean(interview.role), clean(interview.company)),
        call_kind="video interview"
        if interview.direction is Direction.VIDEO
        else "phone interview",
        when=clock.when(interview.start),
        my_phone=_my_phone(request),
        my_email=clean(request.profile.email),
        their_phone=clean(interview.interviewer_phone),
        has_link=bool(interview.meeting_link.strip()),
        until=clock.time(stop) if require_aware(request.now) < stop else "",
        follow_on=interview.is_follow_on,
        tried_calling=request.logged(ActionKind.CALLED, *TRIED),
        left_voicemail=request.logged(ActionKind.VOICEMAIL_LEFT),
        joined=request.logged(ActionKind.LINK_OPENED),
    )


def _slots(request: DraftRequest) -> tuple[Slot, ...]:
    """The same plan the reschedule dialog shows (``Rescheduling.plan``), for the email."""
    interview = request.interview
    return plan_slots(
        request.others,
        request.settings,
        request.my_zone,
        request.now,
        duration=interview.duration,
        their_zone=interview.zone,
        their_hours=interview.interviewer_hours,
    ).slots


def values_for(request: DraftRequest) -> dict[str, str]:
    """Every placeholder's value; an unknown value is ``""`` and its sentence is left out."""
    interview, profile = request.interview, request.profile
    clock = TheirClock(interview.zone, request.my_zone, request.now, request.settings.clock_24h)
    f = facts(request, clock)
    their_name, my_name = clean(interview.interviewer_name), clean(profile.name)
    start = interview.start
    return {
        "greeting": say.greeting(their_name),
        "spoken_greeting": say.spoken_greeting(their_name, my_name),
        "company": clean(interview.company),
        "role": clean(interview.role),
        "position": f.position,
        "call_kind": f.call_kind,
        "interviewer_name": their_name,
        "interviewer_first_name": say.addressee(their_name),
        "interviewer_phone": f.their_phone,
        "meeting_link": clean(interview.meeting_link),
        "my_name": my_name,
        "my_first_name": my_name.split()[0] if my_name else "",
        "my_phone": f.my_phone,
        "my_email": f.my_email,
        "signature": "\n".join(line for line in (my_name, f.my_phone) if line),
        "sign_off": profile.closing,
        "reach_me": say.reach_me(f),
        "scheduled_time_theirs": clock.full(start),
        "scheduled_time_both": clock.full(start) + clock.mine_aside(start),
        "scheduled_when_theirs": f.when,
        "scheduled_when_both": f.when + clock.mine_aside(start),
        "conversation_when": clock.relative_day(start),
        "current_time_theirs": clock.time(request.now),
        "available_until": f.until,
        "availability": say.availability(f),
        "proposed_times": "\n".join(f"- {clock.slot(s.start)}" for s in _slots(request)),
        "attempt": say.attempt(f),
        "confirm_plan": say.confirm_plan(f),
        "ask_them_to_call": say.ask_them_to_call(f),
        "my_miss": say.my_miss(f),
        "my_miss_spoken": say.my_miss_spoken(f),
        "voicemail_reason": say.voicemail_reason(f),
        "flexibility_thanks": say.flexibility_thanks(f),
    }


def default_interview(interviews: Sequence[Interview], now: datetime) -> Interview | None:
    """The interview a draft is for when none is named: one under way (started in the last
    day and not closed), else the next one, else the latest of all (a thank-you after the
    fact)."""
    now = require_aware(now)
    live = [i for i in interviews if not i.status.is_terminal]
    started = [i for i in live if i.start <= now < i.start + ACTIVE_FOR]
    if started:
        return max(started, key=lambda i: i.start)
    upcoming = [i for i in live if i.start > now]
    if upcoming:
        return min(upcoming, key=lambda i: i.start)
    return max(interviews, key=lambda i: i.start, default=None)


def recipient_problem(address: str) -> str | None:
    """Why ``address`` cannot be the recipient, or ``None`` when it can."""
    try:
        checked = validation.email("the interviewer's email", address)
    except validation.FieldError as error:
        return error.problem
    return None if checked else "is empty"


def find_gaps(
    request: DraftRequest, used: frozenset[str], *, is_email: bool, expects_follow_on: bool
) -> tuple[Gap, ...]:
    """What is missing for a template that uses the placeholders ``used``."""
    interview, profile = request.interview, request.profile
    gaps: list[Gap] = []
    if is_email and not interview.interviewer_email.strip():
        gaps.append(Gap("interviewer_email", "No email address for the interviewer"))
    elif is_email and recipient_problem(interview.interviewer_email):
        gaps.append(Gap("interviewer_email", "The interviewer's email looks wrong", "fix it?"))
    if used & _ADDRESSEE and not say.addressee(clean(interview.interviewer_name)):
        gaps.append(Gap("interviewer_name", "No interviewer name, so it opens with “Hello”"))
    if used & _MY_NAME and not clean(profile.name):
        gaps.append(Gap("profile.name", "Your name is not in your profile", "add it?"))
    they_call = interview.direction is Direction.THEY_CALL
    wants_mine = used & _MY_PHONE or (they_call and "confirm_plan" in used)
    if wants_mine and not _my_phone(request):
        gaps.append(Gap("my_phone", "No phone number of yours for them to call"))
    needs_theirs = not they_call and used & _THEIR_PHONE
    if needs_theirs and not clean(interview.interviewer_phone):
        gaps.append(Gap("interviewer_phone", "No phone number for the interviewer"))
    video = interview.direction is Direction.VIDEO
    if video and "confirm_plan" in used and not interview.meeting_link.strip():
        gaps.append(Gap("meeting_link", "No meeting link"))
    if "position" in used and not clean(interview.company):
        gaps.append(Gap("company", "No company name, so it just says “the role”"))
    if "proposed_times" in used and not _slots(request):
        gaps.append(Gap("settings.work_days", "No free slot in your working hours", "check them?"))
    if expects_follow_on and not interview.is_follow_on:
        problem = "This interview was not moved from a missed one"
        gaps.append(Gap("reschedules_id", problem, "send the first follow-up instead?"))
    return tuple(gaps)
