"""Every kind of draft, in every direction, with and without each optional value."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from crickets import resources
from crickets.domain.actions import Action, ActionKind
from crickets.domain.draft_context import DraftRequest, default_interview
from crickets.domain.drafts import Draft, DraftKind, make_draft
from crickets.domain.followups import nudge_due_at
from crickets.domain.interview import Direction, Interview, Status
from crickets.domain.profile import Profile
from crickets.domain.settings import Settings
from tests.builders import personal

START = datetime(2026, 12, 1, 14, 0)  # Tuesday, 2:00 PM in New York = 19:00 UTC
WAITING = datetime(2026, 12, 1, 19, 8, tzinfo=UTC)  # 8 minutes past the start
BEFORE = datetime(2026, 12, 1, 17, 30, tzinfo=UTC)  # 90 minutes before
FULL = Interview(
    START,
    "America/New_York",
    company="Acme",
    role="Data analyst",
    interviewer_name="Doe, Jane",
    interviewer_email="jane.doe+jobs@acme.com",
    interviewer_phone="+1 415 555 0100",
    meeting_link="https://meet.example.com/abc",
    my_phone="+44 7700 900123",
    id=1,
)
ME = Profile(name="Sam Lee", email="sam@example.com", phone="+44 7700 900999")
OPTIONAL = (
    "company",
    "role",
    "interviewer_name",
    "interviewer_email",
    "interviewer_phone",
    "meeting_link",
    "my_phone",
)


def template(kind: DraftKind) -> str:
    return resources.read_text("templates", f"{kind.value}.txt")


def draft(
    kind: DraftKind,
    interview: Interview = FULL,
    profile: Profile = ME,
    now: datetime = WAITING,
    my_zone: str = "Europe/London",
    log: Sequence[Action] = (),
) -> Draft:
    request = DraftRequest(interview, profile, Settings(), now, my_zone, [interview], log)
    return make_draft(kind, template(kind), request)


# Fragments a careless substitution leaves behind.
BROKEN = re.compile(r"\$\{|\s[.,;:]|\(\s*\)|\bat \.|\bon \.|  |Hi ,|, ,|\.\.")


def assert_reads_cleanly(d: Draft) -> None:
    for text in (d.subject, d.body):
        assert not BROKEN.search(text), text
        assert "\n\n\n" not in text
        assert text == text.strip()
    assert "\n" not in d.subject
    if d.kind.is_spoken:
        assert d.subject == "" and d.to_email == ""
    else:
        assert d.subject and d.text.startswith(f"Subject: {d.subject}\n\n")


@pytest.mark.parametrize("direction", list(Direction))
@pytest.mark.parametrize("kind", list(DraftKind))
@pytest.mark.parametrize("missing", [None, *OPTIONAL, "everything"])
def test_every_kind_reads_cleanly_with_and_without_each_value(
    kind: DraftKind, direction: Direction, missing: str | None
) -> None:
    interview = replace(FULL, direction=direction)
    profile = ME
    if missing == "everything":
        interview = Interview(START, "America/New_York", direction=direction)
        profile = Profile()
    elif missing:
        interview = replace(interview, **personal({missing: ""}))
    for follow_on in (None, 7):
        assert_reads_cleanly(draft(kind, replace(interview, reschedules_id=follow_on), profile))


@pytest.mark.parametrize("direction", list(Direction))
def test_the_follow_up_is_short_and_says_what_it_must(direction: Direction) -> None:
    d = draft(DraftKind.FOLLOW_UP, replace(FULL, direction=direction))
    assert len(d.body.split()) < 120
    assert "Tuesday 1 December at 2:00 PM EST" in d.body  # their zone, not London's
    assert "until 2:30 PM EST" in d.body  # the stop-waiting instant, in their zone
    assert "reschedule" in d.body
    assert d.body.startswith("Hi Jane,")
    for blame in ("you forgot", "you missed", "your fault", "again", "disappoint"):
        assert blame not in d.body.lower()


CALLED = (Action(1, WAITING, ActionKind.CALLED, "no answer"),)


def test_the_follow_up_tells_each_direction_apart() -> None:
    they_call = draft(DraftKind.FOLLOW_UP, FULL, log=CALLED).body
    i_call = draft(DraftKind.FOLLOW_UP, replace(FULL, direction=Direction.I_CALL), log=CALLED)
    video = draft(DraftKind.FOLLOW_UP, replace(FULL, direction=Direction.VIDEO)).body
    assert "ready for your call" in they_call and "+44 7700 900123" in they_call
    assert "I also tried calling you on +1 415 555 0100." in they_call
    assert "I called you on +1 415 555 0100 but wasn't able to reach you." in i_call.body
    assert "call me back" in i_call.body
    assert "ready for our video call" in video and "stay in the meeting" in video
    assert "video interview" in video and "phone interview" in they_call


def test_availability_is_left_out_once_the_waiting_is_over() -> None:
    late = draft(DraftKind.FOLLOW_UP, now=WAITING + timedelta(hours=1))
    assert "until" not in late.body
    assert "reschedule" in late.body


def test_the_confirmation_gives_both_zones_and_the_plan() -> None:
    d = draft(DraftKind.CONFIRMATION, now=BEFORE)
    assert "today at 2:00 PM EST (7:00 PM GMT my time)" in d.body
    assert "I'll be ready for your call on +44 7700 900123." in d.body
    i_call = draft(DraftKind.CONFIRMATION, replace(FULL, direction=Direction.I_CALL), now=BEFORE)
    assert "I'll call you on +1 415 555 0100" in i_call.body
    same_zone = draft(DraftKind.CONFIRMATION, now=BEFORE, my_zone="America/Toronto")
    assert "my time" not in same_zone.body


def test_the_other_clock_names_its_day_when_the_date_differs() -> None:
    d = draft(DraftKind.CONFIRMATION, now=BEFORE, my_zone="Australia/Sydney")
    assert "(Wednesday 6:00 AM AEDT my time)" in d.body


def test_reschedule_offers_three_times_in_both_zones() -> None:
    body = draft(DraftKind.RESCHEDULE).body
    offers = [line for line in body.splitlines() if line.startswith("- ")]
    assert len(offers) == 3
    assert all(re.search(r"EST \(\d+:\d\d [AP]M GMT my time\)$", line) for line in offers)
    local = draft(DraftKind.RESCHEDULE, my_zone="America/New_York").body
    assert "my time" not in local and local.count("\n- ") == 3


def test_second_miss_asks_them_to_call() -> None:
    d = draft(DraftKind.SECOND_MISS, replace(FULL, reschedules_id=3))
    assert "would you give me a call" in d.body
    assert "You can reach me on +44 7700 900123" in d.body
    assert not any(gap.field == "reschedules_id" for gap in d.gaps)
    video = draft(DraftKind.SECOND_MISS, replace(FULL, direction=Direction.VIDEO))
    assert "send a new link" in video.body
    assert any(gap.field == "reschedules_id" for gap in video.gaps)


def test_apology_apologises_once_and_asks_about_now() -> None:
    for direction in Direction:
        body = draft(DraftKind.APOLOGY, replace(FULL, direction=direction)).body
        assert body.lower().count("sorry") == 1
        assert "Would now be a good time" in body and "this week" in body


def test_thank_you_mentions_flexibility_only_after_a_move() -> None:
    plain = draft(DraftKind.THANK_YOU, now=WAITING + timedelta(hours=1)).body
    moved = draft(DraftKind.THANK_YOU, replace(FULL, reschedules_id=2)).body
    assert "flexibility" not in plain and "flexibility" in moved
    assert "speak with me today" in plain
    next_day = draft(DraftKind.THANK_YOU, now=WAITING + timedelta(days=1)).body
    assert "speak with me yesterday" in next_day


def test_nudge_offers_fresh_times() -> None:
    body = draft(DraftKind.NUDGE, now=WAITING + timedelta(days=2)).body
    assert body.count("\n- ") == 3 and "Thursday 3 December" not in body


@pytest.mark.parametrize("direction", list(Direction))
def test_voicemail_has_the_five_things(direction: Direction) -> None:
    body = draft(DraftKind.VOICEMAIL, replace(FULL, direction=direction)).body
    assert body.startswith("Hi Jane, this is Sam Lee.")
    assert "interview" in body  # why
    assert "It's 2:08 PM EST now." in body  # the current time
    assert "+44 7700 900123" in body  # how to reach me
    assert "until 2:30 PM EST" in body  # how long I stay available


def test_callback_apologises_and_asks_about_now() -> None:
    body = draft(DraftKind.CALLBACK).body
    assert "returning your call" in body and "sorry" in body
    assert "Is now a good time" in body
    i_call = draft(DraftKind.CALLBACK, replace(FULL, direction=Direction.I_CALL)).body
    assert "didn't call at the agreed time" in i_call


@pytest.mark.parametrize(
    ("name", "greeting"),
    [
        ("", "Hello,"),
        ("Jane Doe", "Hi Jane,"),
        ("Doe, Jane", "Hi Jane,"),
        ("Dr. Jane Smith", "Hello Dr. Smith,"),
        ("Ms Okafor", "Hello Ms Okafor,"),
        ("Dr.", "Hello,"),
        ("Zoë\r\nBcc: x@y.com", "Hi Zoë,"),
    ],
)
def test_the_greeting_degrades_gracefully(name: str, greeting: str) -> None:
    d = draft(DraftKind.FOLLOW_UP, replace(FULL, interviewer_name=name))
    assert d.body.splitlines()[0] == greeting


def test_missing_values_are_reported_with_what_to_add() -> None:
    bare = Interview(START, "America/New_York", direction=Direction.I_CALL)
    gaps = {g.field: g.text for g in draft(DraftKind.FOLLOW_UP, bare, Profile()).gaps}
    assert gaps["interviewer_email"] == "No email address for the interviewer — add one?"
    assert {"interviewer_name", "profile.name", "interviewer_phone", "company"} <= set(gaps)
    assert draft(DraftKind.FOLLOW_UP).gaps == ()
    wrong = draft(DraftKind.FOLLOW_UP, replace(FULL, interviewer_email="jane at acme"))
    assert [g.fix for g in wrong.gaps] == ["fix it?"]
    video = replace(FULL, direction=Direction.VIDEO, meeting_link="")
    assert "meeting_link" in {g.field for g in draft(DraftKind.CONFIRMATION, video).gaps}


def test_the_default_interview_is_the_current_then_the_next_then_the_latest() -> None:
    past = replace(FULL, local_start=START - timedelta(days=3), id=1, status=Status.DONE)
    now_on = replace(FULL, id=2)
    later = replace(FULL, local_start=START + timedelta(days=2), id=3)
    assert default_interview([past, now_on, later], WAITING) is now_on
    assert default_interview([past, later], WAITING) is later
    assert default_interview([past], WAITING) is past
    assert default_interview([], WAITING) is None


def test_the_nudge_is_due_two_working_days_later() -> None:
    friday = datetime(2026, 12, 4, 15, 0, tzinfo=UTC)
    due = nudge_due_at(friday, Settings(), "Europe/London")
    assert due == datetime(2026, 12, 8, 15, 0, tzinfo=UTC)  # Tuesday, the weekend skipped


def test_an_empty_placeholder_at_the_start_of_a_line_leaves_no_leading_space() -> None:
    from crickets.domain.drafts import render_text

    assert render_text("${a} ${b}\n  ${a}${b} kept", {"a": "", "b": "I'll wait."}) == (
        "I'll wait.\n  I'll wait. kept"
    )
