"""Template texts: the format, placeholder checks, safe substitution, the person's overrides."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from crickets.domain.draft_context import PLACEHOLDERS, DraftRequest
from crickets.domain.drafts import (
    DraftKind,
    TemplateError,
    make_draft,
    parse_template,
    render_text,
)
from crickets.domain.interview import Interview
from crickets.domain.profile import Profile
from crickets.domain.settings import Settings
from crickets.services.templates import (
    default_template,
    load_template,
    override_key,
    reset_override,
    save_override,
)

IV = Interview(datetime(2026, 12, 1, 14, 0), "America/New_York", company="Acme", id=1)
NOW = datetime(2026, 12, 1, 19, 8, tzinfo=UTC)


def request(interview: Interview = IV) -> DraftRequest:
    return DraftRequest(interview, Profile(name="Sam Lee"), Settings(), NOW, "Europe/London")


class FakeState:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get_state(self, key: str) -> str | None:
        return self.values.get(key)

    def set_state(self, key: str, value: str) -> None:
        self.values[key] = value


@pytest.mark.parametrize("kind", list(DraftKind))
def test_every_default_template_checks_out(kind: DraftKind) -> None:
    checked = parse_template(kind, default_template(kind))
    assert (checked.subject is None) is kind.is_spoken


def test_an_unknown_placeholder_is_reported_by_name_with_a_hint() -> None:
    text = "Subject: Hello ${compnay}\n\n${greeting}\n${nonsense_value}"
    with pytest.raises(TemplateError) as caught:
        parse_template(DraftKind.FOLLOW_UP, text)
    assert caught.value.unknown == ("compnay", "nonsense_value")
    assert "${compnay} (did you mean ${company}?)" in str(caught.value)
    assert "${nonsense_value}" in str(caught.value)


@pytest.mark.parametrize(
    ("kind", "text", "problem"),
    [
        (DraftKind.FOLLOW_UP, "${greeting}\nNo subject here", "first line must be the subject"),
        (DraftKind.VOICEMAIL, "Subject: Hi\n\nHello", "spoken script has no Subject"),
        (DraftKind.FOLLOW_UP, "Subject: Hi\n\n   \n", "message itself is empty"),
        (DraftKind.FOLLOW_UP, "Subject:\n\nHello", "Subject: line is empty"),
        (DraftKind.FOLLOW_UP, "Subject: Hi\n\nHello ${company", "line 3 has a “\\$\\{”"),
        (DraftKind.FOLLOW_UP, "Subject: Hi\n\nA\n${ company }", "line 4 has a “\\$\\{”"),
    ],
)
def test_malformed_templates_say_what_to_fix(kind: DraftKind, text: str, problem: str) -> None:
    with pytest.raises(TemplateError, match=problem):
        parse_template(kind, text)


def test_dollars_that_are_not_placeholders_are_allowed() -> None:
    checked = parse_template(DraftKind.FOLLOW_UP, "Subject: $5 and $$\r\n\r\nCosts $$10, or $5.")
    assert render_text(checked.body, {}) == "Costs $10, or $5."


def test_values_are_inserted_literally_never_expanded() -> None:
    values = dict.fromkeys(PLACEHOLDERS, "")
    values["company"] = "${greeting} $$ $company {0} %s"
    values["greeting"] = "SHOULD NOT APPEAR"
    assert render_text("At ${company}.", values) == "At ${greeting} $$ $company {0} %s."


def test_lines_of_empty_placeholders_vanish_and_gaps_close_up() -> None:
    values = {"a": "", "b": "B", "c": ""}
    text = "Top\n${a}\n\n\n${a} ${c}\nOne ${a} two ${b}\n\n  indented ${c}  end\nEnd"
    assert render_text(text, values) == "Top\n\nOne two B\n\n  indented end\nEnd"


def test_make_draft_keeps_the_subject_on_one_line() -> None:
    hostile = replace(IV, company="Acme\r\nBcc: x@evil.test\u2028Zed")
    text = "Subject: About ${company}\n\n${greeting}\nAt ${company}."
    d = make_draft(DraftKind.FOLLOW_UP, text, request(hostile))
    assert d.subject == "About Acme Bcc: x@evil.test Zed"
    assert d.body == "Hello,\nAt Acme Bcc: x@evil.test Zed."


def test_gaps_follow_the_placeholders_a_template_uses() -> None:
    bare = Interview(datetime(2026, 12, 1, 14, 0), "America/New_York", id=1)
    plain = make_draft(DraftKind.FOLLOW_UP, "Subject: Hi\n\nThanks.", request(bare))
    assert [g.field for g in plain.gaps] == ["interviewer_email"]  # only the recipient


def test_an_override_is_checked_before_it_is_saved() -> None:
    state = FakeState()
    with pytest.raises(TemplateError, match="compnay"):
        save_override(DraftKind.NUDGE, "Subject: Hi ${compnay}\n\nHello", state)
    assert state.values == {}
    save_override(DraftKind.NUDGE, "Subject: Hi ${company}\n\nHello", state)
    chosen = load_template(DraftKind.NUDGE, state)
    assert chosen.is_override and chosen.text.startswith("Subject: Hi ${company}")
    assert state.values == {override_key(DraftKind.NUDGE): chosen.text}
    assert override_key(DraftKind.NUDGE) == "template:nudge"


def test_an_override_can_be_reset_to_the_default() -> None:
    state = FakeState()
    save_override(DraftKind.APOLOGY, "Subject: Sorry\n\nSorry.", state)
    reset_override(DraftKind.APOLOGY, state)
    chosen = load_template(DraftKind.APOLOGY, state)
    assert not chosen.is_override and chosen.text == default_template(DraftKind.APOLOGY)


def test_a_stored_override_that_no_longer_checks_out_is_set_aside() -> None:
    state = FakeState()
    state.set_state("template:thank-you", "Subject: Hi\n\n${renamed_placeholder}")
    chosen = load_template(DraftKind.THANK_YOU, state)
    assert not chosen.is_override and "renamed_placeholder" in chosen.problem
    assert chosen.text == default_template(DraftKind.THANK_YOU)


def test_without_a_store_the_default_is_used() -> None:
    assert load_template(DraftKind.CALLBACK).text == default_template(DraftKind.CALLBACK)
