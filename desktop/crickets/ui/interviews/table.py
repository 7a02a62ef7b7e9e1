"""The read-only table of interviews, one row each, remembered by interview id.

Every column is visible when the window opens: the long ones (when, what, who) have a
width of their own and wrap onto a second line, the short ones fit their text, and "What"
takes what is left. On a narrow screen "When" and "Who" give up width in proportion rather
than push a column off the right edge. (A column sized to its longest text did that: the
window showed only "When".)
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from crickets.ui.interviews.rows import COLUMNS

_ID = Qt.ItemDataRole.UserRole
#: Column -> its width in average characters; None: as wide as its text; the rest stretch.
_WIDTHS: dict[int, int | None] = {0: 36, 2: 24, 3: None, 4: None}
_WHAT = 28  # "What" (the stretching column) at its natural width, in average characters
_LEAST = 12  # no column narrower than this, in average characters


class InterviewTable(QTableWidget):
    def __init__(self) -> None:
        super().__init__(0, len(COLUMNS))
        self.setObjectName("list.table")
        self.setAccessibleName("All interviews")
        self.setHorizontalHeaderLabels(list(COLUMNS))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)  # wrapped, never cut with "…"
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._size_columns()

    def _size_columns(self) -> None:
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        chars = self.fontMetrics().averageCharWidth()
        for column, width in _WIDTHS.items():
            if width is None:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, width * chars)

    def _wanted(self) -> dict[int, int]:
        chars = self.fontMetrics().averageCharWidth()
        return {c: w * chars for c, w in _WIDTHS.items() if w is not None}

    def _by_content(self) -> int:
        header = self.horizontalHeader()
        return sum(header.sectionSize(c) for c, w in _WIDTHS.items() if w is None)

    def natural_width(self) -> int:
        """The width that shows every column without squeezing "What"."""
        chars = self.fontMetrics().averageCharWidth()
        columns = sum(self._wanted().values()) + self._by_content() + _WHAT * chars
        bar = self.verticalScrollBar().sizeHint().width()
        return columns + 2 * self.frameWidth() + bar

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._share_width()

    def _share_width(self) -> None:
        """The "When" and "Who" columns at their own widths where there is room, narrower
        in proportion where there is not; "What" stretches over what is left."""
        chars = self.fontMetrics().averageCharWidth()
        wanted = self._wanted()
        room = self.viewport().width() - self._by_content() - _LEAST * chars
        scale = min(1.0, max(room, 0) / sum(wanted.values()))
        header = self.horizontalHeader()
        for column, width in wanted.items():
            header.resizeSection(column, max(int(width * scale), _LEAST * chars))

    def show_rows(self, rows: Sequence[tuple[int, list[str]]]) -> None:
        """Replace the content, keeping the selected interview (or the row where it was)."""
        keep, where = self.selected_id(), self.currentRow()
        self.setRowCount(0)
        for interview_id, texts in rows:
            self._append(interview_id, texts)
        if (keep is None or not self.select_id(keep)) and self.rowCount():
            self.selectRow(min(max(where, 0), self.rowCount() - 1))
        self._share_width()  # the columns sized by their text may have changed

    def _append(self, interview_id: int, texts: list[str]) -> None:
        row = self.rowCount()
        self.insertRow(row)
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setData(_ID, interview_id)
            self.setItem(row, column, item)

    def select_id(self, interview_id: int) -> bool:
        for row in range(self.rowCount()):
            item = self.item(row, 0)
            if item is not None and item.data(_ID) == interview_id:
                self.selectRow(row)
                return True
        return False

    def selected_id(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        item = self.item(rows[0].row(), 0) if rows else None
        return int(item.data(_ID)) if item is not None else None

    def column_texts(self, column: int) -> list[str]:
        """What one column shows, top to bottom (for tests and accessibility checks)."""
        items = (self.item(row, column) for row in range(self.rowCount()))
        return [item.text() if item is not None else "" for item in items]
