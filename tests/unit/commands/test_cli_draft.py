"""``crickets draft`` through the real entry point, in a subprocess, on a temporary store.

The clock is frozen through CRICKETS_CLOCK at 8 minutes past a 2:00 PM New York interview.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from email import policy
from email.parser import BytesParser
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from crickets.storage.store import Store
from tests.unit.commands.cli_run import PINNED_LOCALE

WAITING = "2026-12-01T19:08:00+00:00"
MAILTO = re.compile(r"^mailto:[A-Za-z0-9\-._~%]*@?[A-Za-z0-9\-._~%]*\?subject=[A-Za-z0-9\-._~%]*")


def crickets(data: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "CRICKETS_CLOCK": WAITING, "TZ": "Europe/London", **PINNED_LOCALE}
    env.pop("CRICKETS_DATA_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "crickets", "--data-dir", str(data), *args],
        capture_output=True,
        env=env,
        timeout=60,
    )


def ok(data: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    result = crickets(data, *args)
    assert result.returncode == 0, result.stderr.decode()
    return result


def refused(data: Path, *args: str) -> str:
    result = crickets(data, *args)
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("crickets: "), lines
    return lines[0]


def add(data: Path, *extra: str) -> None:
    """Added eight minutes after its start, as someone waiting for the call would: --past."""
    ok(data, "add", "--past", "--at", "2026-12-01 14:00", "--tz", "America/New_York", *extra)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder holding one interview with Acme (no profile filled in)."""
    add(
        tmp_path,
        *("--company", "Acme", "--role", "Data analyst", "--contact", "Doe, Jane"),
        *("--email", "jane.doe+jobs@acme.com", "--phone", "+1 415 555 0100"),
        *("--my-phone", "+44 7700 900123"),
    )
    return tmp_path


def test_without_any_interview_it_says_so_in_one_line(tmp_path: Path) -> None:
    assert "no interviews yet" in refused(tmp_path, "draft", "follow-up")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("draft", "bogus"), "invalid choice"),
        (("draft", "follow-up", "--id", "99"), "no interview #99"),
        (("draft", "voicemail", "--format", "eml"), "say on the phone"),
        (("draft", "callback", "--format", "mailto"), "say on the phone"),
        (("draft", "follow-up", "--format", "pdf"), "invalid choice"),
    ],
)
def test_bad_input_exits_2(data_dir: Path, args: tuple[str, ...], fragment: str) -> None:
    assert fragment in refused(data_dir, *args)


def test_text_is_what_copy_copies(data_dir: Path) -> None:
    result = ok(data_dir, "draft", "follow-up")
    text = result.stdout.decode()
    assert text.startswith("Subject: Our phone interview on Tuesday 1 December at 2:00 PM EST\n\n")
    assert "\n\nHi Jane,\n\n" in text and "until 2:30 PM EST" in text
    notes = result.stderr.decode()
    assert "note: Your name is not in your profile" in notes


def test_a_spoken_script_has_no_subject(data_dir: Path) -> None:
    text = ok(data_dir, "draft", "voicemail").stdout.decode()
    assert text.startswith("Hi Jane.\n")
    assert "It's 2:08 PM EST now." in text and "Subject" not in text


def test_mailto_prints_the_url_alone_on_its_last_line(data_dir: Path) -> None:
    lines = ok(data_dir, "draft", "reschedule", "--format", "mailto").stdout.decode().splitlines()
    url = lines[-1]
    assert MAILTO.match(url) and len(lines) == 1
    assert unquote(urlsplit(url).path) == "jane.doe+jobs@acme.com"
    fields = parse_qs(urlsplit(url).query, strict_parsing=True)
    assert fields["subject"] == ["A new time for our phone interview"]
    assert fields["body"][0].startswith("Hi Jane,\r\n\r\n")


def test_a_long_draft_gives_a_short_link_and_says_so(tmp_path: Path) -> None:
    add(tmp_path, "--company", "東京" * 100, "--email", "jane@acme.com")
    lines = ok(tmp_path, "draft", "nudge", "--format", "mailto").stdout.decode().splitlines()
    assert len(lines) == 2 and "too long for a mail link" in lines[0]
    assert "body=" not in lines[-1] and lines[-1].startswith("mailto:jane@acme.com?subject=")


def test_eml_goes_to_stdout_or_to_a_file(data_dir: Path) -> None:
    raw = ok(data_dir, "draft", "thank-you", "--format", "eml").stdout
    parsed = BytesParser(policy=policy.default).parsebytes(raw)
    assert parsed["X-Unsent"] == "1"
    assert [a.addr_spec for a in parsed["To"].addresses] == ["jane.doe+jobs@acme.com"]
    assert parsed["To"].addresses[0].display_name == "Doe, Jane"
    out = data_dir / "thanks.eml"
    said = ok(data_dir, "draft", "thank-you", "--format", "eml", "--out", str(out)).stdout.decode()
    assert said.strip() == f"Saved the draft (it opens in your mail app) to {out}"
    assert out.read_bytes() == raw


def test_id_picks_the_interview(data_dir: Path) -> None:
    ok(data_dir, "add", "--at", "2026-12-03 10:00", "--tz", "Europe/Paris", "--company", "Globex")
    assert "Globex" in ok(data_dir, "draft", "confirmation", "--id", "2").stdout.decode()
    assert "Acme" in ok(data_dir, "draft", "confirmation").stdout.decode()  # the one under way


def test_the_persons_own_template_is_used_and_a_broken_one_set_aside(data_dir: Path) -> None:
    opened = Store.open(data_dir)
    try:
        opened.state.set_state("template:apology", "Subject: Sorry, ${company}\n\nMy own words.")
        opened.state.set_state("template:nudge", "Subject: Hi\n\n${gone_placeholder}")
    finally:
        opened.close()
    assert ok(data_dir, "draft", "apology").stdout.decode() == (
        "Subject: Sorry, Acme\n\nMy own words.\n"
    )
    result = ok(data_dir, "draft", "nudge")
    assert "set aside" in result.stderr.decode() and "gone_placeholder" in result.stderr.decode()
    assert "these times are open for me" in result.stdout.decode()
