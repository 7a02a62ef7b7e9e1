"""Shell completions (bash, zsh, fish) and the man page, generated from the parser.

    python -m crickets.commands.shell_files OUT        (``make completions``: OUT=build/share)

The files are written in the layout of a prefix's ``share/`` folder, so that
packaging/linux/install.sh and the bundle (packaging/pyinstaller/crickets.spec) copy the
tree as it is::

    OUT/bash-completion/completions/crickets
    OUT/zsh/site-functions/_crickets
    OUT/fish/vendor_completions.d/crickets.fish
    OUT/man/man1/crickets.1

Generated, never written by hand, so they cannot drift from the commands. shtab and
argparse-manpage are build tools (the ``dev`` and ``package`` extras): they are imported
only here, only when this runs, never when Crickets does.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from crickets import __version__
from crickets.commands.exit_codes import ExitCode
from crickets.commands.parser import build_parser, subcommands

COMPLETIONS = {
    "bash": Path("bash-completion/completions/crickets"),
    "zsh": Path("zsh/site-functions/_crickets"),
    "fish": Path("fish/vendor_completions.d/crickets.fish"),
}
MAN_PAGE = Path("man/man1/crickets.1")
#: The attribute shtab reads on an argparse action for what to complete there.
SHTAB_COMPLETE = "complete"
_FILE_METAVARS = ("FILE", "FILE.ics")
_EXIT_MEANINGS = {
    ExitCode.OK: "done",
    ExitCode.NOT_FOUND: "nothing found: a cancellation for an interview never imported",
    ExitCode.USAGE: "bad input or a refused request; one line on stderr, nothing changed",
    ExitCode.INTERNAL: "an internal error (a bug); the details are in crickets.log",
    ExitCode.INTERRUPTED: "interrupted (Ctrl+C)",
}
_EXAMPLES = {
    "crickets": "start the tray (a second start brings the running one forward)",
    "crickets invite.ics": "open an invitation in the tray, as a file manager does",
    'crickets add --at "tomorrow 2pm" --tz America/New_York --company Acme': "add one",
    "crickets list --data-dir /tmp/try": "--data-dir may come before or after the command",
    "crickets status --json": "each interview's phase, for a script",
}
SEE_ALSO = "docs/cli.md in the Crickets sources: the exit statuses and every --json shape."
_ENVIRONMENT = {
    "CRICKETS_DATA_DIR": "the data folder, when --data-dir is not given",
    "CRICKETS_CLOCK": "an ISO 8601 instant that freezes the clock (tests, bug reports)",
    "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring keeps the key in a file instead",
}


def write_all(out: Path) -> list[Path]:
    """Every completion script and the man page under ``out``; the paths written."""
    texts = {rel: completion(shell) for shell, rel in COMPLETIONS.items()}
    texts[MAN_PAGE] = man_page()
    for rel, text in texts.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    return [out / rel for rel in texts]


def completion(shell: str) -> str:
    """The completion script for ``shell`` (bash, zsh or fish)."""
    import shtab

    parser = build_parser()
    for each in (parser, *subcommands(parser).values()):
        for action in each._actions:  # where a path is expected, the shell offers paths
            if action.metavar in _FILE_METAVARS:
                setattr(action, SHTAB_COMPLETE, shtab.FILE)
            elif action.metavar == "DIR":
                setattr(action, SHTAB_COMPLETE, shtab.DIRECTORY)
    return shtab.complete(parser, shell=shell)


def man_page() -> str:
    """crickets(1): every command and option as ``--help`` gives them, then examples, the
    exit statuses and the environment."""
    parser = build_parser()
    parser.epilog = None  # laid out for a terminal; its content has sections of its own
    # argparse-manpage has no type information; reached as a module, it is typed Any.
    manpage = importlib.import_module("argparse_manpage.manpage")
    page = manpage.Manpage(parser)
    page.source = f"crickets {__version__}"
    page.manual = "Crickets"
    page.description = "a tray countdown for phone and video interviews"
    exits = [(str(int(code)), meaning) for code, meaning in _EXIT_MEANINGS.items()]
    page.add_section("examples", ">", _tagged(_EXAMPLES.items()))
    page.add_section("exit status", ">", _tagged(exits))
    page.add_section("environment", ">", _tagged(_ENVIRONMENT.items()))
    page.add_section("see also", ">", _roff(SEE_ALSO))
    return str(page)


def _tagged(entries: Iterable[tuple[str, str]]) -> str:
    """A roff list: one ``.TP`` paragraph per entry, the tag in bold."""
    return "\n".join(f".TP\n\\fB{_roff(tag)}\\fR\n{_roff(text)}" for tag, text in entries)


def _roff(text: str) -> str:
    """Plain text for roff: a backslash is an escape and "-" a hyphen, not a minus."""
    return text.replace("\\", "\\\\").replace("-", "\\-")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: python -m crickets.commands.shell_files OUT", file=sys.stderr)
        return ExitCode.USAGE
    for path in write_all(Path(args[0])):
        print(path)
    return ExitCode.OK


if __name__ == "__main__":
    sys.exit(main())
