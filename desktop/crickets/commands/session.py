"""What the command line needs from an opened data folder, as a Protocol.

The composition root (:mod:`crickets.wiring.session`) builds the real one and
:mod:`crickets.__main__` hands its factory to :func:`crickets.cli.main`; commands never
import it, so they reach the data only through the use cases it offers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from crickets.domain.clock import Clock

if TYPE_CHECKING:  # the use cases load the invitation parser: only when a command runs
    from crickets.application.backups import BackupShelf
    from crickets.application.ports import ZoneSource
    from crickets.application.use_cases import UseCases


class CliSession(Protocol):
    """One data folder. Nothing is opened until ``use_cases`` or ``shelf`` is used."""

    @property
    def use_cases(self) -> UseCases:
        """Every use case over the store, which opens (with its notices) on first use."""
        ...

    @property
    def shelf(self) -> BackupShelf:
        """Snapshots and restore; restore works with a broken store."""
        ...

    @property
    def has_store(self) -> bool:
        """Whether a database exists yet (a dry run creates none)."""
        ...

    @property
    def zones(self) -> ZoneSource:
        """The person's zone where there is no store to read the setting from."""
        ...

    def close(self) -> None: ...


#: ``(data folder, clock, where notices go) -> session``; nothing opens until it is used.
SessionFactory = Callable[[Path, Clock, Callable[[str], None]], CliSession]
