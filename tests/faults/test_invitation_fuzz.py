"""Hypothesis over generated invitations: well-formed calendars with random time zone
definitions, repeat rules, date lists, people and text (the byte-level fuzzing of damaged
files is tests/unit/invitations/test_ics_fuzz.py).

Whatever the shape: the file is read or refused with one sentence, never with the parser's
catch-all; every event read has a real zone and a start in a plausible year; and the work
its repeat rules cost stays within the file's budget. A fixed budget of examples, the same
ones on every run (``derandomize``), so ``make test`` stays quick and repeatable.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crickets.invitations.ics import rule_dates
from crickets.invitations.ics.limits import IcsError
from crickets.invitations.ics.parse import UNFORESEEN, parse_invitation

NOW = datetime(2026, 11, 25, 12, 21, tzinfo=UTC)
FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

offsets = st.integers(min_value=-16 * 60, max_value=16 * 60).map(
    lambda m: f"{'-' if m < 0 else '+'}{abs(m) // 60:02d}{abs(m) % 60:02d}"
)
years = st.integers(min_value=1600, max_value=2100)
stamps = st.builds(
    lambda y, mo, d, h, mi: f"{y:04d}{mo:02d}{d:02d}T{h:02d}{mi:02d}00",
    years,
    st.integers(1, 12),
    st.integers(1, 31),
    st.integers(0, 23),
    st.integers(0, 59),
)
weekdays = st.sampled_from(["MO", "TU", "WE", "TH", "FR", "SA", "SU"])
byday = st.builds(
    lambda n, d: f"{n}{d}", st.sampled_from(["", "1", "2", "-1", "5", "+3", "53"]), weekdays
)
rules = st.builds(
    lambda freq, interval, tail, days, months, monthdays, wkst: ";".join(
        filter(
            None,
            [
                f"FREQ={freq}",
                f"INTERVAL={interval}",
                tail,
                f"BYDAY={','.join(days)}" if days else "",
                f"BYMONTH={','.join(map(str, months))}" if months else "",
                f"BYMONTHDAY={','.join(map(str, monthdays))}" if monthdays else "",
                f"WKST={wkst}" if wkst else "",
            ],
        )
    ),
    st.sampled_from(["YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY", "SECONDLY", ""]),
    st.integers(0, 1200),
    st.one_of(
        st.just(""),
        st.integers(0, 3000).map(lambda c: f"COUNT={c}"),
        stamps.map(lambda s: f"UNTIL={s}Z"),
    ),
    st.lists(byday, max_size=4),
    st.lists(st.integers(0, 13), max_size=3),
    st.lists(st.integers(-32, 32), max_size=3),
    st.one_of(st.just(""), weekdays),
)
texts = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\r\n"), max_size=60)


@st.composite
def observance(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["STANDARD", "DAYLIGHT"]))
    lines = [
        f"BEGIN:{kind}",
        f"DTSTART:{draw(stamps)}",
        f"TZOFFSETFROM:{draw(offsets)}",
        f"TZOFFSETTO:{draw(offsets)}",
    ]
    if draw(st.booleans()):
        lines.append(f"RRULE:{draw(rules)}")
    if draw(st.booleans()):
        lines.append("RDATE:" + ",".join(draw(st.lists(stamps, min_size=1, max_size=5))))
    return "\r\n".join([*lines, f"END:{kind}"])


@st.composite
def event(draw: st.DrawFn, uid: str) -> str:
    zone = draw(st.sampled_from(["Custom", "America/New_York", "Pacific Standard Time", ""]))
    start = draw(stamps)
    when = (
        f"DTSTART;TZID={zone}:{start}"
        if zone
        else f"DTSTART:{start}{draw(st.sampled_from(['', 'Z']))}"
    )
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        when,
        f"SUMMARY:{draw(texts)}",
        f"DESCRIPTION:{draw(texts)}",
        f"ATTENDEE;CN={draw(texts).replace(':', '').replace(';', '')}:mailto:a@example.com",
    ]
    if draw(st.booleans()):
        lines.append(f"RRULE:{draw(rules)}")
    if draw(st.booleans()):
        lines.append("EXDATE:" + ",".join(draw(st.lists(stamps, min_size=1, max_size=5))))
    if draw(st.booleans()):
        lines.append(f"RECURRENCE-ID:{draw(stamps)}Z")
    if draw(st.booleans()):
        lines.append(f"DURATION:PT{draw(st.integers(0, 10_000))}M")
    return "\r\n".join([*lines, "END:VEVENT"])


@st.composite
def invitation(draw: st.DrawFn) -> bytes:
    zone = "\r\n".join(
        [
            "BEGIN:VTIMEZONE",
            "TZID:Custom",
            *draw(st.lists(observance(), max_size=6)),
            "END:VTIMEZONE",
        ]
    )
    count = draw(st.integers(1, 4))
    uids = draw(st.lists(st.sampled_from(["a@x", "b@x", "c@x"]), min_size=count, max_size=count))
    events = [draw(event(uid)) for uid in uids]
    method = draw(st.sampled_from(["", "METHOD:REQUEST\r\n", "METHOD:CANCEL\r\n"]))
    body = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{method}{zone}\r\n" + "\r\n".join(events)
    return (body + "\r\nEND:VCALENDAR\r\n").encode()


@FUZZ
@given(invitation())
def test_any_generated_invitation_is_read_or_refused_in_one_sentence(data: bytes) -> None:
    budgets: list[rule_dates.WorkBudget] = []

    class Kept(rule_dates.WorkBudget):
        def __init__(self) -> None:
            super().__init__()
            budgets.append(self)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("crickets.invitations.ics.parse.WorkBudget", Kept)
        try:
            found = parse_invitation(data, my_zone="Europe/London", now=NOW)
        except IcsError as error:
            assert UNFORESEEN not in error.message, error.message
            assert len(error.message.splitlines()) == 1
            return
    for candidate in found.events:
        if candidate.zone:  # none: the person is asked for the time
            ZoneInfo(candidate.zone)  # a real zone, or UTC
        if candidate.start is not None:
            assert 1900 <= candidate.start.year <= 2200
    assert all(b.spent <= rule_dates.FILE_DAYS for b in budgets)
