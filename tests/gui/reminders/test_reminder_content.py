"""The reminder content's action words become typed actions once, when it is read."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from crickets import resources
from crickets.domain.drafts import DraftKind
from crickets.domain.interview import Status
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
