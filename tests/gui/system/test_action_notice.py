"""The guide's notification with buttons: notify-send run for real (a fake program that
behaves as notify-send 0.8 does with ``--action``: the id at once, the pressed button's key
later), the daemon's capabilities faked, the chain's fallback to a plain notification, and
what a pressed button does to the interview."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from crickets.domain.reminders import ReminderKind
from crickets.services.notifications import notify_send_args
from crickets.ui.reminders.dispatch import OPEN_GUIDE, THEY_CALLED, notice_actions
from crickets.ui.system.action_notice import ActionNotifier, NoticeAction
from crickets.ui.system.notify_chain import LogNotifier, NotifyChain
from crickets.ui.system.notify_send import NotifySendNotifier
from tests.gui.system.fake_notify_send import fake_notify_send

ACTIONS = (OPEN_GUIDE, THEY_CALLED)


def capabilities(has_actions: bool) -> Callable[[Callable[[bool], None]], None]:
    return lambda then: then(has_actions)


def arguments(title: str, message: str, actions: Sequence[tuple[str, str]]) -> list[str]:
    return notify_send_args(title, message, expire_ms=0, actions=actions)


def chain_with(program: str, has_actions: bool, plain: str) -> NotifyChain:
    notifier = ActionNotifier(program, arguments, capabilities(has_actions))
    fallback = NotifySendNotifier(plain, notify_send_args)
    return NotifyChain([fallback, LogNotifier()], actionable=notifier)


def test_the_guide_notification_offers_two_buttons() -> None:
    assert notice_actions(ReminderKind.OVERDUE) == (
        NoticeAction("open-guide", "Open the guide"),
        NoticeAction("they-called", "They called"),
    )
    assert notice_actions(ReminderKind.GET_READY) == ()


def test_notify_send_args_with_buttons() -> None:
    args = notify_send_args("T", "M", actions=[("open-guide", "Open the guide")])
    assert "--print-id" in args and "--action=open-guide=Open the guide" in args
    assert args[-3:] == ["--", "T", "M"]
    assert "--print-id" not in notify_send_args("T", "M")


def test_a_pressed_button_is_reported_once_the_daemon_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    program, record = fake_notify_send(tmp_path, "echo 7; echo they-called; echo nonsense")
    chain = chain_with(program, True, str(tmp_path / "absent"))
    pressed: list[str] = []
    with qtbot.waitSignal(chain.delivered, timeout=5000) as delivered:
        chain.notify("They haven't called yet", "Acme", ACTIONS, pressed.append)
    assert delivered.args[2] == "notify-send --action"
    qtbot.waitUntil(lambda: pressed == ["they-called"])  # an unknown key is not acted on
    assert "--action=they-called=They called" in record.read_text().splitlines()


def test_nothing_is_pressed_when_the_notification_is_closed(qtbot: QtBot, tmp_path: Path) -> None:
    program, _ = fake_notify_send(tmp_path, "echo 7")  # shown, then closed unanswered
    chain = chain_with(program, True, str(tmp_path / "absent"))
    pressed: list[str] = []
    with qtbot.waitSignal(chain.delivered, timeout=5000):
        chain.notify("t", "m", ACTIONS, pressed.append)
    qtbot.wait(50)
    assert pressed == []


@pytest.mark.parametrize("has_actions", [True, False])
def test_without_buttons_the_plain_notification_is_shown(
    qtbot: QtBot, tmp_path: Path, has_actions: bool
) -> None:
    """A daemon without buttons, or notify-send failing (too old for --action): the chain
    sends the notification without buttons, and no button is ever reported."""
    failing = tmp_path / "old"
    failing.mkdir()
    program, _ = fake_notify_send(failing, "echo 'Unknown option --action' >&2; exit 1")
    plain, record = fake_notify_send(tmp_path, "exit 0")
    chain = chain_with(program, has_actions, plain)
    pressed: list[str] = []
    with qtbot.waitSignal(chain.delivered, timeout=5000) as delivered:
        chain.notify("t", "m", ACTIONS, pressed.append)
    assert delivered.args[2] == "notify-send"
    assert record.read_text().splitlines() == notify_send_args("t", "m")
    assert pressed == []


def test_a_notification_without_buttons_goes_the_plain_way(qtbot: QtBot, tmp_path: Path) -> None:
    program, record = fake_notify_send(tmp_path, "exit 0")
    chain = chain_with(str(tmp_path / "absent"), True, program)
    with qtbot.waitSignal(chain.delivered, timeout=5000) as delivered:
        chain.notify("t", "m")
    assert delivered.args[2] == "notify-send"
    assert record.read_text().splitlines() == notify_send_args("t", "m")
