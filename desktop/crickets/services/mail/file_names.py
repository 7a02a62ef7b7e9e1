"""A safe file name for a saved draft, derived from the company and the kind.

The company is whatever the person (or an invitation) typed, so the name is cleaned for
every platform at once: no path separators or characters Windows refuses, no control or
format characters, no leading dot (a hidden file) or trailing dot/space (Windows drops
them), none of Windows' reserved device names, and a length that fits every file system.
"""

from __future__ import annotations

import re
import unicodedata

MAX_STEM_BYTES = 120  # UTF-8 bytes before the extension; file systems allow 255
_FORBIDDEN = set('<>:"/\\|?*')
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{n}" for p in ("COM", "LPT") for n in range(10)}
_FALLBACK = "draft"


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    kept = "".join(
        " " if c in _FORBIDDEN or unicodedata.category(c)[0] in "CZ" else c for c in text
    )
    return re.sub(r"\s+", " ", kept).strip(" .")


def _cap(stem: str, limit: int) -> str:
    encoded = stem.encode("utf-8")
    if len(encoded) <= limit:
        return stem
    return encoded[:limit].decode("utf-8", errors="ignore").rstrip(" .")


def _not_reserved(stem: str) -> str:
    device = stem.split(".")[0].strip().upper()
    return f"_{stem}" if device in _RESERVED else stem


def safe_file_name(*parts: str, suffix: str = ".eml") -> str:
    """``Acme - follow-up.eml`` from ``("Acme", "follow-up")``; empty parts are skipped."""
    cleaned = [piece for piece in (_clean(part) for part in parts) if piece]
    stem = _cap(" - ".join(cleaned), MAX_STEM_BYTES) or _FALLBACK
    stem = _not_reserved(stem).lstrip(" .") or _FALLBACK
    return f"{stem}{suffix}"


def draft_file_name(company: str, kind: str) -> str:
    return safe_file_name(company, kind)
