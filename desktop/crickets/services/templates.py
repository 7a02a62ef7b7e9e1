"""Which template text a draft is rendered from: the person's override, else the default.

Defaults live in ``resources/templates/<kind>.txt``. An override is stored in the app
state under ``template:<kind>``; it is checked before it is saved (an unknown placeholder
is refused by name), an empty value means "use the default" (the store has no delete, and
an empty template is never valid), and an override that no longer checks out (say, after
an upgrade renamed a placeholder) is set aside in favour of the default, with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from crickets import resources
from crickets.domain.drafts import DraftKind, TemplateError, parse_template

OVERRIDE_PREFIX = "template:"


class StateStore(Protocol):
    """The part of :class:`crickets.storage.store.Store` overrides need."""

    def get_state(self, key: str) -> str | None: ...

    def set_state(self, key: str, value: str) -> None: ...


@dataclass(frozen=True)
class ChosenTemplate:
    kind: DraftKind
    text: str
    is_override: bool
    problem: str = ""  # why a stored override was not used


def override_key(kind: DraftKind) -> str:
    return f"{OVERRIDE_PREFIX}{kind.value}"


def default_template(kind: DraftKind) -> str:
    return resources.read_text("templates", f"{kind.value}.txt")


def load_template(kind: DraftKind, state: StateStore | None = None) -> ChosenTemplate:
    stored = state.get_state(override_key(kind)) if state is not None else None
    if stored:
        try:
            parse_template(kind, stored)
        except TemplateError as error:
            return ChosenTemplate(kind, default_template(kind), False, str(error))
        return ChosenTemplate(kind, stored, True)
    return ChosenTemplate(kind, default_template(kind), False)


def save_override(kind: DraftKind, text: str, state: StateStore) -> None:
    """Check ``text`` (raises :class:`TemplateError`, naming the problem), then keep it."""
    parse_template(kind, text)
    state.set_state(override_key(kind), text)


def reset_override(kind: DraftKind, state: StateStore) -> None:
    state.set_state(override_key(kind), "")
