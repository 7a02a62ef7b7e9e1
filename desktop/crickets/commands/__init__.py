"""One module per group of ``crickets`` subcommands; each exposes ``register(subparsers)``.

A command's handler is ``run(args, ctx) -> int`` and reaches the data only through
``ctx.use_cases`` and ``ctx.session`` (crickets.application). Bad input raises
:class:`UsageError`; a use case's ``Refused`` and a store's ``StoreError`` end the same
way (exit 2, one line on stderr, nothing changed).

Beside the command modules: ``parser`` (the tree and the options every command takes),
``exit_codes``, ``table`` (columns by display width), ``past`` and ``questions`` (how a
refused time names its way out), and ``shell_files`` (completions and the man page,
generated from the parser at build time). docs/cli.md is the reference.
"""

COMMAND_MODULES = ("interviews", "status", "backup", "draft", "storage_cmds", "ics")
