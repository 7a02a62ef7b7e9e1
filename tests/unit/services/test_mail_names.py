"""Safe file names for saved drafts, on every platform at once."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crickets.services.mail.file_names import MAX_STEM_BYTES, draft_file_name, safe_file_name

RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(10))}
RESERVED |= {f"LPT{n}" for n in range(10)}


@pytest.mark.parametrize(
    ("company", "kind", "name"),
    [
        ("Acme", "follow-up", "Acme - follow-up.eml"),
        ("", "thank-you", "thank-you.eml"),
        ("../../etc/passwd", "nudge", "etc passwd - nudge.eml"),
        ("C:\\Windows\\evil", "apology", "C Windows evil - apology.eml"),
        ("...hidden", "reschedule", "hidden - reschedule.eml"),
        ("Acme\r\nInc\x00\t", "follow-up", "Acme Inc - follow-up.eml"),
        ('a<b>c:d"e|f?g*h', "confirmation", "a b c d e f g h - confirmation.eml"),
        ("CON", "", "_CON.eml"),
        ("nul.txt", "", "_nul.txt.eml"),
        ("Café", "second-miss", "Café - second-miss.eml"),
        ("/", "", "draft.eml"),
    ],
)
def test_names(company: str, kind: str, name: str) -> None:
    assert draft_file_name(company, kind) == name


def test_long_names_are_capped_on_a_character_boundary() -> None:
    name = draft_file_name("東京" * 200, "follow-up")
    assert len(name.removesuffix(".eml").encode("utf-8")) <= MAX_STEM_BYTES
    assert name.endswith(".eml") and name.startswith("東京")


@given(st.text(), st.text())
def test_any_input_gives_a_safe_name(company: str, kind: str) -> None:
    name = safe_file_name(company, kind)
    stem = name.removesuffix(".eml")
    assert name.endswith(".eml") and stem
    assert not set(name) & set('/\\<>:"|?*')
    assert not any(unicodedata.category(c)[0] == "C" for c in name)
    assert not stem.startswith((".", " ")) and not stem.endswith((".", " "))
    assert stem.split(".")[0].strip().upper() not in RESERVED
    assert len(name.encode("utf-8")) <= 255
