"""The reminder content's action words become typed actions once, when it is read."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from crickets import resources
from crickets.domain.drafts import DraftKind
from crickets.domain.interview import Direction, Status
from crickets.domain.reminders import ReminderKind
from crickets.ui.reminders.actions import ReminderAction, ReminderActionKind
from crickets.ui.reminders.content import ReminderContent
from tests.builders import make_interview

SHIPPED = resources.read_text("checklists", "reminders.json")


def test_every_reminder_renders_with_typed_buttons() -> None:
    content = ReminderContent(SHIPPED)
    interview = make_interview(meeting_link="https://meet.example.com/abc")
    for kind in ReminderKind:
        screen = content.render(kind, interview, "Europe/London", interview.start)
        assert screen.title and isinstance(screen.primary.action, ReminderAction)
        assert all(isinstance(b.action, ReminderAction) for b in screen.extra)


def test_the_stop_waiting_reminder_offers_new_times_then_the_guide() -> None:
    interview = make_interview()
    screen = ReminderContent.load().render(
        ReminderKind.STOP_WAITING, interview, "Europe/London", interview.start + timedelta(hours=1)
    )
    assert screen.primary.action == ReminderAction(
        ReminderActionKind.DRAFT, draft=DraftKind.RESCHEDULE
    )
    assert [b.action.kind for b in screen.extra] == [ReminderActionKind.HAVENT_CALLED]


def test_after_a_second_miss_the_stop_waiting_reminder_asks_them_to_call() -> None:
    """A follow-on interview missed again: no more times are offered, as the guide says."""
    again = make_interview(id=2, reschedules_id=1)
    screen = ReminderContent.load().render(
        ReminderKind.STOP_WAITING, again, "Europe/London", again.start + timedelta(hours=1)
    )
    assert screen.primary.action == ReminderAction(
        ReminderActionKind.DRAFT, draft=DraftKind.SECOND_MISS
    )
    assert screen.primary.label == "Ask them to call you…"
    assert "asking them to call you" in screen.text and "offering new times" not in screen.text
    assert [b.action.kind for b in screen.extra] == [ReminderActionKind.HAVENT_CALLED]


def test_an_again_entry_s_action_words_are_checked_when_read() -> None:
    content = json.loads(SHIPPED)
    content["stop-waiting"]["again"]["primary"] = ["draft:postcard", "Send a postcard"]
    with pytest.raises(ValueError, match="is not a valid"):
        ReminderContent(json.dumps(content))


@pytest.mark.parametrize(
    ("word", "action"),
    [
        ("draft:thank-you", ReminderAction(ReminderActionKind.DRAFT, draft=DraftKind.THANK_YOU)),
        ("outcome:done", ReminderAction(ReminderActionKind.OUTCOME, outcome=Status.DONE)),
        ("they-called", ReminderAction(ReminderActionKind.THEY_CALLED)),
        ("havent-called", ReminderAction(ReminderActionKind.HAVENT_CALLED)),
        ("join", ReminderAction(ReminderActionKind.JOIN)),
        ("dismiss", ReminderAction(ReminderActionKind.DISMISS)),
    ],
)
def test_each_word_parses_and_reads_back(word: str, action: ReminderAction) -> None:
    assert ReminderAction.parse(word) == action
    assert action.name == word


@pytest.mark.parametrize("word", ["draft:postcard", "outcome:maybe", "call-them", "draft", ""])
def test_an_unknown_word_fails_when_the_content_is_read(word: str) -> None:
    content = json.loads(SHIPPED)
    content["nudge"]["extra"] = [word]
    with pytest.raises(ValueError, match=r"reminder action|is not a valid"):
        ReminderContent(json.dumps(content))


@pytest.mark.parametrize("kind", list(ReminderKind))
@pytest.mark.parametrize("direction", list(Direction))
def test_no_notification_ends_on_a_dangling_colon(kind: ReminderKind, direction: Direction) -> None:
    """The notification carries the title and the text only (no checklist after them)."""
    interview = make_interview(direction=direction)
    for now in (interview.start - timedelta(minutes=15), interview.start + timedelta(minutes=7)):
        screen = ReminderContent.load().render(kind, interview, "Europe/London", now)
        for said in (screen.title, screen.text):
            assert not said.rstrip().endswith(":"), said


def test_the_reminder_text_follows_the_clock_it_is_given() -> None:
    interview = make_interview()
    content = ReminderContent.load()
    before = interview.start - timedelta(minutes=15)
    twelve = content.render(ReminderKind.GET_READY, interview, "Europe/London", before)
    twenty_four = content.render(
        ReminderKind.GET_READY, interview, "Europe/London", before, clock_24h=True
    )
    assert "2:00 PM EST (7:00 PM your time)" in twelve.text
    assert "14:00 EST (19:00 your time)" in twenty_four.text
