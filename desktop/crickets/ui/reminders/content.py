"""The reminder windows' words (``resources/checklists/reminders.json``), read once.

The file stays as people edit it: titles, texts, checklists and each button's action word.
Reading it here parses every action word into a :class:`ReminderAction` at once, so an
unknown word fails at load and nothing after this point looks at strings to decide what a
button does. The words themselves are filled in by the domain
(:func:`~crickets.domain.reminder_text.render_reminder`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from crickets import resources
from crickets.domain.interview import Interview
from crickets.domain.reminder_text import render_reminder
from crickets.domain.reminders import ReminderKind
from crickets.ui.reminders.actions import ReminderAction


@dataclass(frozen=True)
class ReminderButton:
    action: ReminderAction
    label: str


@dataclass(frozen=True)
class ReminderScreen:
    """What one reminder says (in its window and its notification) and offers."""

    title: str
    text: str
    checks: tuple[str, ...]
    primary: ReminderButton
    extra: tuple[ReminderButton, ...]


class ReminderContent:
    def __init__(self, text: str) -> None:
        """``text``: the JSON file; ValueError when it is not an object or names an action
        Crickets does not know."""
        content = json.loads(text)
        if not isinstance(content, dict):
            raise ValueError("reminder content must be a JSON object")
        self._content: dict[str, Any] = content  # as read: the domain's renderer takes JSON
        self._actions = {name: ReminderAction.parse(name) for name in _action_names(content)}

    @classmethod
    def load(cls) -> ReminderContent:
        """The content shipped with Crickets."""
        return cls(resources.read_text("checklists", "reminders.json"))

    def render(
        self,
        kind: ReminderKind,
        interview: Interview,
        my_zone: str,
        now: datetime,
        *,
        clock_24h: bool | None = None,
    ) -> ReminderScreen:
        text = render_reminder(self._content, kind, interview, my_zone, now, clock_24h=clock_24h)
        return ReminderScreen(
            title=text.title,
            text=text.text,
            checks=text.checks,
            primary=self._button(*text.primary),
            extra=tuple(self._button(*entry) for entry in text.extra),
        )

    def _button(self, name: str, label: str) -> ReminderButton:
        return ReminderButton(self._actions[name], label)


def _action_names(content: dict[str, Any]) -> Iterator[str]:
    """Every action word the reminders name, their ``again`` variants' too (keys starting
    with ``_`` are not reminders)."""
    for key, entry in content.items():
        if key.startswith("_") or not isinstance(entry, dict):
            continue
        for variant in (entry, entry.get("again") or {}):
            if "primary" in variant:
                yield str(variant["primary"][0])
            yield from (str(name) for name in variant.get("extra", []))
