"""Typed dates and times (docs/architecture.md, "Time"): every dateutil trap gives the
right instant or a clear TimeParseError / AmbiguousTime, never a silently wrong time.
``now`` is fixed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crickets.domain.timeparse import (
    AmbiguousTime,
    NonexistentTime,
    ParsedTime,
    TimeParseError,
    parse_when,
    resolve_local,
)
from tests.builders import NOW  # Wednesday 25 November 2026, 12:21 UTC (7:21 AM in NY)

NY = "America/New_York"
LONDON = "Europe/London"
SYDNEY = "Australia/Sydney"


def when(
    text: str, zone: str = NY, *, day_first: bool | None = None, fold: int | None = None
) -> ParsedTime:
    return parse_when(text, zone=zone, now=NOW, day_first=day_first, fold=fold)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def error(text: str, zone: str = NY, *, day_first: bool | None = None) -> str:
    with pytest.raises(TimeParseError) as caught:
        when(text, zone, day_first=day_first)
    assert type(caught.value) is TimeParseError
    return caught.value.message


# --- What people type, read right -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "local"),
    [
        # ISO 8601, with or without "T" and seconds
        ("2026-12-01 14:00", datetime(2026, 12, 1, 14, 0)),
        ("2026-12-01T14:00", datetime(2026, 12, 1, 14, 0)),
        ("2026-12-01 14:00:30", datetime(2026, 12, 1, 14, 0, 30)),
        ("2026-12-01T14:00:30", datetime(2026, 12, 1, 14, 0, 30)),
        # dates people write
        ("Tue 1 Dec 2pm", datetime(2026, 12, 1, 14, 0)),
        ("Tuesday, December 1, 2:00 PM", datetime(2026, 12, 1, 14, 0)),
        ("Dec 1 14:00", datetime(2026, 12, 1, 14, 0)),
        ("1 December 2026 at 2pm", datetime(2026, 12, 1, 14, 0)),
        ("the 1st of December at 2pm", datetime(2026, 12, 1, 14, 0)),
        ("2pm on Dec 1", datetime(2026, 12, 1, 14, 0)),
        ("1 dec 26 2pm", datetime(2026, 12, 1, 14, 0)),  # two-digit year: 20xx, not the clock's
        ("2026/12/01 2pm", datetime(2026, 12, 1, 14, 0)),
        ("13/05/2026 2pm", datetime(2026, 5, 13, 14, 0)),  # 13 cannot be a month
        ("05/13/2026 2pm", datetime(2026, 5, 13, 14, 0)),
        ("04/04/2026 2pm", datetime(2026, 4, 4, 14, 0)),  # both orders agree
        ("Tue 04/05/2027 2pm", datetime(2027, 5, 4, 14, 0)),  # the weekday settles the order
        # relative words, handled here rather than by dateutil's fuzzy mode
        ("tomorrow 10:30", datetime(2026, 11, 26, 10, 30)),
        ("today 3pm", datetime(2026, 11, 25, 15, 0)),
        ("today 6am", datetime(2026, 11, 25, 6, 0)),  # said "today": kept, though past
        ("noon", datetime(2026, 11, 25, 12, 0)),
        ("12 noon", datetime(2026, 11, 25, 12, 0)),
        ("Dec 12 noon", datetime(2026, 12, 12, 12, 0)),
        ("midnight", datetime(2026, 11, 26, 0, 0)),
        ("tomorrow noon", datetime(2026, 11, 26, 12, 0)),
        ("Friday 2pm", datetime(2026, 11, 27, 14, 0)),
        ("this Friday 2pm", datetime(2026, 11, 27, 14, 0)),
        ("Wednesday 2pm", datetime(2026, 11, 25, 14, 0)),  # today, still ahead
        ("Wednesday 6am", datetime(2026, 12, 2, 6, 0)),  # today's has passed: next week
        # a time alone
        ("2pm", datetime(2026, 11, 25, 14, 0)),
        ("14:00", datetime(2026, 11, 25, 14, 0)),
        ("6:00", datetime(2026, 11, 26, 6, 0)),
        ("12am", datetime(2026, 11, 26, 0, 0)),
        # dotted times are times, never dates
        ("3.30pm", datetime(2026, 11, 25, 15, 30)),
        ("3.30 pm", datetime(2026, 11, 25, 15, 30)),
        ("3.30 p.m.", datetime(2026, 11, 25, 15, 30)),
        ("15.30", datetime(2026, 11, 25, 15, 30)),
        ("Dec 1 15.30", datetime(2026, 12, 1, 15, 30)),  # dateutil alone: 2015-12-01
        ("tomorrow 9.45am", datetime(2026, 11, 26, 9, 45)),
    ],
)
def test_reads_what_people_type(text: str, local: datetime) -> None:
    parsed = when(text)
    assert (parsed.local, parsed.zone) == (local, NY)
    assert parsed.instant == local.replace(tzinfo=ZoneInfo(NY)).astimezone(UTC)
    assert parsed.instant.tzinfo is UTC and parsed.local.tzinfo is None


@pytest.mark.parametrize(
    ("text", "notes"),
    [
        ("2pm", ("today, since 2:00 PM is still ahead",)),
        ("6:00", ("tomorrow, since 6:00 AM today has passed",)),
        ("Dec 1 14:00", ("year taken as 2026",)),
        ("Jan 5 10am", ("year taken as 2027",)),
        ("25 Nov 10am", ("year taken as 2026",)),  # on or after today
        ("24 Nov 10am", ("year taken as 2027",)),
        ("Friday 2pm", ("the coming Friday",)),
        ("Wednesday 2pm", ("Wednesday taken as today, since 2:00 PM is still ahead",)),
        ("Wednesday 6am", ("next Wednesday, since 6:00 AM today has passed",)),
        ("midnight", ("midnight taken as the start of Thursday 26 November 2026",)),
        ("tomorrow 10:30", ()),
        ("1 December 2026 at 2pm", ()),
        ("2026-12-01 14:00", ()),
    ],
)
def test_assumptions_are_noted(text: str, notes: tuple[str, ...]) -> None:
    assert when(text).notes == notes


def test_no_year_means_the_next_one() -> None:
    assert when("Jan 5 10am").local == datetime(2027, 1, 5, 10, 0)
    assert when("24 Nov 10am").local == datetime(2027, 11, 24, 10, 0)


def test_a_weekday_that_matches_is_fine() -> None:
    then = datetime(2025, 11, 20, 12, 0, tzinfo=UTC)
    parsed = parse_when("Tue 25 Nov 2pm", zone=NY, now=then)
    assert parsed.local == datetime(2025, 11, 25, 14, 0)


@pytest.mark.parametrize(
    ("text", "zone", "echo"),
    [
        ("Tue 1 Dec 2pm", NY, "Tuesday 1 December 2026, 2:00 PM EST (America/New_York, UTC−05:00)"),
        (
            "2026-07-01 09:30",
            LONDON,
            "Wednesday 1 July 2026, 9:30 AM BST (Europe/London, UTC+01:00)",
        ),
        ("2026-12-01T14:00Z", NY, "Tuesday 1 December 2026, 2:00 PM UTC (UTC, UTC)"),
        (
            "2026-12-01 14:00 +02:00",
            NY,
            "Tuesday 1 December 2026, 2:00 PM UTC+02:00 (Etc/GMT-2, UTC+02:00)",
        ),
        (
            "Dec 1 9am",
            SYDNEY,
            "Tuesday 1 December 2026, 9:00 AM AEDT (Australia/Sydney, UTC+11:00)",
        ),
    ],
)
def test_echo_is_unambiguous(text: str, zone: str, echo: str) -> None:
    assert when(text, zone).echo == echo


def test_the_echo_reads_back_as_the_same_instant() -> None:
    parsed = when("Tue 1 Dec 2pm")
    again = when(parsed.echo, LONDON)
    assert (again.instant, again.zone, again.local) == (parsed.instant, NY, parsed.local)


# --- Zones, offsets, abbreviations ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "zone", "instant", "shown_in"),
    [
        # "GMT+2"/"UTC+2" mean two hours AHEAD of UTC, as people mean it (dateutil inverts)
        ("Dec 1 2pm GMT+2", NY, utc(2026, 12, 1, 12), "Etc/GMT-2"),
        ("Dec 1 2pm UTC+2", NY, utc(2026, 12, 1, 12), "Etc/GMT-2"),
        ("Dec 1 2pm UTC+02:00", NY, utc(2026, 12, 1, 12), "Etc/GMT-2"),
        ("Dec 1 2pm GMT-5", NY, utc(2026, 12, 1, 19), NY),  # NY's own offset: zone kept
        ("Dec 1 2pm GMT-5", LONDON, utc(2026, 12, 1, 19), "Etc/GMT+5"),
        # numeric offsets are exact
        ("2026-12-01 14:00 +02:00", NY, utc(2026, 12, 1, 12), "Etc/GMT-2"),
        ("2026-12-01T14:00+02:00", NY, utc(2026, 12, 1, 12), "Etc/GMT-2"),
        ("2026-12-01T14:00+0200", NY, utc(2026, 12, 1, 12), "Etc/GMT-2"),
        ("Dec 1 14:00 -0500", LONDON, utc(2026, 12, 1, 19), "Etc/GMT+5"),
        ("2026-12-01T14:00+01:00", "Europe/Paris", utc(2026, 12, 1, 13), "Europe/Paris"),
        ("2026-12-01 14:00 +05:30", NY, utc(2026, 12, 1, 8, 30), "UTC"),
        ("2026-12-01 14:00 +05:30", "Asia/Kolkata", utc(2026, 12, 1, 8, 30), "Asia/Kolkata"),
        ("2026-12-01 14:00 -05:00", NY, utc(2026, 12, 1, 19), NY),
        # UTC, GMT and Z are unambiguous
        ("2026-12-01T14:00Z", NY, utc(2026, 12, 1, 14), "UTC"),
        ("2026-12-01 14:00 UTC", NY, utc(2026, 12, 1, 14), "UTC"),
        ("Dec 1 2pm GMT", NY, utc(2026, 12, 1, 14), "UTC"),
        ("Dec 1 2pm utc", NY, utc(2026, 12, 1, 14), "UTC"),
        # IANA names in the text
        ("2026-12-01 14:00 Europe/London", NY, utc(2026, 12, 1, 14), LONDON),
        ("Dec 1 2pm America/Los_Angeles", LONDON, utc(2026, 12, 1, 22), "America/Los_Angeles"),
        ("Dec 1 2pm Europe/London UTC", NY, utc(2026, 12, 1, 14), LONDON),  # agree: fine
        # abbreviations, where the zone really shows them
        ("2026-11-25 14:00 EST", NY, utc(2026, 11, 25, 19), NY),
        ("2026-07-01 14:00 EDT", NY, utc(2026, 7, 1, 18), NY),
        ("2026-07-01 14:00 BST", LONDON, utc(2026, 7, 1, 13), LONDON),
        ("Dec 1 2pm IST", "Asia/Kolkata", utc(2026, 12, 1, 8, 30), "Asia/Kolkata"),
        ("2026-07-01 14:00 IST", "Europe/Dublin", utc(2026, 7, 1, 13), "Europe/Dublin"),
        ("Dec 1 2pm CET", "Europe/Paris", utc(2026, 12, 1, 13), "Europe/Paris"),
        ("Dec 1 2pm AEDT", SYDNEY, utc(2026, 12, 1, 3), SYDNEY),
        ("Dec 1 2pm PST", "America/Los_Angeles", utc(2026, 12, 1, 22), "America/Los_Angeles"),
    ],
)
def test_zones_in_the_text(text: str, zone: str, instant: datetime, shown_in: str) -> None:
    parsed = when(text, zone)
    assert (parsed.instant, parsed.zone) == (instant, shown_in)
    assert parsed.local == instant.astimezone(ZoneInfo(shown_in)).replace(tzinfo=None)


def test_gmt_plus_is_noted_and_etc_sign_explained() -> None:
    parsed = when("Dec 1 2pm GMT+2")
    assert parsed.notes == (
        "GMT+2 read as UTC+02:00, ahead of UTC",
        "year taken as 2026",
        "UTC+02:00 is not the offset of America/New_York then, so the time is kept in Etc/GMT-2",
    )


def test_a_bare_time_with_an_offset_counts_today_in_that_offset() -> None:
    # 12:21 UTC is 14:21 at UTC+2, so 2pm there has passed
    parsed = when("2pm GMT+2")
    assert parsed.instant == utc(2026, 11, 26, 12)
    assert "tomorrow, since 2:00 PM today has passed" in parsed.notes


@pytest.mark.parametrize(
    ("text", "zone", "words"),
    [
        ("Dec 1 2pm IST", LONDON, "India, Israel or Irish Standard Time"),
        ("Dec 1 2pm IST", LONDON, "such as Asia/Kolkata instead"),
        ("Dec 1 2pm BST", NY, "British Summer Time or Bangladesh Standard Time"),
        ("Dec 1 2pm EST", SYDNEY, "US Eastern or Australian Eastern Standard Time"),
        ("Dec 1 2pm EST", LONDON, "give an IANA zone such as America/New_York instead"),
        ("Dec 1 2pm XYZ", NY, '"XYZ" is not a time zone Crickets knows'),
        ("Dec 1 2pm Mars/Olympus", NY, '"Mars/Olympus" is not a time zone Crickets knows'),
        ("Dec 1 2pm Europe/London America/Chicago", NY, "two different time zones"),
        ("2026-12-01T14:00+02:00 -05:00", NY, "two different offsets"),
        ("Dec 1 2pm EST +02:00", NY, "does not match America/New_York"),
        ("Dec 1 2pm GMT+15", NY, '"GMT+15" is not a valid offset'),
        ("2pm -5", NY, "offset Crickets cannot read safely"),
    ],
)
def test_zone_mistakes_are_explained(text: str, zone: str, words: str) -> None:
    assert words in error(text, zone)


def test_an_unknown_zone_argument_is_a_parse_error() -> None:
    assert "not a time zone Crickets knows" in error("2pm", "Nowhere/Land")


# --- Refusals ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Type a date and time, such as 'Tue 1 Dec 2pm' or '2026-12-01 14:00'."),
        ("   ", "Type a date and time, such as 'Tue 1 Dec 2pm' or '2026-12-01 14:00'."),
        (
            "banana",
            '"banana" is not a date and time Crickets can read; '
            "try one such as 'Tue 1 Dec 2pm' or '2026-12-01 14:00'.",
        ),
        (
            "Tue 25 Nov 2026 2pm",
            "25 November 2026 is a Wednesday, not a Tuesday; check the day or the date.",
        ),
        (
            "Tue 25 Nov 2pm",
            "25 November 2026 is a Wednesday, not a Tuesday; check the day or the date.",
        ),
        (
            "tomorrow Friday 2pm",
            "26 November 2026 is a Thursday, not a Friday; check the day or the date.",
        ),
        (
            "tomorrow 1 Dec 2pm",
            "Tomorrow is Thursday 26 November 2026, but the text also gives "
            "Tuesday 1 December 2026; keep one.",
        ),
        (
            "3.30",
            '"3.30" could be a time or a date; write times with a colon (3:30 PM) '
            "and dates with the month as a word (30 Mar).",
        ),
        (
            "2025-11-01 10:00",
            "Saturday 1 November 2025 is more than a year in the past; check the year.",
        ),
        (
            "Dec 1 2029 10am",
            "Saturday 1 December 2029 is more than two years ahead; check the year.",
        ),
        (
            "next Friday 2pm",
            '"next Friday 2pm" could mean different days to different people; '
            "give the date instead, such as 'Fri 4 Dec 2pm'.",
        ),
        ("tomorrow", '"tomorrow" has no time of day; add one, such as 2pm or 14:00.'),
        ("Dec 1", '"Dec 1" has no time of day; add one, such as 2pm or 14:00.'),
        ("2026-12-01", '"2026-12-01" has no time of day; add one, such as 2pm or 14:00.'),
        ("tomorrow at 2", '"tomorrow at 2" has no time of day; add one, such as 2pm or 14:00.'),
        (
            "4 5 2026 2pm",
            '"4 5 2026 2pm" gives the month as a number; write it as a word (1 Dec) '
            "or use 2026-12-01.",
        ),
        ("Dec 2pm", "\"Dec 2pm\" needs both a day and a month, such as '1 Dec 2pm'."),
        ("31/04/2027 2pm", '"31/04/2027" is not a real date; check the day and the month.'),
        ("2026-02-30 14:00", '"2026-02-30 14:00" is not a real date and time; check it.'),
        ("Feb 29 10am", "29 February does not come within the next year; add the year."),
        ("3:30 2pm", '"3:30 2pm" gives more than one time of day; keep one.'),
        ("noon 2pm", '"noon 2pm" gives more than one time of day; keep one.'),
        ("Dec 1 9:00-10:00", '"Dec 1 9:00-10:00" gives more than one time of day; keep one.'),
        ("Dec 1 Jan 2 2pm", '"Dec 1 Jan 2 2pm" gives two dates; keep one.'),
        ("Friday Monday 2pm", '"Friday Monday 2pm" names two different days; keep one.'),
    ],
)
def test_refusals_say_what_is_wrong(text: str, message: str) -> None:
    assert error(text) == message


def test_the_quoted_text_is_cleaned_and_shortened() -> None:
    message = error("ban\x00ana\n\t" + "x" * 80)
    quoted = message.split('" ')[0] + '"'
    assert quoted == '"ban ana ' + "x" * 31 + '…"'  # 40 characters inside the quotes
    assert not any(ord(c) < 32 for c in message)


@pytest.mark.parametrize(
    "text",
    ["99999999999999999999", "99999999999999999999 2pm", "2pm 99999", "\x00", "2pm " * 80],
)
def test_nothing_but_parse_errors_escape(text: str) -> None:
    with pytest.raises(TimeParseError):
        when(text)


@given(st.text(max_size=40), st.sampled_from([None, True, False]))
@settings(max_examples=300, deadline=None)
def test_any_text_gives_a_time_or_a_parse_error(text: str, day_first: bool | None) -> None:
    try:
        parsed = when(text, day_first=day_first)
    except TimeParseError as exc:
        assert exc.message
    else:
        assert abs(parsed.instant - NOW) < timedelta(days=732)


# --- Questions: day/month order, midnight -----------------------------------------------


def test_day_month_order_is_asked_when_it_matters() -> None:
    with pytest.raises(AmbiguousTime) as caught:
        when("04/05/2026 2pm")
    assert caught.value.message == '"04/05/2026" could be 5 April 2026 or 4 May 2026; choose one.'
    assert [c.local for c in caught.value.choices] == [
        datetime(2026, 4, 5, 14, 0),
        datetime(2026, 5, 4, 14, 0),
    ]
    assert caught.value.choices[0].echo == (
        "Sunday 5 April 2026, 2:00 PM EDT (America/New_York, UTC−04:00)"
    )


def test_day_month_order_without_a_year_uses_the_next_ones() -> None:
    with pytest.raises(AmbiguousTime) as caught:
        when("04/05 2pm")
    assert [c.local.date().isoformat() for c in caught.value.choices] == [
        "2027-04-05",
        "2027-05-04",
    ]
    assert all(c.notes == ("year taken as 2027",) for c in caught.value.choices)


@pytest.mark.parametrize(
    ("text", "day_first", "local"),
    [
        ("04/05/2026 2pm", True, datetime(2026, 5, 4, 14, 0)),
        ("04/05/2026 2pm", False, datetime(2026, 4, 5, 14, 0)),
        ("04.12.2026 14:00", True, datetime(2026, 12, 4, 14, 0)),
        ("4-12-26 14:00", True, datetime(2026, 12, 4, 14, 0)),
        ("12/4/26 14:00", False, datetime(2026, 12, 4, 14, 0)),
    ],
)
def test_day_first_setting_decides(text: str, day_first: bool, local: datetime) -> None:
    assert when(text, day_first=day_first).local == local


def test_day_first_refuses_a_date_that_only_works_the_other_way() -> None:
    assert "is not a real date" in error("05/13/2026 2pm", day_first=True)


def test_midnight_on_a_named_day_is_asked() -> None:
    with pytest.raises(AmbiguousTime) as caught:
        when("tomorrow midnight")
    assert caught.value.message == (
        "Midnight on Thursday 26 November 2026 could mean the start or the end of that day; "
        "choose one."
    )
    assert [c.local for c in caught.value.choices] == [
        datetime(2026, 11, 26, 0, 0),
        datetime(2026, 11, 27, 0, 0),
    ]


# --- DST: gaps are refused, repeated hours are asked ------------------------------------


@pytest.mark.parametrize(
    ("zone", "local", "message"),
    [
        (
            NY,
            datetime(2026, 3, 8, 2, 30),
            "2:30 AM on Sunday 8 March 2026 does not exist in America/New_York: clocks jump "
            "from 2:00 AM to 3:00 AM, so pick a time outside that gap.",
        ),
        (
            LONDON,
            datetime(2026, 3, 29, 1, 30),
            "1:30 AM on Sunday 29 March 2026 does not exist in Europe/London: clocks jump "
            "from 1:00 AM to 2:00 AM, so pick a time outside that gap.",
        ),
        (
            SYDNEY,
            datetime(2026, 10, 4, 2, 30),
            "2:30 AM on Sunday 4 October 2026 does not exist in Australia/Sydney: clocks jump "
            "from 2:00 AM to 3:00 AM, so pick a time outside that gap.",
        ),
    ],
)
def test_a_time_in_a_dst_gap_does_not_exist(zone: str, local: datetime, message: str) -> None:
    for fold in (None, 0, 1):
        with pytest.raises(NonexistentTime) as caught:
            resolve_local(local, zone, fold)
        assert caught.value.message == message
    with pytest.raises(NonexistentTime):
        when(local.strftime("%Y-%m-%d %H:%M"), zone)


REPEATED = [
    (
        NY,
        datetime(2026, 11, 1, 1, 30),
        (utc(2026, 11, 1, 5, 30), utc(2026, 11, 1, 6, 30)),
        (
            "Sunday 1 November 2026, 1:30 AM EDT (America/New_York, UTC−04:00)",
            "Sunday 1 November 2026, 1:30 AM EST (America/New_York, UTC−05:00)",
        ),
        "1:30 AM on Sunday 1 November 2026 happens twice in America/New_York: clocks go back "
        "from 2:00 AM to 1:00 AM, so choose the first (EDT) or the second (EST).",
    ),
    (
        LONDON,
        datetime(2026, 10, 25, 1, 30),
        (utc(2026, 10, 25, 0, 30), utc(2026, 10, 25, 1, 30)),
        (
            "Sunday 25 October 2026, 1:30 AM BST (Europe/London, UTC+01:00)",
            "Sunday 25 October 2026, 1:30 AM GMT (Europe/London, UTC)",
        ),
        "1:30 AM on Sunday 25 October 2026 happens twice in Europe/London: clocks go back "
        "from 2:00 AM to 1:00 AM, so choose the first (BST) or the second (GMT).",
    ),
    (
        SYDNEY,
        datetime(2026, 4, 5, 2, 30),
        (utc(2026, 4, 4, 15, 30), utc(2026, 4, 4, 16, 30)),
        (
            "Sunday 5 April 2026, 2:30 AM AEDT (Australia/Sydney, UTC+11:00)",
            "Sunday 5 April 2026, 2:30 AM AEST (Australia/Sydney, UTC+10:00)",
        ),
        "2:30 AM on Sunday 5 April 2026 happens twice in Australia/Sydney: clocks go back "
        "from 3:00 AM to 2:00 AM, so choose the first (AEDT) or the second (AEST).",
    ),
]


@pytest.mark.parametrize(("zone", "local", "instants", "echoes", "message"), REPEATED)
def test_the_repeated_hour_is_asked(
    zone: str,
    local: datetime,
    instants: tuple[datetime, datetime],
    echoes: tuple[str, str],
    message: str,
) -> None:
    for typed in (False, True):
        with pytest.raises(AmbiguousTime) as caught:
            when(f"{local:%Y-%m-%d %H:%M}", zone) if typed else resolve_local(local, zone)
        assert caught.value.message == message
        choices = caught.value.choices
        assert tuple(c.instant for c in choices) == instants
        assert tuple(c.echo for c in choices) == echoes
        assert [c.local.fold for c in choices] == [0, 1]
        assert all(c.local == local and c.zone == zone for c in choices)


@pytest.mark.parametrize(("zone", "local", "instants", "echoes", "message"), REPEATED)
def test_fold_picks_one_of_the_repeated_hour(
    zone: str,
    local: datetime,
    instants: tuple[datetime, datetime],
    echoes: tuple[str, str],
    message: str,
) -> None:
    for fold in (0, 1):
        assert resolve_local(local, zone, fold).instant == instants[fold]
        parsed = when(f"{local:%Y-%m-%d %H:%M}", zone, fold=fold)
        assert (parsed.instant, parsed.echo, parsed.local.fold) == (
            instants[fold],
            echoes[fold],
            fold,
        )


@pytest.mark.parametrize(
    ("text", "zone", "fold"),
    [
        ("2026-11-01 01:30 EDT", NY, 0),
        ("2026-11-01 01:30 EST", NY, 1),
        ("2026-11-01 01:30 -05:00", NY, 1),
        ("2026-10-25 01:30 BST", LONDON, 0),
        ("2026-04-05 02:30 AEST", SYDNEY, 1),
    ],
)
def test_an_abbreviation_or_offset_settles_the_repeated_hour(
    text: str, zone: str, fold: int
) -> None:
    parsed = when(text, zone)
    assert (parsed.zone, parsed.local.fold) == (zone, fold)


def test_an_ordinary_time_ignores_fold() -> None:
    plain = resolve_local(datetime(2026, 12, 1, 14, 0), NY)
    assert resolve_local(datetime(2026, 12, 1, 14, 0), NY, fold=1) == plain
    assert plain.local.fold == 0 and plain.notes == ()


def test_resolve_local_wants_a_naive_time() -> None:
    with pytest.raises(ValueError, match="naive"):
        resolve_local(datetime(2026, 12, 1, 14, 0, tzinfo=UTC), NY)


def test_the_day_month_question_includes_both_repeated_hours() -> None:
    # 5 April 2026 02:30 repeats in Sydney; 4 May does not
    with pytest.raises(AmbiguousTime) as caught:
        when("04/05/2026 2:30", SYDNEY)
    assert caught.value.message.startswith('"04/05/2026" could be 5 April 2026 or 4 May 2026')
    assert [(c.local.date().isoformat(), c.local.fold) for c in caught.value.choices] == [
        ("2026-04-05", 0),
        ("2026-04-05", 1),
        ("2026-05-04", 0),
    ]


# --- Round trip -------------------------------------------------------------------------

ZONES = [
    "UTC",
    NY,
    LONDON,
    SYDNEY,
    "Asia/Kolkata",
    "America/St_Johns",
    "Australia/Lord_Howe",
    "Pacific/Auckland",
]
MINUTES = 365 * 24 * 60


@given(st.integers(-MINUTES, MINUTES), st.sampled_from(ZONES))
@settings(max_examples=300, deadline=None)
def test_iso_local_time_round_trips(minutes: int, zone: str) -> None:
    instant = NOW.replace(minute=0) + timedelta(minutes=minutes)
    local = instant.astimezone(ZoneInfo(zone))
    parsed = when(f"{local:%Y-%m-%d %H:%M}", zone, fold=local.fold)
    assert parsed.instant == instant
    assert (parsed.local, parsed.local.fold) == (local.replace(tzinfo=None), local.fold)


@given(st.integers(-MINUTES, MINUTES), st.sampled_from(ZONES))
@settings(max_examples=200, deadline=None)
def test_the_echo_round_trips(minutes: int, zone: str) -> None:
    instant = NOW.replace(minute=0) + timedelta(minutes=minutes)
    local = instant.astimezone(ZoneInfo(zone))
    parsed = when(f"{local:%Y-%m-%d %H:%M}", zone, fold=local.fold)
    assert when(parsed.echo, "UTC").instant == instant
