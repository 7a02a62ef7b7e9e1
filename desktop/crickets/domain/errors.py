"""Failures that cross layers as one sentence for the person.

:class:`StoreError` is what any store implementation raises when it cannot read or keep
data (busy, full, read-only, corrupt, no key). The storage layer's own errors derive from
it, so the windows and the command line catch one type without importing storage.
"""

from __future__ import annotations


class StoreError(Exception):
    """The data could not be read or kept; the message is one sentence for the person."""
