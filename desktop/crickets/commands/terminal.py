"""Text on its way to a terminal: what a stored field holds is shown, never obeyed.

A company name restored from a hostile export, or the summary of an invitation, may carry
an escape sequence (``ESC [ 2 J`` clears the screen; others retitle the window or, on some
terminals, type into it), a carriage return that overwrites the line before it, a line
break that forges a row of ``crickets list``, or a NUL. Each such character is printed as
a visible escape instead (``\\x1b``, ``\\r``, ``\\n``, ``\\x00``), so the person sees
exactly what is stored. So are the invisible direction overrides (U+202E turns "moc.emca"
into what looks like "acme.com") and lone surrogates, which a terminal cannot show and
Python cannot even encode.

JSON output is escaped too, as JSON allows: the characters the encoder leaves raw (DEL,
the C1 controls, direction overrides, line separators) become ``\\uXXXX``, which every
JSON reader turns back into the same text.
"""

from __future__ import annotations

import re
import unicodedata

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
#: Format characters that reorder or hide text: the bidirectional embeddings, overrides
#: and isolates (Trojan Source), plus the line and paragraph separators.
_REORDERING = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029"
)
# What json.dumps(ensure_ascii=False) leaves as it is but a terminal may act on.
_RAW_IN_JSON = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)


def _is_hidden(char: str) -> bool:
    return char in _REORDERING or unicodedata.category(char) in ("Cc", "Cs")


def _escape(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control, surrogate and reordering character escaped; the same
    ``text`` when it has none (a backslash stays as it is)."""
    if not any(_is_hidden(char) for char in text):
        return text
    return "".join(_escape(char) if _is_hidden(char) else char for char in text)


def json_safe(encoded: str) -> str:
    """JSON text with the characters a terminal may act on written as ``\\uXXXX`` escapes
    (they can only occur inside strings, where such an escape means the same text)."""
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)
