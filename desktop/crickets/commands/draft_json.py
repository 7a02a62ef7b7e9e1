"""``crickets draft KIND --json``: the draft as data, so a script never parses prose.

The shapes (``draft``, ``recipient``, ``gap``, ``proposal``, ``slot``) are documented in
docs/cli.md and checked against it by tests/unit/commands/test_json_contract.py. A draft
that proposes new times (a reschedule, a nudge) carries them as instants: ``start`` in
UTC and ``local_start`` on the interviewer's clock with its offset, beside the IANA zone,
from the same plan the body lists (``Rescheduling.plan``). When the two working days never
meet, ``overlap`` is false and the plan's note says so; each least-bad time then has a
note of its own (whose evening or morning it falls in).
"""

from __future__ import annotations

from datetime import datetime

from crickets.application.drafting import ComposedDraft
from crickets.commands.context import Json
from crickets.domain.draft_context import Gap
from crickets.domain.interview import Interview
from crickets.domain.slots import Slot, SlotPlan

# Gap field -> how to fill it from the command line (``{id}`` is the interview's id).
_FIXES = {
    "interviewer_email": "crickets edit {id} --email ADDRESS",
    "interviewer_name": "crickets edit {id} --contact NAME",
    "interviewer_phone": "crickets edit {id} --phone NUMBER",
    "my_phone": "crickets edit {id} --my-phone NUMBER",
    "meeting_link": "crickets edit {id} --link URL",
    "company": "crickets edit {id} --company NAME",
    "profile.name": "crickets profile --name NAME",
}


def fix_command(gap: Gap, interview: Interview) -> str | None:
    """The command that adds what ``gap`` misses, when the command line has one."""
    fix = _FIXES.get(gap.field)
    return fix.format(id=interview.id) if fix else None


def _iso(instant: datetime) -> str:
    return instant.isoformat(timespec="seconds")


def _slot(slot: Slot) -> Json:
    return {
        "start": _iso(slot.start),
        "end": _iso(slot.end),
        "local_start": _iso(slot.local_start),
        "zone": slot.their_zone,
        "duration_minutes": slot.duration.total_seconds() / 60,
        "note": slot.note,
    }


def _proposal(plan: SlotPlan) -> Json:
    return {"overlap": plan.overlap, "note": plan.note, "slots": [_slot(s) for s in plan.slots]}


def draft_document(composed: ComposedDraft, plan: SlotPlan | None) -> Json:
    """The ``draft`` shape; ``plan`` is the times the draft proposes (None: it proposes none)."""
    draft, interview = composed.draft, composed.interview
    recipient: Json = None
    if not composed.kind.is_spoken:
        recipient = {"name": draft.to_name, "email": draft.to_email}
    return {
        "kind": composed.kind.value,
        "interview_id": interview.id,
        "subject": draft.subject,
        "body": draft.body,
        "recipient": recipient,
        "gaps": [
            {"field": g.field, "problem": g.problem, "command": fix_command(g, interview)}
            for g in composed.gaps
        ],
        "notes": [composed.template_note] if composed.template_note else [],
        "proposed": _proposal(plan) if plan is not None else None,
    }
