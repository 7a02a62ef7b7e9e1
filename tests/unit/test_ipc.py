"""The Qt-free half of single instance: paths, the message format, the plain-socket client.

A tiny threaded Unix-socket server stands in for the tray (the Qt server is tested in
tests/gui/test_single_instance.py against this same client)."""

from __future__ import annotations

import json
import os
import socket
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from crickets import ipc
from crickets.ipc import Command, Delivery, ProtocolError, Request


@pytest.fixture
def runtime_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    return runtime


@pytest.fixture
def short_dir() -> Iterator[Path]:
    """A directory whose socket paths fit in sun_path wherever pytest's tmp_path lives."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="crk-", dir="/tmp") as name:
        yield Path(name)


class FakeTray:
    """Accepts one connection at a time and answers each line like the tray does."""

    def __init__(self, path: str, *, answer: bytes | None = None) -> None:
        self.path = path
        self.lines: list[bytes] = []
        self._answer = answer
        self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._sock.bind(path)
        self._sock.listen(4)
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            with conn:
                data = b""
                while b"\n" not in data:
                    chunk = conn.recv(4096)
                    if not chunk:
                        break
                    data += chunk
                if not data:
                    continue
                self.lines.append(data)
                if self._answer is not None:
                    conn.sendall(self._answer)
                    continue
                try:
                    ipc.decode(data.rstrip(b"\n"))
                except ProtocolError as error:
                    conn.sendall(ipc.answer(str(error)))
                else:
                    conn.sendall(ipc.answer())

    def close(self) -> None:
        self._sock.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
        self._sock.close()
        self._thread.join(timeout=5)


def test_socket_path_is_per_data_dir_and_inside_the_runtime_dir(
    runtime_dir: Path, tmp_path: Path
) -> None:
    first = ipc.socket_path(tmp_path / "a")
    assert first == ipc.socket_path(tmp_path / "a" / ".." / "a")
    assert first != ipc.socket_path(tmp_path / "b")
    assert Path(first).parent == runtime_dir
    assert Path(first).name.startswith("crickets-") and first.endswith(".sock")


#: The name every version since docs/decisions/041 gives this folder's socket: the first 16
#: hex digits of the SHA-256 of its resolved path. A tray of an earlier version is only
#: found by a later command line if the name never changes.
FIXED_DATA_DIR = Path("/nonexistent-crickets-home/.local/share/crickets")
FIXED_KEY = "e11f9b81954464d2"


def test_the_socket_name_of_a_folder_is_the_one_earlier_versions_used(
    runtime_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = str(runtime_dir / f"crickets-{FIXED_KEY}.sock")
    assert ipc.socket_path(FIXED_DATA_DIR) == expected
    monkeypatch.setenv("USER", "me")
    assert ipc.socket_path(FIXED_DATA_DIR, platform="win32") == f"crickets-me-{FIXED_KEY}"


def test_naming_the_socket_loads_no_hashlib(runtime_dir: Path) -> None:
    """hashlib maps OpenSSL's libcrypto (3.7 MiB) into the tray for this one digest."""
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path; from crickets import ipc; "
        "ipc.socket_path(Path(sys.argv[1])); "
        "print(sorted({'hashlib', '_hashlib', 'ssl'} & set(sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(FIXED_DATA_DIR)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "[]"


def test_without_a_runtime_dir_the_socket_goes_to_a_per_user_temp_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    path = Path(ipc.socket_path(tmp_path))
    assert path.parent.name == f"crickets-{os.getuid()}"


def test_a_runtime_dir_too_long_for_a_socket_is_not_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    deep = tmp_path / ("x" * 90)
    deep.mkdir()
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(deep))
    path = ipc.socket_path(tmp_path)
    assert len(os.fsencode(path)) <= 100
    assert not path.startswith(str(deep))


def test_a_windows_path_is_a_pipe_name(tmp_path: Path) -> None:
    name = ipc.socket_path(tmp_path, platform="win32")
    assert name.startswith("crickets-") and "/" not in name and "\\" not in name


@pytest.mark.parametrize(
    "request_",
    [Request(Command.FOCUS), Request(Command.RELOAD), Request(Command.OPEN, "/tmp/ïnvite.ics")],
)
def test_messages_round_trip_as_one_versioned_json_line(request_: Request) -> None:
    line = ipc.encode(request_)
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert json.loads(line)["v"] == ipc.PROTOCOL_VERSION
    assert ipc.decode(line.rstrip(b"\n")) == request_


def test_the_wire_format_is_the_documented_one() -> None:
    assert json.loads(ipc.encode(Request(Command.RELOAD))) == {"v": 1, "cmd": "reload"}
    opened = json.loads(ipc.encode(Request(Command.OPEN, "/x.ics")))
    assert opened == {"v": 1, "cmd": "open", "path": "/x.ics"}


def test_a_file_name_that_is_not_utf8_survives(tmp_path: Path) -> None:
    odd = os.fsdecode(b"/tmp/invite-\xff.ics")
    line = ipc.encode(Request(Command.OPEN, odd))
    assert ipc.decode(line.rstrip(b"\n")).path == odd


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b"garbage", "not a JSON line"),
        (b"\xff\xfe", "not a JSON line"),
        (b"[1, 2]", "not a JSON object"),
        (b'{"cmd": "focus"}', "protocol version"),
        (b'{"v": 2, "cmd": "focus"}', "protocol version"),
        (b'{"v": true, "cmd": "focus"}', "protocol version"),
        (b'{"v": 1, "cmd": "format-disk"}', "unknown command"),
        (b'{"v": 1}', "unknown command"),
        (b'{"v": 1, "cmd": "open"}', "absolute"),
        (b'{"v": 1, "cmd": "open", "path": "relative.ics"}', "absolute"),
        (b'{"v": 1, "cmd": "open", "path": 7}', "absolute"),
    ],
)
def test_unusable_lines_are_refused_with_a_reason(line: bytes, reason: str) -> None:
    with pytest.raises(ProtocolError, match=reason):
        ipc.decode(line)


def test_open_request_makes_the_file_absolute_in_the_callers_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert ipc.open_request("invite.ics").path == str(tmp_path / "invite.ics")
    with pytest.raises(ProtocolError):
        Request(Command.FOCUS, "/x.ics")


def test_answers() -> None:
    assert json.loads(ipc.answer()) == {"v": 1, "ok": True}
    assert json.loads(ipc.answer("nope")) == {"v": 1, "ok": False, "error": "nope"}


def test_send_reaches_a_listening_tray(short_dir: Path) -> None:
    tray = FakeTray(str(short_dir / "s.sock"))
    try:
        assert ipc.send(tray.path, Request(Command.RELOAD)) is Delivery.DELIVERED
        assert ipc.send(tray.path, ipc.open_request("/tmp/a.ics")) is Delivery.DELIVERED
    finally:
        tray.close()
    assert [json.loads(line)["cmd"] for line in tray.lines] == ["reload", "open"]


def test_send_with_nobody_listening(short_dir: Path) -> None:
    assert ipc.send(str(short_dir / "none.sock"), Request(Command.FOCUS)) is Delivery.NOT_RUNNING
    assert ipc.send(str(short_dir / "no" / "dir.sock"), Request(Command.FOCUS)) is (
        Delivery.NOT_RUNNING
    )


def test_send_to_a_stale_socket_file(short_dir: Path) -> None:
    path = short_dir / "stale.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as dead:
        dead.bind(str(path))  # bound, never listening: what a crashed tray leaves
    assert ipc.send(str(path), Request(Command.FOCUS)) is Delivery.NOT_RUNNING
    assert not ipc.is_listening(str(path))


def test_a_refusal_and_a_garbled_answer(short_dir: Path) -> None:
    refusing = FakeTray(str(short_dir / "r.sock"), answer=ipc.answer("other version"))
    garbled = FakeTray(str(short_dir / "g.sock"), answer=b"\xff\n")
    try:
        assert ipc.send(refusing.path, Request(Command.FOCUS)) is Delivery.REJECTED
        assert ipc.send(garbled.path, Request(Command.FOCUS)) is Delivery.NO_ANSWER
    finally:
        refusing.close()
        garbled.close()


def test_a_tray_too_busy_to_answer_is_still_running_and_gets_the_request(
    short_dir: Path, tmp_path: Path
) -> None:
    """A paused tray (a mute socket: the kernel accepts into the backlog, nobody reads) is
    busy, never "not running": the request is queued, and read when it wakes (issue 15)."""
    path = str(short_dir / "mute.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as mute:
        mute.bind(path)
        mute.listen(4)
        assert ipc.is_listening(path)
        invite = tmp_path / "invite.ics"
        delivery = ipc.send(path, ipc.open_request(invite), timeout=0.01)
        assert delivery is Delivery.QUEUED and delivery.is_running
        told = ipc.hand_over(path, ipc.open_request(invite), timeout=0.01)
        assert told == ipc.HandOver(
            True,
            "Crickets is already running but busy; it will open invite.ics as soon as it responds.",
        )
        lines = []
        for _ in range(3):  # the tray wakes: the probe, then both requests, each whole
            conn, _ = mute.accept()
            with conn:
                lines.append(conn.recv(4096))
        assert lines[0] == b""  # is_listening only connects
        assert [ipc.decode(line.rstrip(b"\n")) for line in lines[1:]] == [
            ipc.open_request(invite)
        ] * 2


def test_hand_over_says_what_happened(short_dir: Path) -> None:
    assert ipc.hand_over(str(short_dir / "nobody.sock"), Request(Command.FOCUS)) is None
    tray = FakeTray(str(short_dir / "tray.sock"))
    refusing = FakeTray(str(short_dir / "refusing.sock"), answer=ipc.answer("other version"))
    try:
        assert ipc.hand_over(tray.path, Request(Command.FOCUS)) == ipc.HandOver(
            True, "Crickets is already running; it has been brought to the front."
        )
        told = ipc.hand_over(refusing.path, Request(Command.FOCUS))
        assert told is not None and not told.reached
        assert "could not take it" in told.message
    finally:
        tray.close()
        refusing.close()


def test_remove_stale_clears_only_a_dead_socket_of_ours(short_dir: Path) -> None:
    missing = short_dir / "missing.sock"
    assert ipc.remove_stale(str(missing))

    stale = short_dir / "stale.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as dead:
        dead.bind(str(stale))
    assert ipc.remove_stale(str(stale))
    assert not stale.exists()

    regular = short_dir / "notes.txt"
    regular.write_text("mine")
    assert not ipc.remove_stale(str(regular))
    assert regular.read_text() == "mine"

    live = FakeTray(str(short_dir / "live.sock"))
    try:
        assert not ipc.remove_stale(live.path)
        assert Path(live.path).exists()
    finally:
        live.close()


def test_prepare_directory_makes_a_private_one_and_refuses_an_open_one(tmp_path: Path) -> None:
    path = tmp_path / "sockets" / "x.sock"
    ipc.prepare_directory(str(path))
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700

    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    with pytest.raises(PermissionError):
        ipc.prepare_directory(str(shared / "x.sock"))

    target = tmp_path / "elsewhere"
    target.mkdir(mode=0o700)
    (tmp_path / "link").symlink_to(target)
    with pytest.raises(PermissionError):
        ipc.prepare_directory(str(tmp_path / "link" / "x.sock"))


def test_the_module_loads_no_qt() -> None:
    import subprocess
    import sys

    code = "import sys, crickets.ipc; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
