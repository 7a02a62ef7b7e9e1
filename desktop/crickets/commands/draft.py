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
from typing import Any

from crickets.commands.context import CliContext, UsageError
from crickets.domain.draft_context import DraftRequest, Gap, default_interview
from crickets.domain.drafts import Draft, DraftKind, make_draft
from crickets.domain.interview import Interview
from crickets.domain.profile import Profile
from crickets.services.mail import messages as mail
from crickets.services.system_zone import home_zone
from crickets.services.templates import load_template

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


def register(subparsers: Any) -> None:
    kinds = ", ".join(kind.value for kind in DraftKind)
    draft = subparsers.add_parser("draft", help="print or save an email draft or phone script")
    draft.add_argument(
        "kind", metavar="KIND", choices=[k.value for k in DraftKind], help=f"one of: {kinds}"
    )
    draft.add_argument("--id", type=int, help="the interview (default: the current or next)")
    draft.add_argument("--format", choices=FORMATS, default="text")
    draft.add_argument("--out", metavar="FILE", help="write to FILE instead of the screen")
    draft.set_defaults(func=run)


def _interview(args: argparse.Namespace, ctx: CliContext) -> Interview:
    if args.id is not None:
        found = ctx.store.get(args.id)
        if found is None:
            raise UsageError(f"there is no interview #{args.id}; `crickets list` shows them all")
        return found
    chosen = default_interview(ctx.store.list(), ctx.clock.now())
    if chosen is None:
        raise UsageError('no interviews yet; add one first: crickets add --at "Tue 2pm"')
    return chosen


def build_draft(kind: DraftKind, interview: Interview, ctx: CliContext) -> tuple[Draft, Profile]:
    store = ctx.store
    settings, profile = store.load_settings(), store.load_profile()
    template = load_template(kind, store)
    if template.problem:
        ctx.warn(f"your own {kind.value} template was set aside: {template.problem}")
    request = DraftRequest(
        interview, profile, settings, ctx.clock.now(), home_zone(settings.home_zone), store.list()
    )
    return make_draft(kind, template.text, request), profile


def _note(gap: Gap, interview: Interview) -> str:
    fix = _FIXES.get(gap.field)
    return f"note: {gap.problem} ({fix.format(id=interview.id)})" if fix else f"note: {gap.text}"


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    kind = DraftKind(args.kind)
    if kind.is_spoken and args.format != "text":
        raise UsageError(f"{kind.value} is a script to say on the phone; use --format text")
    interview = _interview(args, ctx)
    draft, profile = build_draft(kind, interview, ctx)
    for gap in draft.gaps:
        ctx.warn(_note(gap, interview))
    message = mail.Message(
        draft.subject, draft.body, draft.to_name, draft.to_email, profile.name, profile.email
    )
    if args.format == "eml":
        return _emit(args, ctx, mail.eml_bytes(message), "the draft (it opens in your mail app)")
    if args.format == "mailto":
        link = mail.mailto_link(message)
        lines = [] if link.body_included else [_TOO_LONG.format(kind=kind.value)]
        return _emit(args, ctx, "\n".join([*lines, link.url, ""]).encode(), "the mail link")
    return _emit(args, ctx, (draft.text + "\n").encode("utf-8"), "the draft")


_TOO_LONG = (
    "The message is too long for a mail link, so the link holds the recipient and subject; "
    "paste the body from: crickets draft {kind}"
)


def _emit(args: argparse.Namespace, ctx: CliContext, data: bytes, what: str) -> int:
    ctx.emit_bytes(data, args.out, f"Saved {what} to {args.out}")
    return 0
