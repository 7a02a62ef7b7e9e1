"""How each window is built, registered by name on the shell's :class:`Windows`.

Imports are inside the builders: a window's module loads the first time it is opened, not
at start-up, which keeps the tray quick to appear (see bench/).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from crickets.domain.actions import ActionKind
from crickets.ui.guide.builders import guide_window, nothing_scheduled
from crickets.ui.invitations import calendar_windows

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
        from crickets.ui.interviews.editor import InterviewEditor

        interview = store.get(interview_id) if interview_id is not None else None
        window = InterviewEditor(store, clock, controller.my_zone, interview)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a fresh form next time
        calendar_windows.add_paste_box(window, shell)
        window.interview_saved.connect(lambda _i: controller.reload())
        return window

    def listing(_: int | None, **__: Any) -> QWidget:
        from crickets.ui.interviews.list_window import InterviewsWindow

        window = InterviewsWindow(
            store, clock, controller.my_zone, set_status=controller.set_status
        )
        window.edit_requested.connect(lambda i: windows.open("editor", i))
        window.add_requested.connect(lambda: windows.open("editor", None))
        window.interviews_changed.connect(controller.reload)
        shell.app.aboutToQuit.connect(window.commit_pending_delete)  # never lose a delete
        return window

    def settings(_: int | None, **__: Any) -> QWidget:
        from crickets.services import autostart
        from crickets.ui.settings.settings_window import SettingsWindow

        window = SettingsWindow(store, autostart.is_enabled, autostart.set_enabled)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.settings_saved.connect(lambda _s: controller.reload())
        window.wording_requested.connect(lambda: windows.open("templates"))
        return window

    def drafts(interview_id: int | None, kind: str = "follow-up", **_: Any) -> QWidget:
        from crickets.domain.draft_context import default_interview
        from crickets.domain.drafts import DraftKind
        from crickets.services.templates import load_template
        from crickets.ui.drafts.clipboard import QtClipboard
        from crickets.ui.drafts.drafts_window import (
            DraftsWindow,
            open_url_with_desktop,
            save_path_dialog,
        )

        everything = list(store.list())
        chosen = store.get(interview_id) if interview_id is not None else None
        interview = chosen or default_interview(everything, clock.now())
        if interview is None:
            return nothing_scheduled()
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
            return guide_window(shell, flow_name, interview_id)

        return build

    def reschedule(interview_id: int | None, **_: Any) -> QWidget:
        from crickets.ui.guide.reschedule_dialog import RescheduleDialog

        interview = store.get(interview_id) if interview_id is not None else None
        if interview is None:
            return nothing_scheduled()
        window = RescheduleDialog(
            interview,
            store,
            clock,
            controller.my_zone,
            controller.reschedule,
            export_ics=lambda i: calendar_windows.export_ics(i, clock, store),
        )
        window.draft_requested.connect(lambda i, kind: windows.open("drafts", i, kind=kind))
        return window

    def importer(_: int | None, path: str = "", **__: Any) -> QWidget:
        from crickets.ui.invitations.import_dialog import ImportDialog

        window = ImportDialog(
            calendar_windows.invitation_reader(shell),
            lambda event: calendar_windows.plan(store, event),
            lambda event, source, confirm: calendar_windows.apply(store, event, source, confirm),
            clock,
            controller.my_zone,
            calendar_windows.choose_calendar_file,
        )
        window.imported.connect(lambda _result: controller.reload())
        return window

    def templates(_: int | None, **__: Any) -> QWidget:
        from crickets.domain.drafts import TemplateError
        from crickets.services import templates as chosen
        from crickets.ui.drafts.templates_dialog import TemplatesDialog

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
