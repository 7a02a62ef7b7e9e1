"""The exit statuses of ``crickets``: a contract scripts rely on (docs/cli.md lists them,
and a test keeps that list and this one the same)."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    OK = 0
    #: A request that found nothing to act on: ``import`` of a cancellation for an
    #: interview that was never imported.
    NOT_FOUND = 1
    #: Bad input, a refused request or a store that cannot be used: one line on stderr,
    #: nothing changed.
    USAGE = 2
    #: A bug: one line on stderr, the traceback in crickets.log.
    INTERNAL = 3
    #: Ctrl+C (128 + SIGINT, as shells report it).
    INTERRUPTED = 130
