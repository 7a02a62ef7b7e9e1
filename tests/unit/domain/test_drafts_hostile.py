"""Hostile values in every field of the interview and the profile, through every kind of
draft and out as plain text, a mailto: link and an .eml file."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import UTC, datetime
from email import policy
from email.parser import BytesParser
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crickets.domain.draft_context import DraftRequest
from crickets.domain.drafts import DraftKind, make_draft
from crickets.domain.interview import PERSONAL_FIELDS, Direction, Interview
from crickets.domain.profile import Profile
from crickets.domain.settings import Settings as AppSettings
from crickets.services.mail import messages as mail
from crickets.services.templates import default_template
from tests.builders import personal

NOW = datetime(2026, 12, 1, 19, 8, tzinfo=UTC)
BASE = Interview(
    datetime(2026, 12, 1, 14, 0),
    "America/New_York",
    company="Acme",
    interviewer_name="Jane Doe",
    interviewer_email="jane@acme.com",
    id=1,
)
HOSTILE = {
    "crlf": "Acme\r\nBcc: evil@attacker.test\r\n\r\nInjected body",
    "nul": "Acme\x00\x01\x7f",
    "placeholders": "${company} $$ ${greeting} $my_name",
    "unicode": "Zoë Ünïcødé 東京 😀 \u202eevil",
    "separators": "Acme\u2028Bcc: x@y.test\u2029\x85",
    "long": "n" * 2000,
}
MIME_HEADERS = ["Content-Type", "Content-Transfer-Encoding", "MIME-Version"]
PROFILE_FIELDS = [f.name for f in fields(Profile)]


def outputs(interview: Interview, profile: Profile, kind: DraftKind) -> None:
    request = DraftRequest(interview, profile, AppSettings(), NOW, "Europe/London", [interview])
    draft = make_draft(kind, default_template(kind), request)
    assert "\n" not in draft.subject and "\r" not in draft.subject
    if kind.is_spoken:
        return
    message = mail.Message(
        draft.subject, draft.body, draft.to_name, draft.to_email, profile.name, profile.email
    )
    parsed = BytesParser(policy=policy.default).parsebytes(mail.eml_bytes(message))
    assert not parsed.defects
    assert parsed["X-Unsent"] == "1" and "Bcc" not in parsed and "Cc" not in parsed
    headers = [k for k in parsed.keys() if k not in ("To", "From")]  # noqa: SIM118
    assert headers == [
        "Subject",
        "X-Unsent",
        "Content-Type",
        "Content-Transfer-Encoding",
        "MIME-Version",
    ]
    recipients = [a.addr_spec for a in parsed["To"].addresses] if "To" in parsed else []
    expected = [draft.to_email] if mail.address("", draft.to_email) else []
    assert recipients == expected
    assert parsed["Subject"] == draft.subject
    url = mail.mailto_link(message).url
    to = unquote(urlsplit(url).path)
    assert to == (expected[0] if expected else "")
    query = parse_qs(urlsplit(url).query, strict_parsing=True)
    assert set(query) <= {"subject", "body"}


@pytest.mark.parametrize("value", list(HOSTILE.values()), ids=list(HOSTILE))
@pytest.mark.parametrize("field", [*PERSONAL_FIELDS, *(f"profile.{f}" for f in PROFILE_FIELDS)])
def test_a_hostile_value_in_any_field(field: str, value: str) -> None:
    interview, profile = BASE, Profile(name="Sam Lee", email="sam@example.com")
    if field.startswith("profile."):
        profile = replace(profile, **{field.removeprefix("profile."): value})
    else:
        interview = replace(interview, **personal({field: value}))
    for direction in Direction:
        for kind in DraftKind:
            outputs(replace(interview, direction=direction), profile, kind)


def test_placeholders_inside_values_stay_literal() -> None:
    interview = replace(BASE, company="${company} $$", role="${greeting}")
    request = DraftRequest(interview, Profile(), AppSettings(), NOW, "Europe/London")
    body = make_draft(DraftKind.FOLLOW_UP, default_template(DraftKind.FOLLOW_UP), request).body
    assert "the ${greeting} role at ${company} $$" in body


@settings(max_examples=100, deadline=None)
@given(
    st.fixed_dictionaries({name: st.text(max_size=300) for name in PERSONAL_FIELDS}),
    st.fixed_dictionaries({name: st.text(max_size=100) for name in PROFILE_FIELDS}),
    st.sampled_from(list(Direction)),
)
def test_any_text_in_any_field_gives_clean_outputs(
    texts: dict[str, str], mine: dict[str, str], direction: Direction
) -> None:
    interview = replace(BASE, direction=direction, **personal(texts))
    profile = Profile(**mine)
    for kind in DraftKind:
        outputs(interview, profile, kind)
