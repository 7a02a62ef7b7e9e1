"""What Crickets says in a notification of its own (the reminders' words are data, in
``resources/checklists/reminders.json``): the demo's opening line, and the reminders a
sleeping computer missed. Counted with the countdown's one rounding rule, so a
notification never says "in about a minute" while the icon says "2m"."""

from __future__ import annotations

from datetime import datetime

from crickets.domain.countdown import relative_text
from crickets.domain.interview import Interview

Said = tuple[str, str]  # (title, text)


def demo_starts(interview: Interview, now: datetime) -> Said:
    when = relative_text(interview.start, now)
    return "Crickets demo", f"A practice interview starts {when}. Watch the tray."


def reminders_missed(count: int) -> Said:
    noun = "reminder" if count == 1 else "reminders"
    text = f"{count} {noun} passed while Crickets was not running or the computer slept."
    return "Crickets", text
