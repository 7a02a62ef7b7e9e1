"""Every message the guidance calls for, rendered from a template text (docs/product.md).

A template is plain text with ``${placeholders}`` (``resources/templates/README.md``): an
email starts with a ``Subject:`` line and a blank line; a spoken script has no subject.
Rendering is ``string.Template`` substitution in one pass, so a value that itself contains
``${company}`` or ``$$`` is inserted literally and never expanded; ``str.format`` is never
used on text a person can edit. The template text is passed in: reading files is not the
domain's business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from string import Template

from crickets.domain.draft_context import (
    PLACEHOLDERS,
    DraftRequest,
    Gap,
    clean,
    find_gaps,
    values_for,
)
from crickets.domain.draft_kinds import DraftKind as DraftKind  # where it was always found

_SUBJECT = re.compile(r"^subject:[ \t]*", re.IGNORECASE)
_BROKEN_PLACEHOLDER = re.compile(r"\$\{")


class TemplateError(ValueError):
    """A template that cannot be used; ``str()`` says what to fix, naming the placeholder."""

    def __init__(self, kind: DraftKind, problem: str, unknown: tuple[str, ...] = ()) -> None:
        super().__init__(f"{kind.value} template: {problem}")
        self.kind = kind
        self.problem = problem
        self.unknown = unknown


@dataclass(frozen=True)
class DraftTemplate:
    """A checked template: the subject line (``None`` for a spoken script) and the body."""

    kind: DraftKind
    subject: str | None
    body: str


@dataclass(frozen=True)
class Draft:
    kind: DraftKind
    subject: str  # "" for a spoken script
    body: str
    to_name: str  # the interviewer, as the recipient's display name
    to_email: str  # "" when there is none (a spoken script never has one)
    gaps: tuple[Gap, ...] = ()

    @property
    def text(self) -> str:
        """What Copy puts on the clipboard: subject line, blank line, body."""
        return plain_text(self.subject, self.body)


def plain_text(subject: str, body: str) -> str:
    return f"Subject: {subject}\n\n{body}" if subject else body


def parse_template(kind: DraftKind, text: str) -> DraftTemplate:
    """Split and check ``text``; :class:`TemplateError` names what is wrong."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    _check_placeholders(kind, text)
    lines = text.split("\n")
    subject: str | None = None
    if lines and _SUBJECT.match(lines[0]):
        if kind.is_spoken:
            raise TemplateError(kind, "a spoken script has no Subject: line")
        subject = _SUBJECT.sub("", lines[0]).strip()
        lines = lines[1:]
    elif not kind.is_spoken:
        raise TemplateError(kind, 'the first line must be the subject, like "Subject: …"')
    body = "\n".join(lines).strip("\n")
    if not body.strip():
        raise TemplateError(kind, "the message itself is empty")
    if subject is not None and not subject:
        raise TemplateError(kind, "the Subject: line is empty")
    return DraftTemplate(kind, subject, body)


def _check_placeholders(kind: DraftKind, text: str) -> None:
    template = Template(text)
    unknown = tuple(dict.fromkeys(n for n in template.get_identifiers() if n not in PLACEHOLDERS))
    if unknown:
        hints = [_hint(name) for name in unknown]
        raise TemplateError(kind, "unknown placeholder " + ", ".join(hints), unknown)
    for match in template.pattern.finditer(text):
        if match.group("invalid") is not None and _BROKEN_PLACEHOLDER.match(text, match.start()):
            line = text.count("\n", 0, match.start()) + 1
            raise TemplateError(
                kind, f"line {line} has a “${{” that is not a placeholder; write $$ for a $"
            )


def _hint(name: str) -> str:
    import difflib  # only for a template with a mistake: not in the tray at rest (162)

    close = difflib.get_close_matches(name, sorted(PLACEHOLDERS), n=1)
    return f"${{{name}}} (did you mean ${{{close[0]}}}?)" if close else f"${{{name}}}"


def render_text(text: str, values: dict[str, str]) -> str:
    """Substitute ``values`` line by line.

    A line made only of placeholders that all came out empty disappears (so an absent
    signature leaves no gap), spaces left by an empty placeholder inside a line are closed
    up, and runs of blank lines shrink to one.
    """
    out: list[str] = []
    for line in text.split("\n"):
        template = Template(line)
        names = template.get_identifiers()
        rendered = template.safe_substitute(values).rstrip()
        if names and any(not values.get(name) for name in names):
            if not rendered.strip():
                continue
            indent = line[: len(line) - len(line.lstrip())]  # the template's own, not a gap
            rendered = indent + re.sub(r" {2,}", " ", rendered.lstrip())
        out.append(rendered)
    joined = re.sub(r"\n{3,}", "\n\n", "\n".join(out))
    return joined.strip("\n")


def make_draft(kind: DraftKind, template_text: str, request: DraftRequest) -> Draft:
    """The message of ``kind`` for ``request``, from ``template_text`` (checked first)."""
    template = parse_template(kind, template_text)
    values = values_for(request)
    used = Template(f"{template.subject or ''}\n{template.body}").get_identifiers()
    subject = clean(render_text(template.subject, values)) if template.subject else ""
    interview = request.interview
    return Draft(
        kind=kind,
        subject=subject,
        body=render_text(template.body, values),
        to_name="" if kind.is_spoken else clean(interview.interviewer_name),
        to_email="" if kind.is_spoken else clean(interview.interviewer_email),
        gaps=find_gaps(
            request,
            frozenset(used),
            is_email=not kind.is_spoken,
            expects_follow_on=kind is DraftKind.SECOND_MISS,
        ),
    )
