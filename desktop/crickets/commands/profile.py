"""``crickets profile [--name NAME] [--email ADDRESS] [--phone NUMBER] [--sign-off TEXT]
[--json]``: who you are, as drafts sign with it (the same profile as Settings).

With no option it shows the profile; with options it changes only those fields, each
checked as ``add`` and ``edit`` check a name, an email or a phone number (bad input exits 2
and saves nothing), and prints the profile as saved. An empty value (``--phone ""``) clears
the field. ``--json`` prints the ``profile`` shape of docs/cli.md.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import asdict, replace

from crickets.commands.context import CliContext, Subparsers, UsageError
from crickets.commands.parser import add_command, add_json_option
from crickets.domain import validation
from crickets.domain.profile import Profile

# option dest -> (the option as typed, the name a person knows the field by, its check);
# the dest is the Profile field.
_FIELDS: dict[str, tuple[str, str, Callable[[str, str], str]]] = {
    "name": ("--name", "your name", validation.single_line),
    "email": ("--email", "your email", validation.email),
    "phone": ("--phone", "your phone", validation.phone),
    "sign_off": ("--sign-off", "your sign-off", validation.single_line),
}
_LABELS = {"name": "Name", "email": "Email", "phone": "Phone", "sign_off": "Sign-off"}


def register(subparsers: Subparsers) -> None:
    profile = add_command(
        subparsers,
        "profile",
        "show or change your name, email, phone and sign-off",
        "Show your profile, or change the fields given; the others stay. Drafts sign with "
        "your name and sign-off and offer your phone and email, as set here or in Settings. "
        'An empty value (--phone "") clears a field.',
    )
    profile.add_argument("--name", metavar="NAME", help='your name, e.g. "Sam Lee"')
    profile.add_argument("--email", metavar="ADDRESS", help="your email address")
    profile.add_argument(
        "--phone", metavar="NUMBER", help="the phone number interviewers usually get"
    )
    profile.add_argument(
        "--sign-off",
        dest="sign_off",
        metavar="TEXT",
        help='the line above your name, e.g. "Best wishes," (empty: "Best regards,")',
    )
    add_json_option(profile, "your profile (as saved, when an option changed it)")
    profile.set_defaults(func=run)


def changes(args: argparse.Namespace) -> dict[str, str]:
    """The fields the options give, each checked; a bad one is a :class:`UsageError`."""
    checked: dict[str, str] = {}
    for field, (option, label, check) in _FIELDS.items():
        value = getattr(args, field)
        if value is None:
            continue
        try:
            checked[field] = check(label, value)
        except validation.FieldError as error:
            raise UsageError(f"{option}: {error.problem}") from None
    return checked


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    changed = changes(args)  # checked before the store is opened: bad input changes nothing
    preferences = ctx.use_cases.preferences
    _settings, profile = preferences.load()
    if changed:
        profile = replace(profile, **changed)
        preferences.save_profile(profile)
    if args.json:
        ctx.print_json(asdict(profile))
        return 0
    if changed:
        ctx.print(f"Saved your {_listed([_LABELS[f].lower() for f in changed])}.")
    _show(ctx, profile)
    return 0


def _show(ctx: CliContext, profile: Profile) -> None:
    width = max(len(label) for label in _LABELS.values())
    shown = {
        "name": profile.name or '(not set: crickets profile --name "…"; drafts leave it out)',
        "email": profile.email or "(not set)",
        "phone": profile.phone or "(not set)",
        "sign_off": profile.sign_off or f"(Crickets' own: {profile.closing})",
    }
    for field, label in _LABELS.items():
        ctx.print(f"{label + ':':<{width + 1}}  {shown[field]}")
    if profile.sign_off and profile.closing != profile.sign_off:
        ctx.print(f"{'':<{width + 1}}  (drafts write it as {profile.closing!r})")


def _listed(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
