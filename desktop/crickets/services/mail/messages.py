"""A draft leaves Crickets as a ``mailto:`` link or an ``.eml`` file; nothing is ever sent.

- ``mailto:`` is built by hand per RFC 6068: the recipient is the path, ``subject`` and
  ``body`` are header fields, every character outside RFC 3986's *unreserved* set is
  percent-encoded as UTF-8 (so ``+`` in a plus-addressed recipient is ``%2B`` and cannot
  turn into a space), and line breaks are ``%0D%0A``. Qt's QUrlQuery leaves ``+`` and
  ``&`` ambiguous, so it is not used.
- ``.eml`` is an :class:`email.message.EmailMessage` whose addresses are
  :class:`~email.headerregistry.Address` objects (never strings glued together), with
  ``X-Unsent: 1`` so mail clients open it as an editable draft. It is written atomically.

Every value that reaches a header loses its CR, LF, other control characters and
U+2028/2029 first (each run becomes one space): a header cannot be injected.
"""

from __future__ import annotations

import email.policy
import unicodedata
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import quote

from crickets.atomic_files import write_atomically
from crickets.domain import validation

MAILTO_LIMIT = 1800  # longer links are cut or refused by some mail apps and browsers
EML_POLICY = email.policy.default.clone(linesep="\r\n")
_BREAKS = ("\r\n", "\r", "\u2028", "\u2029", "\x85")


@dataclass(frozen=True)
class Message:
    """What leaves the app: the draft as the person last edited it."""

    subject: str
    body: str
    to_name: str = ""
    to_email: str = ""
    from_name: str = ""
    from_email: str = ""


@dataclass(frozen=True)
class MailtoLink:
    url: str
    body_included: bool  # False: the body was too long; put it on the clipboard instead


def header_text(value: str) -> str:
    """``value`` fit for a header: no line break, control or format character, one line."""
    kept = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in value)
    return " ".join(kept.split())


def body_text(body: str) -> str:
    """``body`` with every kind of line break as ``\\n`` and no other control character."""
    for line_break in _BREAKS:
        body = body.replace(line_break, "\n")
    return "".join(c for c in body if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cs"))


def address(name: str, email_address: str) -> Address | None:
    """The mailbox, or ``None`` when the address is empty or not one we can write safely."""
    addr = header_text(email_address)
    try:
        if not validation.email("email", addr):
            return None
        return Address(display_name=header_text(name), addr_spec=addr)
    except (validation.FieldError, ValueError, IndexError):
        return None


def _pct(text: str) -> str:
    return quote(text, safe="", encoding="utf-8", errors="strict")


def mailto_url(to_email: str, subject: str, body: str | None) -> str:
    """``mailto:jane.doe%2Bjobs@acme.com?subject=…&body=…`` (no ``body`` when ``None``)."""
    mailbox = address("", to_email)
    path = ""
    if mailbox is not None:
        path = f"{_pct(mailbox.username)}@{_pct(mailbox.domain)}"
    fields = [f"subject={_pct(header_text(subject))}"]
    if body is not None:
        fields.append(f"body={_pct(body_text(body).replace(chr(10), chr(13) + chr(10)))}")
    return f"mailto:{path}?{'&'.join(fields)}"


def mailto_link(message: Message, limit: int = MAILTO_LIMIT) -> MailtoLink:
    """The whole draft as a link, or recipient and subject only when it would be too long."""
    full = mailto_url(message.to_email, message.subject, message.body)
    if len(full) <= limit:
        return MailtoLink(full, body_included=True)
    return MailtoLink(mailto_url(message.to_email, message.subject, None), body_included=False)


def eml_message(message: Message) -> EmailMessage:
    msg = EmailMessage(policy=EML_POLICY)
    recipient = address(message.to_name, message.to_email)
    if recipient is not None:
        msg["To"] = recipient
    sender = address(message.from_name, message.from_email)
    if sender is not None:
        msg["From"] = sender
    msg["Subject"] = header_text(message.subject)
    msg["X-Unsent"] = "1"
    msg.set_content(body_text(message.body) + "\n")
    return msg


def eml_bytes(message: Message) -> bytes:
    return eml_message(message).as_bytes(policy=EML_POLICY)


def save_eml(path: Path, message: Message) -> None:
    write_atomically(path, eml_bytes(message))
