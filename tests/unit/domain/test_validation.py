import pytest

from crickets.domain import validation
from crickets.domain.validation import FieldError


@pytest.mark.parametrize(
    "hostile",
    [
        "Acme\r\nBcc: evil@example.com",
        "Acme\nInc",
        "Ac\x00me",
        "Acme\u2028Corp",
        "A\x1bcme",
        "x\x85y",
    ],
)
def test_single_line_fields_refuse_line_breaks_and_control_characters(hostile: str) -> None:
    with pytest.raises(FieldError, match="line break or control character"):
        validation.single_line("company", hostile)


def test_single_line_keeps_ordinary_unicode() -> None:
    assert validation.single_line("company", "  Zoë & Søn — Ωmega  ") == "Zoë & Søn — Ωmega"


def test_notes_allow_newlines_but_not_nul() -> None:
    assert validation.notes("notes", "line 1\nline 2\tx") == "line 1\nline 2\tx"
    with pytest.raises(FieldError):
        validation.notes("notes", "a\x00b")
    with pytest.raises(FieldError, match="limit"):
        validation.notes("notes", "x" * 10_001)


@pytest.mark.parametrize("good", ["jane@acme.com", "jane.doe+jobs@mail.acme.co.uk", ""])
def test_good_emails(good: str) -> None:
    assert validation.email("email", good) == good


@pytest.mark.parametrize(
    "bad",
    ["jane", "jane@acme", "jane doe@acme.com", "a@b.com, c@d.com", "<a@b.com>", "a@b.com\r\n"],
)
def test_bad_emails(bad: str) -> None:
    with pytest.raises(FieldError):
        validation.email("email", bad)


@pytest.mark.parametrize(
    "good", ["+1 415 555 0100", "(415) 555-0100", "020 7946 0958", "+44 20 7946 0958 ext. 12"]
)
def test_good_phones(good: str) -> None:
    assert validation.phone("phone", good) == good


@pytest.mark.parametrize(
    "bad", ["call me", "123", "+1 415 555 0100 0100 0100 0100", "555-0100; rm"]
)
def test_bad_phones(bad: str) -> None:
    with pytest.raises(FieldError):
        validation.phone("phone", bad)


def test_links_must_be_web_addresses() -> None:
    assert validation.link("link", "https://zoom.us/j/123") == "https://zoom.us/j/123"
    for bad in ("javascript:alert(1)", "zoom.us/j/1", "https://a b"):
        with pytest.raises(FieldError):
            validation.link("link", bad)
