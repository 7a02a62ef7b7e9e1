"""``crickets restore FILE``: bring back a snapshot or a JSON export, even when the main
database is broken.

The source is read and checked completely before anything changes (a snapshot is copied to
a temporary folder, migrated there if older, decrypted with its own key). Then the current
database is opened through :func:`~crickets.storage.opening.open_store`; if it cannot be used
(empty where there was data, key gone or not fitting, a newer schema) it is set aside
(renamed, never deleted) and a fresh one is made. What the person had is snapshotted first
(``before-restore``), then replaced in one transaction: a crash leaves the old or the new.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from crickets.domain.actions import Action
from crickets.domain.clock import Clock
from crickets.domain.interview import Interview
from crickets.domain.portable import PortableError, read_actions, read_document
from crickets.domain.profile import Profile
from crickets.domain.settings import Settings
from crickets.paths import database_path
from crickets.storage import backups
from crickets.storage.codec import FieldCodec, PlainCodec
from crickets.storage.crypto import SealingCodec
from crickets.storage.errors import (
    DataMissing,
    KeyMismatch,
    KeyMissing,
    SchemaTooNew,
    StorageError,
    StoreReadOnly,
)
from crickets.storage.identity import KEY_CHECK_STATE, STORE_ID_STATE
from crickets.storage.keychain import Keychain, obtain_key
from crickets.storage.opening import open_store
from crickets.storage.recovery import set_aside
from crickets.storage.store import Store

MAX_EXPORT_BYTES = 50 * 1024 * 1024
SQLITE_HEADER = b"SQLite format 3\x00"
SET_ASIDE_FOR_RESTORE = (
    "The current database could not be used ({reason}); it was set aside as {path} "
    "(nothing was deleted)."
)


class RestoreRefused(StorageError):
    """The file cannot be restored; the message says why. Nothing was changed."""


@dataclass(frozen=True)
class Content:
    """Everything a restore puts back."""

    interviews: list[Interview]
    settings: Settings
    profile: Profile
    actions: list[Action] = field(default_factory=list)
    invitations: dict[int, bytes] = field(default_factory=dict)


@dataclass(frozen=True)
class RestoreReport:
    source: Path
    kind: str  # "snapshot" or "export"
    interviews: int
    actions: int
    safety_snapshot: Path | None  # what the person had before, if anything
    notices: list[str]


def restore(
    data_dir: Path,
    source: Path,
    *,
    clock: Clock,
    keychain: Keychain | None = None,
    on_notice: Callable[[str], None] | None = None,
) -> RestoreReport:
    """Replace everything in ``data_dir`` with the content of ``source`` (a snapshot or an
    export). Raises :class:`RestoreRefused` (bad file) or another
    :class:`~crickets.storage.errors.StorageError`; in both cases nothing was changed."""
    notices: list[str] = []

    def say(text: str) -> None:
        notices.append(text)
        if on_notice is not None:
            on_notice(text)

    keychain = keychain or Keychain()
    kind, content = read_source(source, data_dir, keychain)

    try:
        opened = open_store(
            data_dir,
            clock=clock,
            keychain=keychain,
            on_notice=say,
            daily_backup=False,
            report_damage=False,
        )
    except (DataMissing, KeyMissing, KeyMismatch, SchemaTooNew) as error:
        database = database_path(data_dir)
        if database.exists() or Path(f"{database}-wal").exists():
            moved = set_aside(database, clock.now(), "before-restore")
            say(SET_ASIDE_FOR_RESTORE.format(reason=_first_sentence(str(error)), path=moved))
        opened = open_store(
            data_dir,
            clock=clock,
            keychain=keychain,
            on_notice=say,
            daily_backup=False,
            allow_empty=True,
            report_damage=False,
        )
    store = opened.store
    try:
        if opened.read_only:
            raise StoreReadOnly(f"{data_dir} cannot be written, so nothing can be restored.")
        safety = None
        if store.maintenance.has_user_data():
            try:
                safety = backups.take_snapshot(
                    store.path, opened.backup_dir, clock.now(), "before-restore"
                ).path
            except backups.BackupFailed as error:
                raise StorageError(
                    f"Crickets could not back up your current data before restoring ({error}); "
                    "nothing was changed."
                ) from None
        store.replace_all(
            content.interviews,
            content.settings,
            content.profile,
            actions=content.actions,
            invitations=content.invitations,
        )
        store.state.drop_damaged()  # the way back leaves no damaged bookkeeping behind
    finally:
        store.close()
    return RestoreReport(
        source, kind, len(content.interviews), len(content.actions), safety, notices
    )


def read_source(source: Path, data_dir: Path, keychain: Keychain) -> tuple[str, Content]:
    """``("snapshot" | "export", content)``, fully checked; raises :class:`RestoreRefused`."""
    try:
        with source.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
        size = source.stat().st_size
    except OSError as error:
        raise RestoreRefused(f"cannot read {source}: {error.strerror}") from None
    if head == SQLITE_HEADER:
        return "snapshot", read_snapshot(source, data_dir, keychain)
    if size > MAX_EXPORT_BYTES:
        raise RestoreRefused(f"{source} is too large to be a Crickets export")
    return "export", read_export(source)


def read_export(source: Path) -> Content:
    try:
        doc = json.loads(source.read_text(encoding="utf-8"))
        interviews, settings, profile = read_document(doc)
        actions = read_actions(doc, {int(i.id or 0) for i in interviews})
    except OSError as error:
        raise RestoreRefused(f"cannot read {source}: {error.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise RestoreRefused(f"{source} is not a Crickets export (it is not JSON text)") from None
    except PortableError as error:
        raise RestoreRefused(f"{source}: {error}") from None
    return Content(interviews, settings, profile, actions=actions)


def read_snapshot(source: Path, data_dir: Path, keychain: Keychain) -> Content:
    """Everything in a snapshot, decrypted with its own database's key."""
    try:
        backups.verify_snapshot(source)
    except backups.BackupFailed as error:
        raise RestoreRefused(str(error)) from None
    with tempfile.TemporaryDirectory(prefix="crickets-restore-") as temp:
        copy = database_path(Path(temp))
        shutil.copyfile(source, copy)
        try:
            store = Store.open(Path(temp))
        except StorageError as error:
            raise RestoreRefused(f"{source}: {error}") from None
        try:
            store.use_codec(_snapshot_codec(store, source, data_dir, keychain))
            return Content(
                interviews=list(store.interviews.list()),
                settings=store.settings.load_settings(),
                profile=store.settings.load_profile(),
                actions=list(store.log.actions()),
                invitations=store.kept_invitations.invitations(),
            )
        finally:
            store.close()


def _snapshot_codec(store: Store, source: Path, data_dir: Path, keychain: Keychain) -> FieldCodec:
    sealed = store.maintenance.sealed_row_count()
    if not sealed:
        return PlainCodec()  # nothing sealed (an empty or pre-encryption snapshot)
    store_id = store.state.get_state(STORE_ID_STATE)
    if store_id is None:
        raise RestoreRefused(f"{source} holds sealed data but no store id; it cannot be read")
    try:
        found = obtain_key(
            keychain, data_dir, store_id, sealed_rows=sealed, database=source, read_only=True
        )
    except KeyMissing:
        raise RestoreRefused(
            f"The key that opens {source} is neither in your keychain nor beside the data, so "
            "it cannot be read; an export (`crickets export`) can always be restored."
        ) from None
    codec = SealingCodec(found.key)
    check = store.state.get_state(KEY_CHECK_STATE)
    if check is not None and not codec.matches(check):
        raise RestoreRefused(f"The Crickets key found does not open {source}; nothing was changed.")
    return codec


def _first_sentence(text: str) -> str:
    line = " ".join(text.split())
    return line.split("; ")[0].rstrip(".")
