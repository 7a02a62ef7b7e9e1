"""Things Crickets explains once, such as why its countdown sits in a small window on a
desktop without a system tray, or the welcome at the first start. Remembered in the app
state so the explanation is not repeated at every start; a store that cannot keep it only
means explaining again."""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass

from crickets.application.ports import AppState
from crickets.domain.errors import StoreError

logger = logging.getLogger("crickets.explanations")
_GIVEN = "yes"


class Explanation(enum.Enum):
    NO_TRAY = "no_tray.explained"  # the app-state key that remembers it was given
    WELCOME = "welcome.shown"  # the first start's welcome window


@dataclass(frozen=True)
class Explanations:
    state: AppState

    def needed(self, topic: Explanation) -> bool:
        """Whether ``topic`` still has to be explained (yes, when the store cannot tell)."""
        try:
            return self.state.get_state(topic.value) != _GIVEN
        except StoreError:
            return True

    def given(self, topic: Explanation) -> None:
        """Remember that ``topic`` was explained; best effort (a read-only store)."""
        try:
            self.state.set_state(topic.value, _GIVEN)
        except StoreError:
            logger.info("could not remember that %s was explained", topic.name)
