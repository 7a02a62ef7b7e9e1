"""One module per group of ``crickets`` subcommands; each exposes ``register(subparsers)``.

A command's handler is ``run(args, ctx) -> int`` and reaches the data only through
``ctx.use_cases`` and ``ctx.session`` (crickets.application). Bad input raises
:class:`UsageError`; a use case's ``Refused`` and a store's ``StoreError`` end the same
way (exit 2, one line on stderr, nothing changed).

Beside the command modules: ``parser`` (the tree, the options every command takes, the
interview id), ``exit_codes``, ``usage`` (the bad-input error), ``table`` (columns by
display width), ``terminal`` (what is printed is escaped, never obeyed), ``clock_format``
(12 or 24 hours), ``when`` (``--at`` and ``--tz``), ``past`` and ``questions`` (how a
refused time names its way out), ``out_file`` and ``file_args`` (which names ``--out`` and
the file arguments accept), ``listing`` and ``draft_json`` (what list, show and
``draft --json`` print), and ``shell_files`` (completions and the man page, generated from
the parser at build time). docs/cli.md is the reference.
"""

COMMAND_MODULES = (
    "interviews",
    "status",
    "backup",
    "draft",
    "profile",
    "storage_cmds",
    "ics",
)

#: Which module registers each command, so a command line loads only its own command's
#: module (``parser.modules_for``); tests/unit/test_light_start.py keeps it whole.
COMMANDS = {
    "add": "interviews",
    "edit": "interviews",
    "list": "interviews",
    "show": "interviews",
    "delete": "interviews",
    "status": "status",
    "export": "backup",
    "restore": "backup",
    "draft": "draft",
    "profile": "profile",
    "backups": "storage_cmds",
    "import": "ics",
    "export-ics": "ics",
}
