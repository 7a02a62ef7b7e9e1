"""The Drafts window, offscreen, over the real use cases and a store in the test's folder,
with a fake clipboard, mail app and save-path chooser."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email import policy
from email.parser import BytesParser
from pathlib import Path
from typing import TypeVar
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from crickets.application.drafting import ComposedDraft, Drafting, DraftOutlets
from crickets.application.use_cases import UseCases
from crickets.domain.actions import ActionKind
from crickets.domain.clock import FixedClock
from crickets.domain.drafts import DraftKind, TemplateError
from crickets.domain.interview import Interview
from crickets.domain.profile import Profile
from crickets.services.templates import override_key
from crickets.storage.store import Store
from crickets.ui.drafts.drafts_form import FixIn, fix_for
from crickets.ui.drafts.drafts_window import DraftsWindow, DraftUse
from crickets.wiring.session import build_use_cases

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
)
ME = Profile(name="Sam Lee", email="sam@example.com")
NOW = datetime(2026, 12, 1, 19, 8, tzinfo=UTC)
W = TypeVar("W", bound=QWidget)


@dataclass
class MemoryClipboard:
    """The Clipboard port in memory; ``works=False`` is a clipboard that refuses."""

    texts: list[str] = field(default_factory=list)
    works: bool = True

    def set_text(self, text: str) -> bool:
        if self.works:
            self.texts.append(text)
        return self.works

    def text(self) -> str:
        return self.texts[-1] if self.texts else ""


@dataclass
class MailApp:
    """The MailOutlet port: remembers each link; ``opens=False`` is no mail app at all."""

    urls: list[str] = field(default_factory=list)
    opens: bool = True

    def open_mailto(self, url: str) -> bool:
        self.urls.append(url)
        return self.opens


@pytest.fixture
def use_cases(store: Store) -> UseCases:
    store.settings.save_profile(ME)
    return build_use_cases(store, FixedClock(NOW))


class Harness:
    def __init__(
        self,
        qtbot: QtBot,
        tmp_path: Path,
        use_cases: UseCases,
        interview: Interview,
        kind: DraftKind = DraftKind.FOLLOW_UP,
        drafting: Drafting | None = None,
    ) -> None:
        self.clipboard, self.mail = MemoryClipboard(), MailApp()
        self.suggested: list[str] = []
        self.save_to: Path | None = tmp_path / "saved.eml"
        self.interview = use_cases.book.add(interview)
        self.logbook = use_cases.logbook
        outlets = DraftOutlets(use_cases.logbook, self.clipboard, self.mail)
        self.window = DraftsWindow(
            drafting or use_cases.drafting,
            outlets,
            self.interview,
            kind=kind,
            choose_save_path=self._choose,
        )
        qtbot.addWidget(self.window)
        self.window.show()
        self.window.activateWindow()
        qtbot.waitActive(self.window)

    def _choose(self, name: str) -> Path | None:
        self.suggested.append(name)
        return self.save_to

    def find(self, kind: type[W], name: str) -> W:
        found = self.window.findChild(kind, name)
        assert found is not None, name
        return found

    def click(self, name: str) -> None:
        self.find(QPushButton, f"drafts.{name}").click()

    def status(self) -> str:
        return self.find(QLabel, "drafts.status").text()

    def logged(self) -> list[tuple[ActionKind, str]]:
        return [(a.kind, a.detail) for a in self.logbook.actions(self.interview.id)]


@pytest.fixture
def harness(qtbot: QtBot, tmp_path: Path, use_cases: UseCases) -> Harness:
    return Harness(qtbot, tmp_path, use_cases, IV)


def test_every_control_has_an_object_and_accessible_name(harness: Harness) -> None:
    names: set[tuple[type[QWidget], str]] = {
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
        found = harness.find(kind, name)
        assert found.accessibleName() or found.accessibleDescription(), name
    for changing in ("drafts.recipient", "drafts.notes", "drafts.status"):  # read as they are
        assert harness.find(QLabel, changing).accessibleName() == "", changing
    assert harness.find(QComboBox, "drafts.kind").count() == len(DraftKind)


def test_it_opens_on_the_follow_up_filled_in(harness: Harness) -> None:
    subject = harness.find(QLineEdit, "drafts.subject").text()
    body = harness.find(QPlainTextEdit, "drafts.body").toPlainText()
    assert subject == "Our phone interview on Tuesday 1 December at 2:00 PM EST"
    assert body.startswith("Hi Jane,\n\n")
    recipient = harness.find(QLabel, "drafts.recipient").text()
    assert recipient == '"Doe, Jane" <jane.doe+jobs@acme.com>'
    assert not harness.find(QLabel, "drafts.notes").isVisible()


def test_copy_puts_the_edited_text_on_the_clipboard_and_logs_it(
    harness: Harness, qtbot: QtBot
) -> None:
    body = harness.find(QPlainTextEdit, "drafts.body")
    body.setPlainText("My own words.")
    with qtbot.waitSignal(harness.window.draft_used) as used:
        harness.click("copy")
    assert used.args == [DraftKind.FOLLOW_UP, DraftUse.COPIED]
    subject = harness.find(QLineEdit, "drafts.subject").text()
    assert harness.clipboard.text() == f"Subject: {subject}\n\nMy own words."
    harness.click("copy_subject")
    assert harness.clipboard.text() == subject
    harness.click("copy_body")
    assert harness.clipboard.text() == "My own words."
    assert harness.logged() == [(ActionKind.EMAIL_COPIED, "follow-up")] * 3


def test_shortcuts_work_from_the_keyboard(harness: Harness, qtbot: QtBot) -> None:
    body = harness.find(QPlainTextEdit, "drafts.body")
    body.setFocus()
    with qtbot.waitSignal(harness.window.draft_used) as used:
        QTest.keyClick(body, Qt.Key.Key_C, CTRL | SHIFT)
    assert used.args == [DraftKind.FOLLOW_UP, DraftUse.COPIED]
    with qtbot.waitSignal(harness.window.draft_used) as used:
        QTest.keyClick(body, Qt.Key.Key_M, CTRL)
    assert used.args == [DraftKind.FOLLOW_UP, DraftUse.OPENED] and len(harness.mail.urls) == 1
    with qtbot.waitSignal(harness.window.draft_used) as used:
        QTest.keyClick(body, Qt.Key.Key_S, CTRL)
    assert used.args == [DraftKind.FOLLOW_UP, DraftUse.SAVED]
    with qtbot.waitSignal(harness.window.draft_used) as used:
        QTest.keyClick(body, Qt.Key.Key_U, ALT)
    assert used.args == [DraftKind.FOLLOW_UP, DraftUse.COPIED_SUBJECT]


def test_edits_are_kept_per_kind_until_reset(harness: Harness) -> None:
    body = harness.find(QPlainTextEdit, "drafts.body")
    body.setPlainText("Edited follow-up")
    harness.window.select(DraftKind.APOLOGY)
    assert body.toPlainText().startswith("Hi Jane,\n\nI'm sorry I missed your call")
    harness.window.select(DraftKind.FOLLOW_UP)
    assert body.toPlainText() == "Edited follow-up"
    harness.click("reset")
    assert body.toPlainText().startswith("Hi Jane,")


def test_a_spoken_script_has_no_subject_and_no_mail_outputs(harness: Harness) -> None:
    harness.window.select(DraftKind.VOICEMAIL)
    assert not harness.find(QLineEdit, "drafts.subject").isVisible()
    for name in ("copy_subject", "open_mail", "save_eml"):
        assert not harness.find(QPushButton, f"drafts.{name}").isEnabled()
    harness.click("copy")
    assert harness.clipboard.text().startswith("Hi Jane, this is Sam Lee.")
    harness.window.open_in_mail()
    assert harness.mail.urls == []


def test_open_in_mail_hands_over_a_proper_mailto(harness: Harness) -> None:
    harness.click("open_mail")
    (url,) = harness.mail.urls
    assert unquote(urlsplit(url).path) == "jane.doe+jobs@acme.com"
    fields = parse_qs(urlsplit(url).query, strict_parsing=True)
    assert fields["body"][0].startswith("Hi Jane,\r\n\r\n")
    assert harness.status() == "Opened in your mail app."
    assert harness.clipboard.texts == []
    assert harness.logged() == [(ActionKind.EMAIL_OPENED, "follow-up")]


def test_a_long_text_opens_short_and_goes_to_the_clipboard(harness: Harness) -> None:
    harness.find(QPlainTextEdit, "drafts.body").setPlainText("word " * 500)
    harness.click("open_mail")
    assert "body=" not in harness.mail.urls[0]
    assert harness.clipboard.text() == "word " * 500
    assert harness.status().startswith("Opened your mail app with the recipient and subject.")
    assert "paste it into the new email" in harness.status()


def test_when_no_mail_app_opens_it_says_what_else_to_do(harness: Harness, qtbot: QtBot) -> None:
    harness.mail.opens = False
    with qtbot.assertNotEmitted(harness.window.draft_used):
        harness.click("open_mail")
    assert "No mail app opened" in harness.status()


def test_an_outlet_that_fails_logs_nothing_and_says_so(harness: Harness, qtbot: QtBot) -> None:
    harness.mail.opens = False
    with qtbot.assertNotEmitted(harness.window.draft_used):
        harness.click("open_mail")
    assert harness.mail.urls  # the mail app was asked, and said no
    assert harness.status() == "No mail app opened. Use Copy or Save as .eml instead."
    harness.clipboard.works = False
    with qtbot.assertNotEmitted(harness.window.draft_used):
        harness.click("copy")
    assert harness.status() == "The clipboard did not take the text. Save as .eml instead."
    assert harness.logged() == []


def test_save_writes_an_unsent_draft(harness: Harness, tmp_path: Path) -> None:
    harness.click("save_eml")
    assert harness.suggested == ["Acme - follow-up.eml"]
    parsed = BytesParser(policy=policy.default).parsebytes((tmp_path / "saved.eml").read_bytes())
    assert parsed["X-Unsent"] == "1"
    assert [a.addr_spec for a in parsed["To"].addresses] == ["jane.doe+jobs@acme.com"]
    assert "saved.eml" in harness.status()
    assert harness.logged() == [(ActionKind.EMAIL_SAVED, "follow-up")]


def test_cancelling_the_save_does_nothing(harness: Harness, qtbot: QtBot, tmp_path: Path) -> None:
    harness.save_to = None
    with qtbot.assertNotEmitted(harness.window.draft_used):
        harness.click("save_eml")
    assert not (tmp_path / "saved.eml").exists()
    assert harness.logged() == []


def test_a_failed_save_is_reported(harness: Harness, tmp_path: Path) -> None:
    (tmp_path / "folder.eml").mkdir()
    harness.save_to = tmp_path / "folder.eml"
    harness.click("save_eml")
    assert "Could not save" in harness.status()
    assert harness.logged() == []


def test_a_missing_value_is_noted_with_a_way_to_add_it(
    qtbot: QtBot, tmp_path: Path, use_cases: UseCases
) -> None:
    h = Harness(qtbot, tmp_path, use_cases, replace(IV, interviewer_email=""))
    notes = h.find(QLabel, "drafts.notes")
    assert notes.isVisible()
    assert "No email address for the interviewer — " in notes.text()
    assert 'href="interviewer_email">add one?' in notes.text()
    assert h.find(QLabel, "drafts.recipient").text() == "(no email address yet)"
    with qtbot.waitSignal(h.window.edit_requested) as asked:
        notes.linkActivated.emit("interviewer_email")
    assert asked.args == [FixIn.INTERVIEW]
    body = h.find(QPlainTextEdit, "drafts.body")
    body.setPlainText("Kept")
    use_cases.book.update(replace(h.interview, interviewer_email=IV.interviewer_email))
    h.window.refresh()  # what the app does when the data changed
    assert not notes.isVisible() and body.toPlainText() == "Kept"


def test_each_note_opens_where_it_is_fixed() -> None:
    assert fix_for("interviewer_email") is FixIn.INTERVIEW
    assert fix_for("profile.name") is FixIn.SETTINGS
    assert fix_for("settings.work_days") is FixIn.SETTINGS


def test_own_wording_that_was_set_aside_is_said(
    qtbot: QtBot, tmp_path: Path, store: Store, use_cases: UseCases
) -> None:
    store.state.set_state(override_key(DraftKind.FOLLOW_UP), "Subject: Hi\n\nSee you, ${compnay}.")
    h = Harness(qtbot, tmp_path, use_cases, IV)
    notes = h.find(QLabel, "drafts.notes")
    assert notes.isVisible()
    assert notes.text().startswith("Your own follow-up template was set aside: ")
    assert "compnay" in notes.text()
    subject = h.find(QLineEdit, "drafts.subject").text()
    assert subject == "Our phone interview on Tuesday 1 December at 2:00 PM EST"  # the default
    assert h.find(QPushButton, "drafts.save_eml").isEnabled()
    with qtbot.waitSignal(h.window.edit_requested) as asked:
        notes.linkActivated.emit("own-wording")
    assert asked.args == [FixIn.TEMPLATES]
    h.window.select(DraftKind.APOLOGY)  # its own wording is Crickets': nothing to say
    assert not notes.isVisible()


@dataclass(frozen=True)
class UnusableTemplates(Drafting):
    """Drafting whose template cannot be used even after setting the person's aside."""

    def compose(self, kind: DraftKind, interview: Interview) -> ComposedDraft:
        raise TemplateError(kind, "there is no Subject: line")


def test_a_template_that_cannot_be_used_is_explained(
    qtbot: QtBot, tmp_path: Path, use_cases: UseCases
) -> None:
    broken = UnusableTemplates(use_cases.logbook, use_cases.drafting.state)
    h = Harness(qtbot, tmp_path, use_cases, IV, drafting=broken)
    assert "template cannot be used" in h.status()
    assert not h.find(QPushButton, "drafts.save_eml").isEnabled()


def test_the_kind_it_opens_on_can_be_chosen(
    qtbot: QtBot, tmp_path: Path, use_cases: UseCases
) -> None:
    h = Harness(qtbot, tmp_path, use_cases, IV, kind=DraftKind.CONFIRMATION)
    assert h.find(QLineEdit, "drafts.subject").text().startswith("Confirming our phone interview")


def test_the_window_works_without_a_mouse(harness: Harness, qtbot: QtBot) -> None:
    body = harness.find(QPlainTextEdit, "drafts.body")
    assert body.tabChangesFocus()
    QTest.keyClick(harness.window, Qt.Key.Key_M, ALT)  # the "Message:" label's mnemonic
    assert harness.find(QComboBox, "drafts.kind").hasFocus()
    QTest.keyClick(harness.window, Qt.Key.Key_T, ALT)
    assert body.hasFocus()
    QTest.keyClick(body, Qt.Key.Key_Escape)
    assert not harness.window.isVisible()


def test_hostile_values_stay_plain_text_and_one_recipient(
    qtbot: QtBot, tmp_path: Path, use_cases: UseCases
) -> None:
    hostile = replace(IV, interviewer_name="<b>Doe</b>, Jane\r\nBcc: evil@x.test", company="${x}")
    h = Harness(qtbot, tmp_path, use_cases, hostile)
    assert h.find(QLabel, "drafts.recipient").textFormat() == Qt.TextFormat.PlainText
    assert "the Data analyst role at ${x}" in h.find(QPlainTextEdit, "drafts.body").toPlainText()
    h.click("save_eml")
    parsed = BytesParser(policy=policy.default).parsebytes((tmp_path / "saved.eml").read_bytes())
    (recipient,) = parsed["To"].addresses
    assert recipient.addr_spec == "jane.doe+jobs@acme.com" and "Bcc" not in parsed
    assert h.suggested == ["${x} - follow-up.eml"]
