"""A stand-in ``notify-send`` for the notification tests: a shell script that records its
arguments, one per line, and then runs the body it is given (an exit status, a printed id)."""

from __future__ import annotations

from pathlib import Path


def fake_notify_send(tmp_path: Path, body: str) -> tuple[str, Path]:
    """The program's path and the file its arguments are written to."""
    record = tmp_path / "args"
    program = tmp_path / "notify-send"
    program.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{record}"\n{body}\n')
    program.chmod(0o755)
    return str(program), record
