"""Building a guided window with its scripts, clipboard and dialler."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from crickets.domain.interview import Status

if TYPE_CHECKING:
    from crickets.ui.shell import Shell


def guide_window(shell: Shell, flow_name: str, interview_id: int | None) -> QWidget:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    from crickets import resources
    from crickets.domain.draft_context import DraftRequest, default_interview
    from crickets.domain.drafts import DraftKind, make_draft
    from crickets.domain.guides import Flow, load_flow
    from crickets.services.templates import load_template
    from crickets.ui.drafts.clipboard import QtClipboard
    from crickets.ui.guide.guide_window import GuideWindow

    store, clock, controller, windows = shell.store, shell.clock, shell.controller, shell.windows
    everything = list(store.list())
    interview = store.get(interview_id) if interview_id is not None else None
    interview = interview or default_interview(everything, clock.now())
    if interview is None:
        return nothing_scheduled()
    flow = Flow(flow_name)
    steps = load_flow(json.loads(resources.read_text("checklists", "guides.json")), flow)
    request = DraftRequest(
        interview,
        store.load_profile(),
        store.load_settings(),
        clock.now(),
        controller.my_zone,
        everything,
    )

    def script(kind: str) -> str:
        chosen = DraftKind(kind)
        return make_draft(chosen, load_template(chosen, store).text, request).body

    clipboard = QtClipboard()
    window = GuideWindow(
        flow,
        steps,
        interview,
        store,
        clock,
        controller.my_zone,
        script,
        clipboard.set_text,
        lambda n: QDesktopServices.openUrl(QUrl(tel_url(n))),
    )
    window.draft_requested.connect(lambda i, kind: windows.open("drafts", i, kind=kind))
    window.reschedule_requested.connect(lambda i: windows.open("reschedule", i))
    window.they_called.connect(lambda i, detail: controller.set_status(i, Status.IN_CALL, detail))
    window.stopped_waiting.connect(
        lambda i: controller.set_status(i, Status.MISSED_BY_THEM, "stopped waiting: no call")
    )
    # Refreshed on data changes by the shell, with every other open window.
    return window


def tel_url(number: str) -> str:
    return "tel:" + "".join(c for c in number if c.isdigit() or c == "+")


def nothing_scheduled() -> QWidget:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        "Crickets",
        "There is no interview to show yet. Add one from the tray menu: Add interview…",
    )
    box.setObjectName("nothing_scheduled")
    return box
