"""The notification chain's fallback order, notify-send run for real (a fake program in a temp
dir), the tray balloon against a fake tray, and the sound that goes with a reminder."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from crickets.application.ports import Notifier
from crickets.services.notifications import PlyerNotifier, notify_send_args
from crickets.ui.reminders.sound import Cue, Sound
from crickets.ui.system.notify_chain import LogNotifier, NotifyChain, TrayBalloonNotifier
from crickets.ui.system.notify_send import NotifySendNotifier
from crickets.wiring.tray import notifiers
from tests.gui.system.fake_notify_send import fake_notify_send


class Fake:
    """A notifier that answers as told and remembers what it was asked."""

    def __init__(self, name: str, answer: bool | str = True) -> None:
        self.name = name
        self.answer = answer
        self.seen: list[tuple[str, str]] = []

    def notify(self, title: str, message: str) -> bool:
        self.seen.append((title, message))
        if self.answer == "raise":
            raise NotImplementedError("No usable implementation found!")
        if self.answer == "warn":
            warnings.warn("notify-send not found.", UserWarning, stacklevel=2)
            return True
        return bool(self.answer)


class Deferred(Fake):
    """A notifier that only starts the attempt; the test reports the outcome."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.callbacks: list[Callable[[str, str, bool], None]] = []

    def on_outcome(self, callback: Callable[[str, str, bool], None]) -> None:
        self.callbacks.append(callback)

    def finish(self, shown: bool) -> None:
        for callback in self.callbacks:
            callback(*self.seen[-1], shown)


class FakeTray:
    def __init__(self, *, available: bool = True, visible: bool = True) -> None:
        self.available, self.visible = available, visible
        self.messages: list[tuple[str, str]] = []

    def isSystemTrayAvailable(self) -> bool:
        return self.available

    def supportsMessages(self) -> bool:
        return True

    def isVisible(self) -> bool:
        return self.visible

    def showMessage(
        self, title: str, msg: str, icon: QSystemTrayIcon.MessageIcon, msecs: int
    ) -> None:
        self.messages.append((title, msg))


def chain_of(qtbot: QtBot, *notifiers: Notifier) -> NotifyChain:
    return NotifyChain(notifiers)


@pytest.mark.parametrize("failure", [False, "raise", "warn"])
def test_a_failing_notifier_hands_over_to_the_next(qtbot: QtBot, failure: bool | str) -> None:
    first, second, third = Fake("os", failure), Fake("tray"), Fake("log")
    chain = chain_of(qtbot, first, second, third)
    with qtbot.waitSignal(chain.delivered) as delivered:
        chain.notify("It's time", "Acme — phone screen")
    assert delivered.args == ["It's time", "Acme — phone screen", "tray"]
    assert first.seen == second.seen == [("It's time", "Acme — phone screen")]
    assert third.seen == []


def test_the_first_that_works_ends_the_chain(qtbot: QtBot) -> None:
    first, second = Fake("os"), Fake("tray")
    chain = chain_of(qtbot, first, second)
    with qtbot.waitSignal(chain.delivered) as delivered:
        chain.notify("t", "m")
    assert delivered.args[2] == "os" and second.seen == []


def test_nothing_escapes_even_when_everything_fails(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    chain = chain_of(qtbot, Fake("a", "raise"), Fake("b", "warn"), Fake("c", False))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with qtbot.assertNotEmitted(chain.delivered):
            chain.notify("t", "m")
    assert "No way to show a notification worked" in caplog.text


def test_a_deferred_failure_resumes_after_it(qtbot: QtBot) -> None:
    deferred, tray = Deferred("notify-send"), Fake("tray")
    chain = chain_of(qtbot, deferred, tray)
    with qtbot.assertNotEmitted(chain.delivered):
        chain.notify("t", "m")
    assert tray.seen == []  # still waiting for notify-send's verdict
    with qtbot.waitSignal(chain.delivered) as delivered:
        deferred.finish(False)
    assert delivered.args == ["t", "m", "tray"] and tray.seen == [("t", "m")]


def test_a_deferred_success_is_the_end(qtbot: QtBot) -> None:
    deferred, tray = Deferred("notify-send"), Fake("tray")
    chain = chain_of(qtbot, deferred, tray)
    chain.notify("t", "m")
    with qtbot.waitSignal(chain.delivered) as delivered:
        deferred.finish(True)
    assert delivered.args[2] == "notify-send" and tray.seen == []


# -- the real notifiers ---------------------------------------------------------------------------


def test_the_tray_balloon(qtbot: QtBot) -> None:
    tray = FakeTray()
    assert TrayBalloonNotifier(tray).notify("t", "m")
    assert tray.messages == [("t", "m")]
    assert not TrayBalloonNotifier(FakeTray(visible=False)).notify("t", "m")
    assert not TrayBalloonNotifier(FakeTray(available=False)).notify("t", "m")


def test_the_log_always_works(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="crickets.notifications"):
        assert LogNotifier().notify("It's time", "Acme")
    assert "could not be shown" in caplog.text
    assert "Acme" not in caplog.text  # the text names people: never in the log (issue 15)


def test_notify_send_that_succeeds(qtbot: QtBot, tmp_path: Path) -> None:
    program, record = fake_notify_send(tmp_path, "exit 0")
    tray = FakeTray()
    chain = NotifyChain([NotifySendNotifier(program, notify_send_args), TrayBalloonNotifier(tray)])
    with qtbot.waitSignal(chain.delivered, timeout=5000) as delivered:
        chain.notify("-5 min", "Acme\\Dana")
    assert delivered.args[2] == "notify-send" and tray.messages == []
    assert record.read_text().splitlines() == notify_send_args("-5 min", "Acme\\Dana")


@pytest.mark.parametrize(
    "body",
    [
        'echo "Could not connect: No such file or directory" >&2; exit 1',  # no bus
        "kill -9 $$",  # crashed
        "exec sleep 60",  # hung: killed at the deadline
    ],
)
def test_notify_send_that_fails_falls_back_to_the_tray(
    qtbot: QtBot, tmp_path: Path, body: str, capfd: pytest.CaptureFixture[str]
) -> None:
    program, _ = fake_notify_send(tmp_path, body)
    tray = FakeTray()
    deadline = 0 if "sleep" in body else 5000
    notifier = NotifySendNotifier(program, notify_send_args, timeout_ms=deadline)
    chain = NotifyChain([notifier, TrayBalloonNotifier(tray)])
    with qtbot.waitSignal(chain.delivered, timeout=5000) as delivered:
        chain.notify("t", "m")
    assert delivered.args[2] == "tray" and tray.messages == [("t", "m")]
    assert capfd.readouterr().err == ""  # notify-send's complaint went to the log


def test_notify_send_missing_falls_back(qtbot: QtBot, tmp_path: Path) -> None:
    chain = NotifyChain(
        [NotifySendNotifier(str(tmp_path / "absent"), notify_send_args), LogNotifier()]
    )
    with qtbot.waitSignal(chain.delivered, timeout=5000) as delivered:
        chain.notify("t", "m")
    assert delivered.args[2] == "log"


def test_the_default_chain_per_platform(qtbot: QtBot) -> None:
    tray = QSystemTrayIcon()
    linux = notifiers(tray, platform="linux", which=lambda _: "/usr/bin/notify-send")
    assert [type(n) for n in linux] == [NotifySendNotifier, TrayBalloonNotifier, LogNotifier]
    bare = notifiers(tray, platform="linux", which=lambda _: None)
    assert [type(n) for n in bare] == [PlyerNotifier, TrayBalloonNotifier, LogNotifier]
    windows = notifiers(None, platform="win32", which=lambda _: "x")
    assert [type(n) for n in windows] == [PlyerNotifier, LogNotifier]


# -- the sound --------------------------------------------------------------------------------


class Players:
    def __init__(self, installed: dict[str, str], works: bool = True) -> None:
        self.installed, self.works = installed, works
        self.started: list[tuple[str, list[str]]] = []
        self.beeps = 0

    def which(self, name: str) -> str | None:
        return self.installed.get(name)

    def start(self, program: str, arguments: Sequence[str]) -> bool:
        self.started.append((program, list(arguments)))
        return self.works

    def beep(self) -> None:
        self.beeps += 1


def sound_with(players: Players, data_dirs: list[Path], enabled: bool = True) -> Sound:
    return Sound(
        enabled,
        which=players.which,
        start=players.start,
        beep=players.beep,
        data_dirs=lambda: data_dirs,
    )


def test_sound_prefers_the_desktops_event_sound(tmp_path: Path) -> None:
    players = Players({"canberra-gtk-play": "/usr/bin/canberra-gtk-play", "paplay": "/p"})
    assert sound_with(players, [tmp_path]).play(Cue.OVERDUE) == "canberra-gtk-play"
    assert players.started == [
        ("/usr/bin/canberra-gtk-play", ["--id", "dialog-warning", "--description", "Crickets"])
    ]


def test_sound_plays_the_theme_file_else_beeps(tmp_path: Path) -> None:
    stereo = tmp_path / "sounds" / "freedesktop" / "stereo"
    players = Players({"paplay": "/usr/bin/paplay"})
    assert sound_with(players, [tmp_path]).play(Cue.DUE) == "beep"  # no file yet
    stereo.mkdir(parents=True)
    (stereo / "alarm-clock-elapsed.oga").write_bytes(b"OggS")
    assert sound_with(players, [tmp_path]).play(Cue.DUE) == "paplay"
    assert players.started[-1] == ("/usr/bin/paplay", [str(stereo / "alarm-clock-elapsed.oga")])
    broken = Players({"canberra-gtk-play": "/c", "paplay": "/p"}, works=False)
    assert sound_with(broken, [tmp_path]).play() == "beep" and broken.beeps == 1


def test_sound_switched_off_is_silent(tmp_path: Path) -> None:
    players = Players({"canberra-gtk-play": "/c"})
    assert sound_with(players, [tmp_path], enabled=False).play() == "off"
    assert players.started == [] and players.beeps == 0


def test_sound_for_real_never_blocks_or_warns(qtbot: QtBot) -> None:
    """The real starter and beep (offscreen): whatever is installed, it returns at once."""
    assert Sound().play(Cue.DUE) in {"canberra-gtk-play", "paplay", "pw-play", "beep"}


def test_at_quit_a_running_notify_send_is_stopped_quietly(qtbot: QtBot, tmp_path: Path) -> None:
    program, _ = fake_notify_send(tmp_path, "exec sleep 60")
    notifier = NotifySendNotifier(program, notify_send_args)
    tray = FakeTray()
    chain = NotifyChain([notifier, TrayBalloonNotifier(tray)])
    chain.notify("t", "m")
    notifier._reap()  # what aboutToQuit runs
    assert tray.messages == []
    notifier.deleteLater()  # no "QProcess: Destroyed while process is still running"


def test_buttons_only_where_notify_send_is() -> None:
    """Notifications with buttons go through notify-send on a freedesktop system; elsewhere
    (or without notify-send) there is no such notifier and the chain sends them plain."""
    from crickets.wiring.tray import action_notifier

    assert action_notifier(platform="win32", which=lambda _: "/usr/bin/notify-send") is None
    assert action_notifier(platform="linux", which=lambda _: None) is None
    found = action_notifier(platform="linux", which=lambda _: "/usr/bin/notify-send")
    assert found is not None and found.name == "notify-send --action"
