"""A short sound when it is time, and when the call is overdue (switchable: ``Settings.sound``).

The desktop's own event sound if it can play one: ``canberra-gtk-play`` with the freedesktop
sound name (it honours the person's sound theme and their "event sounds" switch), else
``paplay``/``pw-play`` with the theme's file, else the windowing system's beep. A player
runs detached (``QProcess.startDetached``): the GUI thread never waits for it, and no
process object outlives the app (docs/decisions/043).
"""

from __future__ import annotations

import enum
import logging
import os
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QApplication

logger = logging.getLogger("crickets.sound")

_FILE_PLAYERS = ("paplay", "pw-play")
_SUFFIXES = (".oga", ".ogg", ".wav")


class Cue(enum.Enum):
    """Freedesktop sound-theme names."""

    DUE = "alarm-clock-elapsed"  # it's time
    OVERDUE = "dialog-warning"  # they haven't called


Starter = Callable[[str, Sequence[str]], bool]  # (program, arguments) -> started


def _start_detached(program: str, arguments: Sequence[str]) -> bool:
    started, _pid = QProcess.startDetached(program, list(arguments))
    return bool(started)


def _data_dirs() -> list[Path]:
    home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    system = os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
    return [Path(p) for p in [home, *system.split(os.pathsep)] if p]


class Sound:
    def __init__(
        self,
        enabled: bool = True,
        *,
        which: Callable[[str], str | None] = shutil.which,
        start: Starter = _start_detached,
        beep: Callable[[], None] = QApplication.beep,
        data_dirs: Callable[[], list[Path]] = _data_dirs,
    ) -> None:
        self.enabled = enabled
        self._which = which
        self._start = start
        self._beep = beep
        self._data_dirs = data_dirs

    def play(self, cue: Cue = Cue.DUE) -> str:
        """Play ``cue`` without waiting; returns how ("canberra-gtk-play", "paplay", "beep",
        or "off")."""
        if not self.enabled:
            return "off"
        canberra = self._which("canberra-gtk-play")
        if canberra and self._try(canberra, ["--id", cue.value, "--description", "Crickets"]):
            return "canberra-gtk-play"
        sound_file = self._theme_file(cue)
        if sound_file is not None:
            for name in _FILE_PLAYERS:
                player = self._which(name)
                if player and self._try(player, [str(sound_file)]):
                    return name
        self._beep()
        return "beep"

    def _try(self, program: str, arguments: list[str]) -> bool:
        try:
            return self._start(program, arguments)
        except Exception:  # a sound is never worth an error
            logger.info("Could not run %s", program, exc_info=True)
            return False

    def _theme_file(self, cue: Cue) -> Path | None:
        for base in self._data_dirs():
            for suffix in _SUFFIXES:
                candidate = base / "sounds" / "freedesktop" / "stereo" / f"{cue.value}{suffix}"
                if candidate.is_file():
                    return candidate
        return None
