"""The pieces under an import: text cleaning, meeting links, company and role guesses."""

from __future__ import annotations

import pytest

from crickets.domain import validation
from crickets.invitations.ics.links import first_meeting_link, html_to_text, links_in, meeting_kind
from crickets.invitations.ics.text import clean_line, clean_notes, file_name_part
from crickets.invitations.paste.guess import company_from_email, guess_title, is_robot


@pytest.mark.parametrize(
    "hostile",
    [
        "Acme\r\nBcc: evil@example.com",
        "Acme\nInc",
        "Ac\x00me",
        "Acme\u2028Corp",
        "A\x1bcme",
        "x\x85y",
        "invoice\u202etxt.exe",
        "a\tb",
    ],
)
def test_clean_line_passes_the_single_line_validator(hostile: str) -> None:
    cleaned = clean_line(hostile)
    assert validation.single_line("field", cleaned) == cleaned
    assert not any(c in cleaned for c in "\r\n\x00\x1b\x85\u2028\u202e\t")


def test_clean_line_shortens_at_a_word_with_an_ellipsis() -> None:
    cleaned = clean_line("word " * 100)
    assert len(cleaned) <= validation.MAX_LINE and cleaned.endswith("word…")


def test_clean_notes_keeps_lines() -> None:
    assert clean_notes("a\r\nb\r\n\r\n\r\n\r\nc\x07d") == "a\nb\n\ncd"
    assert validation.notes("notes", clean_notes("x\u2028y")) == "x\ny"


def test_file_name_part() -> None:
    assert file_name_part("Zoë & Co — Data analyst") == "zoe-co-data-analyst"
    assert file_name_part("../../etc/passwd") == "etc-passwd"


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://us02web.zoom.us/j/81234567890?pwd=abc", "Zoom"),
        ("https://acme.zoom.us/my/jane.doe", "Zoom"),
        ("https://zoom.us/u/kbCdEf", None),
        ("https://meet.google.com/abc-defg-hij", "Google Meet"),
        ("https://meet.google.com/", None),
        (
            "https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0",
            "Microsoft Teams",
        ),
        ("https://teams.live.com/meet/9312345678", "Microsoft Teams"),
        ("https://aka.ms/JoinTeamsMeeting", None),
        ("https://acme.webex.com/acme/j.php?MTID=m123", "Webex"),
        ("https://acme.webex.com/meet/jane", "Webex"),
        ("https://support.google.com/a/users/answer/9282720", None),
        ("https://zoom.us.evil.example/j/1", None),
    ],
)
def test_meeting_kind(url: str, kind: str | None) -> None:
    assert meeting_kind(url) == kind


def test_links_in_text_and_html() -> None:
    assert links_in(
        "Join: <https://zoom.us/j/123>. Or (https://meet.google.com/abc-defg-hij)."
    ) == [
        "https://zoom.us/j/123",
        "https://meet.google.com/abc-defg-hij",
    ]
    text, hrefs = html_to_text('<p>Hi<br><a href="https://zoom.us/j/1?a=1&amp;b=2">Join</a></p>')
    assert hrefs == ["https://zoom.us/j/1?a=1&b=2"] and "Join" in text
    found = first_meeting_link(["https://example.com/job", "https://zoom.us/j/9"])
    assert found is not None and found.url == "https://zoom.us/j/9"


@pytest.mark.parametrize(
    ("summary", "hint", "people", "company", "role"),
    [
        ("Interview: Acme — Data analyst", "", (), "Acme", "Data analyst"),
        ("Acme <> Sam", "", ("Sam Lee",), "Acme", ""),
        ("Data Analyst Interview with Acme", "", (), "Acme", "Data Analyst"),
        ("Phone screen (Acme)", "", (), "Acme", ""),
        ("Interview with Jane Doe", "Acme", ("Jane Doe",), "Acme", ""),
        ("Technical Writer interview - Acme", "", (), "Acme", "Technical Writer"),
        ("Updated invitation: Sam / Globex - Senior Engineer - Recruiter call", "Globex", (),
         "Globex", "Senior Engineer"),
        ("Hiring manager: Massive Dynamic", "", (), "Massive Dynamic", ""),
        ("Zoom meeting", "", (), "", ""),
    ],
)  # fmt: skip
def test_guess_title(
    summary: str, hint: str, people: tuple[str, ...], company: str, role: str
) -> None:
    guess = guess_title(summary, company_hint=hint, people=people)
    assert (guess.company, guess.role) == (company, role)


@pytest.mark.parametrize(
    ("email", "company"),
    [
        ("jane@acme.com", "Acme"),
        ("j@mail.acme.co.uk", "Acme"),
        ("a@big-co.io", "Big Co"),
        ("x@gmail.com", ""),
        ("noreply@calendly.com", ""),
        ("not-an-email", ""),
    ],
)
def test_company_from_email(email: str, company: str) -> None:
    assert company_from_email(email) == company


def test_robots() -> None:
    assert is_robot("noreply@zoom.us") and is_robot("calendar-notification@google.com")
    assert is_robot("c_abc@group.calendar.google.com")
    assert not is_robot("jane.doe@acme.com")
