"""Drop an invitation (.ics) on any Crickets window to import it.

One event filter on the application sees drags over every window; windows only need to
accept drops (``Windows`` turns that on for each window it opens). Anything other than a
local calendar file is left alone, so text fields keep their own drag and drop.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent

CALENDAR_SUFFIXES = (".ics", ".ical", ".ifb")


def calendar_files(mime: QMimeData) -> list[str]:
    """The local calendar files in a drag, in order."""
    if not mime.hasUrls():
        return []
    paths = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.lower().endswith(CALENDAR_SUFFIXES)]


class CalendarDropFilter(QObject):
    dropped = Signal(str)  # the path of a dropped calendar file

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
            event, QDragEnterEvent | QDropEvent
        ):
            if calendar_files(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            files = calendar_files(event.mimeData())
            if files:
                event.acceptProposedAction()
                for path in files:
                    self.dropped.emit(path)
                return True
        return super().eventFilter(watched, event)
