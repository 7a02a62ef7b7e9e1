"""The first-open process's side (:mod:`crickets.storage.first_open`): open the store as
the tray would, open every sealed row once, and say what was found.

Only this process imports it: here the keychain and the cipher are loaded, and leave with
the process.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from crickets.domain.clock import SystemClock
from crickets.storage.codec import OpenedFields
from crickets.storage.crypto import SealingCodec
from crickets.storage.identity import KEY_CHECK_STATE, KEY_HOME_STATE, STORE_ID_STATE
from crickets.storage.keychain import KeySource, file_only
from crickets.storage.opening import open_store
from crickets.storage.store import Store


def answer(data_dir: Path, *, file_only_key: bool) -> dict[str, Any]:
    """What the tray needs to open ``data_dir`` without the keychain or the cipher: the
    notices raised (in order), and the key with every sealed row's plaintext when the
    store's rows needed a key. A refusal is raised, as ``open_store`` raises it."""
    notices: list[str] = []
    opened = open_store(
        data_dir,
        clock=SystemClock(),
        keychain=file_only() if file_only_key else None,
        on_notice=notices.append,
    )
    try:
        return {"notices": notices, "key": _key_and_rows(opened.store)}
    finally:
        opened.close()


def _key_and_rows(store: Store) -> dict[str, Any] | None:
    codec, state = store.codec, store.state
    if not isinstance(codec, SealingCodec) or not codec.key_ready:
        return None  # nothing sealed needed the key: the tray asks when it first seals
    rows = OpenedFields()
    reader = SealingCodec(codec.key(), opened=rows)
    check = state.get_state(KEY_CHECK_STATE)
    if check is not None:
        reader.matches(check)  # the tray checks the key against it too
    store.use_codec(reader)
    store.unreadable()  # opens every sealed row: the tray's first reads find them here
    return {
        "store_id": state.get_state(STORE_ID_STATE),
        "key": base64.b64encode(codec.key()).decode("ascii"),
        "source": state.get_state(KEY_HOME_STATE) or KeySource.KEYCHAIN.value,
        "opened": rows.entries(),
    }
