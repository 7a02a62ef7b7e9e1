"""An imported event applied to the store, following iTIP (RFC 5546) by UID and SEQUENCE.

- a UID never seen → a new interview, with the invitation's bytes kept beside it;
- the same UID with a higher SEQUENCE → the organiser's update: the existing interview
  takes the new time (a reschedule) and the organiser's details, keeping its id and what
  the person wrote (company, role, notes);
- the same SEQUENCE → already imported, nothing changes (the message says if the time in the
  file differs, so nothing is overwritten silently);
- a lower SEQUENCE → an older version: ignored, with a message;
- a cancellation (METHOD:CANCEL or STATUS:CANCELLED) → the interview is marked cancelled,
  but only when the caller confirms; otherwise the result asks.

:func:`plan_import` says what :func:`apply_import` would do, changing nothing.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from typing import Protocol

from crickets.domain.interview import Interview, Status
from crickets.domain.timefmt import long_text
from crickets.invitations.ics.candidate import ImportCandidate


class InvitationStore(Protocol):
    """The part of :class:`crickets.storage.store.Store` an import uses."""

    def add(self, interview: Interview) -> Interview: ...

    def update(self, interview: Interview) -> None: ...

    def get(self, interview_id: int) -> Interview | None: ...

    def find_by_uid(self, uid: str) -> Interview | None: ...

    def save_invitation(self, interview_id: int, data: bytes) -> None: ...


class Outcome(enum.Enum):
    ADDED = "added"
    UPDATED = "updated"  # the organiser's newer version: the time or details changed
    UNCHANGED = "unchanged"  # already imported (or already cancelled)
    STALE = "stale"  # an older version than the one imported: ignored
    CANCELLED = "cancelled"
    CONFIRM_CANCEL = "confirm-cancel"  # a question: confirm to mark it cancelled
    NOT_FOUND = "not-found"  # cancels something that was never imported
    NEEDS_TIME = "needs-time"  # give a time first (ImportCandidate.with_start)

    @property
    def changes(self) -> bool:
        return self in (Outcome.ADDED, Outcome.UPDATED, Outcome.CANCELLED)


@dataclass(frozen=True)
class ApplyResult:
    outcome: Outcome
    message: str  # one sentence for the person
    interview: Interview | None = None  # as stored afterwards (or as it would be, when planned)


def _name(interview: Interview) -> str:
    return f"interview #{interview.id} ({interview.title})"


def _when(interview: Interview) -> str:
    return long_text(interview.start, interview.zone)


def _updated(existing: Interview, candidate: ImportCandidate) -> Interview:
    new = candidate.to_interview()
    moved = new.start != existing.start or new.zone != existing.zone
    organiser = {
        name: getattr(new, name)
        for name in ("interviewer_name", "interviewer_email", "interviewer_phone", "meeting_link")
        if getattr(new, name)
    }
    return replace(
        existing,
        local_start=new.local_start,
        zone=new.zone,
        duration=new.duration,
        ics_sequence=candidate.sequence,
        status=Status.SCHEDULED if moved else existing.status,
        call_started_at=None if moved else existing.call_started_at,
        **organiser,
    )


def plan_import(store: InvitationStore, candidate: ImportCandidate) -> ApplyResult:
    """What importing ``candidate`` would do; nothing is written."""
    existing = store.find_by_uid(candidate.uid) if candidate.uid else None
    version = candidate.sequence
    if candidate.cancelled:
        return _plan_cancel(existing, candidate)
    if existing is None:
        if not candidate.has_time:
            return ApplyResult(Outcome.NEEDS_TIME, f"Give a time first: {candidate.needs_time}.")
        new = candidate.to_interview()
        return ApplyResult(Outcome.ADDED, f"Adds {new.title} on {_when(new)}.", new)
    if version < existing.ics_sequence:
        return ApplyResult(
            Outcome.STALE,
            f"This is an older version ({version}) of {_name(existing)}, which is at version "
            f"{existing.ics_sequence}; it was ignored.",
            existing,
        )
    if version == existing.ics_sequence:
        text = f"Already imported as {_name(existing)}; nothing changed."
        if candidate.start is not None and candidate.start != existing.start:
            other = long_text(candidate.start, candidate.zone or "UTC")
            text += f" This file gives another time ({other}); edit the interview if it changed."
        return ApplyResult(Outcome.UNCHANGED, text, existing)
    if not candidate.has_time:
        return ApplyResult(
            Outcome.NEEDS_TIME,
            f"The update to {_name(existing)} has no usable time ({candidate.needs_time}); "
            "give the new time.",
            existing,
        )
    after = _updated(existing, candidate)
    if after.start != existing.start:
        text = f"Moves {_name(existing)} from {_when(existing)} to {_when(after)}."
    else:
        text = f"Updates {_name(existing)} to the organiser's version {version}; same time."
    return ApplyResult(Outcome.UPDATED, text, after)


def _plan_cancel(existing: Interview | None, candidate: ImportCandidate) -> ApplyResult:
    if existing is None:
        return ApplyResult(
            Outcome.NOT_FOUND,
            f"This cancels “{candidate.title}”, which was never imported; nothing changed.",
        )
    if candidate.sequence < existing.ics_sequence:
        return ApplyResult(
            Outcome.STALE,
            f"This cancellation is older than {_name(existing)} (version "
            f"{existing.ics_sequence}); it was ignored.",
            existing,
        )
    if candidate.recurrence_id is not None and candidate.recurrence_id != existing.start:
        return ApplyResult(
            Outcome.UNCHANGED,
            f"This cancels another date of the series, not {_name(existing)}; nothing changed.",
            existing,
        )
    if existing.status is Status.CANCELLED:
        return ApplyResult(Outcome.UNCHANGED, f"{_name(existing)} is already cancelled.", existing)
    after = replace(
        existing,
        status=Status.CANCELLED,
        ics_sequence=max(existing.ics_sequence, candidate.sequence),
    )
    return ApplyResult(
        Outcome.CONFIRM_CANCEL,
        f"The organiser cancelled {_name(existing)} on {_when(existing)}; "
        "confirm to mark it cancelled.",
        after,
    )


def apply_import(
    store: InvitationStore,
    candidate: ImportCandidate,
    source: bytes,
    *,
    confirm_cancel: bool = False,
) -> ApplyResult:
    """Import ``candidate`` (from the file whose bytes are ``source``) into ``store``."""
    plan = plan_import(store, candidate)
    if plan.outcome is Outcome.CONFIRM_CANCEL and confirm_cancel and plan.interview:
        store.update(plan.interview)
        _keep(store, plan.interview, source)
        return ApplyResult(
            Outcome.CANCELLED, f"Marked {_name(plan.interview)} as cancelled.", plan.interview
        )
    if plan.outcome is Outcome.ADDED and plan.interview:
        added = store.add(plan.interview)
        _keep(store, added, source)
        return ApplyResult(Outcome.ADDED, f"Added {_name(added)}: {_when(added)}.", added)
    if plan.outcome is Outcome.UPDATED and plan.interview:
        store.update(plan.interview)
        _keep(store, plan.interview, source)
        stored = store.get(plan.interview.id or 0) or plan.interview
        return ApplyResult(Outcome.UPDATED, plan.message.replace("Moves", "Moved", 1), stored)
    return plan


def _keep(store: InvitationStore, interview: Interview, source: bytes) -> None:
    if interview.id is not None and source:
        store.save_invitation(interview.id, source)
