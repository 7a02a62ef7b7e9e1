"""What the controller must remember across restarts: the last tick, reminders that are
showing, and snoozes. Kept as small JSON values in the store's app state."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from crickets.domain.interview import Interview
from crickets.domain.reminders import Reminder, ReminderKind, schedule
from crickets.domain.settings import Settings
from crickets.storage.errors import StorageError

logger = logging.getLogger("crickets.reminders")

_LAST_TICK, _OPEN, _SNOOZES = "controller.last_tick", "controller.open", "controller.snoozes"


def _key(reminder: Reminder) -> list[Any]:
    return [reminder.interview_id, reminder.kind.value]


def _live(interviews: Sequence[Interview]) -> set[int | None]:
    return {i.id for i in interviews if not i.status.is_terminal}


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

    def _set(self, key: str, value: str) -> None:
        """Best effort: a store that cannot be written (read-only, busy) must never stop the
        countdown; the state is kept in memory and the failure logged."""
        try:
            self._store.set_state(key, value)
        except StorageError as error:
            logger.warning("could not remember %s: %s", key, error)

    def _write(self, key: str, value: list[list[Any]]) -> None:
        self._set(key, json.dumps(value))

    def last_tick(self) -> datetime | None:
        raw = self._store.get_state(_LAST_TICK)
        try:
            return datetime.fromisoformat(raw) if raw else None
        except ValueError:
            return None

    def save_last_tick(self, instant: datetime) -> None:
        self._set(_LAST_TICK, instant.isoformat())

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

    def open_reminders(
        self, interviews: Sequence[Interview], settings: Settings, now: datetime
    ) -> list[Reminder]:
        """Reminders showing when the app last stopped that still help (a live interview,
        before the reminder's own cut-off): the guide of a call missed days ago stays shut."""
        live = _live(interviews)
        found = [
            self._find(interviews, settings, iid, kind) for iid, kind in self._open if iid in live
        ]
        return [r for r in found if r is not None and now < r.until]

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
        live = _live(interviews)  # a snooze asked for is kept, unless the call is settled
        found = [self._find(interviews, settings, s[0], s[1]) for s in due if s[0] in live]
        return [r for r in found if r is not None]
