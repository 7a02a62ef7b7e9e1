"""The steps of a guided window, in a scroll area: one :class:`StepWidget` per step, built
once from the filled guide content, their signals passed on with the step that sent them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from crickets.domain.drafts import DraftKind
from crickets.domain.guides import StepView
from crickets.domain.interview import Interview
from crickets.ui.guide.guide_steps import StepWidget
from crickets.ui.guide.step_actions import StepAction

_MARGIN = 6  # pixels of the step above left showing, so the scroll reads as a scroll


class StepList(QScrollArea):
    checked = Signal(str, bool)  # step id, ticked
    logged = Signal(object, str)  # ActionKind, detail
    requested = Signal(object, object)  # the StepWidget, its StepRequest

    def __init__(
        self,
        views: Sequence[StepView],
        interview: Interview,
        script: Callable[[DraftKind], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("guide.steps")
        self.setWidgetResizable(True)
        column = QWidget(self)
        layout = QVBoxLayout(column)
        number, link = interview.interviewer_phone, interview.meeting_link.strip()
        self.widgets: list[StepWidget] = []
        for view in views:
            action = StepAction.parse(view.step.action)
            text = script(action.script) if action.script else ""
            widget = StepWidget(view, action, text, number, link, column)
            widget.checked.connect(self.checked)
            widget.logged.connect(self.logged)
            widget.requested.connect(lambda request, w=widget: self.requested.emit(w, request))
            layout.addWidget(widget)
            self.widgets.append(widget)
        layout.addStretch(1)
        self.setWidget(column)
        self._wanted = ""
        self._scroller = QTimer(self)  # after the pending layout, on the next event-loop turn
        self._scroller.setSingleShot(True)
        self._scroller.setInterval(0)
        self._scroller.timeout.connect(self._scroll_to_wanted)

    def show_views(self, views: Sequence[StepView], when: Callable[[StepView], str]) -> None:
        """Each step as it stands now; ``when`` says when a locked step becomes relevant."""
        for widget, view in zip(self.widgets, views, strict=True):
            widget.update_view(view, when(view))

    def bring_into_sight(self, step_id: str) -> None:
        """Scroll so that the step's title is at the top, once the layout has its sizes."""
        self._wanted = step_id
        self._scroller.start()

    def _scroll_to_wanted(self) -> None:
        for widget in self.widgets:
            if widget.step_id == self._wanted:
                self.verticalScrollBar().setValue(max(widget.y() - _MARGIN, 0))
