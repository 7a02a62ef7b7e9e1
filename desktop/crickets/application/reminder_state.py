"""What must be remembered about reminders across restarts: the last tick, the reminders
showing, and snoozes. Kept as small JSON values in the app state.

A remembered reminder is looked up again in the interview's schedule *with its log and
the person's zone*: follow-ups (thank-you, nudge) exist only in that light, and without it
an open nudge was never shown again after a restart.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from crickets.application.ports import AppState
from crickets.domain.actions import Action
from crickets.domain.errors import StoreError
from crickets.domain.interview import Interview
from crickets.domain.reminders import Reminder, ReminderKind, schedule
from crickets.domain.settings import Settings

logger = logging.getLogger("crickets.reminders")

_LAST_TICK, _OPEN, _SNOOZES = "controller.last_tick", "controller.open", "controller.snoozes"


@dataclass(frozen=True)
class Snooze:
    interview_id: int
    kind: ReminderKind
    until: datetime


@dataclass(frozen=True)
class Situation:
    """What a remembered reminder is looked up in: everything its schedule depends on."""

    interviews: Sequence[Interview]
    settings: Settings
    log: Sequence[Action]
    my_zone: str

    def find(self, interview_id: int, kind: ReminderKind) -> Reminder | None:
        """The reminder as the schedule has it now; None when it no longer exists. A settled
        interview keeps only its follow-ups (the thank-you after a call that happened, the
        nudge after a missed one), which the schedule gives from the log."""
        for interview in self.interviews:
            if interview.id != interview_id:
                continue
            for reminder in schedule(interview, self.settings, self.log, self.my_zone):
                if reminder.kind is kind:
                    return reminder
            if interview.status.is_terminal:
                return None
            # Raised by hand (How did it go? from the menu): it lasts the call's length.
            return Reminder(interview_id, kind, interview.start, interview.end)
        return None


def _key(reminder: Reminder) -> tuple[int, ReminderKind]:
    return reminder.interview_id, reminder.kind


class ReminderState:
    """Shown, snoozed and dismissed reminders, written through at once (best effort)."""

    def __init__(self, state: AppState) -> None:
        self._state = state
        self._open: list[tuple[int, ReminderKind]] = [
            (iid, kind) for iid, kind, _ in self._read(_OPEN, with_time=False)
        ]
        self._snoozes: list[Snooze] = [
            Snooze(iid, kind, until)
            for iid, kind, until in self._read(_SNOOZES, with_time=True)
            if until is not None
        ]

    # -- reading and writing --------------------------------------------------------------

    def _read(
        self, key: str, *, with_time: bool
    ) -> list[tuple[int, ReminderKind, datetime | None]]:
        """Entries ``[id, kind]`` or ``[id, kind, iso]``; anything unreadable is skipped."""
        try:
            raw = self._state.get_state(key)
            value = json.loads(raw) if raw else []
        except (StoreError, ValueError):
            return []
        found: list[tuple[int, ReminderKind, datetime | None]] = []
        for entry in value if isinstance(value, list) else []:
            try:
                iid, kind = int(entry[0]), ReminderKind(entry[1])
                until = datetime.fromisoformat(entry[2]) if with_time else None
            except (TypeError, ValueError, IndexError, KeyError):
                continue
            found.append((iid, kind, until))
        return found

    def _set(self, key: str, value: str) -> None:
        """Best effort: a store that cannot be written (read-only, busy) must never stop the
        countdown; the state is kept in memory and the failure logged."""
        try:
            self._state.set_state(key, value)
        except StoreError as error:
            logger.warning("could not remember %s: %s", key, error)

    def _save(self) -> None:
        self._set(_OPEN, json.dumps([[iid, kind.value] for iid, kind in self._open]))
        self._set(
            _SNOOZES,
            json.dumps(
                [[s.interview_id, s.kind.value, s.until.isoformat()] for s in self._snoozes]
            ),
        )

    def last_tick(self) -> datetime | None:
        try:
            raw = self._state.get_state(_LAST_TICK)
            return datetime.fromisoformat(raw) if raw else None
        except (StoreError, ValueError):
            return None

    def save_last_tick(self, instant: datetime) -> None:
        self._set(_LAST_TICK, instant.isoformat())

    # -- what the person and the clock do ---------------------------------------------------

    def open_reminders(self, situation: Situation, now: datetime) -> list[Reminder]:
        """Reminders showing when the app last stopped that still help (a live interview,
        before the reminder's own cut-off): the guide of a call missed days ago stays shut."""
        found = [situation.find(iid, kind) for iid, kind in self._open]
        return [r for r in found if r is not None and now < r.until]

    def mark_open(self, reminder: Reminder) -> None:
        if _key(reminder) not in self._open:
            self._open.append(_key(reminder))
            self._save()

    def close(self, reminder: Reminder) -> None:
        self._forget(lambda iid, kind: (iid, kind) == _key(reminder))

    def close_all_for(self, interview_id: int) -> None:
        self._forget(lambda iid, _kind: iid == interview_id)

    def forget(self, interview_id: int, kinds: Collection[ReminderKind]) -> None:
        """These reminders of one interview no longer need showing: a later moment replaced
        their window, or the person closed the guide they stood for. Not a dismissal (the
        person did not choose it, so nothing is logged), but a restart does not bring them
        back either."""
        self._forget(lambda iid, kind: iid == interview_id and kind in kinds)

    def _forget(self, match: Callable[[int, ReminderKind], bool]) -> None:
        self._open = [k for k in self._open if not match(*k)]
        self._snoozes = [s for s in self._snoozes if not match(s.interview_id, s.kind)]
        self._save()

    def snooze(self, reminder: Reminder, until: datetime) -> None:
        self._open = [k for k in self._open if k != _key(reminder)]
        self._snoozes = [s for s in self._snoozes if (s.interview_id, s.kind) != _key(reminder)]
        self._snoozes.append(Snooze(reminder.interview_id, reminder.kind, until))
        self._save()

    def next_snooze(self) -> datetime | None:
        return min((s.until for s in self._snoozes), default=None)

    def take_due_snoozes(self, situation: Situation, now: datetime) -> list[Reminder]:
        """Snoozes whose time has come, as reminders to show again (a snooze asked for is
        kept, unless the call is settled meanwhile or the reminder no longer helps: a
        confirmation snoozed past the start is dropped, not shown late)."""
        due = [s for s in self._snoozes if s.until <= now]
        if not due:
            return []
        self._snoozes = [s for s in self._snoozes if s not in due]
        self._save()
        found = [situation.find(s.interview_id, s.kind) for s in due]
        return [r for r in found if r is not None and now < r.until]
