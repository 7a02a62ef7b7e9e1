"""Builders for the calendar side of the windows: reading invitations on the import
worker, planning and applying imports, the paste box in the add window, "Add to my
calendar". The services are imported here, where windows are assembled."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from crickets.domain.clock import Clock
from crickets.domain.interview import Interview

if TYPE_CHECKING:
    from crickets.ui.shell import Shell


def invitation_reader(shell: Shell) -> Callable[[str], tuple[Any | None, str]]:
    """Path -> (invitation, "") or (None, one sentence). Runs on the import worker thread,
    so everything it needs from the store is read here, on the GUI thread, beforehand."""
    from crickets.invitations.ics.limits import MAX_BYTES
    from crickets.invitations.ics.parse import IcsError, parse_invitation

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


def plan(store: Any, event: Any) -> Any:
    from crickets.invitations.ics.apply import plan_import

    return plan_import(store, event)


def apply(store: Any, event: Any, source: bytes, confirm: bool) -> Any:
    from crickets.invitations.ics.apply import apply_import

    return apply_import(store, event, source, confirm_cancel=confirm)


def choose_calendar_file() -> str | None:
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getOpenFileName(
        None, "Import an invitation", "", "Calendar (*.ics *.ical)"
    )
    return path or None


def add_paste_box(editor: QWidget, shell: Shell) -> None:
    from crickets.invitations.paste.reader import understand_invite_text
    from crickets.ui.invitations.paste_box import PasteInviteBox

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


def export_ics(interview: Interview, clock: Clock, store: Any) -> None:
    """Add to my calendar: an .ics with the store's stable UID, so calendars update it."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from crickets.atomic_files import write_atomically
    from crickets.invitations.ics.export import interview_to_ics, suggested_filename, uid_word

    name = suggested_filename(interview)
    path, _ = QFileDialog.getSaveFileName(None, "Add to my calendar", name, "Calendar (*.ics)")
    if not path:
        return
    data = interview_to_ics(interview, now=clock.now(), uid_token=uid_word(store))
    try:
        write_atomically(Path(path), data, mode=0o644)
    except OSError as error:
        QMessageBox.warning(None, "Crickets", f"Could not save {path}: {error.strerror or error}.")
