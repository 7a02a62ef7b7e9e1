"""plyer behind a wall: whatever it does (missing, raising, warning, printing), the caller
gets True or False and nothing else. Plus the notify-send arguments the tray uses on Linux."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import types
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from crickets.services.notifications import PlyerNotifier, notify_send_args


class FakeNotification:
    def __init__(self, behaviour: str) -> None:
        self.behaviour = behaviour
        self.calls: list[dict[str, Any]] = []

    def notify(self, **kwargs: Any) -> None:
        self.calls.append(kwargs)
        if self.behaviour in ("warn", "warn-and-raise"):
            warnings.warn("The Python dbus package is not installed.", UserWarning, stacklevel=2)
        if self.behaviour in ("raise", "warn-and-raise"):
            raise NotImplementedError("No usable implementation found!")
        if self.behaviour == "print":
            print("Traceback (most recent call last): ...", file=sys.stderr)
            raise NotImplementedError("No usable implementation found!")


class FakePlyer(types.ModuleType):
    """What ``from plyer import notification`` finds."""

    def __init__(self, notification: FakeNotification) -> None:
        super().__init__("plyer")
        self.notification = notification


@pytest.fixture
def fake_plyer(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], FakeNotification]:
    def install(behaviour: str) -> FakeNotification:
        notification = FakeNotification(behaviour)
        monkeypatch.setitem(sys.modules, "plyer", FakePlyer(notification))
        return notification

    return install


def test_a_shown_notification(fake_plyer: Callable[[str], FakeNotification]) -> None:
    notification = fake_plyer("ok")
    assert PlyerNotifier(timeout=7).notify("Phone screen in 10 min", "Acme — Dana")
    assert notification.calls == [
        {
            "title": "Phone screen in 10 min",
            "message": "Acme — Dana",
            "app_name": "Crickets",
            "timeout": 7,
        }
    ]


@pytest.mark.parametrize("behaviour", ["raise", "warn", "warn-and-raise", "print"])
def test_every_failure_is_false_and_nothing_leaks(
    fake_plyer: Callable[[str], FakeNotification],
    behaviour: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fake_plyer(behaviour)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a leaked warning would raise here
        assert PlyerNotifier().notify("t", "m") is False
    out, err = capsys.readouterr()
    assert out == "" and err == ""


def test_plyer_missing_is_false(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "plyer", None)  # import plyer -> ImportError
    assert PlyerNotifier().notify("t", "m") is False


@pytest.mark.skipif(
    importlib.util.find_spec("plyer") is None or importlib.util.find_spec("dbus") is not None,
    reason="needs plyer without dbus-python",
)
def test_real_plyer_without_a_backend(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The verified failure: no dbus-python, no notify-send -> UserWarnings, then
    NotImplementedError. Both stay inside."""
    if not sys.platform.startswith("linux") or Path("/app").is_dir():
        pytest.skip("plyer's Linux backend outside Flatpak")
    from plyer import notification

    monkeypatch.setenv("PATH", str(tmp_path))  # no notify-send anywhere
    object.__setattr__(notification, "_obj", None)  # plyer caches its backend
    try:
        assert PlyerNotifier().notify("t", "m") is False
    finally:
        object.__setattr__(notification, "_obj", None)
    assert capsys.readouterr().err == ""


def test_plyer_is_not_imported_until_used() -> None:
    code = "import sys, crickets.services.notifications, crickets.ui; print('plyer' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_notify_send_args_show_exactly_the_text() -> None:
    args = notify_send_args("-5 min: Acme & <Co>", "Call \\ them\nnow", expire_ms=3000)
    assert args[-3:] == ["--", "-5 min: Acme & <Co>", "Call \\\\ them\nnow"]
    assert "--app-name=Crickets" in args
    assert "--icon=crickets" in args
    assert "--expire-time=3000" in args
    assert "--hint=string:desktop-entry:crickets" in args
    assert all(a.startswith("--") for a in args[: args.index("--")])
