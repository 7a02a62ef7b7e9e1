"""Reading invitations as each calendar writes them: the time, the zone, who and what.

Fixtures are in tests/data/ics (written for these tests, one per producer shape). The clock
is frozen at NOW; the person lives in Europe/London unless a test says otherwise.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crickets.domain.interview import Direction
from crickets.invitations.ics.candidate import ImportCandidate
from crickets.invitations.ics.parse import parse_invitation

DATA = Path(__file__).resolve().parents[2] / "data" / "ics"
NOW = datetime(2026, 11, 25, 12, 21, tzinfo=UTC)
ME = "sam.candidate@gmail.com"


def read(name: str, *, zone: str = "Europe/London", now: datetime = NOW) -> list[ImportCandidate]:
    return list(
        parse_invitation((DATA / name).read_bytes(), my_zone=zone, now=now, my_email=ME).events
    )


def only(name: str, *, zone: str = "Europe/London", now: datetime = NOW) -> ImportCandidate:
    (event,) = read(name, zone=zone, now=now)
    return event


def local_iso(event: ImportCandidate) -> str:
    assert event.start is not None and event.zone is not None
    assert event.start.tzinfo is not None
    return event.to_interview().start.astimezone(event.to_interview().tzinfo).isoformat()


def test_google_invitation() -> None:
    event = only("google_request.ics")
    assert (event.zone, local_iso(event)) == ("America/New_York", "2026-12-01T14:00:00-05:00")
    assert event.start == datetime(2026, 12, 1, 19, 0, tzinfo=UTC)
    assert event.duration == timedelta(minutes=45)
    assert (event.company, event.role) == ("Acme", "Data analyst")
    assert (event.interviewer_name, event.interviewer_email) == ("Jane Doe", "jane.doe@acme.com")
    assert (event.meeting_link, event.link_kind) == (
        "https://meet.google.com/abc-defg-hij",
        "Google Meet",
    )
    assert event.phone == ""  # the Meet dial-in belongs to the bridge, not to Jane
    assert event.direction is Direction.VIDEO
    assert (event.method, event.sequence, event.cancelled) == ("REQUEST", 0, False)
    assert event.uid == "7kukuqrfedlm2f9t0vr42q2vvq@google.com"
    assert event.warnings == ()


def test_outlook_windows_zone_name_and_teams_url() -> None:
    event = only("outlook_request.ics")
    assert (event.zone, local_iso(event)) == ("America/Los_Angeles", "2026-12-02T10:00:00-08:00")
    assert event.meeting_link.startswith("https://teams.microsoft.com/l/meetup-join/")
    assert event.link_kind == "Microsoft Teams"
    assert (event.company, event.role) == ("Globex", "Senior Software Engineer")
    assert event.interviewer_name == "Priya Raman"  # not the room, not Sam
    assert event.phone == "" and event.direction is Direction.VIDEO
    assert event.uid.startswith("040000008200E00074C5B7101A82E008")


def test_outlook_custom_zone_is_matched_to_new_york_not_havana() -> None:
    # Havana has the same offsets and the same change *days* as New York, but changes at
    # midnight: only the clock-change check tells them apart.
    event = only("outlook_custom_zone.ics")
    assert (event.zone, local_iso(event)) == ("America/New_York", "2026-12-03T09:15:00-05:00")
    assert event.phone == "+1 212-555-0147"  # national number, read in the event's region
    assert event.direction is Direction.THEY_CALL
    assert event.company == "Initech"


def test_apple_calendar_with_phone_in_location() -> None:
    event = only("apple_publish.ics")
    assert (event.zone, local_iso(event)) == ("Europe/Berlin", "2026-12-04T11:00:00+01:00")
    assert event.phone == "+49 30 901820"
    assert event.company == "Hooli"
    assert event.direction is Direction.THEY_CALL
    assert "Jürgen" in event.notes


def test_zoom_utc_times_shown_in_the_files_zone() -> None:
    event = only("zoom_utc.ics")
    assert event.start == datetime(2026, 12, 7, 16, 0, tzinfo=UTC)
    assert event.zone == "America/Chicago"  # X-WR-TIMEZONE names where it was agreed
    assert event.link_kind == "Zoom" and "/j/81234567890" in event.meeting_link
    assert event.phone == ""  # "Dial by your location" numbers are the bridge's
    assert (event.company, event.role) == ("Vandelay Industries", "Backend Developer")
    assert event.duration == timedelta(hours=1)


def test_teams_windows_zone_without_vtimezone_and_robot_organiser() -> None:
    event = only("teams_windows_zone.ics")
    assert (event.zone, local_iso(event)) == ("Europe/Berlin", "2026-12-08T15:00:00+01:00")
    assert (event.interviewer_name, event.interviewer_email) == (
        "Alex Smith",
        "alex.smith@umbrella-corp.com",
    )
    assert (event.company, event.role) == ("Umbrella", "Data Analyst")
    assert event.link_kind == "Microsoft Teams"


def test_vendor_prefixed_tzid() -> None:
    event = only("vendor_tzid.ics")
    assert (event.zone, local_iso(event)) == ("Asia/Tokyo", "2026-12-11T10:00:00+09:00")
    assert event.warnings == ()


def test_floating_time_is_read_in_my_zone_and_labelled() -> None:
    event = only("floating.ics", zone="America/Denver")
    assert (event.zone, local_iso(event)) == ("America/Denver", "2026-12-09T11:00:00-07:00")
    assert any("no time zone" in w and "America/Denver" in w for w in event.warnings)
    assert event.duration == timedelta(minutes=45)


def test_floating_time_with_x_wr_timezone() -> None:
    event = only("floating_x_wr.ics")
    assert (event.zone, local_iso(event)) == ("Asia/Kolkata", "2026-12-09T11:00:00+05:30")
    assert event.warnings == ()


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("all_day.ics", "all-day"),
        ("unknown_tzid.ics", "Mars Standard Time"),
        ("no_start.ics", "no start"),
    ],
)
def test_no_honest_instant_means_needs_a_time(name: str, reason: str) -> None:
    event = only(name)
    assert event.start is None and event.local_start is None and event.zone is None
    assert reason in event.needs_time
    assert not event.has_time
    with pytest.raises(ValueError, match="no time"):
        event.to_interview()
    given = event.with_start(datetime(2026, 12, 10, 14, 0), "Europe/Paris")
    assert given.start == datetime(2026, 12, 10, 13, 0, tzinfo=UTC)
    assert given.to_interview().zone == "Europe/Paris"


def test_all_day_keeps_the_date_for_the_question() -> None:
    assert only("all_day.ics").day == datetime(2026, 12, 10).date()


def test_several_events_are_all_returned_soonest_first() -> None:
    events = read("several.ics")
    assert [e.summary for e in events] == [
        "Recruiter screen: Massive Dynamic",
        "Hiring manager: Massive Dynamic",
        "Final round: Massive Dynamic",
    ]
    assert {e.company for e in events} == {"Massive Dynamic"}


def test_time_in_the_dst_gap_is_read_as_calendars_do_and_said() -> None:
    event = only("dst_gap.ics")
    assert local_iso(event) == "2027-03-14T03:30:00-04:00"
    assert any("does not exist" in w for w in event.warnings)
    assert event.duration == timedelta(hours=1)  # wall-clock length, not 0


def test_repeated_hour_takes_the_first_and_says_so() -> None:
    data = _event("DTSTART;TZID=America/New_York:20261101T013000")
    (event,) = parse_invitation(data, my_zone="Europe/London", now=NOW).events
    assert event.start == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)  # EDT, the first
    assert any("happens twice" in w for w in event.warnings)
    assert event.local_start is not None and event.local_start.fold == 0


def test_repeating_event_gives_the_next_date_with_exdate_and_moved_occurrence() -> None:
    event = only("recurring_weekly.ics")
    # 1 Dec is excluded; 8 Dec 09:30 was moved to 16:00.
    assert local_iso(event) == "2026-12-08T16:00:00+00:00"
    assert event.summary.endswith("(moved)")
    assert event.recurring and event.sequence == 3
    later = only("recurring_weekly.ics", now=datetime(2026, 12, 9, tzinfo=UTC))
    assert local_iso(later) == "2026-12-15T09:30:00+00:00"
    ended = only("recurring_weekly.ics", now=datetime(2027, 2, 1, tzinfo=UTC))
    assert "in the past" in ended.needs_time


def test_a_daily_meeting_that_began_years_ago_still_finds_its_next_date() -> None:
    data = _event("DTSTART;TZID=Europe/London:20100104T090000", "RRULE:FREQ=DAILY")
    (event,) = parse_invitation(data, my_zone="Europe/London", now=NOW).events
    assert event.start == datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "rule",
    [
        "RRULE:FREQ=SECONDLY",
        "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
        "RRULE:FREQ=MONTHLY;BYDAY=1MO;BYMONTHDAY=20",
        "RRULE:FREQ=YEARLY;BYWEEKNO=53;BYSETPOS=-1",
        "RRULE:FREQ=DAILY;COUNT=999999",
    ],
)
def test_rules_that_cannot_be_bounded_ask_for_the_date(rule: str) -> None:
    data = _event("DTSTART:19700101T090000Z", rule)
    (event,) = parse_invitation(data, my_zone="Europe/London", now=NOW).events
    assert event.start is None and "repeat" in event.needs_time


def test_hostile_vtimezone_rules_are_refused_quickly() -> None:
    zone = (
        "BEGIN:VTIMEZONE\r\nTZID:Evil\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\n"
        "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nRRULE:FREQ=SECONDLY\r\nEND:STANDARD\r\n"
        "END:VTIMEZONE\r\n"
    )
    data = _event("DTSTART;TZID=Evil:20261201T100000", zone=zone)
    (event,) = parse_invitation(data, my_zone="Europe/London", now=NOW).events
    assert "cannot use" in event.needs_time


def test_custom_zone_with_no_match_is_kept_exactly_in_utc() -> None:
    zone = (
        "BEGIN:VTIMEZONE\r\nTZID:Odd\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
        "TZOFFSETFROM:+0517\r\nTZOFFSETTO:+0517\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
    )
    data = _event("DTSTART;TZID=Odd:20261201T100000", zone=zone)
    (event,) = parse_invitation(data, my_zone="Europe/London", now=NOW).events
    assert event.zone == "UTC"
    assert event.start == datetime(2026, 12, 1, 4, 43, tzinfo=UTC)
    assert any("UTC+05:17" in w for w in event.warnings)


def test_a_vtimezone_that_contradicts_its_iana_name_is_overruled_and_said() -> None:
    zone = (
        "BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
        "TZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
    )
    data = _event("DTSTART;TZID=Europe/Paris:20261201T100000", zone=zone)
    (event,) = parse_invitation(data, my_zone="Europe/London", now=NOW).events
    assert event.start == datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    assert any("current rules" in w for w in event.warnings)


def test_two_files_with_the_same_custom_tzid_do_not_leak_into_each_other() -> None:
    def zone(offset: str) -> str:
        return (
            "BEGIN:VTIMEZONE\r\nTZID:Company Time\r\nBEGIN:STANDARD\r\n"
            f"DTSTART:19700101T000000\r\nTZOFFSETFROM:{offset}\r\nTZOFFSETTO:{offset}\r\n"
            "END:STANDARD\r\nEND:VTIMEZONE\r\n"
        )

    starts = []
    for offset in ("+0900", "-0300"):
        data = _event("DTSTART;TZID=Company Time:20261201T100000", zone=zone(offset))
        (event,) = parse_invitation(data, my_zone="Europe/London", now=NOW).events
        starts.append(event.start)
    assert starts == [datetime(2026, 12, 1, 1, tzinfo=UTC), datetime(2026, 12, 1, 13, tzinfo=UTC)]


def test_summary_escapes_and_injection_are_cleaned() -> None:
    data = _event(
        "DTSTART:20261201T100000Z",
        "SUMMARY:Acme\\nBcc: evil@example.com\\, Inc\u202e",
        "DESCRIPTION:line one\\nline two\x07",
    )
    (event,) = parse_invitation(data, my_zone="Europe/London", now=NOW).events
    assert event.summary == "Acme Bcc: evil@example.com, Inc"
    assert event.notes == "line one\nline two"
    assert "\n" not in event.company and "\r" not in event.company


def test_organiser_who_is_me_is_not_the_interviewer() -> None:
    data = _event(
        "DTSTART:20261201T100000Z",
        f"ORGANIZER;CN=Sam:mailto:{ME}",
        "ATTENDEE;CN=Jane Doe:mailto:jane@initech.com",
    )
    (event,) = parse_invitation(data, my_zone="Europe/London", now=NOW, my_email=ME).events
    assert (event.interviewer_name, event.interviewer_email) == ("Jane Doe", "jane@initech.com")
    assert event.company == "Initech"


def test_event_without_uid_gets_a_stable_one() -> None:
    data = _event("DTSTART:20261201T100000Z", uid="")
    first = parse_invitation(data, my_zone="Europe/London", now=NOW).events[0].uid
    again = parse_invitation(data, my_zone="Europe/Paris", now=NOW).events[0].uid
    assert first == again and first.startswith("crickets-nouid-")


def test_cancellation_and_sequence_are_read() -> None:
    event = only("series_3_cancel.ics")
    assert (event.method, event.sequence, event.cancelled) == ("CANCEL", 2, True)


def test_odd_length_is_replaced_by_30_minutes_with_a_warning() -> None:
    data = _event("DTSTART:20261201T100000Z", "DTEND:20261202T100000Z")
    (event,) = parse_invitation(data, my_zone="Europe/London", now=NOW).events
    assert event.duration == timedelta(minutes=30)
    assert any("1440 minutes" in w for w in event.warnings)


def test_parsing_from_threads_at_once_gives_the_same_answers() -> None:
    names = sorted(p.name for p in DATA.glob("*.ics"))
    expected = {n: [e.start for e in read(n)] for n in names}
    seen: dict[str, list[object]] = {}

    def work(name: str) -> None:
        seen[name] = [e.start for e in read(name)]

    threads = [threading.Thread(target=work, args=(n,)) for n in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == expected


def test_my_zone_must_be_a_zone_and_now_aware() -> None:
    data = (DATA / "floating.ics").read_bytes()
    with pytest.raises(ValueError):
        parse_invitation(data, my_zone="Mars/Olympus", now=NOW)
    with pytest.raises(ValueError):
        parse_invitation(data, my_zone="UTC", now=datetime(2026, 1, 1))


def test_the_original_bytes_are_kept() -> None:
    data = (DATA / "google_request.ics").read_bytes()
    assert parse_invitation(data, my_zone="UTC", now=NOW).source == data


def _event(*lines: str, zone: str = "", uid: str = "test-1@example.com") -> bytes:
    body = "".join(f"{line}\r\n" for line in lines)
    uid_line = f"UID:{uid}\r\n" if uid else ""
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        f"{zone}BEGIN:VEVENT\r\n{uid_line}DTSTAMP:20261120T100000Z\r\n{body}"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()
