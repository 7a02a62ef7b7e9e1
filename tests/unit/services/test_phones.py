"""Phone numbers found by libphonenumber, written one way, region from the person's zone."""

from __future__ import annotations

import pytest

from crickets.domain import validation
from crickets.services.phones import find_phones, normalise_phone, region_for_zone


@pytest.mark.parametrize(
    ("zone", "region"),
    [
        ("America/New_York", "US"),
        ("Europe/London", "GB"),
        ("Asia/Kolkata", "IN"),
        ("UTC", None),
        ("Etc/GMT+5", None),
    ],
)
def test_region_for_zone(zone: str, region: str | None) -> None:
    assert region_for_zone(zone) == region


def test_international_numbers_are_found_without_a_region() -> None:
    found = find_phones("Phone: +1 415 555 0100, or +44 20 7946 0958 after 5.")
    assert [p.number for p in found] == ["+1 415-555-0100", "+44 20 7946 0958"]
    assert found[0].raw == "+1 415 555 0100"
    assert found[0].line.startswith("Phone:")


def test_national_numbers_need_the_region() -> None:
    assert find_phones("call (415) 555-0100") == ()
    assert [p.number for p in find_phones("call (415) 555-0100", region="US")] == [
        "+1 415-555-0100"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Meeting ID: 812 3456 7890 Passcode: 424242",
        "2026-12-01 14:00 to 14:30",
        "Order 123456789012",
        "",
    ],
)
def test_things_that_are_not_phone_numbers(text: str) -> None:
    assert find_phones(text, region="US") == ()


def test_every_number_passes_the_editors_validation() -> None:
    for text in ("+1 415 555 0100 ext. 12", "tel:+1-415-555-0100;ext=12", "+49 30 901820"):
        number = normalise_phone(text)
        assert number is not None
        assert validation.phone("phone", number) == number


def test_each_number_once() -> None:
    assert len(find_phones("+1 415 555 0100 / +1 (415) 555-0100")) == 1


def test_huge_text_is_bounded() -> None:
    assert len(find_phones("+1 415 555 0100 " * 50_000)) == 1
