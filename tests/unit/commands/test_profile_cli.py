"""``crickets profile``: your name, email, phone and sign-off, as drafts sign with them.

Run in this process over a temporary data folder, with the clock frozen 8 minutes after a
2:00 PM New York call (so the drafts are the ones someone waiting for it would write).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from crickets.domain.clock import FixedClock
from crickets.domain.settings import Settings
from tests.unit.commands.in_process import run, with_settings

WAITING = FixedClock(datetime.fromisoformat("2026-12-01T19:08:00+00:00"))
SAM = {"name": "Sam Lee", "email": "sam@example.com", "phone": "+44 20 7946 0000", "sign_off": ""}


def _profile(data: Path) -> dict[str, str]:
    ran = run(data, "profile", "--json")
    assert ran.code == 0, ran.err
    shown: dict[str, str] = json.loads(ran.out)
    return shown


@pytest.fixture
def data(tmp_path: Path) -> Path:
    with_settings(tmp_path, Settings(home_zone="Europe/London"))
    return tmp_path


def test_an_empty_profile_says_what_is_missing(data: Path) -> None:
    ran = run(data, "profile")
    assert ran.code == 0 and ran.err == ""
    assert "Name:      (not set" in ran.out and "crickets profile --name" in ran.out
    assert "Sign-off:  (Crickets' own: Best regards,)" in ran.out
    assert _profile(data) == {"name": "", "email": "", "phone": "", "sign_off": ""}


def test_set_then_show_round_trips(data: Path) -> None:
    ran = run(
        data,
        *("profile", "--name", " Sam Lee ", "--email", "sam@example.com"),
        *("--phone", "+44 20 7946 0000"),
    )
    assert ran.code == 0, ran.err
    assert ran.out.startswith("Saved your name, email and phone.\nName:      Sam Lee\n")
    assert _profile(data) == SAM
    shown = run(data, "profile").out
    assert "Email:     sam@example.com" in shown and "Phone:     +44 20 7946 0000" in shown


def test_an_option_changes_only_its_field(data: Path) -> None:
    run(data, "profile", "--name", "Sam Lee", "--email", "sam@example.com", "--phone", "12345")
    saved = run(data, "profile", "--sign-off", "Best wishes", "--json")
    assert saved.code == 0, saved.err
    assert json.loads(saved.out) == {**SAM, "phone": "12345", "sign_off": "Best wishes"}
    assert run(data, "profile", "--phone", "").code == 0  # an empty value clears it
    assert _profile(data) == {**SAM, "phone": "", "sign_off": "Best wishes"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--name", "Sam\r\nBcc: evil@example.com"), "--name: contains a line break"),
        (("--name", "Sam\x1b[2J"), "--name: contains a line break or control character"),
        (("--sign-off", "Bye\u2028x"), "--sign-off: contains a line break"),
        (("--name", "x" * 201), "--name: is 201 characters long; the limit is 200"),
        (("--email", "sam at example"), "--email: 'sam at example' is not an email address"),
        (("--phone", "call me"), "--phone: 'call me' does not look like a phone number"),
    ],
)
def test_bad_input_exits_2_in_one_line_and_changes_nothing(
    data: Path, args: tuple[str, ...], message: str
) -> None:
    run(data, "profile", "--name", "Sam Lee", "--email", "sam@example.com")
    before = _profile(data)
    ran = run(data, "profile", "--phone", "12345", *args)
    assert ran.code == 2 and ran.out == ""
    assert len(ran.err_lines) == 1 and ran.err_lines[0].startswith(f"crickets: {message}")
    assert "\x1b" not in ran.err and "\r" not in ran.err
    assert _profile(data) == before


def test_drafts_sign_with_the_name_and_sign_off(data: Path) -> None:
    added = run(
        data,
        *("add", "--past", "--at", "2026-12-01 14:00", "--tz", "America/New_York"),
        *("--company", "Acme", "--role", "Data Analyst", "--email", "jane@acme.example"),
        clock=WAITING,
    )
    assert added.code == 0, added.err
    unsigned = run(data, "draft", "follow-up", clock=WAITING)
    assert "note: Your name is not in your profile (crickets profile --name NAME)" in unsigned.err
    run(data, "profile", "--name", "Sam Lee", "--sign-off", "Best wishes", "--phone", "12345")
    draft = run(data, "draft", "follow-up", clock=WAITING)
    assert draft.code == 0 and "profile" not in draft.err
    assert "our phone interview for the Data Analyst role at Acme" in draft.out
    assert draft.out.endswith("\n\nBest wishes,\nSam Lee\n12345\n")
    spoken = run(data, "draft", "voicemail", clock=WAITING).out
    assert spoken.startswith("Hello, this is Sam Lee.")


def test_the_role_is_the_job_title(data: Path) -> None:
    """Issue 13: --role is the job title, and drafts read "the Data Analyst role at Acme"."""
    help_text = " ".join(run(data, "add", "--help").out.split())
    assert '--role TEXT the job title, e.g. "Data Analyst"' in help_text
    run(data, "add", "--at", "2026-12-03 10:00", "--company", "Acme", "--role", "Data Analyst")
    confirmation = run(data, "draft", "confirmation").out
    assert "to talk about the Data Analyst role at Acme" in confirmation
