"""What the guide says: the video checklist, the one thing to do now, one instruction after a
second miss, one email for new times, who was to call, and the dial-in of an invitation."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

import pytest

from crickets import resources
from crickets.domain.actions import Action, ActionKind
from crickets.domain.dial_in import dial_in
from crickets.domain.guide_header import MISSING, guide_header
from crickets.domain.guides import Flow, GuideError, StepView, load_flow, now_step, step_views
from crickets.domain.interview import Direction, Interview
from crickets.domain.settings import Settings
from tests.builders import make_interview

CONTENT = json.loads(resources.read_text("checklists", "guides.json"))
PHONE = make_interview(
    interviewer_name="Jane Doe",
    interviewer_phone="+1 415 555 0134",
    interviewer_email="jane@acme.example",
    role="Data Analyst",
    my_phone="+44 20 7946 0958",
)
ZOOM_NOTES = """Jane Doe is inviting you to a scheduled Zoom meeting.
Join Zoom Meeting
https://zoom.us/j/85012345678

One tap mobile
+16465588656,,85012345678# US (New York)

Dial by your location
        +1 646 558 8656 US (New York)
Meeting ID: 850 1234 5678
"""
VIDEO = replace(
    PHONE,
    direction=Direction.VIDEO,
    interviewer_phone="",
    meeting_link="https://zoom.us/j/85012345678",
    notes=ZOOM_NOTES,
)
S = Settings()
LONDON = "Europe/London"


def views(
    interview: Interview,
    minutes: float,
    log: list[Action] | None = None,
    flow: Flow = Flow.HAVENT_CALLED,
) -> list[StepView]:
    at = interview.start + timedelta(minutes=minutes)
    return step_views(load_flow(CONTENT, flow), interview, S, LONDON, at, log or [])


def step(found: list[StepView], ident: str) -> StepView:
    return next(v for v in found if v.step.id == ident)


def words(found: list[StepView]) -> str:
    return " ".join(" ".join((v.step.title, v.step.text, *v.step.items)) for v in found)


def test_a_video_call_gets_the_video_checklist_instead_of_the_phone_one() -> None:
    video, phone = views(VIDEO, 5), views(PHONE, 5)
    assert [v.step.id for v in video][:4] == ["calm", "join", "check", "call"]
    join, check = step(video, "join"), step(video, "check")
    assert join.step.action == "open-link" and "https://zoom.us/j/85012345678" in join.step.text
    items = " ".join(check.step.items)
    for said in ("waiting room", "Audio and camera", "+16465588656,,85012345678#"):
        assert said in items
    assert "Do Not Disturb" not in words(video)  # the phone's checks are not repeated
    assert "waiting room" not in words(phone) and "Do Not Disturb" in words(phone)


def test_the_dial_in_item_is_left_out_when_the_invitation_has_none() -> None:
    bare = replace(VIDEO, notes="Bring your portfolio.")
    items = step(views(bare, 5), "check").step.items
    assert not any("Join by phone" in item for item in items)
    assert any("waiting room" in item for item in items)


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        (ZOOM_NOTES, "+16465588656,,85012345678# US (New York)"),
        (
            "Join by phone\n(US) +1 508-555-0100 PIN: 123 456 789#\nMore phone numbers",
            "(US) +1 508-555-0100 PIN: 123 456 789#",
        ),
        (
            "Join by phone\n+1 323-555-0100 United States, Los Angeles\n"
            "Phone Conference ID: 123 456 789#",
            "+1 323-555-0100 United States, Los Angeles, Phone Conference ID: 123 456 789#",
        ),
        ("Meeting ID: 850 1234 5678\nPasscode: 123456", ""),  # no number to dial
        ("Call me on +44 20 7946 0958 if the link fails", ""),  # not a dial-in
    ],
)
def test_the_dial_in_is_read_from_the_invitation(notes: str, expected: str) -> None:
    assert dial_in(replace(VIDEO, notes=notes)) == expected


def test_a_phone_interview_has_no_dial_in() -> None:
    assert dial_in(replace(PHONE, notes=ZOOM_NOTES)) == ""


def test_at_five_minutes_the_top_is_checking_the_phone() -> None:
    top = now_step(views(PHONE, 5))
    assert top is not None
    assert top.step.now == "Check your phone for a missed call or voicemail"


def test_the_top_moves_on_as_each_thing_is_done() -> None:
    at = PHONE.start + timedelta(minutes=6)
    log: list[Action] = []
    seen = []
    for done in (
        Action(1, at, ActionKind.CHECKED, "check"),
        Action(1, at, ActionKind.CALLED, "no answer"),
        Action(1, at, ActionKind.VOICEMAIL_LEFT),
        Action(1, at, ActionKind.EMAIL_COPIED, "follow-up"),
    ):
        top = now_step(views(PHONE, 6, log))
        seen.append(top.step.now if top else "")
        log.append(done)
    last = now_step(views(PHONE, 6, log))
    assert seen == [
        "Check your phone for a missed call or voicemail",
        "Call them on +1 415 555 0134",
        "No answer on +1 415 555 0134? Leave a short voicemail",
        "Send the short email: it is written for you",
    ]
    assert last is not None and last.step.fallback and last.step.id == "wait"
    rescheduling = now_step(views(PHONE, 16, log))
    assert (
        rescheduling is not None and rescheduling.step.now == "Offer three new times in one email"
    )


def test_without_their_number_the_top_skips_calling() -> None:
    unknown = replace(PHONE, interviewer_phone="")
    at = unknown.start + timedelta(minutes=6)
    top = now_step(views(unknown, 6, [Action(1, at, ActionKind.CHECKED, "check")]))
    assert top is not None and top.step.id == "email"


def test_nothing_is_to_be_done_before_the_start() -> None:
    assert now_step(views(PHONE, -10)) is None


def test_a_wrong_number_does_not_finish_the_call_step() -> None:
    at = PHONE.start + timedelta(minutes=6)
    wrong = [Action(1, at, ActionKind.CALLED, "wrong number")]
    assert not step(views(PHONE, 6, wrong), "call").done
    tried = [*wrong, Action(1, at, ActionKind.CALLED, "no answer")]
    assert step(views(PHONE, 6, tried), "call").done


def test_new_times_are_one_email_and_it_finishes_the_step() -> None:
    first = step(views(PHONE, 16), "reschedule")
    assert first.step.action == "draft:reschedule"
    assert "three" in first.step.title and "one email" in first.step.title
    at = PHONE.start + timedelta(minutes=16)
    sent = [Action(1, at, ActionKind.EMAIL_OPENED, "reschedule")]
    assert step(views(PHONE, 16, sent), "reschedule").done


def test_a_second_miss_gives_one_instruction() -> None:
    again = views(replace(PHONE, reschedules_id=7), 31)
    actions = [v.step.action for v in again]
    assert "draft:second-miss" in actions
    assert "draft:reschedule" not in actions and "draft:follow-up" not in actions
    said = words(again).lower()
    assert "propose three" not in said and "offer three" not in said
    assert step(again, "reschedule").step.title == "Leave the next move to them"


def test_steps_that_never_show_together_may_share_an_id() -> None:
    both = {
        "havent-called": [
            {"id": "a", "title": "A", "only": ["first"]},
            {"id": "a", "title": "B", "only": ["again"]},
        ]
    }
    assert [s.title for s in load_flow(both, Flow.HAVENT_CALLED)] == ["A", "B"]
    clash = {
        "havent-called": [
            {"id": "a", "title": "A", "only": ["first"]},
            {"id": "a", "title": "B", "only": ["video"]},
        ]
    }
    with pytest.raises(GuideError, match="repeated id"):
        load_flow(clash, Flow.HAVENT_CALLED)
    with pytest.raises(GuideError, match="unknown interviews"):
        load_flow(
            {"havent-called": [{"id": "a", "title": "A", "only": ["zoom"]}]}, Flow.HAVENT_CALLED
        )


def test_a_video_call_missed_by_me_opens_the_link_again() -> None:
    missed = [v.step.id for v in views(VIDEO, 2, flow=Flow.MISSED_CALL)]
    assert "rejoin" in missed and "call-back" not in missed
    assert "call-back" in [v.step.id for v in views(PHONE, 2, flow=Flow.MISSED_CALL)]


def test_the_header_says_who_how_to_reach_them_and_where_to_write() -> None:
    phone = guide_header(PHONE)
    assert phone.who == "Jane Doe from Acme was to call you about the Data Analyst role."
    assert phone.reach == "Their number: +1 415 555 0134"
    assert phone.write_to == "Write to: jane@acme.example"
    video = guide_header(VIDEO)
    assert video.who.startswith("Jane Doe from Acme was to meet you on a video call")
    assert video.reach.startswith("Meeting link: https://zoom.us/j/85012345678; by phone: +1")
    mine = guide_header(replace(PHONE, direction=Direction.I_CALL, interviewer_email=""))
    assert mine.who.startswith("You were to call Jane Doe from Acme")
    assert mine.write_to == f"Write to: {MISSING}"
    missed = guide_header(PHONE, missed=True)
    assert missed.who.startswith("You missed a call from Jane Doe from Acme")


def test_an_interview_with_nothing_recorded_still_says_who() -> None:
    bare = guide_header(make_interview(company=""))
    assert bare.who == "The interviewer was to call you."
    assert bare.reach == f"Their number: {MISSING}"
