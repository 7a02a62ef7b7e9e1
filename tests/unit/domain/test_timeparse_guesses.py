"""No silent guesses: a zone in the text that disagrees with the season or the zone given is
asked about, "12am" is midnight, day words count from the person's own day, an ambiguous
abbreviation is read with its assumption noted, and a zone given alone ("--tz EST") is
checked as the text is."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crickets.domain.timeparse import AmbiguousTime, ParsedTime, TimeParseError, parse_when
from crickets.domain.zones.arguments import ZoneArgument, resolve_argument, zone_argument

NY = "America/New_York"
LONDON = "Europe/London"
DUBLIN = "Europe/Dublin"
KOLKATA = "Asia/Kolkata"
TOKYO = "Asia/Tokyo"
WED = datetime(2026, 6, 10, 12, 0, tzinfo=UTC)  # Wednesday 10 June 2026, 8 AM in New York
FRIDAY_NIGHT_NY = datetime(2026, 6, 6, 2, 0, tzinfo=UTC)  # Friday 5 June, 10 PM in New York


def read(text: str, zone: str, my_zone: str | None = None, now: datetime = WED) -> ParsedTime:
    return parse_when(text, zone=zone, now=now, my_zone=my_zone)


def question(
    text: str, zone: str, my_zone: str | None = None, now: datetime = WED
) -> AmbiguousTime:
    with pytest.raises(AmbiguousTime) as caught:
        read(text, zone, my_zone, now)
    return caught.value


def refusal(text: str, zone: str, my_zone: str | None = None) -> str:
    with pytest.raises(TimeParseError) as caught:
        read(text, zone, my_zone)
    assert type(caught.value) is TimeParseError
    return caught.value.message


# --- A zone in the text that disagrees with the season: asked -------------------------------

SEASONS = [
    (
        "2026-07-01 9am GMT",
        LONDON,
        "Europe/London is on BST, not GMT, on Wednesday 1 July 2026: 9:00 AM GMT is "
        "10:00 AM BST there; choose that, or 9:00 AM BST.",
        ("Wednesday 1 July 2026, 10:00 AM BST", "Wednesday 1 July 2026, 9:00 AM BST"),
    ),
    (
        "2026-07-01 9am EST",
        NY,
        "America/New_York is on EDT, not EST, on Wednesday 1 July 2026: 9:00 AM EST is "
        "10:00 AM EDT there; choose that, or 9:00 AM EDT.",
        ("Wednesday 1 July 2026, 10:00 AM EDT", "Wednesday 1 July 2026, 9:00 AM EDT"),
    ),
    (
        "2026-11-25 14:00 EDT",
        NY,
        "America/New_York is on EST, not EDT, on Wednesday 25 November 2026: 2:00 PM EDT is "
        "1:00 PM EST there; choose that, or 2:00 PM EST.",
        ("Wednesday 25 November 2026, 1:00 PM EST", "Wednesday 25 November 2026, 2:00 PM EST"),
    ),
    (
        "Dec 1 2pm BST",
        LONDON,
        "Europe/London is on GMT, not BST, on Tuesday 1 December 2026: 2:00 PM BST is "
        "1:00 PM GMT there; choose that, or 2:00 PM GMT.",
        ("Tuesday 1 December 2026, 1:00 PM GMT", "Tuesday 1 December 2026, 2:00 PM GMT"),
    ),
]


@pytest.mark.parametrize(("text", "zone", "message", "choices"), SEASONS)
def test_another_season_is_asked_about(
    text: str, zone: str, message: str, choices: tuple[str, str]
) -> None:
    asked = question(text, zone)
    assert asked.message == message
    assert tuple(c.echo.split(" (")[0] for c in asked.choices) == choices
    assert all(c.zone == zone for c in asked.choices)  # the place is kept either way


def test_the_choices_say_which_reading_they_are() -> None:
    exact, local = question("2026-07-01 9am GMT", LONDON).choices
    assert exact.notes == ("GMT taken as exactly UTC",)
    assert local.notes == ("Europe/London time, not GMT",)
    assert exact.instant == datetime(2026, 7, 1, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "zone", "local", "kept_in"),
    [
        # the text and the zone agree on the instant: the place is kept, not UTC
        ("2026-12-01 9am GMT", LONDON, datetime(2026, 12, 1, 9), LONDON),
        ("2026-12-01T09:00Z", LONDON, datetime(2026, 12, 1, 9), LONDON),
        ("2026-12-01 09:00 UTC", LONDON, datetime(2026, 12, 1, 9), LONDON),
        ("2026-12-01 9am GMT", DUBLIN, datetime(2026, 12, 1, 9), DUBLIN),
        ("2026-12-01 9am GMT", "Africa/Abidjan", datetime(2026, 12, 1, 9), "Africa/Abidjan"),
        # GMT where it is nobody's season: UTC exactly, as written
        ("2026-12-01 2pm GMT", NY, datetime(2026, 12, 1, 14), "UTC"),
        ("2026-07-01T09:00Z", LONDON, datetime(2026, 7, 1, 9), "UTC"),
    ],
)
def test_a_utc_word_keeps_the_place_when_the_clocks_agree(
    text: str, zone: str, local: datetime, kept_in: str
) -> None:
    parsed = read(text, zone)
    assert (parsed.local, parsed.zone) == (local, kept_in)


# --- A zone in the text other than the zone given on purpose: asked ----------------------------


@pytest.mark.parametrize(
    ("text", "zone", "message", "instants"),
    [
        (
            "2026-07-01T09:00Z",
            LONDON,
            "9:00 AM UTC on Wednesday 1 July 2026 is 10:00 AM BST in Europe/London, the zone "
            "given; choose that, or 9:00 AM Europe/London time.",
            (datetime(2026, 7, 1, 9, tzinfo=UTC), datetime(2026, 7, 1, 8, tzinfo=UTC)),
        ),
        (
            "2026-06-10 9am Europe/Paris",
            TOKYO,
            "9:00 AM Europe/Paris on Wednesday 10 June 2026 is 4:00 PM JST in Asia/Tokyo, the "
            "zone given; choose that, or 9:00 AM Asia/Tokyo time.",
            (datetime(2026, 6, 10, 7, tzinfo=UTC), datetime(2026, 6, 10, 0, tzinfo=UTC)),
        ),
    ],
)
def test_a_zone_that_disagrees_with_the_zone_given_is_asked_about(
    text: str, zone: str, message: str, instants: tuple[datetime, datetime]
) -> None:
    asked = question(text, zone, my_zone=NY)
    assert asked.message == message
    assert tuple(c.instant for c in asked.choices) == instants
    assert all(c.zone == zone for c in asked.choices)


def test_a_zone_in_the_text_is_taken_when_the_zone_is_the_persons_own() -> None:
    assert read("2026-06-10 9am Europe/Paris", NY, my_zone=NY).zone == "Europe/Paris"
    assert read("2026-06-10 9am Europe/Paris", NY).zone == "Europe/Paris"


# --- "12am" is midnight ------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["12am", "12 am", "12:00 a.m.", "12.00am", "midnight"])
def test_12am_and_midnight_are_asked_alike_on_a_named_day(word: str) -> None:
    asked = question(f"tomorrow {word}", NY)
    assert asked.message == (
        "Midnight on Thursday 11 June 2026 could mean the start or the end of that day; choose one."
    )
    assert [c.local for c in asked.choices] == [datetime(2026, 6, 11), datetime(2026, 6, 12)]


@pytest.mark.parametrize("word", ["12am", "midnight"])
def test_a_weekday_at_midnight_typed_on_that_day_asks_tonight_or_next_week(word: str) -> None:
    friday = datetime(2026, 6, 5, 16, 0, tzinfo=UTC)  # Friday noon in New York
    asked = question(f"Friday {word}", NY, now=friday)
    assert asked.message == (
        "Midnight on Friday could mean tonight, at the end of Friday 5 June 2026, "
        "or the start of Friday 12 June 2026; choose one."
    )
    assert [(c.local, c.notes) for c in asked.choices] == [
        (datetime(2026, 6, 6), ("midnight at the end of Friday 5 June 2026",)),
        (datetime(2026, 6, 12), ("midnight at the start of Friday 12 June 2026",)),
    ]


@pytest.mark.parametrize("word", ["12am", "12:00 AM", "midnight"])
def test_midnight_alone_is_the_coming_one_and_says_so(word: str) -> None:
    parsed = read(word, NY)
    assert parsed.local == datetime(2026, 6, 11)
    assert parsed.notes == ("midnight taken as the start of Thursday 11 June 2026",)


@pytest.mark.parametrize(
    ("text", "local"),
    [("6:12 AM", datetime(2026, 6, 11, 6, 12)), ("12:30am", datetime(2026, 6, 11, 0, 30))],
)
def test_other_times_near_12_are_not_midnight(text: str, local: datetime) -> None:
    assert read(text, NY).local == local


def test_the_echo_of_midnight_reads_back_without_a_question() -> None:
    parsed = read("2026-06-11 00:00", NY)
    assert parsed.echo == "Thursday 11 June 2026, 00:00 EDT (America/New_York, UTC−04:00)"
    assert read(parsed.echo, LONDON).instant == parsed.instant


# --- Day words count from the person's own day -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "zone", "my_zone", "local"),
    [
        # 10 PM Friday in New York is already Saturday in UTC: tomorrow is still Saturday
        ("tomorrow 2pm UTC", NY, None, datetime(2026, 6, 6, 14)),
        ("today 11pm UTC", NY, None, datetime(2026, 6, 5, 23)),
        ("tomorrow 9am Asia/Tokyo", NY, None, datetime(2026, 6, 6, 9)),
        ("Saturday 10am UTC", NY, None, datetime(2026, 6, 6, 10)),
        ("6 Jun 10am UTC", NY, None, datetime(2026, 6, 6, 10)),
        # a zone given for the time (--tz) does not move the person's day either
        ("tomorrow 9am", TOKYO, NY, datetime(2026, 6, 6, 9)),
        ("today 9am", TOKYO, NY, datetime(2026, 6, 5, 9)),
    ],
)
def test_day_words_count_from_the_persons_own_day(
    text: str, zone: str, my_zone: str | None, local: datetime
) -> None:
    assert read(text, zone, my_zone, now=FRIDAY_NIGHT_NY).local == local


def test_a_time_alone_is_the_next_one_on_the_clock_named() -> None:
    # 2 AM UTC on Saturday: 2pm UTC is still ahead today, in UTC
    parsed = read("2pm UTC", NY, now=FRIDAY_NIGHT_NY)
    assert parsed.instant == datetime(2026, 6, 6, 14, tzinfo=UTC)


# --- Ambiguous abbreviations: accepted with the assumption recorded ----------------------------


@pytest.mark.parametrize(
    ("text", "zone", "my_zone", "note"),
    [
        (
            "Dec 1 2pm IST",
            KOLKATA,
            KOLKATA,
            "IST read as Asia/Kolkata time, your own zone "
            "(IST can mean India, Israel or Irish Standard Time)",
        ),
        (
            "2026-07-01 14:00 IST",
            DUBLIN,
            DUBLIN,
            "IST read as Europe/Dublin time, your own zone "
            "(IST can mean India, Israel or Irish Standard Time)",
        ),
        (
            "Dec 1 2pm IST",
            "Asia/Jerusalem",
            NY,
            "IST read as Asia/Jerusalem time (IST can mean India, Israel or Irish Standard Time)",
        ),
        (
            "Dec 1 2pm CST",
            "America/Chicago",
            None,
            "CST read as America/Chicago time (CST can mean US Central, China or Cuba Standard "
            "Time)",
        ),
    ],
)
def test_an_ambiguous_abbreviation_notes_which_was_taken(
    text: str, zone: str, my_zone: str | None, note: str
) -> None:
    assert note in read(text, zone, my_zone).notes


@pytest.mark.parametrize(
    ("text", "zone"), [("Dec 1 2pm JST", TOKYO), ("Dec 1 2pm CET", "Europe/Paris")]
)
def test_an_abbreviation_of_one_place_needs_no_note(text: str, zone: str) -> None:
    assert read(text, zone).notes == ("year taken as 2026",)


def test_ist_in_dublins_winter_is_refused_unless_dublin_is_home() -> None:
    assert "such as Asia/Kolkata instead" in refusal("Dec 1 2pm IST", DUBLIN)
    asked = question("Dec 1 2pm IST", DUBLIN, my_zone=DUBLIN)
    assert asked.message.startswith("Europe/Dublin is on GMT, not IST, on Tuesday 1 December")


# --- A zone given on its own: "--tz EST" --------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "my_zone", "argument"),
    [
        ("EST", None, ZoneArgument(NY, "EST")),
        ("est", None, ZoneArgument(NY, "EST")),
        ("EST", "America/Toronto", ZoneArgument("America/Toronto", "EST")),
        ("IST", LONDON, ZoneArgument(KOLKATA, "IST")),
        ("IST", DUBLIN, ZoneArgument(DUBLIN, "IST")),
        ("GMT", LONDON, ZoneArgument(LONDON, "GMT")),
        ("GMT", NY, ZoneArgument("UTC")),
        ("UTC", LONDON, ZoneArgument("UTC")),
        ("MST", None, ZoneArgument("America/Denver", "MST")),  # tzdata's MST is fixed
        ("PT", None, ZoneArgument("America/Los_Angeles")),
        ("CET", None, ZoneArgument("CET")),  # tzdata's CET keeps its seasons: as named
        ("HST", None, ZoneArgument("HST")),  # Hawaii has no summer time: nothing lost
        ("europe/london", None, ZoneArgument(LONDON)),
        (" Asia/Tokyo ", None, ZoneArgument(TOKYO)),
    ],
)
def test_a_zone_argument_names_a_place_and_maybe_a_season(
    name: str, my_zone: str | None, argument: ZoneArgument
) -> None:
    assert zone_argument(name, year=2026, my_zone=my_zone) == argument


def test_an_unknown_zone_argument_is_one_sentence() -> None:
    with pytest.raises(TimeParseError) as caught:
        zone_argument("Mars/Olympus", year=2026)
    assert caught.value.message == (
        '"Mars/Olympus" is not a time zone Crickets knows; use an IANA name such as '
        "Europe/London or America/New_York."
    )


@pytest.mark.parametrize(
    ("text", "zone", "my_zone", "outcome"),
    [
        ("2026-06-10 9am", "EST", None, "America/New_York is on EDT, not EST"),
        ("2026-06-10 9am", "GMT", LONDON, "Europe/London is on BST, not GMT"),
        ("2026-06-10 9am", "EST", "America/Toronto", "America/Toronto is on EDT, not EST"),
        ("2026-12-10 9am", "EST", None, "Thursday 10 December 2026, 9:00 AM EST"),
        ("2026-06-10 9am", "IST", LONDON, "Wednesday 10 June 2026, 9:00 AM IST"),
        ("2026-06-10 9am EDT", "EST", None, "Wednesday 10 June 2026, 9:00 AM EDT"),
    ],
)
def test_a_zone_argument_is_checked_like_the_text(
    text: str, zone: str, my_zone: str | None, outcome: str
) -> None:
    try:
        parsed = read(text, zone, my_zone)
    except AmbiguousTime as asked:
        assert asked.message.startswith(outcome)
        assert len(asked.choices) == 2
    else:
        assert parsed.echo.startswith(outcome)


def test_a_kept_time_in_a_zone_argument_is_checked_too() -> None:
    with pytest.raises(AmbiguousTime) as caught:
        resolve_argument(datetime(2026, 6, 10, 9), "EST")
    assert caught.value.message.startswith("America/New_York is on EDT, not EST")
    winter = resolve_argument(datetime(2026, 12, 10, 9), "EST")
    assert (winter.zone, winter.instant) == (NY, datetime(2026, 12, 10, 14, tzinfo=UTC))
    assert resolve_argument(datetime(2026, 6, 10, 9), "Europe/London").zone == LONDON
