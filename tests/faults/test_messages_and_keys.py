"""Messages that point the right way, and a key file only its owner can read (issue 15,
items 8 and 9)."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crickets.application.errors import Refused
from crickets.application.invitations import read_invitation_file
from crickets.invitations.ics.limits import IcsError
from crickets.invitations.ics.parse import parse_invitation
from crickets.storage import keychain
from crickets.storage.crypto import encode_key, new_key
from crickets.storage.errors import KeychainLocked
from tests.faults.helpers import add, cli, damage, listed

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def key_file(data: Path) -> Path:
    (found,) = data.glob("crickets-*.key")
    return found


def test_a_deleted_key_file_is_called_missing_not_an_unreachable_keychain(
    tmp_path: Path,
) -> None:
    add(tmp_path, "Acme")
    key_file(tmp_path).unlink()
    refused = cli(tmp_path, "list")
    assert refused.returncode == 2
    message = refused.stderr.strip().splitlines()[-1]
    assert "key file" in message and "is missing" in message, message
    assert "cannot be reached" not in message
    assert "crickets restore" in message


def test_a_store_from_before_the_key_home_was_kept_says_the_same(tmp_path: Path) -> None:
    add(tmp_path, "Acme")
    damage(tmp_path, "DELETE FROM app_state WHERE key = 'store.key-home'")
    key_file(tmp_path).unlink()
    refused = cli(tmp_path, "list")
    assert refused.returncode == 2 and "is missing" in refused.stderr


def test_a_key_file_others_can_read_is_made_private_and_said_once(tmp_path: Path) -> None:
    add(tmp_path, "Acme")
    key = key_file(tmp_path)
    key.chmod(0o644)
    first = cli(tmp_path, "list")
    assert first.returncode == 0, first.stderr
    assert "could be read by other people" in first.stderr
    assert "made it readable only by you" in first.stderr
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    second = cli(tmp_path, "list")
    assert "could be read by other people" not in second.stderr
    assert listed(tmp_path) == ["Acme"]


def test_a_key_file_that_cannot_be_made_private_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = tmp_path / "crickets-0123456789abcdef.key"
    key.write_text(encode_key(new_key()) + "\n")
    key.chmod(0o644)

    def refuse(self: Path, mode: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(Path, "chmod", refuse)
    with pytest.raises(KeychainLocked, match="could not change that") as refused:
        keychain.obtain_key(
            keychain.Keychain(),
            tmp_path,
            "0123456789abcdef",
            sealed_rows=1,
            database=tmp_path / "crickets.sqlite3",
        )
    assert "chmod 600" in str(refused.value) and "nothing was read" in str(refused.value)


def test_a_50_mb_file_is_called_50_mb(tmp_path: Path) -> None:
    big = tmp_path / "huge.ics"
    with big.open("wb") as handle:
        handle.truncate(50_000_000)  # sparse: no disk space used
    with pytest.raises(Refused) as refused:
        read_invitation_file(big)
    assert str(refused.value).startswith("The file is 50 MB;")
    assert "4.0" not in str(refused.value)


@pytest.mark.parametrize("tzid", ["A" * 300, "Europe/" + "x" * 300, "/" + "a/" * 200])
def test_a_long_time_zone_name_never_shows_an_installation_path(tzid: str) -> None:
    data = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x@y\r\n"
        f"DTSTART;TZID={tzid}:20261201T140000\r\nSUMMARY:Hi\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()
    try:
        found = parse_invitation(data, my_zone="Europe/London", now=NOW)
        said = " ".join(w for e in found.events for w in (*e.warnings, e.needs_time))
    except IcsError as error:
        said = error.message
    for internal in ("site-packages", "zoneinfo", "tzdata", "/usr/", os.sep + "work"):
        assert internal not in said, said
