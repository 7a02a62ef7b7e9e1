import json
from dataclasses import replace
from datetime import timedelta

import pytest

from crickets import resources
from crickets.domain.interview import Direction
from crickets.domain.reminder_text import render_reminder
from crickets.domain.reminders import ReminderKind
from tests.builders import make_interview

CONTENT = json.loads(resources.read_text("checklists", "reminders.json"))
IV = make_interview(role="Phone screen", my_phone="+44 20 7946 0958")


@pytest.mark.parametrize("kind", list(ReminderKind))
@pytest.mark.parametrize("direction", list(Direction))
def test_every_reminder_renders_without_leftover_placeholders(
    kind: ReminderKind, direction: Direction
) -> None:
    text = render_reminder(
        CONTENT, kind, replace(IV, direction=direction), "Europe/London", IV.start
    )
    for part in (text.title, text.text, *text.checks, text.primary[1]):
        assert "${" not in part and part.strip()


def test_get_ready_shows_the_number_they_will_call() -> None:
    text = render_reminder(
        CONTENT, ReminderKind.GET_READY, IV, "Europe/London", IV.start - timedelta(minutes=15)
    )
    assert any("+44 20 7946 0958" in c for c in text.checks)
    assert "2:00 PM EST (7:00 PM your time)" in text.text


def test_hostile_company_names_are_inserted_as_data() -> None:
    hostile = replace(IV, company="${title} $$ Acme", role="")
    text = render_reminder(CONTENT, ReminderKind.CONFIRM, hostile, "Europe/London", IV.start)
    assert text.title == "Confirm your call with ${title} $$ Acme"


def test_join_is_offered_only_with_a_link() -> None:
    plain = render_reminder(CONTENT, ReminderKind.START, IV, "Europe/London", IV.start)
    linked = render_reminder(
        CONTENT,
        ReminderKind.START,
        replace(IV, meeting_link="https://zoom.us/j/1"),
        "Europe/London",
        IV.start,
    )
    assert "join" not in [a for a, _ in plain.extra]
    assert "join" in [a for a, _ in linked.extra]
