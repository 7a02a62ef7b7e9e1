"""``crickets draft KIND [--id ID] [--format text|mailto|eml] [--out FILE]``.

- ``text`` (default): what the drafts window's Copy button copies: ``Subject: …``, a blank
  line, the body (a spoken script is the body alone).
- ``mailto``: the ``mailto:`` link alone on the last line; when the whole draft would be
  too long for one, a line before it says so and the link carries recipient and subject.
- ``eml``: with ``--out FILE`` the draft file is written atomically there; without it the
  message's bytes go to standard output (``crickets draft follow-up --format eml > x.eml``).

Without ``--id`` the draft is for the interview under way, else the next one, else the
latest. What the draft lacks (no recipient, no name …) is noted on standard error.
"""

from __future__ import annotations

import argparse

from crickets.application.drafting import ComposedDraft, eml_bytes, mailto_link
from crickets.commands.context import CliContext, Subparsers, UsageError
from crickets.commands.parser import add_command
from crickets.domain.draft_context import Gap
from crickets.domain.drafts import DraftKind
from crickets.domain.interview import Interview

FORMATS = ("text", "mailto", "eml")
# Gap field -> how to fill it from the command line (``{id}`` is the interview's id).
_FIXES = {
    "interviewer_email": "crickets edit {id} --email ADDRESS",
    "interviewer_name": "crickets edit {id} --contact NAME",
    "interviewer_phone": "crickets edit {id} --phone NUMBER",
    "my_phone": "crickets edit {id} --my-phone NUMBER",
    "meeting_link": "crickets edit {id} --link URL",
    "company": "crickets edit {id} --company NAME",
}


def register(subparsers: Subparsers) -> None:
    kinds = ", ".join(kind.value for kind in DraftKind)
    draft = add_command(
        subparsers,
        "draft",
        "print or save an email draft or phone script",
        "Print an email draft or a phone script for an interview, as the drafts window "
        "would copy it, or save it as a file for your mail app. Crickets never sends mail. "
        "What the draft lacks is noted on stderr with the command that adds it.",
    )
    draft.add_argument(
        "kind", metavar="KIND", choices=[k.value for k in DraftKind], help=f"one of: {kinds}"
    )
    draft.add_argument(
        "--id", type=int, metavar="ID", help="the interview (default: the current or next)"
    )
    draft.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text: subject and body (default); mailto: a link for your mail app; "
        "eml: a draft file",
    )
    draft.add_argument("--out", metavar="FILE", help="write to FILE instead of the screen")
    draft.set_defaults(func=run)


def compose(kind: DraftKind, args: argparse.Namespace, ctx: CliContext) -> ComposedDraft:
    """The draft for ``--id`` (else the current, next or latest interview); the person's
    own template, when it was set aside, is said on stderr as the drafts window says it."""
    drafting = ctx.use_cases.drafting
    composed = drafting.compose(kind, drafting.interview_for(args.id))
    if composed.template_note:
        ctx.warn(composed.template_note)
    return composed


def _note(gap: Gap, interview: Interview) -> str:
    fix = _FIXES.get(gap.field)
    return f"note: {gap.problem} ({fix.format(id=interview.id)})" if fix else f"note: {gap.text}"


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    kind = DraftKind(args.kind)
    if kind.is_spoken and args.format != "text":
        raise UsageError(f"{kind.value} is a script to say on the phone; use --format text")
    composed = compose(kind, args, ctx)
    for gap in composed.gaps:
        ctx.warn(_note(gap, composed.interview))
    message = composed.message()
    if args.format == "eml":
        return _emit(args, ctx, eml_bytes(message), "the draft (it opens in your mail app)")
    if args.format == "mailto":
        link = mailto_link(message)
        lines = [] if link.body_included else [_TOO_LONG.format(kind=kind.value)]
        return _emit(args, ctx, "\n".join([*lines, link.url, ""]).encode(), "the mail link")
    return _emit(args, ctx, (composed.draft.text + "\n").encode("utf-8"), "the draft")


_TOO_LONG = (
    "The message is too long for a mail link, so the link holds the recipient and subject; "
    "paste the body from: crickets draft {kind}"
)


def _emit(args: argparse.Namespace, ctx: CliContext, data: bytes, what: str) -> int:
    ctx.emit_bytes(data, args.out, f"Saved {what} to {args.out}")
    return 0
