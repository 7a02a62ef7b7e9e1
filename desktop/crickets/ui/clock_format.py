"""12 or 24 hours: the person's setting, else what their desktop's locale uses.

The domain writes times on whichever clock it is told (``Settings.clock_24h``) and treats
"follow the system" (``None``) as 12-hour, since it may not read the environment. The
locale is read here, in one place, so every window, the tray and the notifications agree:
a locale whose time format has an AM/PM marker ("h:mm AP" in en_US) is on the 12-hour
clock, any other ("HH:mm" in en_GB, de_DE, C) on the 24-hour one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import QLocale

from crickets.domain.settings import Settings

_QUOTED = re.compile(r"'[^']*'")  # literal text inside a Qt format, e.g. "h 'h' mm"


def locale_uses_24h(locale: QLocale | None = None) -> bool:
    """Whether ``locale`` (default: the desktop's, i.e. Qt's default locale) writes times
    without AM/PM."""
    chosen = locale if locale is not None else QLocale()
    pattern = _QUOTED.sub("", chosen.timeFormat(QLocale.FormatType.ShortFormat))
    return "a" not in pattern.lower()


def uses_24h(settings: Settings, locale: QLocale | None = None) -> bool:
    """The person's choice, or the locale's when they left it to the system."""
    if settings.clock_24h is not None:
        return settings.clock_24h
    return locale_uses_24h(locale)


def with_clock(settings: Settings, locale: QLocale | None = None) -> Settings:
    """``settings`` with the clock decided, for domain functions that read it from there
    (the tray's sentence, guides, drafts): never ``None`` after this."""
    return replace(settings, clock_24h=uses_24h(settings, locale))
