"""What a use case refuses, as one sentence for the person (the CLI exits 2 with it)."""

from __future__ import annotations

from crickets.domain.errors import StoreError

__all__ = ["Refused", "StoreError"]


class Refused(ValueError):
    """The request cannot be carried out as asked (a missing interview, a bad file);
    nothing was changed and ``str(error)`` says why and what to do instead."""
