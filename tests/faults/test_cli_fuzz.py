"""Whatever is typed into any field, ``crickets`` answers 0, 1 or 2, never "internal error".

Hypothesis builds command lines from every command's options and arguments, with values
that are ordinary (times, zones, ids), absurd (twenty digits, 300 characters, ``1e400``,
``nan``, a path where a zone goes) or hostile (control characters, escape sequences,
lone surrogates, direction overrides), and runs each in this process through
``cli.main`` over a real data folder holding one interview, with a fixed clock. Output
streams encode strictly, as a terminal's do, so text that cannot be printed fails too.

The budget is fixed (``MAX_EXAMPLES``, no deadline, the same examples on every run:
``derandomize``) so the test takes a few seconds and ``make test`` stays repeatable; every
``--out`` name stays inside the test's own folder, which is also the working directory.
The absurd values that once crashed a command have tests of their own, with their
messages: tests/unit/commands/test_absurd_input.py.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crickets.domain.settings import Settings
from tests.unit.commands.cli_run import ICS
from tests.unit.commands.in_process import run, with_settings

MAX_EXAMPLES = 400

#: Values a person might type, or get wrong in the usual ways.
ORDINARY = (
    "1",
    "2",
    "2026-12-01 14:00",
    "tomorrow 2pm",
    "Tue 1 Dec 2pm",
    "04/05",
    "2027-11-07 01:30",
    "midnight Friday",
    "2026-12-01T19:06:00Z",
    "EST",
    "IST",
    "GMT",
    "Europe/London",
    "America/New_York",
    "Acme",
    "jane@acme.example",
    "+1 415 555 0100",
    "https://zoom.us/j/1",
    "30",
)
#: Values no field should take, each once a crash.
ABSURD = (
    "",
    " ",
    "0",
    "-1",
    "9" * 20,
    str(2**63),
    str(-(2**63) - 1),
    "9" * 5000,
    "1e400",
    "-1e400",
    "nan",
    "inf",
    "A" * 300,
    "../../../etc/passwd",
    "/dev/null",
    "0001-01-01T00:00:00+01:00",
    "9999-12-31T23:59:59-01:00",
    "9999-12-31 23:59",
    "0001-01-01 00:00",
    "2026-02-30 10:00",
    "25:61",
    "\x1b[2J\x1b]0;title\x07",
    "Acme\r\nSubject: forged",
    "\u202eevil",
    "\ud800",
    "\x00",
    "%s%n{0}${x}",
    "javascript:alert(1)",
)
HOSTILE_CHARS = st.characters(categories=["Cc", "Cs", "Cf", "Zl", "Zp"])
VALUES = st.one_of(
    st.sampled_from(ORDINARY),
    st.sampled_from(ABSURD),
    st.text(max_size=40),
    st.text(alphabet=st.one_of(HOSTILE_CHARS, st.characters()), max_size=40),
)
#: Where a time goes (--at): instants at datetime's edges, with offsets that push them over.
TIMES = st.one_of(
    st.sampled_from(
        (
            "0001-01-01T00:00:00+01:00",
            "9999-12-31T23:59:59-01:00",
            "0001-01-01 00:00",
            "9999-12-31 23:59",
            "2026-13-01 10:00",
            "2026-12-01T25:00Z",
        )
    ),
    st.datetimes().map(lambda d: d.isoformat()),
    st.builds(
        lambda d, h: f"{d.isoformat()}{'+' if h >= 0 else '-'}{abs(h):02d}:00",
        st.datetimes(),
        st.integers(-23, 23),
    ),
    VALUES,
)
#: Where a number goes (an id, --pick, --fold): numbers of every size first.
NUMBERS = st.one_of(
    st.sampled_from(("0", "-1", "9" * 20, str(2**63), str(2**63 - 1), "9" * 5000, "1.5")),
    st.integers().map(str),
    VALUES,
)

TEXT_OPTIONS = ("--company", "--role", "--contact", "--email", "--phone", "--link", "--notes")
INTERVIEW_OPTIONS = (
    "--at",
    "--tz",
    "--fold",
    "--duration",
    "--direction",
    "--my-phone",
    *TEXT_OPTIONS,
)
FLAGS = {
    "add": ("--past", "--json", "--day-first", "--month-first"),
    "edit": ("--past", "--json", "--day-first", "--month-first"),
    "list": ("--json",),
    "show": ("--json",),
    "status": ("--json", "--all"),
    "draft": ("--json",),
    "import": ("--dry-run", "--json", "--yes", "--day-first", "--month-first"),
    "backups": ("--json",),
}
VALUED = {
    "add": INTERVIEW_OPTIONS,
    "edit": INTERVIEW_OPTIONS,
    "status": ("--at",),
    "draft": ("--id", "--format", "--out"),
    "import": ("--pick", "--at", "--tz", "--fold"),
    "export-ics": ("--out",),
    "export": ("--out",),
}
#: Commands and their positional arguments: "ID", "KIND" or "FILE".
POSITIONAL = {
    "add": (),
    "edit": ("ID",),
    "list": (),
    "show": ("ID",),
    "delete": ("ID",),
    "status": (),
    "draft": ("KIND",),
    "import": ("FILE",),
    "export-ics": ("ID",),
    "export": (),
    "restore": ("FILE",),
    "backups": (),
}
KINDS = ("confirmation", "follow-up", "reschedule", "nudge", "voicemail", "thank-you")


def _prepare(base: Path) -> Path:
    """A data folder with one interview, an export to restore, and odd things to write to:
    a named pipe, a link, a read-only file and a folder (``--out`` must refuse them)."""
    data = base / "data"
    with_settings(data, Settings(home_zone="Europe/London"))
    added = run(data, "add", "--at", "2026-12-01 14:00", "--tz", "America/New_York")
    assert added.code == 0, added.err
    (base / "export.json").write_text(run(data, "export").out, encoding="utf-8")
    os.mkfifo(base / "pipe")
    (base / "link").symlink_to(base / "export.json")
    (base / "read-only").write_text("keep", encoding="utf-8")
    (base / "read-only").chmod(0o444)
    (base / "folder").mkdir()
    return data


def _file_values(base: Path) -> st.SearchStrategy[str]:
    """Files to read: the fixture invitations, the export, odd and missing names."""
    invitations = sorted(str(p) for p in ICS.glob("*.ics"))
    known = [*invitations, str(base / "export.json"), str(base / "folder"), "/dev/null"]
    known += ["a\x00b.ics", "\ud800.ics", str(base / "missing.ics")]  # no file has these
    return st.one_of(st.sampled_from(known), VALUES.filter(lambda v: not v.startswith("-")))


def _out_values(base: Path) -> st.SearchStrategy[str]:
    """``--out`` names, all inside ``base``: new, existing, odd, in a missing folder."""
    odd = ["pipe", "link", "read-only", "folder", "missing/x.eml", "new.eml", ""]
    names = st.one_of(
        st.sampled_from(odd),
        st.text(max_size=30).filter(lambda n: "/" not in n and n not in (".", "..")),
    )
    return names.map(lambda name: str(base / name) if name else "")


@st.composite
def _invocations(draw: st.DrawFn, base: Path) -> list[str]:
    command = draw(st.sampled_from(sorted(POSITIONAL)))
    argv = [command]
    for positional in POSITIONAL[command]:
        if positional == "KIND":
            argv.append(draw(st.sampled_from(KINDS)))
        elif positional == "FILE":
            argv.append(draw(_file_values(base)))
        else:
            argv.append(draw(NUMBERS.filter(lambda v: not v.startswith("-"))))
    for option in draw(st.lists(st.sampled_from(VALUED.get(command, ("--json",))), max_size=4)):
        if option == "--out":
            value = draw(_out_values(base))
        elif option in ("--id", "--pick", "--fold"):
            value = draw(NUMBERS)
        elif option == "--at":
            value = draw(TIMES)
        else:
            value = draw(VALUES)
        argv.append(f"{option}={value}")  # "=" keeps a value that starts with "-" a value
    argv += draw(st.lists(st.sampled_from(FLAGS.get(command, ("--help",))), max_size=2))
    return [a for a in argv if a != "--help"]


def _check(argv: Sequence[str], data: Path) -> None:
    ran = run(data, *argv)
    assert ran.code in (0, 1, 2), (argv, ran)
    assert "internal error" not in ran.err, (argv, ran.err)
    assert "Traceback" not in ran.err, (argv, ran.err)
    if ran.code == 2:
        assert ran.err_lines and ran.err_lines[-1].startswith("crickets: "), (argv, ran.err)
    if ran.code == 0 and "--json" in argv and command_prints_json(argv):
        json.loads(ran.out)


def command_prints_json(argv: Sequence[str]) -> bool:
    """``--json`` output goes to the screen unless ``--out`` took it."""
    return not any(a.startswith("--out=") for a in argv)


def test_no_value_in_any_field_ends_in_an_internal_error(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    base = tmp_path_factory.mktemp("fuzz")
    data = _prepare(base)

    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(argv=_invocations(base))
    def check(argv: list[str]) -> None:
        _check(argv, data)

    with contextlib.chdir(base):  # a relative --out name lands in the test's folder
        check()
