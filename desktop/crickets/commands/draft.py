"""``crickets draft KIND [--id ID] [--format text|mailto|eml | --json] [--out FILE]``.

- ``text`` (default): what the drafts window's Copy button copies: ``Subject: …``, a blank
  line, the body (a spoken script is the body alone).
- ``mailto``: the ``mailto:`` link alone on the last line; when the whole draft would be
  too long for one, a line before it says so and the link carries recipient and subject.
- ``eml``: with ``--out FILE`` the draft file is written atomically there; without it the
  message's bytes go to standard output (``crickets draft follow-up --format eml > x.eml``).
- ``--json``: the draft as data (:mod:`.draft_json`), proposed times included; what the
  draft lacks is in it too, rather than on standard error.

Without ``--id`` the draft is for the interview under way, else the next one, else the
latest. What the draft lacks (no recipient, no name …) is noted on standard error.
"""

from __future__ import annotations

import argparse

from crickets.commands.context import CliContext, Subparsers, UsageError
from crickets.commands.draft_json import draft_document, fix_command
from crickets.commands.parser import add_command, add_json_option, interview_id
from crickets.domain.draft_context import Gap
from crickets.domain.drafts import DraftKind
from crickets.domain.interview import Interview

FORMATS = ("text", "mailto", "eml")


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
        "--id", type=interview_id, metavar="ID", help="the interview (default: the current or next)"
    )
    draft.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text: subject and body (default); mailto: a link for your mail app; "
        "eml: a draft file",
    )
    draft.add_argument("--out", metavar="FILE", help="write to FILE instead of the screen")
    add_json_option(draft, "the draft, its recipient, what it lacks and any proposed times")
    draft.set_defaults(func=run)


def _note(gap: Gap, interview: Interview) -> str:
    fix = fix_command(gap, interview)
    return f"note: {gap.problem} ({fix})" if fix else f"note: {gap.text}"


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    kind = DraftKind(args.kind)
    if args.json and args.format != "text":
        raise UsageError("--json prints the draft as data; leave out --format, or --json")
    if kind.is_spoken and args.format != "text":
        raise UsageError(f"{kind.value} is a script to say on the phone; use --format text")
    use_cases = ctx.use_cases
    composed = use_cases.drafting.compose(kind, use_cases.drafting.interview_for(args.id))
    if args.json:
        lists_times = use_cases.drafting.proposes_times(kind)
        plan = use_cases.rescheduling.plan(composed.interview) if lists_times else None
        data = ctx.json_text(draft_document(composed, plan)) + "\n"
        return _emit(args, ctx, data.encode("utf-8"), "the draft as JSON")
    if composed.template_note:  # the person's own wording set aside, as the window says it
        ctx.warn(composed.template_note)
    for gap in composed.gaps:
        ctx.warn(_note(gap, composed.interview))
    message = composed.message()
    from crickets.application.drafting import eml_bytes, mailto_link  # email: only here

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
