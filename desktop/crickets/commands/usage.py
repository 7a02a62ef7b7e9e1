"""The one error a command raises for bad input (exit 2, one line on stderr).

Its own module, so that the helpers :mod:`.context` uses (:mod:`.out_file`,
:mod:`.file_args`) can raise it without importing the context back; commands import it
from :mod:`.context` as before.
"""

from __future__ import annotations


class UsageError(Exception):
    """Bad input: the message is one line for stderr; the command exits 2 having changed nothing."""
