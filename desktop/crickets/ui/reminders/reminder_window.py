"""A reminder as Crickets' own window: raised above others, usable from the keyboard.

The primary button is the default (Enter); Esc snoozes for five minutes rather than losing
the reminder; closing the window does the same. Snooze offers 5, 10, 15 minutes and
"until the start" while the start is still ahead.

Join stays open until it is told how it went: the window closes once the link opened
(:meth:`ReminderWindow.joined`), and otherwise says so with the link to copy
(:meth:`ReminderWindow.link_failed`).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crickets.domain.clock import Clock
from crickets.domain.interview import Interview
from crickets.domain.reminders import Reminder
from crickets.ui.attention import bring_forward
from crickets.ui.outlets import LINK_DID_NOT_OPEN
from crickets.ui.reminders.actions import ReminderAction, ReminderActionKind
from crickets.ui.reminders.content import ReminderButton, ReminderScreen

SNOOZE_MINUTES = (5, 10, 15)


class ReminderWindow(QDialog):
    snooze_requested = Signal(object, object)  # Reminder, until (aware datetime)
    dismissed = Signal(object)  # Reminder
    action_requested = Signal(object, object)  # Reminder, ReminderAction (never DISMISS)
    # With JOIN the window stays open until joined() or link_failed() says how it went.

    def __init__(
        self,
        reminder: Reminder,
        text: ReminderScreen,
        interview: Interview,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.reminder, self._interview, self._clock = reminder, interview, clock
        self._handled = False
        self.setObjectName(f"reminder.{reminder.kind.value}")
        self.setWindowTitle(text.title)  # the desktop adds "— Crickets" itself
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        self.setAccessibleName(text.title)
        layout = QVBoxLayout(self)
        heading = QLabel(text.title, self)
        heading.setObjectName("reminder.title")
        heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        heading.setWordWrap(True)
        body = QLabel(text.text, self)
        body.setObjectName("reminder.text")
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(heading)
        layout.addWidget(body)
        for index, check in enumerate(text.checks):
            box = QCheckBox(check, self)
            box.setObjectName(f"reminder.check.{index}")
            layout.addWidget(box)
        self._link_problem = QLabel(self)
        self._link_problem.setObjectName("reminder.link_problem")
        self._link_problem.setWordWrap(True)
        self._link_problem.setVisible(False)
        self._link = QLabel(self)
        self._link.setObjectName("reminder.link")
        self._link.setWordWrap(True)
        self._link.setTextFormat(Qt.TextFormat.PlainText)  # a link from an invitation is data
        self._link.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._link.setVisible(False)
        layout.addWidget(self._link_problem)
        layout.addWidget(self._link)
        layout.addLayout(self._buttons(text))
        self.setMinimumWidth(420)

    def _buttons(self, text: ReminderScreen) -> QHBoxLayout:
        row = QHBoxLayout()
        primary = self._button(text.primary, "reminder.primary")
        primary.setDefault(True)
        row.addWidget(primary)
        for extra in text.extra:
            row.addWidget(self._button(extra, f"reminder.action.{extra.action.name}"))
        row.addStretch(1)
        row.addWidget(self._snooze_button())
        dismiss = self._button(
            ReminderButton(ReminderAction(ReminderActionKind.DISMISS), "Dismiss"),
            "reminder.dismiss",
        )
        dismiss.setAutoDefault(False)
        row.addWidget(dismiss)
        self._primary = primary
        return row

    def _button(self, button: ReminderButton, name: str) -> QPushButton:
        pressed = QPushButton(button.label, self)
        pressed.setObjectName(name)
        pressed.clicked.connect(lambda _=False, a=button.action: self._act(a))
        return pressed

    def _snooze_button(self) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName("reminder.snooze")
        button.setText("Snooze")
        button.setAccessibleName("Snooze this reminder")
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        for minutes in SNOOZE_MINUTES:
            item = QAction(f"{minutes} minutes", menu)
            item.setObjectName(f"reminder.snooze.{minutes}")
            item.triggered.connect(lambda _=False, m=minutes: self.snooze(timedelta(minutes=m)))
            menu.addAction(item)
        if self._clock.now() < self._interview.start:
            until = QAction("Until the start", menu)
            until.setObjectName("reminder.snooze.start")
            until.triggered.connect(lambda: self._snooze_until(self._interview.start))
            menu.addAction(until)
        button.setMenu(menu)
        return button

    def present(self) -> None:
        """Show, raise above other windows and take the keyboard focus; where the desktop
        does not let a window take it (Wayland), ask for attention instead."""
        bring_forward(self)
        self._primary.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def snooze(self, delay: timedelta) -> None:
        self._snooze_until(self._clock.now() + delay)

    def _snooze_until(self, until: datetime) -> None:
        self._handled = True
        self.snooze_requested.emit(self.reminder, until)
        self.accept()

    def _act(self, action: ReminderAction) -> None:
        if action.kind is ReminderActionKind.JOIN:
            self.action_requested.emit(self.reminder, action)  # then joined or link_failed
            return
        self._handled = True
        if action.kind is not ReminderActionKind.DISMISS:
            self.action_requested.emit(self.reminder, action)
        self.dismissed.emit(self.reminder)
        self.accept()

    def joined(self) -> None:
        """The meeting link opened: the reminder has done its job."""
        self._handled = True
        self.dismissed.emit(self.reminder)
        self.accept()

    def link_failed(self, link: str) -> None:
        """The link did not open: say so in one sentence and show it to copy; the window
        stays, so Snooze and Dismiss are still there."""
        self._link_problem.setText(LINK_DID_NOT_OPEN)
        self._link.setText(link)
        self._link_problem.setVisible(True)
        self._link.setVisible(True)
        self.adjustSize()

    def reject(self) -> None:
        """Esc, or closing the window: snooze rather than lose the reminder (once)."""
        if self._handled:
            super().reject()
            return
        self.snooze(timedelta(minutes=SNOOZE_MINUTES[0]))

    def discard(self) -> None:
        """Close without snoozing: the same reminder is being shown again, fresh."""
        self._handled = True
        self.close()
