"""The Drafts window, offscreen, with a fake clipboard, URL opener and save-path chooser."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from email import policy
from email.parser import BytesParser
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from crickets.domain.clock import FixedClock
from crickets.domain.drafts import DraftKind
from crickets.domain.interview import Interview
from crickets.domain.profile import Profile
from crickets.domain.settings import Settings
from crickets.ui.drafts.clipboard import MemoryClipboard
from crickets.ui.drafts.drafts_window import TOO_LONG, DraftsWindow

CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)
IV = Interview(
    datetime(2026, 12, 1, 14, 0),
    "America/New_York",
    company="Acme",
    role="Data analyst",
    interviewer_name="Doe, Jane",
    interviewer_email="jane.doe+jobs@acme.com",
    my_phone="+44 7700 900123",
    id=1,
)
ME = Profile(name="Sam Lee", email="sam@example.com")
NOW = datetime(2026, 12, 1, 19, 8, tzinfo=UTC)


class Harness:
    def __init__(self, qtbot, tmp_path: Path, interview: Interview, **kw: object) -> None:  # type: ignore[no-untyped-def]
        self.clipboard = MemoryClipboard()
        self.urls: list[str] = []
        self.opens = True
        self.suggested: list[str] = []
        self.save_to: Path | None = tmp_path / "saved.eml"
        self.window = DraftsWindow(
            interview,
            [interview],
            ME,
            Settings(),
            "Europe/London",
            FixedClock(NOW),
            self.clipboard,
            self._open,
            self._choose,
            **kw,  # type: ignore[arg-type]
        )
        qtbot.addWidget(self.window)
        self.window.show()
        self.window.activateWindow()
        qtbot.waitActive(self.window)

    def _open(self, url: str) -> bool:
        self.urls.append(url)
        return self.opens

    def _choose(self, name: str) -> Path | None:
        self.suggested.append(name)
        return self.save_to

    def find(self, kind: type[QWidget], name: str):  # type: ignore[no-untyped-def]
        found = self.window.findChild(kind, name)
        assert found is not None, name
        return found

    def click(self, name: str) -> None:
        self.find(QPushButton, f"drafts.{name}").click()


@pytest.fixture
def harness(qtbot, tmp_path: Path) -> Harness:  # type: ignore[no-untyped-def]
    return Harness(qtbot, tmp_path, IV)


def test_every_control_has_an_object_and_accessible_name(harness: Harness) -> None:
    names = {
        (QComboBox, "drafts.kind"),
        (QLabel, "drafts.recipient"),
        (QLineEdit, "drafts.subject"),
        (QPlainTextEdit, "drafts.body"),
        (QLabel, "drafts.notes"),
        (QLabel, "drafts.status"),
    }
    names |= {(QPushButton, f"drafts.{n}") for n in ("copy", "copy_subject", "copy_body")}
    names |= {(QPushButton, f"drafts.{n}") for n in ("open_mail", "save_eml", "reset")}
    for kind, name in names:
        assert harness.find(kind, name).accessibleName(), name
    assert harness.find(QComboBox, "drafts.kind").count() == len(DraftKind)


def test_it_opens_on_the_follow_up_filled_in(harness: Harness) -> None:
    subject = harness.find(QLineEdit, "drafts.subject").text()
    body = harness.find(QPlainTextEdit, "drafts.body").toPlainText()
    assert subject == "Our phone interview on Tuesday 1 December at 2:00 PM EST"
    assert body.startswith("Hi Jane,\n\n")
    recipient = harness.find(QLabel, "drafts.recipient").text()
    assert recipient == '"Doe, Jane" <jane.doe+jobs@acme.com>'
    assert not harness.find(QLabel, "drafts.notes").isVisible()


def test_copy_puts_the_edited_text_on_the_clipboard(harness: Harness, qtbot) -> None:  # type: ignore[no-untyped-def]
    body = harness.find(QPlainTextEdit, "drafts.body")
    body.setPlainText("My own words.")
    with qtbot.waitSignal(harness.window.draft_used) as used:
        harness.click("copy")
    assert used.args == ["follow-up", "copied"]
    subject = harness.find(QLineEdit, "drafts.subject").text()
    assert harness.clipboard.text() == f"Subject: {subject}\n\nMy own words."
    harness.click("copy_subject")
    assert harness.clipboard.text() == subject
    harness.click("copy_body")
    assert harness.clipboard.text() == "My own words."


def test_shortcuts_work_from_the_keyboard(harness: Harness, qtbot) -> None:  # type: ignore[no-untyped-def]
    body = harness.find(QPlainTextEdit, "drafts.body")
    body.setFocus()
    with qtbot.waitSignal(harness.window.draft_used) as used:
        qtbot.keyClick(body, Qt.Key.Key_C, CTRL | SHIFT)
    assert used.args == ["follow-up", "copied"]
    with qtbot.waitSignal(harness.window.draft_used) as used:
        qtbot.keyClick(body, Qt.Key.Key_M, CTRL)
    assert used.args == ["follow-up", "opened"] and len(harness.urls) == 1
    with qtbot.waitSignal(harness.window.draft_used) as used:
        qtbot.keyClick(body, Qt.Key.Key_S, CTRL)
    assert used.args == ["follow-up", "saved"]
    with qtbot.waitSignal(harness.window.draft_used) as used:
        qtbot.keyClick(body, Qt.Key.Key_U, ALT)
    assert used.args == ["follow-up", "copied-subject"]


def test_edits_are_kept_per_kind_until_reset(harness: Harness) -> None:
    body = harness.find(QPlainTextEdit, "drafts.body")
    body.setPlainText("Edited follow-up")
    harness.window.select("apology")
    assert body.toPlainText().startswith("Hi Jane,\n\nI'm sorry I missed your call")
    harness.window.select(DraftKind.FOLLOW_UP)
    assert body.toPlainText() == "Edited follow-up"
    harness.click("reset")
    assert body.toPlainText().startswith("Hi Jane,")


def test_a_spoken_script_has_no_subject_and_no_mail_outputs(harness: Harness) -> None:
    harness.window.select("voicemail")
    assert not harness.find(QLineEdit, "drafts.subject").isVisible()
    for name in ("copy_subject", "open_mail", "save_eml"):
        assert not harness.find(QPushButton, f"drafts.{name}").isEnabled()
    harness.click("copy")
    assert harness.clipboard.text().startswith("Hi Jane, this is Sam Lee.")
    harness.window.open_in_mail()
    assert harness.urls == []


def test_open_in_mail_hands_over_a_proper_mailto(harness: Harness) -> None:
    harness.click("open_mail")
    (url,) = harness.urls
    assert unquote(urlsplit(url).path) == "jane.doe+jobs@acme.com"
    fields = parse_qs(urlsplit(url).query, strict_parsing=True)
    assert fields["body"][0].startswith("Hi Jane,\r\n\r\n")
    assert harness.find(QLabel, "drafts.status").text() == "Opened in your mail app."
    assert harness.clipboard.texts == []


def test_a_long_text_opens_short_and_goes_to_the_clipboard(harness: Harness) -> None:
    harness.find(QPlainTextEdit, "drafts.body").setPlainText("word " * 500)
    harness.click("open_mail")
    assert "body=" not in harness.urls[0]
    assert harness.clipboard.text() == "word " * 500
    assert harness.find(QLabel, "drafts.status").text() == TOO_LONG


def test_when_no_mail_app_opens_it_says_what_else_to_do(harness: Harness, qtbot) -> None:  # type: ignore[no-untyped-def]
    harness.opens = False
    with qtbot.assertNotEmitted(harness.window.draft_used):
        harness.click("open_mail")
    assert "No mail app opened" in harness.find(QLabel, "drafts.status").text()


def test_save_writes_an_unsent_draft(harness: Harness, tmp_path: Path) -> None:
    harness.click("save_eml")
    assert harness.suggested == ["Acme - follow-up.eml"]
    parsed = BytesParser(policy=policy.default).parsebytes((tmp_path / "saved.eml").read_bytes())
    assert parsed["X-Unsent"] == "1"
    assert [a.addr_spec for a in parsed["To"].addresses] == ["jane.doe+jobs@acme.com"]
    assert "saved.eml" in harness.find(QLabel, "drafts.status").text()


def test_cancelling_the_save_does_nothing(harness: Harness, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    harness.save_to = None
    with qtbot.assertNotEmitted(harness.window.draft_used):
        harness.click("save_eml")
    assert not (tmp_path / "saved.eml").exists()


def test_a_failed_save_is_reported(harness: Harness, tmp_path: Path) -> None:
    (tmp_path / "folder.eml").mkdir()
    harness.save_to = tmp_path / "folder.eml"
    harness.click("save_eml")
    assert "Could not save" in harness.find(QLabel, "drafts.status").text()


def test_a_missing_value_is_noted_with_a_way_to_add_it(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    h = Harness(qtbot, tmp_path, replace(IV, interviewer_email=""))
    notes = h.find(QLabel, "drafts.notes")
    assert notes.isVisible()
    assert "No email address for the interviewer — " in notes.text()
    assert 'href="interviewer_email">add one?' in notes.text()
    assert h.find(QLabel, "drafts.recipient").text() == "(no email address yet)"
    with qtbot.waitSignal(h.window.edit_requested) as asked:
        notes.linkActivated.emit("interviewer_email")
    assert asked.args == ["interviewer_email"]
    body = h.find(QPlainTextEdit, "drafts.body")
    body.setPlainText("Kept")
    h.window.update_context(interview=IV)
    assert not notes.isVisible() and body.toPlainText() == "Kept"


def test_a_template_that_cannot_be_used_is_explained(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    h = Harness(qtbot, tmp_path, IV, template_for=lambda kind: "no subject line")
    assert "template cannot be used" in h.find(QLabel, "drafts.status").text()
    assert not h.find(QPushButton, "drafts.save_eml").isEnabled()


def test_the_kind_it_opens_on_can_be_chosen(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    h = Harness(qtbot, tmp_path, IV, kind=DraftKind.CONFIRMATION)
    assert h.find(QLineEdit, "drafts.subject").text().startswith("Confirming our phone interview")


def test_the_window_works_without_a_mouse(harness: Harness, qtbot) -> None:  # type: ignore[no-untyped-def]
    body = harness.find(QPlainTextEdit, "drafts.body")
    assert body.tabChangesFocus()
    qtbot.keyClick(harness.window, Qt.Key.Key_M, ALT)  # the "Message:" label's mnemonic
    assert harness.find(QComboBox, "drafts.kind").hasFocus()
    qtbot.keyClick(harness.window, Qt.Key.Key_T, ALT)
    assert body.hasFocus()
    qtbot.keyClick(body, Qt.Key.Key_Escape)
    assert not harness.window.isVisible()


def test_hostile_values_stay_plain_text_and_one_recipient(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hostile = replace(IV, interviewer_name="<b>Doe</b>, Jane\r\nBcc: evil@x.test", company="${x}")
    h = Harness(qtbot, tmp_path, hostile)
    assert h.find(QLabel, "drafts.recipient").textFormat() == Qt.TextFormat.PlainText
    assert "the Data analyst role at ${x}" in h.find(QPlainTextEdit, "drafts.body").toPlainText()
    h.click("save_eml")
    parsed = BytesParser(policy=policy.default).parsebytes((tmp_path / "saved.eml").read_bytes())
    (recipient,) = parsed["To"].addresses
    assert recipient.addr_spec == "jane.doe+jobs@acme.com" and "Bcc" not in parsed
    assert h.suggested == ["${x} - follow-up.eml"]
