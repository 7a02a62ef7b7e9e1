from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton

from crickets.domain.drafts import DraftKind, TemplateError
from crickets.services import templates as chosen
from crickets.storage.store import Store
from crickets.ui.drafts.templates_dialog import TemplatesDialog

LEFT = Qt.MouseButton.LeftButton


def dialog_for(store: Store, qtbot) -> TemplatesDialog:  # type: ignore[no-untyped-def]
    def save(kind: DraftKind, text: str) -> str | None:
        try:
            chosen.save_override(kind, text, store)
        except TemplateError as error:
            return str(error)
        return None

    def load(kind: DraftKind) -> tuple[str, bool]:
        found = chosen.load_template(kind, store)
        return found.text, found.is_override

    dialog = TemplatesDialog(load, save, lambda kind: chosen.reset_override(kind, store))
    qtbot.addWidget(dialog)
    return dialog


def test_own_wording_is_checked_kept_and_reset(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = Store.open(tmp_path)
    dialog = dialog_for(store, qtbot)
    text = dialog.findChild(QPlainTextEdit, "templates.text")
    status = dialog.findChild(QLabel, "templates.status")
    assert text.toPlainText() == chosen.default_template(DraftKind.CONFIRMATION)
    text.setPlainText(
        "Subject: Today at ${scheduled_time_theirs}\n\n${greeting}\nSee you soon, ${compnay}."
    )
    qtbot.mouseClick(dialog.findChild(QPushButton, "templates.save"), LEFT)
    assert status.text().startswith("Not saved:") and "compnay" in status.text()
    assert not chosen.load_template(DraftKind.CONFIRMATION, store).is_override
    mine = "Subject: Today at ${scheduled_time_theirs}\n\n${greeting}\nSee you soon.\n${signature}"
    text.setPlainText(mine)
    qtbot.mouseClick(dialog.findChild(QPushButton, "templates.save"), LEFT)
    assert status.text().startswith("Saved")
    assert chosen.load_template(DraftKind.CONFIRMATION, store).text == mine
    qtbot.mouseClick(dialog.findChild(QPushButton, "templates.reset"), LEFT)
    assert text.toPlainText() == chosen.default_template(DraftKind.CONFIRMATION)
    assert not chosen.load_template(DraftKind.CONFIRMATION, store).is_override
    store.close()


def test_tab_leaves_the_template_text(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = Store.open(tmp_path)
    dialog = dialog_for(store, qtbot)
    text = dialog.findChild(QPlainTextEdit, "templates.text")
    assert text.tabChangesFocus()
    store.close()
