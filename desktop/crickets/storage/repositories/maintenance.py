"""Integrity checks, resealing and the content fingerprint: the store looking after itself.

None of this is a person's action. :mod:`crickets.storage.opening` checks a file with
:meth:`Maintenance.quick_check` before trusting it, counts sealed and plain rows to know
whether a key is needed now, and reseals rows an earlier version wrote in clear;
:mod:`crickets.storage.backups` asks whether there is anything worth a snapshot and
whether it changed since the last one (:meth:`Maintenance.fingerprint`).

It reads every table with a sealed column (``SEALED_COLUMNS``) or user data
(``USER_TABLES``) generically, so a new table is covered by listing it in
:mod:`crickets.storage.connection`, not by changing this module.
"""

from __future__ import annotations

import sqlite3

from crickets.digest import sha256
from crickets.storage.codec import SEALED_FORMAT_VERSION, SEALED_NONCE_BYTES, FieldCodec, is_sealed
from crickets.storage.connection import SEALED_COLUMNS, USER_TABLES, blob_bytes
from crickets.storage.database import Database


class Maintenance:
    """Checks and upkeep over every table of one database."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def quick_check(self) -> tuple[str, ...]:
        """SQLite's ``quick_check``: ``()`` when the file is sound, else its complaints."""
        try:
            found = tuple(str(row[0]) for row in self._db.conn.execute("PRAGMA quick_check"))
        except sqlite3.DatabaseError as error:
            return (str(error),)
        return () if found == ("ok",) else found

    def has_user_data(self) -> bool:
        """Whether anything the person entered is stored (interviews, log, profile, ...)."""
        return any(
            self._db.conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone()  # noqa: S608
            for table in USER_TABLES
        )

    def sealed_row_count(self) -> int:
        """How many rows hold a blob sealed with a key (legacy plain rows do not count)."""
        return self._count_blobs(sealed=True)

    def plain_row_count(self) -> int:
        """Rows written unencrypted by an earlier version (or with :class:`PlainCodec`)."""
        return self._count_blobs(sealed=False)

    def _count_blobs(self, *, sealed: bool) -> int:
        count = 0
        for table, _id, blob in SEALED_COLUMNS:
            # codec.is_sealed in SQL: a blob starting with the version byte, longer than
            # the version and the nonce; anything else non-empty is a plain (legacy) row.
            is_sealed_sql = (
                f"typeof({blob}) = 'blob' AND length({blob}) > {1 + SEALED_NONCE_BYTES} "
                f"AND substr({blob}, 1, 1) = x'{SEALED_FORMAT_VERSION:02x}'"
            )
            where = is_sealed_sql if sealed else f"length({blob}) > 0 AND NOT ({is_sealed_sql})"
            query = f"SELECT count(*) FROM {table} WHERE {where}"  # noqa: S608
            count += int(self._db.conn.execute(query).fetchone()[0])
        return count

    def reseal_plain_rows(self, plain: FieldCodec) -> int:
        """Seal with this store's codec every row ``plain`` can open (legacy unencrypted
        rows), in one transaction; then purge the old bytes from the WAL and free pages."""
        done = 0
        with self._db.write() as conn:
            for table, id_column, blob in SEALED_COLUMNS:
                found = conn.execute(f"SELECT {id_column}, {blob} FROM {table}").fetchall()  # noqa: S608
                for row_id, value in found:
                    raw = blob_bytes(value)
                    if not raw or is_sealed(raw):
                        continue
                    try:
                        fields = plain.open(raw, table=table, row_id=int(row_id))
                    except ValueError:  # damaged: left as it is, and named as unreadable
                        continue
                    if table == "interviews":
                        (column,) = conn.execute(
                            "SELECT ics_uid FROM interviews WHERE id = ?", (row_id,)
                        ).fetchone()
                        fields.setdefault("ics_uid", str(column))
                        conn.execute(
                            "UPDATE interviews SET ics_uid = ? WHERE id = ?",
                            (self._db.codec.lookup_token(str(fields["ics_uid"])), row_id),
                        )
                    sealed = self._db.codec.seal(fields, table=table, row_id=int(row_id))
                    conn.execute(
                        f"UPDATE {table} SET {blob} = ? WHERE {id_column} = ?",  # noqa: S608
                        (sealed, row_id),
                    )
                    done += 1
        if done:
            self.purge_old_pages()
        return done

    def purge_old_pages(self) -> None:
        """Rewrite the file and empty the WAL, so replaced bytes are gone from the disk."""
        try:
            self._db.conn.execute("VACUUM")
            self._db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.OperationalError:
            pass  # busy: another process has it open; the bytes go at its next checkpoint

    def fingerprint(self) -> str:
        """A digest of everything the person entered (not app state), to tell whether the
        content changed since the last backup."""
        digest = sha256()  # not hashlib's: it would map OpenSSL into the tray at rest (162)
        for table in USER_TABLES:
            digest.update(table.encode())
            for row in self._db.conn.execute(f"SELECT * FROM {table} ORDER BY 1"):  # noqa: S608
                digest.update(repr(tuple(row)).encode())
        return digest.hexdigest()
