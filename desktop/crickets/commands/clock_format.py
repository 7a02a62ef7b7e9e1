"""12 or 24 hours in the terminal: the person's setting, else the locale's time format.

``Settings.clock_24h`` is ``True``/``False`` when the person chose; ``None`` means "follow
the system", which the domain may not read (it writes ``None`` as 12-hour). The command
line reads it here the way terminal programs do: ``LC_ALL``, else ``LC_TIME``, else
``LANG``, through the C library (``setlocale(LC_TIME, "")``), then asks that locale to
write 13:00 (``%X``, its own time format). "13" in the answer means the 24-hour clock
(en_GB "13:00:00", de_DE, and C/POSIX, whose format is "%H:%M:%S"); otherwise it is the
12-hour one (en_US "01:00:00 PM"). This is the rule the windows follow too
(crickets.ui.clock_format reads Qt's locale: an AM/PM marker means 12 hours, C is 24), so
the tray and the terminal agree. A locale named but not installed on the machine is, as
for every C program, the C locale.

The locale is switched for the one call and put back: nothing else in the process
(``strftime`` in a file name, say) sees it.
"""

from __future__ import annotations

import locale
import time

from crickets.domain.settings import Settings

#: 13:00 on an arbitrary day, as ``time.strftime`` takes it.
_ONE_PM = time.struct_time((2001, 2, 3, 13, 0, 0, 5, 34, 0))


def reads_24h(one_pm: str) -> bool:
    """Whether a locale that writes 13:00 as ``one_pm`` is on the 24-hour clock."""
    return "13" in one_pm


def locale_uses_24h() -> bool:
    """Whether the locale the environment asks for writes times on the 24-hour clock."""
    previous = locale.setlocale(locale.LC_TIME)
    try:
        locale.setlocale(locale.LC_TIME, "")
    except locale.Error:  # a locale that is not installed: programs run in C
        return True
    try:
        return reads_24h(time.strftime("%X", _ONE_PM))
    finally:
        locale.setlocale(locale.LC_TIME, previous)


def uses_24h(settings: Settings) -> bool:
    """The person's choice, or the locale's when they left it to the system."""
    if settings.clock_24h is not None:
        return settings.clock_24h
    return locale_uses_24h()
