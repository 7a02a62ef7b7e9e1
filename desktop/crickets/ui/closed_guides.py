"""Noticing that the person closed a guide, so it stays closed after a restart.

A guide is closed by the person when it gets a close event and is then destroyed (guides
are deleted on close). A close it refuses leaves it alive; the app quitting leaves it open
(the tray's Quit ends the event loop without closing windows): neither counts. What the
guide stood for is then forgotten by the reminder state (``Controller.forget``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from crickets.ui.window_keys import WindowKey


class ClosedGuides(QObject):
    def __init__(self, closed: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._closed = closed  # called with the interview's id
        self._watched: dict[QObject, WindowKey] = {}
        self._closing: set[WindowKey] = set()

    def watch(self, key: WindowKey, window: QWidget) -> None:
        self._watched[window] = key
        window.installEventFilter(self)
        window.destroyed.connect(lambda _=None, w=window: self._gone(w))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        key = self._watched.get(watched)
        if key is not None and event.type() == QEvent.Type.Close:
            self._closing.add(key)
        return False

    def _gone(self, window: QObject) -> None:
        key = self._watched.pop(window, None)
        if key is not None and key in self._closing:
            self._closing.discard(key)
            if key.interview_id is not None:
                self._closed(key.interview_id)
