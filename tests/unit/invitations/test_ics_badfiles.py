"""Files that cannot be used: one IcsError each, with one clear sentence, and nothing else."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from crickets.invitations.ics.limits import MAX_BYTES, MAX_COMPONENTS, IcsError
from crickets.invitations.ics.parse import UNFORESEEN, parse_invitation

NOW = datetime(2026, 11, 25, 12, 21, tzinfo=UTC)
DATA = Path(__file__).resolve().parents[2] / "data" / "ics"
EVENT = (
    "BEGIN:VEVENT\r\nUID:1@example.com\r\nDTSTAMP:20261120T100000Z\r\n"
    "DTSTART:20261201T140000Z\r\nSUMMARY:Interview\r\nEND:VEVENT\r\n"
)


def calendar(body: str) -> bytes:
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n{body}END:VCALENDAR\r\n".encode()


def refused(data: bytes) -> str:
    with pytest.raises(IcsError) as caught:
        parse_invitation(data, my_zone="Europe/London", now=NOW)
    message = caught.value.message
    assert str(caught.value) == message
    assert "\n" not in message and message.endswith(".") and len(message) < 260
    assert UNFORESEEN not in message
    return message


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "empty"),
        (b"  \r\n\r\n  ", "empty"),
        (b"<!DOCTYPE html>\n<html><head><title>Sign in</title></head></html>", "web page"),
        (b"\xef\xbb\xbf  <html><body>Calendar</body></html>", "web page"),
        (b'<?xml version="1.0"?><feed/>', "XML"),
        (b'{"format": "crickets-export"}', "JSON"),
        (b"From: jane@acme.com\r\nSubject: Interview\r\n\r\nHi", "email"),
        (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane\r\nEND:VCARD\r\n", "contact card"),
        (bytes(range(256)) * 4, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"Just some notes about an interview on Tuesday.", "BEGIN:VCALENDAR"),
        (calendar(EVENT)[:-15], "cut off"),
        (calendar(EVENT).replace(b"END:VEVENT", b""), "does not close"),
        (calendar(EVENT).replace(b"END:VEVENT", b"END:VTODO"), "does not close"),
        (calendar("this line is not a calendar line\r\n" + EVENT), "not a calendar line"),
        (calendar(EVENT.replace("20261201T140000Z", "20261341T250000Z")), "not a real date"),
        (calendar(EVENT.replace("20261201T140000Z", "20260230T100000Z")), "not a real date"),
        (
            calendar(
                "BEGIN:VTIMEZONE\r\nTZID:X\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
                "TZOFFSETFROM:+9900\r\nTZOFFSETTO:+2500\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
                + EVENT
            ),
            "impossible UTC offset",
        ),
        (calendar(""), "no events"),
        (
            calendar("BEGIN:VTODO\r\nUID:t\r\nSUMMARY:Call back\r\nEND:VTODO\r\n"),
            "only vtodo",
        ),
        (calendar("METHOD:REPLY\r\n" + EVENT), "reply"),
        (calendar("METHOD:COUNTER\r\n" + EVENT), "counter"),
    ],
)
def test_a_bad_file_is_refused_with_one_clear_sentence(data: bytes, fragment: str) -> None:
    assert fragment.lower() in refused(data).lower()


def test_too_large_is_refused_before_parsing() -> None:
    data = calendar(EVENT) + b" " * MAX_BYTES
    assert "MB" in refused(data)


def test_too_many_components_are_refused_before_parsing() -> None:
    alarms = "BEGIN:VALARM\r\nTRIGGER:-PT5M\r\nACTION:DISPLAY\r\nEND:VALARM\r\n"
    body = EVENT.replace("END:VEVENT", alarms * MAX_COMPONENTS + "END:VEVENT")
    assert str(MAX_COMPONENTS) in refused(calendar(body))


def test_deep_nesting_is_refused() -> None:
    opened = "".join(f"BEGIN:X-{i}\r\n" for i in range(50))
    closed = "".join(f"END:X-{i}\r\n" for i in reversed(range(50)))
    assert "nest" in refused(calendar(opened + closed))


def test_a_damaged_line_inside_an_event_is_skipped_with_a_warning() -> None:
    data = calendar(EVENT.replace("SUMMARY:Interview\r\n", "SUMMARY:Interview\r\nbroken\r\n"))
    (event,) = parse_invitation(data, my_zone="Europe/London", now=NOW).events
    assert event.start == datetime(2026, 12, 1, 14, tzinfo=UTC)
    assert any("damaged" in w for w in event.warnings)


def test_latin1_file_is_read_with_a_warning() -> None:
    data = calendar(EVENT.replace("Interview", "Entretien caf\u00e9")).decode().encode("cp1252")
    invitation = parse_invitation(data, my_zone="Europe/London", now=NOW)
    assert invitation.events[0].summary == "Entretien café"
    assert any("UTF-8" in w for w in invitation.warnings)


def test_utf16_with_bom_and_bare_vevent_are_read() -> None:
    data = calendar(EVENT).decode().encode("utf-16")
    assert parse_invitation(data, my_zone="UTC", now=NOW).events[0].summary == "Interview"
    bare = EVENT.encode()
    assert parse_invitation(bare, my_zone="UTC", now=NOW).events[0].summary == "Interview"


def test_a_folder_of_fixtures_never_raises_anything_else() -> None:
    for path in sorted(DATA.glob("*.ics")):
        assert parse_invitation(path.read_bytes(), my_zone="UTC", now=NOW).events
