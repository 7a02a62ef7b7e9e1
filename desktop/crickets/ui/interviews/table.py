"""The read-only table of interviews, one row each, remembered by interview id."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from crickets.ui.interviews.rows import COLUMNS

_ID = Qt.ItemDataRole.UserRole


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
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def show_rows(self, rows: Sequence[tuple[int, list[str]]]) -> None:
        """Replace the content, keeping the selected interview (or the row where it was)."""
        keep, where = self.selected_id(), self.currentRow()
        self.setRowCount(0)
        for interview_id, texts in rows:
            self._append(interview_id, texts)
        if (keep is None or not self.select_id(keep)) and self.rowCount():
            self.selectRow(min(max(where, 0), self.rowCount() - 1))

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
