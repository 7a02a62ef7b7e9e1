"""mailto: links (RFC 6068) and .eml drafts, with hostile values in every field."""

from __future__ import annotations

import re
import stat
from email import message_from_bytes, policy
from email.header import decode_header, make_header
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import compat32
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from crickets.atomic_files import write_atomically
from crickets.services.mail import messages as mail
from crickets.services.mail.messages import Message

# RFC 6068 §2, with RFC 3986's unreserved / pct-encoded and RFC 5322's dot-atom-text
# restricted to the characters a URI may carry raw.
_UNRESERVED = r"[A-Za-z0-9\-._~]"
_PCT = r"%[0-9A-F]{2}"
_QCHAR = rf"(?:{_UNRESERVED}|{_PCT}|[!$'()*+,;:@])"
_ATEXT = rf"(?:[A-Za-z0-9!$'*+\-=^_`{{|}}~]|{_PCT})"
_DOT_ATOM = rf"{_ATEXT}+(?:\.{_ATEXT}+)*"
_ADDR = rf"{_DOT_ATOM}@{_DOT_ATOM}"
_HFIELD = rf"{_QCHAR}*={_QCHAR}*"
MAILTO = re.compile(rf"^mailto:(?:{_ADDR}(?:,{_ADDR})*)?(?:\?{_HFIELD}(?:&{_HFIELD})*)?$")
STRICT_VALUE = re.compile(rf"^(?:{_UNRESERVED}|{_PCT})*$")  # nothing left raw

HOSTILE = (
    "Acme\r\nBcc: evil@attacker.test",
    "${company} $$ $greeting {0} %s",
    "Zoë Ünïcødé 東京 😀",
    "nul\x00byte\x07bell\x1b[31m",
    "line\u2028sep\u2029para\x85next",
    'quote " back\\slash <evil@attacker.test>, other@attacker.test',
    "x" * 2000,
    "",
)
EXPECTED_HEADERS = {"Subject", "X-Unsent", "Content-Type", "Content-Transfer-Encoding"}
EXPECTED_HEADERS |= {"MIME-Version"}


def display_name_as_sent(data: bytes, parsed_name: str) -> str:
    """The To: display name as RFC 2047 reads it. CPython's parser keeps the folding space
    between a b- and a q-encoded word (RFC 2047 §6.2 says white space between encoded words
    is dropped), so a long non-ASCII name can come back with one extra space; a mail app
    reads it without. Decode the raw header the RFC's way when the two differ."""
    raw = message_from_bytes(data, policy=compat32)["To"]
    decoded = str(make_header(decode_header(str(raw))))
    name = decoded.rsplit(" <", 1)[0]
    if name.replace(" ", "") == parsed_name.replace(" ", "") and name != parsed_name:
        return name
    return parsed_name


def parse(data: bytes) -> EmailMessage:
    parsed = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(parsed, EmailMessage)
    return parsed


def split_mailto(url: str) -> tuple[str, dict[str, list[str]]]:
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and not parts.fragment
    return unquote(parts.path), parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)


def test_a_plus_addressed_recipient_survives() -> None:
    url = mail.mailto_url("jane.doe+jobs@acme.com", "Hi there", "Line 1\nLine 2")
    assert url == ("mailto:jane.doe%2Bjobs@acme.com?subject=Hi%20there&body=Line%201%0D%0ALine%202")
    assert MAILTO.match(url)
    assert split_mailto(url)[0] == "jane.doe+jobs@acme.com"


@pytest.mark.parametrize("text", HOSTILE)
def test_every_value_is_percent_encoded(text: str) -> None:
    url = mail.mailto_url("jane@acme.com", text, text)
    assert MAILTO.match(url), url
    query = urlsplit(url).query
    for field in query.split("&"):
        name, value = field.split("=")
        assert name in ("subject", "body") and STRICT_VALUE.match(value)
    assert "\r" not in url and "\n" not in url and " " not in url and "+" not in query


@settings(max_examples=200, deadline=None)
@given(st.emails(), st.text(), st.text())
def test_mailto_round_trips(address: str, subject: str, body: str) -> None:
    assume(mail.address("", address) is not None)
    url = mail.mailto_url(address, subject, body)
    assert MAILTO.match(url), url
    to, fields = split_mailto(url)
    assert to == address
    assert fields["subject"] == [mail.header_text(subject)]
    assert fields["body"] == [mail.body_text(body).replace("\n", "\r\n")]


def test_no_usable_recipient_leaves_the_path_empty() -> None:
    for bad in ("", "not an address", "a@b.com\r\nBcc: c@d.com", "a@b.com,c@d.com"):
        url = mail.mailto_url(bad, "Hi", "Body")
        assert url.startswith("mailto:?subject=Hi") and MAILTO.match(url)


def test_a_long_body_falls_back_to_recipient_and_subject() -> None:
    short = Message("Subject", "Short body", to_email="jane@acme.com")
    assert mail.mailto_link(short).body_included
    long = Message("Subject", "word " * 400, to_email="jane@acme.com")
    link = mail.mailto_link(long)
    assert not link.body_included
    assert link.url == "mailto:jane@acme.com?subject=Subject"
    assert len(mail.mailto_url("jane@acme.com", "Subject", long.body)) > mail.MAILTO_LIMIT


def test_the_eml_is_an_unsent_draft_with_one_recipient() -> None:
    message = Message(
        "Our call", "Hi Jane,\n\nThanks.", "Doe, Jane", "jane.doe+jobs@acme.com", "Sam", "s@x.io"
    )
    parsed = parse(mail.eml_bytes(message))
    assert parsed["X-Unsent"] == "1"
    assert parsed["To"].addresses == (Address("Doe, Jane", "jane.doe+jobs", "acme.com"),)
    assert parsed["To"].addresses[0].addr_spec == "jane.doe+jobs@acme.com"
    assert parsed["From"].addresses == (Address("Sam", "s", "x.io"),)
    assert parsed["Subject"] == "Our call"
    assert parsed.get_content().replace("\r\n", "\n") == "Hi Jane,\n\nThanks.\n"
    assert b"\r\n" in mail.eml_bytes(message)  # RFC 5322 line ends


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(HOSTILE) | st.text(),
    st.sampled_from(HOSTILE) | st.text(),
    st.sampled_from(HOSTILE) | st.text(),
    st.sampled_from(["jane@acme.com", "jane.doe+jobs@acme.com", *HOSTILE]),
)
def test_hostile_values_add_no_header_and_no_recipient(
    subject: str, body: str, name: str, to: str
) -> None:
    message = Message(subject, body, name, to, name, to)
    data = mail.eml_bytes(message)
    parsed = parse(data)
    usable = mail.address(name, to)
    expected = EXPECTED_HEADERS | ({"To", "From"} if usable else set())
    assert set(parsed.keys()) == expected
    assert len(parsed.keys()) == len(expected)  # no header twice
    if usable:
        (recipient,) = parsed["To"].addresses
        assert recipient.addr_spec == to
        assert display_name_as_sent(data, recipient.display_name) == mail.header_text(name)
    assert parsed["Subject"] == mail.header_text(subject)
    assert parsed.get_content().replace("\r\n", "\n") == mail.body_text(body) + "\n"
    assert not parsed.defects


@pytest.mark.parametrize("value", HOSTILE)
def test_header_text_has_no_line_break_or_control(value: str) -> None:
    cleaned = mail.header_text(value)
    assert not any(c in cleaned for c in "\r\n\x00\x07\x1b\x85\u2028\u2029")
    assert cleaned == cleaned.strip()


def test_body_text_keeps_lines_and_tabs_only() -> None:
    assert mail.body_text("a\r\nb\rc\u2028d\te\x00f") == "a\nb\nc\nd\tef"


def test_the_draft_file_is_written_atomically_and_privately(tmp_path: Path) -> None:
    target = tmp_path / "drafts" / "Acme - follow-up.eml"
    mail.save_eml(target, Message("S", "B", to_email="jane@acme.com"))
    assert parse(target.read_bytes())["X-Unsent"] == "1"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in target.parent.iterdir()] == [target.name]


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    with pytest.raises(OSError):
        write_atomically(tmp_path / "taken", b"data")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]
