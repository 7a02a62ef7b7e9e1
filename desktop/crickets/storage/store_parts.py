"""What the store's parts share: the connection, the codec and the write transaction.

:class:`~crickets.storage.store.Store` is assembled from :class:`StoreParts` subclasses
(interviews and settings in ``store``, the action log and invitations in ``records``,
integrity and snapshots in ``maintenance``); this base only declares what they all use.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path

from crickets.domain.interview import Interview
from crickets.storage.codec import FieldCodec


class StoreParts:
    _conn: sqlite3.Connection
    _codec: FieldCodec
    path: Path

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def _interview(self, row: sqlite3.Row) -> Interview:
        raise NotImplementedError
