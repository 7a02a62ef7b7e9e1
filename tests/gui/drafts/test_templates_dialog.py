"""The own-wording dialog over the real Drafting use case and a store in the test's folder."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from crickets.application.drafting import Drafting
from crickets.domain.clock import FixedClock
from crickets.domain.drafts import DraftKind
from crickets.services.templates import override_key
from crickets.storage.store import Store
from crickets.ui.drafts.templates_dialog import TemplatesDialog
from crickets.wiring.session import build_use_cases

LEFT = Qt.MouseButton.LeftButton
NOW = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)
W = TypeVar("W", bound=QWidget)


def drafting_over(store: Store) -> Drafting:
    return build_use_cases(store, FixedClock(NOW)).drafting


def dialog_for(drafting: Drafting, qtbot: QtBot) -> TemplatesDialog:
    dialog = TemplatesDialog(drafting)
    qtbot.addWidget(dialog)
    return dialog


def child(dialog: QWidget, kind: type[W], name: str) -> W:
    found = dialog.findChild(kind, name)
    assert found is not None, name
    return found


def test_own_wording_is_checked_kept_and_reset(store: Store, qtbot: QtBot) -> None:
    drafting = drafting_over(store)
    dialog = dialog_for(drafting, qtbot)
    text = child(dialog, QPlainTextEdit, "templates.text")
    status = child(dialog, QLabel, "templates.status")
    assert text.toPlainText() == drafting.default_template(DraftKind.CONFIRMATION)
    text.setPlainText(
        "Subject: Today at ${scheduled_time_theirs}\n\n${greeting}\nSee you soon, ${compnay}."
    )
    QTest.mouseClick(child(dialog, QPushButton, "templates.save"), LEFT)
    assert status.text().startswith("Not saved:") and "compnay" in status.text()
    assert not drafting.template(DraftKind.CONFIRMATION).is_override
    mine = "Subject: Today at ${scheduled_time_theirs}\n\n${greeting}\nSee you soon.\n${signature}"
    text.setPlainText(mine)
    QTest.mouseClick(child(dialog, QPushButton, "templates.save"), LEFT)
    assert status.text().startswith("Saved")
    assert drafting.template(DraftKind.CONFIRMATION).text == mine
    QTest.mouseClick(child(dialog, QPushButton, "templates.reset"), LEFT)
    assert text.toPlainText() == drafting.default_template(DraftKind.CONFIRMATION)
    assert not drafting.template(DraftKind.CONFIRMATION).is_override


def test_wording_that_was_set_aside_says_why(store: Store, qtbot: QtBot) -> None:
    store.state.set_state(override_key(DraftKind.CONFIRMATION), "Subject: Hi\n\n${compnay}")
    drafting = drafting_over(store)
    dialog = dialog_for(drafting, qtbot)
    assert child(dialog, QPlainTextEdit, "templates.text").toPlainText() == (
        drafting.default_template(DraftKind.CONFIRMATION)
    )
    status = child(dialog, QLabel, "templates.status").text()
    assert status.startswith("Crickets' wording: your own was set aside") and "compnay" in status


def test_tab_leaves_the_template_text(store: Store, qtbot: QtBot) -> None:
    dialog = dialog_for(drafting_over(store), qtbot)
    assert child(dialog, QPlainTextEdit, "templates.text").tabChangesFocus()
