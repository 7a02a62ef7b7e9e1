"""The tray icon and its menu. The menu is rebuilt each time it opens, from the latest state.

Every action has an object name (``tray.add``, ``tray.drafts.follow-up`` …) so tests and
accessibility tools can find it. The tray only emits intents; the app decides what they do.

The menu says where things stand once, on its first line, kept to a readable width (a long
company and role are shortened with "…"; the whole sentence is the line's tooltip and the
icon's): a menu as wide as the screen is hard to read and to aim at.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFontMetrics, QGuiApplication, QPixmapCache
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from crickets.domain.display import IDLE, Tone, TrayState
from crickets.domain.draft_kinds import DraftKind
from crickets.domain.phases import Phase
from crickets.ui.tray.badge_icon import badge_icon
from crickets.ui.tray.early_icon import EarlyIcon

#: The Drafts submenu, in the order a person needs them.
DRAFT_KINDS = tuple(DraftKind)
#: The status line's widest, in average character widths of the menu's font.
STATUS_CHARS = 44


def is_dark(colour_lightness: int) -> bool:
    return colour_lightness < 128


class Tray(QObject):
    they_called_requested = Signal(int)
    call_over_requested = Signal(int)
    havent_called_requested = Signal(int)
    missed_call_requested = Signal(int)
    drafts_requested = Signal(object)  # DraftKind
    interview_requested = Signal(int)
    add_requested = Signal()
    import_requested = Signal()
    list_requested = Signal()
    settings_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QObject | None = None, early: EarlyIcon | None = None) -> None:
        """``early``: the icon and menu already shown at start
        (:mod:`~crickets.ui.tray.early_icon`), taken over as they are, so the tray never
        shows a second icon and its menu stays where the tray host found it."""
        super().__init__(parent)
        self._state = IDLE
        self._look: tuple[Tone, str, bool, float] | None = None  # what the icon shows
        self.icon = early.icon if early is not None else QSystemTrayIcon()
        self.icon.setParent(self)
        self.icon.setObjectName("tray.icon")
        self.menu = early.menu if early is not None else QMenu()
        self.menu.setObjectName("tray.menu")
        self.menu.setToolTipsVisible(True)  # the status line's whole sentence
        self.menu.aboutToShow.connect(self.rebuild_menu)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.set_state(IDLE)
        self.rebuild_menu()

    @property
    def state(self) -> TrayState:
        return self._state

    def dark_panel(self) -> bool:
        return is_dark(QGuiApplication.palette().window().color().lightness())

    def set_state(self, state: TrayState) -> None:
        """Show ``state``: the icon is redrawn only when its picture changes (its tone, its
        text, the panel's lightness, the screen's scale), the tooltip only when it changes.
        Each redraw wakes the tray host and Qt's pixmap cache; the countdown changes its
        text at most once a minute (docs/decisions/165)."""
        self._state = state
        screen = QGuiApplication.primaryScreen()
        look = (
            state.tone,
            state.badge,
            self.dark_panel(),
            screen.devicePixelRatio() if screen else 1.0,
        )
        if look != self._look:
            self._look = look
            self.icon.setIcon(badge_icon(*look))
            # Once the host has painted it (posted events run before timers), drop the
            # pixmaps QIcon cached on the way: an empty cache stops its clean-up timer,
            # which would otherwise wake the tray several times after each redraw.
            QTimer.singleShot(0, QPixmapCache.clear)
        if self.icon.toolTip() != state.tooltip:
            self.icon.setToolTip(state.tooltip)

    def refresh_palette(self) -> None:
        self.set_state(self._state)  # a new lightness is a new look

    def action(self, name: str) -> QAction | None:
        """The menu action with object name ``name`` (after the last rebuild)."""
        for action in self.menu.findChildren(QAction):
            if action.objectName() == name:
                return action
        return None

    def _add(
        self, menu: QMenu, name: str, text: str, slot: Callable[[], None], enabled: bool = True
    ) -> QAction:
        action = QAction(text, menu)
        action.setObjectName(name)
        action.setEnabled(enabled)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def rebuild_menu(self) -> None:
        menu, state = self.menu, self._state
        for old in (*menu.findChildren(QAction), *menu.findChildren(QMenu)):
            old.deleteLater()  # clear() keeps submenus alive: they would pile up
        menu.clear()
        status = QAction(self._fitted(state.status_line), menu)
        status.setObjectName("tray.status")
        status.setToolTip(state.tooltip)
        status.setEnabled(False)
        menu.addAction(status)
        menu.addSeparator()
        self._add_call_actions(menu, state)
        drafts = menu.addMenu("&Drafts")
        drafts.setObjectName("tray.drafts")
        for kind in DRAFT_KINDS:
            self._add(drafts, f"tray.drafts.{kind.value}", kind.label, self._ask_for(kind))
        menu.addSeparator()
        self._add(menu, "tray.add", "&Add interview…", self.add_requested.emit)
        self._add(menu, "tray.import", "&Import invitation (.ics)…", self.import_requested.emit)
        self._add(menu, "tray.list", "All &interviews…", self.list_requested.emit)
        self._add(menu, "tray.settings", "&Settings…", self.settings_requested.emit)
        menu.addSeparator()
        self._add(menu, "tray.quit", "&Quit", self.quit_requested.emit)

    def _fitted(self, text: str) -> str:
        """``text`` shortened with "…" to the status line's width (and "&" kept literal)."""
        metrics = QFontMetrics(self.menu.font())
        widest = STATUS_CHARS * metrics.averageCharWidth()
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, widest).replace("&", "&&")

    def _ask_for(self, kind: DraftKind) -> Callable[[], None]:
        def emit(_checked: bool = False) -> None:
            self.drafts_requested.emit(kind)

        return emit

    def _add_call_actions(self, menu: QMenu, state: TrayState) -> None:
        iid = state.interview_id
        has = iid is not None
        emit = (
            (lambda signal: lambda _=False: signal.emit(iid))
            if has
            else (lambda signal: lambda _=False: None)
        )
        if has:
            self._add(menu, "tray.next", "&Edit this interview…", emit(self.interview_requested))
        if state.tone is Tone.IN_CALL:
            text = "How did it go?…" if state.phase is Phase.ENDED else "We're done talking…"
            self._add(menu, "tray.call_over", text, emit(self.call_over_requested))
        else:
            self._add(
                menu, "tray.they_called", "They &called", emit(self.they_called_requested), has
            )
        self._add(
            menu,
            "tray.havent_called",
            "They &haven't called…",
            emit(self.havent_called_requested),
            has,
        )
        self._add(
            menu, "tray.missed_call", "I &missed their call…", emit(self.missed_call_requested), has
        )

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if (
            reason == QSystemTrayIcon.ActivationReason.Trigger
            and self._state.interview_id is not None
        ):
            if self._state.phase is not None and self._state.phase.is_waiting:
                self.havent_called_requested.emit(self._state.interview_id)
                return
            self.interview_requested.emit(self._state.interview_id)
        elif reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.list_requested.emit()
