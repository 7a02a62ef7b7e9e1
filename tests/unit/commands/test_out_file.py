"""``--out`` writes only to a regular file or a new name in a folder that exists.

The file is renamed into place, which would replace a named pipe, a symbolic link, a
read-only file or (as root) a device node, and a missing folder would be created. Each is
refused in one line, exit 2, before anything is composed or written, and stays as it was.

The device test makes its own node in the test's folder (as root): were the check to
regress, the node replaced is that copy, never the machine's ``/dev/full``.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from crickets.domain.settings import Settings
from tests.unit.commands.in_process import Ran, run, with_settings


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    with_settings(folder, Settings(home_zone="Europe/London"))
    added = run(folder, "add", "--at", "2026-12-01 14:00", "--tz", "America/New_York")
    assert added.code == 0, added.err
    return folder


def _draft_to(data: Path, out: Path | str) -> Ran:
    return run(data, "draft", "follow-up", "--format", "eml", "--out", str(out))


def _refused(ran: Ran, message: str) -> None:
    """Exit 2 with ``message`` alone on stderr: not even the draft's notes came first."""
    assert ran.code == 2, ran
    assert ran.err_lines == [f"crickets: --out: {message}"]
    assert ran.out == ""


def test_a_named_pipe_is_refused_and_stays_a_pipe(data: Path, tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    _refused(
        _draft_to(data, pipe),
        f"{pipe} is a named pipe, not a file; give the name of a file "
        "(or leave out --out to print to the screen)",
    )
    assert stat.S_ISFIFO(pipe.lstat().st_mode)


def test_a_symbolic_link_is_refused_and_neither_it_nor_its_file_changes(
    data: Path, tmp_path: Path
) -> None:
    target = tmp_path / "kept.eml"
    target.write_text("mine", encoding="utf-8")
    link = tmp_path / "link.eml"
    link.symlink_to(target)
    _refused(
        _draft_to(data, link),
        f"{link} is a symbolic link, which writing would replace; give {target} itself, "
        "or another name",
    )
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "mine"


def test_a_read_only_file_is_refused_and_kept(data: Path, tmp_path: Path) -> None:
    kept = tmp_path / "kept.eml"
    kept.write_text("mine", encoding="utf-8")
    kept.chmod(0o444)
    _refused(
        _draft_to(data, kept),
        f"{kept} is read-only, so it is kept as it is; make it writable or give another name",
    )
    assert kept.read_text(encoding="utf-8") == "mine"


def test_a_missing_folder_is_refused_and_not_created(data: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nonexistent"
    _refused(
        _draft_to(data, missing / "x.eml"),
        f"{missing}/x.eml is in {missing}, which does not exist; Crickets does not create folders",
    )
    assert not missing.exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("folder", "{path} is a folder, not a file; give the name of a file "),
        ("folder/", "{path}/ names a folder; give the name of a file "),
    ],
)
def test_a_folder_is_refused(data: Path, tmp_path: Path, name: str, message: str) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    expected = message.format(path=folder) + "(or leave out --out to print to the screen)"
    _refused(_draft_to(data, f"{tmp_path}/{name}"), expected)
    assert list(folder.iterdir()) == []


def test_an_empty_name_is_refused_rather_than_read_as_no_file(data: Path) -> None:
    _refused(
        _draft_to(data, ""),
        "the file name is empty; give the name of a file "
        "(or leave out --out to print to the screen)",
    )


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_node_is_refused_as_root(data: Path, tmp_path: Path) -> None:
    full = tmp_path / "full"
    os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # what /dev/full is
    _refused(
        _draft_to(data, full),
        f"{full} is a device, not a file; give the name of a file "
        "(or leave out --out to print to the screen)",
    )
    assert stat.S_ISCHR(full.lstat().st_mode)


def test_every_command_with_out_checks_it_before_anything_else(data: Path, tmp_path: Path) -> None:
    """``export`` warns that the export is unencrypted before writing; a refused --out
    comes first and alone."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    for argv in (["export"], ["export-ics", "1"], ["draft", "reschedule", "--json"]):
        ran = run(data, *argv, "--out", str(pipe))
        assert ran.code == 2 and len(ran.err_lines) == 1, (argv, ran)
        assert ran.err_lines[0].startswith(f"crickets: --out: {pipe} is a named pipe"), argv


def test_a_regular_file_is_replaced_and_a_new_name_is_written(data: Path, tmp_path: Path) -> None:
    existing = tmp_path / "old.eml"
    existing.write_text("old", encoding="utf-8")
    assert _draft_to(data, existing).code == 0
    new = tmp_path / "new.eml"
    assert _draft_to(data, new).code == 0
    assert b"X-Unsent: 1" in existing.read_bytes()
    assert existing.read_bytes() == new.read_bytes()
