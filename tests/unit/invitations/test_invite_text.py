"""Pasted invitation text: the time, the zone, the phone, the link, echoed back."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from crickets.domain.interview import Direction
from crickets.invitations.paste.reader import PastedInvite, understand_invite_text

NOW = datetime(2025, 11, 20, 12, 0, tzinfo=UTC)  # Tuesday 25 November 2025 is ahead


def read(text: str, zone: str = "Europe/London", *, my_email: str = "") -> PastedInvite:
    return understand_invite_text(text, my_zone=zone, now=NOW, my_email=my_email)


def test_google_format_with_middle_dot_en_dash_and_zone_name() -> None:
    found = read("Tuesday, November 25 · 2:00 – 2:30pm Eastern Time\nPhone: +1 415 555 0100")
    assert found.start is not None
    assert (found.start.zone, found.start.instant) == (
        "America/New_York",
        datetime(2025, 11, 25, 19, 0, tzinfo=UTC),
    )
    assert found.duration == timedelta(minutes=30)
    assert found.phone == "+1 415-555-0100"
    assert found.direction is Direction.THEY_CALL
    assert "When: Tuesday 25 November 2025, 2:00 PM EST (America/New_York, UTC−05:00)" in (
        found.understood
    )
    assert "Phone: +1 415-555-0100" in found.understood
    assert "Length: 30 minutes" in found.understood
    assert found.warnings == ()


def test_google_email_subject_and_abbreviation_in_parentheses() -> None:
    text = (
        "Invitation: Phone screen with Initech @ Wed Dec 2, 2026 10am - 10:45am (PST) "
        "(sam@example.com)\n"
        "Wed Dec 2, 2026 10am - 10:45am (PST)\n"
        "Organizer: Morgan Lee <mlee@initech.com>\n"
        "Join Zoom Meeting https://us02web.zoom.us/j/81234567890?pwd=abc\n"
    )
    found = read(text, my_email="sam@example.com")
    assert found.start is not None
    assert found.start.instant == datetime(2026, 12, 2, 18, 0, tzinfo=UTC)
    assert found.start.zone == "America/Los_Angeles"
    assert found.duration == timedelta(minutes=45)
    assert (found.interviewer_name, found.interviewer_email) == ("Morgan Lee", "mlee@initech.com")
    assert found.company == "Initech"
    assert (found.link_kind, found.direction) == ("Zoom", Direction.VIDEO)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Join: https://us06web.zoom.us/j/85512345678?pwd=x", "Zoom"),
        ("Video call link: https://meet.google.com/abc-defg-hij", "Google Meet"),
        (
            "Join the meeting now <https://teams.microsoft.com/l/meetup-join/19%3ameeting_a%40"
            "thread.v2/0?context=%7b%7d>",
            "Microsoft Teams",
        ),
        ("https://acme.webex.com/acme/j.php?MTID=m0123456789abcdef", "Webex"),
    ],
)
def test_meeting_links(text: str, kind: str) -> None:
    found = read(text)
    assert found.link_kind == kind and found.meeting_link.startswith("https://")
    assert found.direction is Direction.VIDEO


def test_explicit_iana_zone_line() -> None:
    found = read("Thursday 27 November 2025 at 15:00\nTime zone: Europe/London")
    assert found.start is not None
    assert found.start.instant == datetime(2025, 11, 27, 15, 0, tzinfo=UTC)
    assert found.start.zone == "Europe/London"


def test_outlook_when_line_with_windows_display_zone() -> None:
    text = (
        "When: Tuesday, November 25, 2025 2:00 PM-2:30 PM. (UTC-05:00) Eastern Time (US & Canada)"
    )
    found = read(text)
    assert found.start is not None and found.start.zone == "America/New_York"
    assert found.start.instant == datetime(2025, 11, 25, 19, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "zone", "utc_hour"),
    [
        ("Fri 28 Nov 2025 10:00 Central European Time", "Europe/Berlin", 9),
        ("Fri 28 Nov 2025 10:00 India Standard Time", "Asia/Kolkata", 4),
        ("Fri 28 Nov 2025 10:00 Pacific Time", "America/Los_Angeles", 18),
        ("Fri 28 Nov 2025 10:00 GMT", "Europe/London", 10),  # agrees with my zone: kept
        ("Thu 4 Jun 2026 10:00 British Summer Time", "Europe/London", 9),
        ("Fri 28 Nov 2025 10:00 CET", "Europe/Berlin", 9),
    ],
)
def test_common_zone_names(text: str, zone: str, utc_hour: int) -> None:
    found = read(text)
    assert found.start is not None and found.start.zone == zone
    assert found.start.instant.hour == utc_hour


def test_a_start_without_am_pm_takes_the_ends_unless_that_would_pass_it() -> None:
    found = read("Fri 28 Nov 2025 11 - 12:30pm CET")
    assert found.start is not None and found.start.local.hour == 11
    assert found.duration == timedelta(minutes=90)


def test_est_in_summer_is_read_as_new_york_time_and_flagged() -> None:
    found = read("Thu 4 Jun 2026 2pm EST")
    assert found.start is not None and found.start.zone == "America/New_York"
    assert found.start.instant == datetime(2026, 6, 4, 18, 0, tzinfo=UTC)
    assert any("says EST" in w and "EDT" in w for w in found.warnings)


def test_gmt_in_summer_is_utc_and_the_uk_reading_is_offered() -> None:
    found = read("Thu 4 Jun 2026 2pm GMT")
    assert found.start is not None and found.start.zone == "UTC"
    assert any("BST" in w for w in found.warnings)


def test_gmt_where_my_clock_differs_stays_utc() -> None:
    found = read("Fri 28 Nov 2025 10:00 GMT", zone="America/New_York")
    assert found.start is not None and found.start.zone == "UTC"
    assert found.start.instant == datetime(2025, 11, 28, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "my_zone", "zone", "utc_hour"),
    [
        ("Fri 28 Nov 2025 10:00 IST", "Europe/London", "Asia/Kolkata", 4),
        ("Thu 4 Jun 2026 10:00 IST", "Europe/Dublin", "Europe/Dublin", 9),
        ("Fri 28 Nov 2025 10:00 IST", "Asia/Jerusalem", "Asia/Jerusalem", 8),
    ],
)
def test_an_ambiguous_abbreviation_prefers_my_zone_and_says_which(
    text: str, my_zone: str, zone: str, utc_hour: int
) -> None:
    found = read(text, zone=my_zone)
    assert found.start is not None and found.start.zone == zone
    assert found.start.instant.hour == utc_hour
    assert any(
        w.startswith(f"IST read as {zone} time") and "India, Israel or Irish" in w
        for w in found.warnings
    )


def test_ist_in_dublins_winter_is_flagged() -> None:
    found = read("Fri 28 Nov 2025 10:00 IST", zone="Europe/Dublin")
    assert found.start is not None and found.start.zone == "Europe/Dublin"
    assert any("says IST, but Europe/Dublin is on GMT" in w for w in found.warnings)


def test_no_zone_means_my_zone_and_says_so() -> None:
    found = read("Fri 28 Nov 2025 at 10:00", zone="Asia/Tokyo")
    assert found.start is not None and found.start.zone == "Asia/Tokyo"
    assert any("your zone" in w for w in found.warnings)


def test_ambiguous_numeric_date_offers_the_choices() -> None:
    found = read("Date: 04/05/2026\nTime: 10:00")
    assert found.start is None and len(found.time_choices) == 2


def test_nothing_to_read() -> None:
    found = read("Hi Sam, looking forward to speaking with you.")
    assert found.start is None and found.understood == ()
    assert any("No date and time" in w for w in found.warnings)


def test_dial_in_numbers_of_a_video_call_are_not_the_interviewers() -> None:
    text = (
        "Tue 25 Nov 2025 2pm Eastern Time\n"
        "Join with Google Meet: https://meet.google.com/abc-defg-hij\n"
        "Or dial: (US) +1 484-555-0172 PIN: 123456789#"
    )
    found = read(text)
    assert found.phone == "" and found.direction is Direction.VIDEO


def test_hostile_text_is_cleaned() -> None:
    found = read("Subject: Acme\r\nBcc: x@y.z\nTue 25 Nov 2025 2pm ET\x00\u202e")
    assert "\r" not in found.company and "\x00" not in found.notes
    assert "\u202e" not in found.notes


def test_the_paste_box_does_not_load_icalendar() -> None:
    code = (
        "import sys, json; import crickets.invitations.paste.reader; "
        "heavy = ('icalendar', 'PySide6'); "
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(heavy))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []
