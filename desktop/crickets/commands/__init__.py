"""One module per group of ``crickets`` subcommands; each exposes ``register(subparsers)``.

A command's handler is ``run(args, ctx) -> int``. Bad input raises :class:`UsageError`
(exit 2, one line on stderr, nothing changed).
"""

COMMAND_MODULES = ("interviews", "status", "backup", "draft", "storage_cmds", "ics")
