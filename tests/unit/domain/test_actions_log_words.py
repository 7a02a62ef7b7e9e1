"""The action log in the person's words: every entry a sentence, never an internal code."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from crickets.domain.action_words import log_line
from crickets.domain.actions import Action, ActionKind

AT = datetime(2026, 12, 1, 19, 9, tzinfo=UTC)  # 7:09 PM in London, 2:09 PM in New York
LONDON = "Europe/London"


def line(
    kind: ActionKind,
    detail: str = "",
    *,
    clock_24h: bool | None = None,
    step_titles: dict[str, str] | None = None,
) -> str:
    action = Action(1, AT, kind, detail)
    return log_line(action, LONDON, clock_24h=clock_24h, step_titles=step_titles)


#: What the app itself writes for each kind, as it writes it, and what the person reads.
WRITTEN = [
    (ActionKind.CALLED, "no answer", "You called: no answer"),
    (ActionKind.CALLED, "wrong number", "You called: wrong number"),
    (ActionKind.CALLED, "reached", "You called and reached them"),
    (ActionKind.VOICEMAIL_LEFT, "", "You left a voicemail"),
    (ActionKind.EMAIL_COPIED, "follow-up", "You copied the follow-up email"),
    (
        ActionKind.EMAIL_OPENED,
        "reschedule",
        "You opened the email with three new times in your mail app",
    ),
    (
        ActionKind.EMAIL_SAVED,
        "second-miss",
        "You saved the email asking them to call you as a draft file",
    ),
    (ActionKind.THEY_CALLED, "in-call", "The call started"),
    (
        ActionKind.THEY_CALLED,
        "they called, 11 min after the start",
        "The call started: they called, 11 min after the start",
    ),
    (ActionKind.STOPPED_WAITING, "", "You stopped waiting"),
    (ActionKind.RESCHEDULED, "to #5", "You entered the new time you agreed with them"),
    (ActionKind.OUTCOME, "done", "You recorded that the call happened"),
    (ActionKind.OUTCOME, "missed-by-them", "You recorded that they did not call"),
    (ActionKind.OUTCOME, "stopped waiting: no call", "You stopped waiting: nobody called"),
    (ActionKind.DISMISSED, "confirm", "You dismissed the confirmation reminder"),
    (ActionKind.DISMISSED, "get-ready", "You dismissed the get-ready reminder"),
    (
        ActionKind.SNOOZED,
        "get-ready until 2026-12-01T19:20+00:00",
        "You snoozed the get-ready reminder until 7:20 PM",
    ),
    (ActionKind.NOTE, "Take calls at my desk", "Your note: Take calls at my desk"),
    (
        ActionKind.RUNNING_LATE,
        "2026-12-01T19:20+00:00",
        "They're running late: you moved the start to 7:20 PM",
    ),
    (ActionKind.LINK_OPENED, "", "You opened the meeting link"),
]


@pytest.mark.parametrize(("kind", "detail", "words"), WRITTEN)
def test_each_entry_reads_as_a_sentence_with_its_time(
    kind: ActionKind, detail: str, words: str
) -> None:
    assert line(kind, detail) == f"7:09 PM  {words}"


def test_every_kind_of_entry_has_words() -> None:
    assert {kind for kind, _, _ in WRITTEN} == set(ActionKind) - {ActionKind.CHECKED}


# Internal codes: an ISO instant, "#5", the label-comma-id shape of the old log ("reminder
# dismissed, confirm"), or a kind's code that is not also plain English ("second-miss").
CODES = re.compile(
    r"T\d\d:|#\d|, (confirm|get-ready|start|overdue)\b"
    r"|missed-by|stop-waiting|second-miss|how-did-it-go|in-call"
)


@pytest.mark.parametrize(("kind", "detail", "_words"), WRITTEN)
def test_no_entry_shows_an_internal_code(kind: ActionKind, detail: str, _words: str) -> None:
    text = line(kind, detail)
    if kind is not ActionKind.THEY_CALLED and kind is not ActionKind.NOTE:
        assert not CODES.search(text), text


def test_a_ticked_step_is_named_by_its_title() -> None:
    titles = {"check": "Check your side first"}
    assert line(ActionKind.CHECKED, "check", step_titles=titles) == (
        "7:09 PM  You ticked off “Check your side first”"
    )
    assert line(ActionKind.CHECKED, "gone") == "7:09 PM  You ticked off the step “gone”"


def test_times_follow_the_persons_zone_and_clock() -> None:
    assert line(ActionKind.LINK_OPENED, clock_24h=True).startswith("19:09  ")
    snoozed = log_line(
        Action(1, AT, ActionKind.SNOOZED, "start until 2026-12-01T19:20+00:00"),
        "America/New_York",
        clock_24h=True,
    )
    assert snoozed == "14:09  You snoozed the “it's time” reminder until 14:20"


def test_an_unreadable_detail_still_gives_a_sentence() -> None:
    assert line(ActionKind.SNOOZED, "lunch until soon") == "7:09 PM  You snoozed a reminder"
    assert line(ActionKind.DISMISSED, "") == "7:09 PM  You dismissed a reminder"
    assert line(ActionKind.RUNNING_LATE, "later") == "7:09 PM  They're running late"
