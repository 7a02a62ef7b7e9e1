"""What the controller must remember across restarts: the last tick, reminders that are
showing, and snoozes. Kept as small JSON values in the store's app state."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from crickets.domain.interview import Interview
from crickets.domain.reminders import Reminder, ReminderKind, schedule
from crickets.domain.settings import Settings

_LAST_TICK, _OPEN, _SNOOZES = "controller.last_tick", "controller.open", "controller.snoozes"


def _key(reminder: Reminder) -> list[Any]:
    return [reminder.interview_id, reminder.kind.value]


class ReminderMemory:
    def __init__(self, store: Any) -> None:
        self._store = store
        self._open: list[list[Any]] = self._read(_OPEN)
        self._snoozes: list[list[Any]] = self._read(_SNOOZES)  # [id, kind, until-iso]

    def _read(self, key: str) -> list[list[Any]]:
        raw = self._store.get_state(key)
        try:
            value = json.loads(raw) if raw else []
        except ValueError:
            return []
        return [v for v in value if isinstance(v, list)] if isinstance(value, list) else []

    def _write(self, key: str, value: list[list[Any]]) -> None:
        self._store.set_state(key, json.dumps(value))

    def last_tick(self) -> datetime | None:
        raw = self._store.get_state(_LAST_TICK)
        try:
            return datetime.fromisoformat(raw) if raw else None
        except ValueError:
            return None

    def save_last_tick(self, instant: datetime) -> None:
        self._store.set_state(_LAST_TICK, instant.isoformat())

    @staticmethod
    def _find(
        interviews: Sequence[Interview], settings: Settings, iid: int, kind: str
    ) -> Reminder | None:
        for interview in interviews:
            if interview.id == iid:
                for reminder in schedule(interview, settings):
                    if reminder.kind.value == kind:
                        return reminder
                return Reminder(iid, ReminderKind(kind), interview.start, interview.end)
        return None

    def open_reminders(self, interviews: Sequence[Interview], settings: Settings) -> list[Reminder]:
        """Reminders showing when the app last stopped that still concern a live interview."""
        live = {i.id for i in interviews if not i.status.is_terminal}
        found = [
            self._find(interviews, settings, iid, kind) for iid, kind in self._open if iid in live
        ]
        return [r for r in found if r is not None]

    def mark_open(self, reminder: Reminder) -> None:
        if _key(reminder) not in self._open:
            self._open.append(_key(reminder))
            self._write(_OPEN, self._open)

    def close(self, reminder: Reminder) -> None:
        self._open = [k for k in self._open if k != _key(reminder)]
        self._snoozes = [s for s in self._snoozes if s[:2] != _key(reminder)]
        self._write(_OPEN, self._open)
        self._write(_SNOOZES, self._snoozes)

    def close_all_for(self, interview_id: int) -> None:
        self._open = [k for k in self._open if k[0] != interview_id]
        self._snoozes = [s for s in self._snoozes if s[0] != interview_id]
        self._write(_OPEN, self._open)
        self._write(_SNOOZES, self._snoozes)

    def snooze(self, reminder: Reminder, until: datetime) -> None:
        self._open = [k for k in self._open if k != _key(reminder)]
        self._snoozes = [s for s in self._snoozes if s[:2] != _key(reminder)]
        self._snoozes.append([*_key(reminder), until.isoformat()])
        self._write(_OPEN, self._open)
        self._write(_SNOOZES, self._snoozes)

    def next_snooze(self) -> datetime | None:
        return min((datetime.fromisoformat(s[2]) for s in self._snoozes), default=None)

    def take_due_snoozes(
        self, interviews: Sequence[Interview], settings: Settings, now: datetime
    ) -> list[Reminder]:
        due = [s for s in self._snoozes if datetime.fromisoformat(s[2]) <= now]
        if not due:
            return []
        self._snoozes = [s for s in self._snoozes if s not in due]
        self._write(_SNOOZES, self._snoozes)
        found = [self._find(interviews, settings, s[0], s[1]) for s in due]
        return [r for r in found if r is not None]
