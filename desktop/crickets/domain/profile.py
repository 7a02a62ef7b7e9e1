"""Who the person is, as it appears in drafts and scripts: their name, email, phone and the
words they sign off with."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_SIGN_OFF = "Best regards,"
_ENDS_A_CLOSING = (",", "!", ".", "—", "-")


@dataclass(frozen=True)
class Profile:
    name: str = ""
    email: str = ""
    phone: str = ""  # the number interviewers usually get
    sign_off: str = ""  # "Best wishes," above the signature; "" for Crickets' own

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.strip() else ""

    @property
    def closing(self) -> str:
        """The line above the signature: the person's own sign-off on one line, with the
        comma a letter puts after it ("Best wishes" becomes "Best wishes,")."""
        words = " ".join(self.sign_off.split())
        if not words:
            return DEFAULT_SIGN_OFF
        return words if words.endswith(_ENDS_A_CLOSING) else f"{words},"
