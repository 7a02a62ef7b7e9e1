"""Every ``--json`` output has exactly the keys and types docs/cli.md documents.

One data folder is filled once (an interview typed in, an invitation imported, a log entry
and a profile brought in by a restore) so that every shape, nested ones too, is seen with
content; then each documented command runs against it and its output is checked key by
key against the tables in docs/cli.md (tests/unit/commands/cli_doc.py reads them).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crickets.cli import build_parser
from crickets.commands.parser import subcommands
from tests.unit.commands import cli_doc
from tests.unit.commands.cli_run import ICS, ok

#: The documented command -> the arguments that make it print (after --data-dir DIR).
RUNS = {
    "crickets add --json": ["add", "--at", "2026-12-03 10:00", "--company", "Initech", "--json"],
    "crickets edit --json": ["edit", "1", "--role", "Data analyst", "--json"],
    "crickets show --json": ["show", "1", "--json"],
    "crickets list --json": ["list", "--json"],
    "crickets status --json": ["status", "--json", "--all"],
    "crickets backups --json": ["backups", "--now", "--json"],
    "crickets import --dry-run --json": [
        "import",
        str(ICS / "google_request.ics"),
        "--dry-run",
        "--json",
    ],
    "crickets import --json": ["import", str(ICS / "outlook_request.ics"), "--json"],
    "crickets export": ["export"],
    "crickets draft --json": ["draft", "reschedule", "--id", "1", "--json"],
    "crickets profile --json": ["profile", "--json"],
    "crickets profile --name NAME --json": ["profile", "--name", "Sam Lee", "--json"],
}
SHAPES = cli_doc.shapes()


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("contract")
    at = ("--data-dir", str(folder))
    ok(*at, "add", "--at", "2026-12-01 14:00", "--tz", "America/New_York", "--company", "Acme")
    ok(*at, "import", str(ICS / "google_request.ics"))
    export = json.loads(ok(*at, "export"))
    export["profile"] = {"name": "Sam Lee", "email": "sam@example.com", "phone": "+44 20 7946 0000"}
    action = {"interview_id": 1, "at": "2026-11-25T12:00:00+00:00", "kind": "note", "detail": "hi"}
    export["actions"] = [action]
    restored = folder / "restored.json"
    restored.write_text(json.dumps(export), encoding="utf-8")
    ok(*at, "restore", str(restored))
    return folder


def test_the_runs_are_the_documented_outputs() -> None:
    assert set(RUNS) == set(cli_doc.json_outputs())


def test_every_command_with_a_json_option_is_documented() -> None:
    documented = {words.split()[1] for words in cli_doc.json_outputs()}
    with_json = {
        name
        for name, parser in subcommands(build_parser()).items()
        if any("--json" in action.option_strings for action in parser._actions)
    }
    assert with_json <= documented


def test_every_documented_type_names_a_known_shape() -> None:
    expressions = [*cli_doc.json_outputs().values()]
    expressions += [t for shape in SHAPES.values() for t in shape.keys.values()]
    named = {word.strip("`") for e in expressions for word in e.split() if word.startswith("`")}
    assert named <= set(SHAPES)
    assert {shape.base for shape in SHAPES.values() if shape.base} <= set(SHAPES)


@pytest.mark.parametrize("command", sorted(RUNS))
def test_the_output_has_the_documented_keys_and_types(data: Path, command: str) -> None:
    printed = json.loads(ok("--data-dir", str(data), *RUNS[command]))
    expression = cli_doc.json_outputs()[command]
    assert cli_doc.problems(printed, expression, command, SHAPES) == []


def test_the_checker_finds_a_missing_key_and_a_wrong_type() -> None:
    """The contract test can fail: an undocumented key, a missing one, a wrong type."""
    plan = {"outcome": "added", "message": "Adds it."}
    assert cli_doc.problems(plan, "`plan`", "x", SHAPES) == []
    assert cli_doc.problems({**plan, "new": 1}, "`plan`", "x", SHAPES) == [
        "x (plan): undocumented keys ['new'], missing keys []"
    ]
    assert cli_doc.problems({"outcome": 1, "message": ""}, "`plan`", "x", SHAPES) == [
        "x.outcome: 1 is not string"
    ]
    assert cli_doc.problems(True, "integer", "x", SHAPES) == ["x: True is not integer"]
    assert cli_doc.problems([1, None], "array of integer or null", "x", SHAPES) != []
