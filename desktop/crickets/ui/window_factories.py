"""How each window is built, registered by name on the shell's :class:`Windows`.

Imports are inside the builders: a window's module loads the first time it is opened, not
at start-up, which keeps the tray quick to appear (see bench/).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from crickets.domain.actions import ActionKind
from crickets.domain.clock import Clock
from crickets.domain.interview import Interview, Status

if TYPE_CHECKING:
    from crickets.ui.shell import Shell

#: How the drafts window reports a use, and what the action log calls it.
_USED = {
    "copied": ActionKind.EMAIL_COPIED,
    "copied-subject": ActionKind.EMAIL_COPIED,
    "copied-body": ActionKind.EMAIL_COPIED,
    "opened": ActionKind.EMAIL_OPENED,
    "saved": ActionKind.EMAIL_SAVED,
}


def register_windows(shell: Shell) -> None:
    store, clock, controller, windows = shell.store, shell.clock, shell.controller, shell.windows

    def editor(interview_id: int | None, **_: Any) -> QWidget:
        from crickets.ui.interview_editor import InterviewEditor

        interview = store.get(interview_id) if interview_id is not None else None
        window = InterviewEditor(store, clock, controller.my_zone, interview)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a fresh form next time
        _add_paste_box(window, shell)
        window.interview_saved.connect(lambda _i: controller.reload())
        return window

    def listing(_: int | None, **__: Any) -> QWidget:
        from crickets.ui.interviews_window import InterviewsWindow

        window = InterviewsWindow(store, clock, controller.my_zone)
        window.edit_requested.connect(lambda i: windows.open("editor", i))
        window.add_requested.connect(lambda: windows.open("editor", None))
        window.interviews_changed.connect(controller.reload)
        shell.app.aboutToQuit.connect(window.commit_pending_delete)  # never lose a delete
        return window

    def settings(_: int | None, **__: Any) -> QWidget:
        from crickets.services import autostart
        from crickets.ui.settings_window import SettingsWindow

        window = SettingsWindow(store, autostart.is_enabled, autostart.set_enabled)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.settings_saved.connect(lambda _s: controller.reload())
        window.wording_requested.connect(lambda: windows.open("templates"))
        return window

    def drafts(interview_id: int | None, kind: str = "follow-up", **_: Any) -> QWidget:
        from crickets.domain.draft_context import default_interview
        from crickets.domain.drafts import DraftKind
        from crickets.services.draft_templates import load_template
        from crickets.ui.clipboard import QtClipboard
        from crickets.ui.drafts_window import DraftsWindow, open_url_with_desktop, save_path_dialog

        everything = list(store.list())
        chosen = store.get(interview_id) if interview_id is not None else None
        interview = chosen or default_interview(everything, clock.now())
        if interview is None:
            return _nothing_scheduled()
        window = DraftsWindow(
            interview,
            everything,
            store.load_profile(),
            store.load_settings(),
            controller.my_zone,
            clock,
            QtClipboard(),
            open_url_with_desktop,
            save_path_dialog(None),
            template_for=lambda k: load_template(k, store).text,
            kind=DraftKind(kind),
        )
        iid = int(interview.id or 0)
        window.draft_used.connect(lambda k, how: controller.record(iid, _USED[how], k))
        window.edit_requested.connect(
            lambda field: windows.open(
                "settings" if field.startswith("profile.") else "editor", iid
            )
        )
        return window

    def guide(flow_name: str) -> Callable[..., QWidget]:
        def build(interview_id: int | None, **_: Any) -> QWidget:
            return _guide_window(shell, flow_name, interview_id)

        return build

    def reschedule(interview_id: int | None, **_: Any) -> QWidget:
        from crickets.ui.reschedule_dialog import RescheduleDialog

        interview = store.get(interview_id) if interview_id is not None else None
        if interview is None:
            return _nothing_scheduled()
        window = RescheduleDialog(
            interview,
            store,
            clock,
            controller.my_zone,
            controller.reschedule,
            export_ics=lambda i: _export_ics(i, clock, store),
        )
        window.draft_requested.connect(lambda i, kind: windows.open("drafts", i, kind=kind))
        return window

    def importer(_: int | None, path: str = "", **__: Any) -> QWidget:
        from crickets.ui.import_dialog import ImportDialog

        window = ImportDialog(
            _invitation_reader(shell),
            lambda event: _plan(store, event),
            lambda event, source, confirm: _apply(store, event, source, confirm),
            clock,
            controller.my_zone,
            _choose_calendar_file,
        )
        window.imported.connect(lambda _result: controller.reload())
        return window

    def templates(_: int | None, **__: Any) -> QWidget:
        from crickets.domain.drafts import TemplateError
        from crickets.services import draft_templates as chosen
        from crickets.ui.templates_dialog import TemplatesDialog

        def load(kind: Any) -> tuple[str, bool]:
            found = chosen.load_template(kind, store)
            return found.text, found.is_override

        def save(kind: Any, text: str) -> str | None:
            try:
                chosen.save_override(kind, text, store)
            except TemplateError as error:
                return str(error)
            return None

        return TemplatesDialog(load, save, lambda kind: chosen.reset_override(kind, store))

    windows.factories.update(
        editor=editor,
        list=listing,
        settings=settings,
        drafts=drafts,
        reschedule=reschedule,
        havent_called=guide("havent-called"),
        missed_call=guide("missed-call"),
        templates=templates,
        import_=importer,
    )


def _guide_window(shell: Shell, flow_name: str, interview_id: int | None) -> QWidget:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    from crickets import resources
    from crickets.domain.draft_context import DraftRequest, default_interview
    from crickets.domain.drafts import DraftKind, make_draft
    from crickets.domain.guides import Flow, load_flow
    from crickets.services.draft_templates import load_template
    from crickets.ui.clipboard import QtClipboard
    from crickets.ui.guide_window import GuideWindow

    store, clock, controller, windows = shell.store, shell.clock, shell.controller, shell.windows
    everything = list(store.list())
    interview = store.get(interview_id) if interview_id is not None else None
    interview = interview or default_interview(everything, clock.now())
    if interview is None:
        return _nothing_scheduled()
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
        lambda n: QDesktopServices.openUrl(QUrl(_tel(n))),
    )
    window.draft_requested.connect(lambda i, kind: windows.open("drafts", i, kind=kind))
    window.reschedule_requested.connect(lambda i: windows.open("reschedule", i))
    window.they_called.connect(lambda i, detail: controller.set_status(i, Status.IN_CALL, detail))
    window.stopped_waiting.connect(
        lambda i: controller.set_status(i, Status.MISSED_BY_THEM, "stopped waiting: no call")
    )
    controller.data_changed.connect(window.refresh)
    return window


def _invitation_reader(shell: Shell) -> Callable[[str], tuple[Any | None, str]]:
    """Path -> (invitation, "") or (None, one sentence). Runs on the import worker thread,
    so everything it needs from the store is read here, on the GUI thread, beforehand."""
    from crickets.services.ics_import import IcsError, parse_invitation
    from crickets.services.ics_limits import MAX_BYTES

    zone, clock = shell.controller.my_zone, shell.clock
    my_email = shell.store.load_profile().email

    def read(path: str) -> tuple[Any | None, str]:
        try:
            with Path(path).open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)  # the parser refuses a larger file itself
        except OSError as error:
            return None, f"Crickets cannot read {path}: {error.strerror or error}."
        try:
            return parse_invitation(data, my_zone=zone, now=clock.now(), my_email=my_email), ""
        except IcsError as error:
            return None, str(error)

    return read


def _plan(store: Any, event: Any) -> Any:
    from crickets.services.ics_apply import plan_import

    return plan_import(store, event)


def _apply(store: Any, event: Any, source: bytes, confirm: bool) -> Any:
    from crickets.services.ics_apply import apply_import

    return apply_import(store, event, source, confirm_cancel=confirm)


def _choose_calendar_file() -> str | None:
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getOpenFileName(
        None, "Import an invitation", "", "Calendar (*.ics *.ical)"
    )
    return path or None


def _add_paste_box(editor: QWidget, shell: Shell) -> None:
    from crickets.services.invite_text import understand_invite_text
    from crickets.ui.paste_invite import PasteInviteBox

    area = getattr(editor, "paste_area", None)
    if area is None or area.layout() is None:
        return
    zone, clock = shell.controller.my_zone, shell.clock
    settings = shell.controller.settings
    box = PasteInviteBox(
        lambda text: understand_invite_text(
            text, my_zone=zone, now=clock.now(), day_first=settings.day_first
        ),
        area,
    )
    box.fields_understood.connect(editor.apply_fields)  # type: ignore[attr-defined]
    area.layout().addWidget(box)


def _tel(number: str) -> str:
    return "tel:" + "".join(c for c in number if c.isdigit() or c == "+")


def _nothing_scheduled() -> QWidget:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Information,
        "Crickets",
        "There is no interview to show yet. Add one from the tray menu: Add interview…",
    )
    box.setObjectName("nothing_scheduled")
    return box


def _export_ics(interview: Interview, clock: Clock, store: Any) -> None:
    """ "Add to my calendar": an .ics with the store's stable UID, so calendars update it."""
    from PySide6.QtWidgets import QFileDialog

    from crickets.atomic_files import write_atomically
    from crickets.services.ics_export import interview_to_ics, suggested_filename, uid_word

    name = suggested_filename(interview)
    path, _ = QFileDialog.getSaveFileName(None, "Add to my calendar", name, "Calendar (*.ics)")
    if path:
        data = interview_to_ics(interview, now=clock.now(), uid_token=uid_word(store))
        write_atomically(Path(path), data, mode=0o644)
