"""Times in the terminal: nothing assumed in silence, ``--tz EST`` read as people mean it,
and the clock the person uses.

The clock is frozen at Wednesday 25 November 2026, 12:21 UTC unless a test says otherwise;
the person's zone is set in each test's data folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from crickets.commands.clock_format import locale_uses_24h, reads_24h, uses_24h
from crickets.domain.clock import FixedClock
from crickets.domain.settings import Settings
from tests.unit.commands.cli_run import NO_KEYCHAIN
from tests.unit.commands.in_process import run, with_settings

EST_FOR_JUNE = (
    'To go on, type the one you mean exactly, e.g. --at "2027-06-01 15:00" --tz America/New_York.'
)


def _folder(tmp_path: Path, my_zone: str, clock_24h: bool | None = True) -> Path:
    with_settings(tmp_path, Settings(home_zone=my_zone, clock_24h=clock_24h))
    return tmp_path


def _listed(data: Path) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = json.loads(run(data, "list", "--json").out)
    return rows


def test_add_prints_what_it_assumed_about_the_time(tmp_path: Path) -> None:
    data = _folder(tmp_path, "Asia/Kolkata")
    ran = run(data, "add", "--at", "2026-12-01 8am IST", "--company", "Acme")
    assert ran.code == 0, ran.err
    assert ran.out.splitlines() == [
        "Added #1: Phone interview with Acme",
        "  Tuesday 1 December 2026, 08:00 IST (Asia/Kolkata, UTC+05:30)",
        "  Assumed: IST read as Asia/Kolkata time, your own zone "
        "(IST can mean India, Israel or Irish Standard Time)",
    ]


def test_with_json_the_assumptions_go_to_stderr(tmp_path: Path) -> None:
    data = _folder(tmp_path, "Europe/London")
    ran = run(data, "add", "--at", "1 Dec 2pm", "--json")
    assert json.loads(ran.out)["local_start"] == "2026-12-01T14:00:00"
    assumed = [line for line in ran.err_lines if "Assumed" in line]
    assert assumed == ["crickets: Assumed: year taken as 2026"]


def test_day_words_count_from_the_person_s_own_day(tmp_path: Path) -> None:
    """10 PM on Friday in New York is already Saturday noon in Tokyo: "tomorrow" is the
    person's Saturday, not Tokyo's Sunday."""
    data = _folder(tmp_path, "America/New_York")
    friday_night = FixedClock(datetime.fromisoformat("2026-11-28T03:00:00+00:00"))
    ran = run(data, "add", "--at", "tomorrow 2pm", "--tz", "Asia/Tokyo", clock=friday_night)
    assert ran.code == 0, ran.err
    assert _listed(data)[0]["local_start"] == "2026-11-28T14:00:00"  # Saturday, in Tokyo


def test_tz_est_for_a_june_date_is_asked_about_never_kept_as_a_fixed_offset(
    tmp_path: Path,
) -> None:
    data = _folder(tmp_path, "Europe/London")
    ran = run(data, "add", "--at", "2027-06-01 14:00", "--tz", "EST")
    assert ran.code == 2 and len(ran.err_lines) == 1
    assert ran.err_lines[0].startswith("crickets: --at: America/New_York is on EDT, not EST")
    assert ran.err_lines[0].endswith(EST_FOR_JUNE)
    assert _listed(data) == []
    answered = run(data, "add", "--at", "2027-06-01 15:00", "--tz", "America/New_York")
    assert answered.code == 0
    assert _listed(data)[0]["start"] == "2027-06-01T19:00:00+00:00"  # 2 PM EST exactly


def test_tz_est_in_its_season_keeps_new_york_and_says_so(tmp_path: Path) -> None:
    data = _folder(tmp_path, "Europe/London")
    ran = run(data, "add", "--at", "2026-12-01 14:00", "--tz", "EST")
    assert ran.code == 0, ran.err
    assert "  Assumed: EST read as America/New_York time" in ran.out
    assert _listed(data)[0]["zone"] == "America/New_York"


def test_edit_tz_alone_checks_the_season_and_names_the_way_to_answer(tmp_path: Path) -> None:
    """``edit --tz EST`` once kept a June interview at tzdata's fixed UTC−05:00."""
    data = _folder(tmp_path, "Europe/London")
    assert run(data, "add", "--at", "2027-06-01 14:00", "--company", "Acme").code == 0
    ran = run(data, "edit", "1", "--tz", "EST")
    assert ran.code == 2 and len(ran.err_lines) == 1
    assert ran.err_lines[0].startswith("crickets: --tz: America/New_York is on EDT, not EST")
    assert ran.err_lines[0].endswith(EST_FOR_JUNE)
    assert _listed(data)[0]["zone"] == "Europe/London"
    moved = run(data, "edit", "1", "--tz", "EDT")
    assert moved.code == 0, moved.err
    assert _listed(data)[0]["zone"] == "America/New_York"


def test_edit_tz_alone_prints_what_it_assumed(tmp_path: Path) -> None:
    data = _folder(tmp_path, "Asia/Kolkata")
    assert run(data, "add", "--at", "2026-12-01 14:00", "--tz", "Europe/London").code == 0
    moved = run(data, "edit", "1", "--tz", "IST")
    assert moved.code == 0, moved.err
    assert moved.out.splitlines()[1:] == [
        "  Tuesday 1 December 2026, 14:00 IST (Asia/Kolkata, UTC+05:30)",
        "  Assumed: IST read as Asia/Kolkata time, your own zone "
        "(IST can mean India, Israel or Irish Standard Time)",
    ]


def _one_interview_in_new_york(data: Path) -> None:
    ran = run(data, "add", "--at", "2026-12-01 14:00", "--tz", "America/New_York")
    assert ran.code == 0, ran.err


@pytest.mark.parametrize(
    ("clock_24h", "when", "yours"),
    [(True, "14:00 EST", "19:00"), (False, "2:00 PM EST", "7:00 PM")],
)
def test_list_and_show_follow_the_clock_setting(
    tmp_path: Path, clock_24h: bool, when: str, yours: str
) -> None:
    data = _folder(tmp_path, "Europe/London", clock_24h)
    _one_interview_in_new_york(data)
    row = run(data, "list").out.splitlines()[1]
    assert f"Tuesday 1 December 2026, {when}  {yours}  " in row
    shown = run(data, "show", "1").out
    assert f"When:            Tuesday 1 December 2026, {when} ({yours} your time)" in shown


def test_reads_24h_from_how_a_locale_writes_one_in_the_afternoon() -> None:
    assert reads_24h("13:00:00")  # en_GB, de_DE, C
    assert reads_24h("13.00.00")  # fi_FI
    assert not reads_24h("01:00:00 PM")  # en_US
    assert not reads_24h("오후 01시 00분 00초")  # ko_KR


def test_left_to_the_system_the_c_locale_is_24_hours(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "C")
    assert locale_uses_24h() is True
    assert uses_24h(Settings(clock_24h=None)) is True
    assert uses_24h(Settings(clock_24h=False)) is False  # the setting wins


def _locale_folder(tmp_path: Path) -> Path:
    """en_US and en_GB compiled into a folder of the test's own (LOCPATH), as the machine
    may have neither installed."""
    if shutil.which("localedef") is None or not Path("/usr/share/i18n/locales/en_US").exists():
        pytest.skip("localedef or the glibc locale sources are not installed")
    folder = tmp_path / "locales"
    folder.mkdir()
    for name in ("en_US", "en_GB"):
        subprocess.run(
            ["localedef", "-i", name, "-f", "UTF-8", str(folder / f"{name}.UTF-8")],
            check=True,
            capture_output=True,
        )
    return folder


def test_left_to_the_system_the_terminal_follows_lang(tmp_path: Path) -> None:
    """The real entry point in a subprocess, once under en_US (12 hours), once en_GB (24)."""
    locales = _locale_folder(tmp_path)
    data = _folder(tmp_path / "data", "Europe/London", clock_24h=None)
    _one_interview_in_new_york(data)
    rows = {}
    for lang in ("en_US.UTF-8", "en_GB.UTF-8"):
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("LC_")},
            "LANG": lang,
            "LOCPATH": str(locales),
            "PYTHON_KEYRING_BACKEND": NO_KEYCHAIN,
            "CRICKETS_CLOCK": "2026-11-25T12:21:00+00:00",
        }
        listed = subprocess.run(
            [sys.executable, "-m", "crickets", "--data-dir", str(data), "list"],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=True,
        )
        rows[lang] = listed.stdout.splitlines()[1]
    assert "2:00 PM EST  7:00 PM" in rows["en_US.UTF-8"]
    assert "14:00 EST  19:00" in rows["en_GB.UTF-8"]
