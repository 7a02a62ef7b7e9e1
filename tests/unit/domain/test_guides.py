import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from crickets import resources
from crickets.domain.actions import Action, ActionKind
from crickets.domain.guides import (
    Flow,
    GuideError,
    elapsed_line,
    load_flow,
    step_views,
    stop_line,
)
from crickets.domain.interview import Direction
from crickets.domain.settings import Settings
from tests.builders import make_interview

CONTENT = json.loads(resources.read_text("checklists", "guides.json"))
IV = make_interview(my_phone="+1 415 555 0199", interviewer_phone="+1 415 555 0134")
S = Settings()
LONDON = "Europe/London"


@pytest.mark.parametrize("flow", list(Flow))
def test_both_flows_load_and_fill_every_placeholder(flow: Flow) -> None:
    steps = load_flow(CONTENT, flow)
    for view in step_views(steps, IV, S, LONDON, IV.start, []):
        text = " ".join((view.step.title, view.step.text, *view.step.items, view.step.action))
        assert "${" not in text


def test_havent_called_unfolds_with_time() -> None:
    steps = load_flow(CONTENT, Flow.HAVENT_CALLED)
    unlocked = {
        minutes: [
            v.step.id
            for v in step_views(steps, IV, S, LONDON, IV.start + timedelta(minutes=minutes), [])
            if v.unlocked
        ]
        for minutes in (0, 5, 10, 31)
    }
    assert unlocked[0] == ["calm", "check"]
    assert unlocked[5] == ["calm", "check", "call", "voicemail", "email", "wait"]
    assert unlocked[10] == unlocked[5]
    assert unlocked[31][-2:] == ["reschedule", "keep-going"]


def test_steps_are_done_by_what_the_log_records() -> None:
    steps = load_flow(CONTENT, Flow.HAVENT_CALLED)
    at = IV.start + timedelta(minutes=9)
    log = [
        Action(1, at, ActionKind.CHECKED, "check"),
        Action(1, at, ActionKind.CALLED, "no answer"),
        Action(1, at, ActionKind.EMAIL_COPIED, "follow-up"),
        Action(1, at, ActionKind.EMAIL_COPIED, "thank-you"),
    ]
    done = [v.step.id for v in step_views(steps, IV, S, LONDON, at, log) if v.done]
    assert done == ["check", "call", "email"]


def test_a_second_miss_asks_them_to_call_you() -> None:
    follow_on = replace(IV, reschedules_id=7)
    steps = load_flow(CONTENT, Flow.HAVENT_CALLED)
    email = next(
        v for v in step_views(steps, follow_on, S, LONDON, IV.start, []) if v.step.id == "email"
    )
    assert email.step.action == "draft:second-miss"
    assert email.step.title == "Ask them to call you"


def test_the_number_you_gave_them_is_shown_in_the_check() -> None:
    steps = load_flow(CONTENT, Flow.HAVENT_CALLED)
    check = next(v for v in step_views(steps, IV, S, LONDON, IV.start, []) if v.step.id == "check")
    assert any("+1 415 555 0199" in item for item in check.step.items)
    assert any("America/New_York" in item for item in check.step.items)


def test_i_call_them_changes_the_call_step() -> None:
    steps = load_flow(CONTENT, Flow.HAVENT_CALLED)
    mine = replace(IV, direction=Direction.I_CALL)
    call = next(v for v in step_views(steps, mine, S, LONDON, IV.start, []) if v.step.id == "call")
    assert call.step.title == "Call them again"


def test_live_lines() -> None:
    now = IV.start + timedelta(minutes=7)
    assert (
        elapsed_line(IV, LONDON, now)
        == "7:07 PM: 7 minutes past the start (2:00 PM EST, 7:00 PM your time)"
    )
    assert (
        stop_line(IV, S, LONDON, now) == "You can stop waiting at 2:30 PM EST (7:30 PM your time)."
    )
    assert "waited long enough" in stop_line(IV, S, LONDON, IV.start + timedelta(minutes=31))


@pytest.mark.parametrize(
    "bad",
    [
        {},
        {"havent-called": []},
        {"havent-called": [{"id": "a", "title": "A"}, {"id": "a", "title": "B"}]},
        {"havent-called": [{"id": "a", "title": "A", "action": "teleport"}]},
    ],
)
def test_malformed_guides_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(GuideError):
        load_flow(bad, Flow.HAVENT_CALLED)


def test_elapsed_before_the_start() -> None:
    assert "due in 10 min" in elapsed_line(IV, LONDON, datetime(2026, 12, 1, 18, 50, tzinfo=UTC))


def test_steps_follow_the_persons_own_timings() -> None:
    patient = Settings(
        grace=timedelta(minutes=10),
        min_wait=timedelta(minutes=20),
        stop_waiting_after=timedelta(minutes=45),
    )
    steps = load_flow(CONTENT, Flow.HAVENT_CALLED)
    relevant = {
        v.step.id: v.relevant_from - IV.start
        for v in step_views(steps, IV, patient, LONDON, IV.start, [])
    }
    assert relevant["call"] == timedelta(minutes=10)
    assert relevant["reschedule"] == timedelta(minutes=20)
    assert relevant["keep-going"] == timedelta(minutes=45)


def test_an_unknown_setting_name_is_refused() -> None:
    with pytest.raises(GuideError, match="unknown setting"):
        load_flow(
            {"havent-called": [{"id": "a", "title": "A", "after": "lunch"}]}, Flow.HAVENT_CALLED
        )
