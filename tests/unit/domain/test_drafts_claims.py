"""What a draft says the person did comes from the action log, and nowhere else; drafts sign
off in the person's own words and name the role by its job title."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from crickets import resources
from crickets.domain.actions import Action, ActionKind
from crickets.domain.draft_context import DraftRequest
from crickets.domain.drafts import DraftKind, make_draft
from crickets.domain.interview import Direction, Interview
from crickets.domain.profile import Profile
from crickets.domain.settings import Settings

WAITING = datetime(2026, 12, 1, 19, 8, tzinfo=UTC)  # 8 minutes past a 2:00 PM EST start
IV = Interview(
    datetime(2026, 12, 1, 14, 0),
    "America/New_York",
    company="Acme",
    role="Data Analyst",
    interviewer_name="Jane Doe",
    interviewer_email="jane@acme.example",
    interviewer_phone="+1 415 555 0100",
    meeting_link="https://meet.example.com/abc",
    my_phone="+44 7700 900123",
    id=1,
)
ME = Profile(name="Sam Lee", email="sam@example.com")
EMAILS = [k for k in DraftKind if not k.is_spoken]


def body(
    kind: DraftKind,
    log: Sequence[Action] = (),
    interview: Interview = IV,
    profile: Profile = ME,
) -> str:
    text = resources.read_text("templates", f"{kind.value}.txt")
    request = DraftRequest(interview, profile, Settings(), WAITING, "Europe/London", [], log)
    return make_draft(kind, text, request).body


def did(kind: ActionKind, detail: str = "", interview_id: int = 1) -> Action:
    return Action(interview_id, WAITING - timedelta(minutes=1), kind, detail)


@pytest.mark.parametrize("kind", [DraftKind.FOLLOW_UP, DraftKind.SECOND_MISS])
def test_no_call_is_claimed_that_was_not_logged(kind: DraftKind) -> None:
    interview = replace(IV, reschedules_id=9) if kind is DraftKind.SECOND_MISS else IV
    assert "tried calling" not in body(kind, interview=interview)
    assert "voicemail" not in body(kind, interview=interview)
    called = body(kind, [did(ActionKind.CALLED, "no answer")], interview)
    assert "I also tried calling you on +1 415 555 0100." in called


def test_a_voicemail_is_claimed_only_when_logged() -> None:
    text = body(DraftKind.FOLLOW_UP, [did(ActionKind.VOICEMAIL_LEFT)])
    assert "I also tried calling you on +1 415 555 0100 and left a voicemail." in text


@pytest.mark.parametrize(
    "log",
    [
        [did(ActionKind.CALLED, "wrong number")],  # that rang someone else
        [did(ActionKind.CALLED, "no answer", interview_id=2)],  # another interview's call
        [did(ActionKind.CHECKED, "call")],  # ticked by hand: no call to speak of
    ],
)
def test_what_is_not_a_call_to_them_is_not_claimed(log: list[Action]) -> None:
    assert "tried calling" not in body(DraftKind.FOLLOW_UP, log)


def test_i_call_says_i_called_only_after_a_logged_call() -> None:
    mine = replace(IV, direction=Direction.I_CALL)
    assert "I called you" not in body(DraftKind.FOLLOW_UP, interview=mine)
    assert "ready to call you at the agreed time" in body(DraftKind.FOLLOW_UP, interview=mine)
    logged = [did(ActionKind.CALLED, "no answer"), did(ActionKind.VOICEMAIL_LEFT)]
    assert (
        "I called you on +1 415 555 0100 but wasn't able to reach you, so I left a voicemail."
        in body(DraftKind.FOLLOW_UP, logged, mine)
    )


def test_joining_the_meeting_is_claimed_only_when_the_link_was_opened() -> None:
    video = replace(IV, direction=Direction.VIDEO)
    assert "joined" not in body(DraftKind.FOLLOW_UP, interview=video)
    opened = body(DraftKind.FOLLOW_UP, [did(ActionKind.LINK_OPENED)], video)
    assert "I joined the meeting and waited, but we didn't connect." in opened


@pytest.mark.parametrize("kind", EMAILS)
def test_every_email_signs_off_in_the_persons_words(kind: DraftKind) -> None:
    own = body(kind, profile=replace(ME, sign_off="Warm wishes"))
    assert own.endswith("Warm wishes,\nSam Lee\n+44 7700 900123")
    assert body(kind).endswith("Best regards,\nSam Lee\n+44 7700 900123")


def test_a_sign_off_keeps_its_own_ending_and_is_one_line() -> None:
    assert Profile(sign_off="Thanks!").closing == "Thanks!"
    assert Profile(sign_off="  All the best,\n").closing == "All the best,"
    assert Profile().closing == "Best regards,"


@pytest.mark.parametrize("kind", [DraftKind.CONFIRMATION, DraftKind.FOLLOW_UP])
def test_the_role_is_the_job_title(kind: DraftKind) -> None:
    assert "the Data Analyst role at Acme" in body(kind)
