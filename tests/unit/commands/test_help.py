"""Every command and option says what it is for: the parser's help, walked whole.

The same parser makes the shell completions and the man page, so an option without help
would be a blank line in three places.
"""

from __future__ import annotations

import argparse

import pytest

from crickets.cli import build_parser
from crickets.commands.parser import subcommands
from tests.unit.commands.cli_run import ok

PARSER = build_parser()
COMMANDS = subcommands(PARSER)


def _described(action: argparse.Action) -> bool:
    return bool(action.help) and action.help != argparse.SUPPRESS


def test_every_command_has_a_summary_and_a_description() -> None:
    (listing,) = (a for a in PARSER._actions if isinstance(a, argparse._SubParsersAction))
    summaries = {choice.dest: choice.help for choice in listing._choices_actions}
    assert set(summaries) == set(COMMANDS)
    missing = [name for name, summary in summaries.items() if not summary]
    missing += [f"{name} (description)" for name, sub in COMMANDS.items() if not sub.description]
    assert missing == []


@pytest.mark.parametrize("name", ["crickets", *COMMANDS])
def test_every_option_and_argument_has_help(name: str) -> None:
    parser = PARSER if name == "crickets" else COMMANDS[name]
    bare = [
        "/".join(action.option_strings) or action.dest
        for action in parser._actions
        if not isinstance(action, argparse._SubParsersAction) and not _described(action)
    ]
    assert bare == []


def test_the_top_level_help_says_no_command_starts_the_tray() -> None:
    text = ok("--help")
    assert "Run with no command to start the tray" in " ".join(text.split())
    assert "crickets COMMAND --help" in text
    for name in COMMANDS:
        assert f"    {name} " in text, name


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_help_opens_with_its_description(name: str) -> None:
    text = " ".join(ok(name, "--help").split())
    description = " ".join(str(COMMANDS[name].description).split())
    assert description in text
    assert "--data-dir DIR" in text  # the global option is offered after the command too


def test_the_interview_id_the_company_and_json_are_explained() -> None:
    """The options issue 18 found bare."""
    text = " ".join(ok("edit", "--help").split())
    assert "ID the interview to change (the # in crickets list)" in text
    assert "--company NAME the company you are talking to" in text
    assert "--json print the changed interview as JSON" in text
