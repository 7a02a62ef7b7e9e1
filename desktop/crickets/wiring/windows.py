"""The window factories: each kind of window built over the use cases and the desktop's
outlets, and wired to the controller and to the other windows it asks for.

Registered on :class:`~crickets.ui.windows.Windows`, one per
:class:`~crickets.ui.windows.WindowKind`. A window's module is imported inside its factory:
it loads the first time the window opens, not at start-up, which keeps the tray quick to
appear (see bench/).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from crickets.application.errors import Refused
from crickets.application.use_cases import UseCases
from crickets.domain.draft_kinds import DraftKind
from crickets.domain.interview import Interview, Status
from crickets.ui.controller import Controller
from crickets.ui.windows import WindowFactory, WindowKind, WindowRequest, Windows

if TYPE_CHECKING:
    from crickets.application.drafting import DraftOutlets
    from crickets.ui.drafts.drafts_form import FixIn


def register_windows(
    windows: Windows,
    controller: Controller,
    use_cases: UseCases,
    app: QApplication,
    *,
    data_dir: Path | None = None,  # the folder the store is in (None: the usual one)
) -> None:
    """One factory per kind of window on ``windows``."""
    build = _Factories(windows, controller, use_cases, app)
    build.data_dir = data_dir
    factories: dict[WindowKind, WindowFactory] = {
        WindowKind.EDITOR: build.editor,
        WindowKind.LIST: build.listing,
        WindowKind.SETTINGS: build.settings,
        WindowKind.TEMPLATES: build.templates,
        WindowKind.DRAFTS: build.drafts,
        WindowKind.RESCHEDULE: build.reschedule,
        WindowKind.HAVENT_CALLED: build.guide,
        WindowKind.MISSED_CALL: build.guide,
        WindowKind.IMPORT: build.importer,
        WindowKind.WELCOME: build.welcome,
    }
    windows.factories.update(factories)


def nothing_scheduled() -> QWidget:
    """What a window about "the current interview" shows when there is none yet."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        "Nothing scheduled yet",
        "There is no interview to show yet. Add one from the tray menu: Add interview…",
    )
    box.setObjectName("nothing_scheduled")
    return box


class _Factories:
    def __init__(
        self, windows: Windows, controller: Controller, use_cases: UseCases, app: QApplication
    ) -> None:
        self._windows, self._controller, self._uc, self._app = windows, controller, use_cases, app
        self.data_dir: Path | None = None

    def _open(self, kind: WindowKind, interview_id: int | None = None) -> None:
        self._windows.open(WindowRequest(kind, interview_id))

    def _open_draft(self, interview_id: int, kind: DraftKind) -> None:
        self._windows.open(WindowRequest(WindowKind.DRAFTS, interview_id, draft=kind))

    def _reload(self) -> None:
        """Something was written here: the controller re-reads (our own writes do not
        change the store's data version) and the open windows follow."""
        self._controller.reload()

    def _interview(self, interview_id: int | None) -> Interview | None:
        """The interview asked for, else the one under way, the next or the latest."""
        drafting = self._uc.drafting
        for wanted in (interview_id, None) if interview_id is not None else (None,):
            try:
                return drafting.interview_for(wanted)
            except Refused:  # deleted meanwhile, or none at all
                continue
        return None

    # -- interviews -------------------------------------------------------------------------

    def editor(self, request: WindowRequest) -> QWidget:
        from crickets.ui.interviews.editor import InterviewEditor

        book = self._uc.book
        interview = book.get(request.interview_id) if request.interview_id is not None else None
        window = InterviewEditor(book, interview, understand=self._uc.invitations.understand_text)
        window.interview_saved.connect(lambda _saved: self._reload())
        return window

    def listing(self, _request: WindowRequest) -> QWidget:
        from crickets.ui.interviews.list_window import InterviewsWindow

        window = InterviewsWindow(self._uc.book, self._uc.logbook)
        window.edit_requested.connect(lambda i: self._open(WindowKind.EDITOR, i))
        window.add_requested.connect(lambda: self._open(WindowKind.EDITOR))
        window.interviews_changed.connect(self._reload)
        self._app.aboutToQuit.connect(window.commit_pending_delete)  # never lose a delete
        return window

    def settings(self, _request: WindowRequest) -> QWidget:
        from crickets.ui.settings.settings_window import SettingsWindow

        window = SettingsWindow(self._uc.preferences, self._uc.book.system_zone())
        window.settings_saved.connect(lambda _settings: self._reload())
        window.wording_requested.connect(lambda: self._open(WindowKind.TEMPLATES))
        return window

    # -- drafts -----------------------------------------------------------------------------

    def _outlets(self) -> DraftOutlets:
        from crickets.application.drafting import DraftOutlets
        from crickets.ui.outlets import QtClipboard, QtMailOutlet

        return DraftOutlets(self._uc.logbook, QtClipboard(), QtMailOutlet())

    def drafts(self, request: WindowRequest) -> QWidget:
        from crickets.ui.drafts.drafts_window import DraftsWindow

        interview = self._interview(request.interview_id)
        if interview is None or interview.id is None:
            return nothing_scheduled()
        kind = request.draft or DraftKind.FOLLOW_UP
        window = DraftsWindow(self._uc.drafting, self._outlets(), interview, kind=kind)
        iid = interview.id
        window.draft_used.connect(lambda _kind, _how: self._reload())
        window.edit_requested.connect(lambda where: self._fix(where, iid))
        return window

    def _fix(self, where: FixIn, interview_id: int) -> None:
        """A draft's note was followed: open where its missing value is added."""
        from crickets.ui.drafts.drafts_form import FixIn

        match where:
            case FixIn.INTERVIEW:
                self._open(WindowKind.EDITOR, interview_id)
            case FixIn.SETTINGS:
                self._open(WindowKind.SETTINGS)
            case FixIn.TEMPLATES:
                self._open(WindowKind.TEMPLATES)

    def templates(self, _request: WindowRequest) -> QWidget:
        from crickets.ui.drafts.templates_dialog import TemplatesDialog

        return TemplatesDialog(self._uc.drafting)

    # -- when nobody calls --------------------------------------------------------------------

    def guide(self, request: WindowRequest) -> QWidget:
        import json

        from crickets import resources
        from crickets.domain.guides import Flow, load_flow
        from crickets.ui.guide.guide_outlets import GuideOutlets
        from crickets.ui.guide.guide_window import GuideWindow
        from crickets.ui.outlets import QtClipboard, QtDialer, QtLinkOpener

        missed = request.kind is WindowKind.MISSED_CALL
        flow = Flow.MISSED_CALL if missed else Flow.HAVENT_CALLED
        interview = self._interview(request.interview_id)
        if interview is None or interview.id is None:
            return nothing_scheduled()
        steps = load_flow(json.loads(resources.read_text("checklists", "guides.json")), flow)
        uc, controller = self._uc, self._controller
        outlets = GuideOutlets(QtClipboard(), QtDialer(), QtLinkOpener())
        window = GuideWindow(flow, steps, interview, uc.logbook, uc.drafting, outlets)
        window.draft_requested.connect(self._open_draft)
        window.start_moved.connect(lambda _i: controller.reload())  # the countdown moves
        window.reschedule_requested.connect(lambda i: self._open(WindowKind.RESCHEDULE, i))
        window.they_called.connect(
            lambda i, detail: controller.set_status(i, Status.IN_CALL, detail)
        )
        window.stopped_waiting.connect(
            lambda i: controller.set_status(i, Status.MISSED_BY_THEM, "stopped waiting: no call")
        )
        return window  # refreshed with every other open window when the data changes

    def reschedule(self, request: WindowRequest) -> QWidget:
        from crickets.ui.guide.reschedule_dialog import RescheduleDialog

        iid = request.interview_id
        interview = self._uc.book.get(iid) if iid is not None else None
        if interview is None:
            return nothing_scheduled()
        window = RescheduleDialog(interview, self._uc.rescheduling, self._uc.invitations)
        window.draft_requested.connect(self._open_draft)
        window.rescheduled.connect(lambda _new: self._reload())  # the countdown moves on
        return window

    # -- invitations ------------------------------------------------------------------------

    def importer(self, _request: WindowRequest) -> QWidget:
        """The file a request names is handed over by Windows (``receive_file``)."""
        from crickets.ui.invitations.import_dialog import ImportDialog

        window = ImportDialog(self._uc.invitations)
        window.imported.connect(lambda _result: self._reload())
        return window

    # -- the first start --------------------------------------------------------------------

    def welcome(self, _request: WindowRequest) -> QWidget:
        from crickets import paths
        from crickets.ui.welcome.welcome_window import WelcomeText, WelcomeWindow

        folder = self.data_dir or paths.data_dir()
        window = WelcomeWindow(WelcomeText.load(folder), folder)
        window.add_requested.connect(lambda: self._open(WindowKind.EDITOR))
        return window
