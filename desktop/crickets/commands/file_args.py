"""File names from the command line: one the file system cannot hold is refused in one line.

A name arrives as text. On a POSIX system bytes that are not UTF-8 come in as lone
surrogates and go back out unchanged (``os.fsencode``); a NUL, or a surrogate no byte
stands for, has no file at all, and Python raises ``ValueError`` or
``UnicodeEncodeError`` rather than ``OSError`` for it, which a command's usual "cannot
read" handling does not expect. Checked here first, such a name is bad input.
"""

from __future__ import annotations

import os
from pathlib import Path

from crickets.commands.usage import UsageError
from crickets.domain.zones.rules import quoted


def typed_path(name: str, what: str) -> Path:
    """``name`` as a path; :class:`UsageError` ("``what``: … is not a file name") when no
    file can be called that."""
    try:
        if "\0" in name:
            raise ValueError(name)
        os.fsencode(name)
    except (ValueError, UnicodeError):
        raise UsageError(f"{what}: {quoted(name)} is not a file name") from None
    return Path(name)
