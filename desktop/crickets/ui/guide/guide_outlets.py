"""What a guide step's buttons hand to the desktop (the clipboard, a dialler, the browser),
and what the step then says: done, or in one sentence that it did not work, with the number
or link to use by hand. Nothing here writes the log; the window records a step only when
:meth:`GuideOutlets.open_link` reports that it happened."""

from __future__ import annotations

from dataclasses import dataclass

from crickets.application.ports import Clipboard, Dialer, LinkOpener
from crickets.ui.guide.guide_steps import StepWidget
from crickets.ui.outlets import LINK_DID_NOT_OPEN

NO_DIALLER = "Nothing on this computer places calls, so dial it on your phone:"
DIALLED = "Handed to your calling app. Say below how the call went."
NO_CLIPBOARD = "The clipboard did not take it: select the text and copy it by hand."
NO_BROWSER = LINK_DID_NOT_OPEN


@dataclass(frozen=True)
class GuideOutlets:
    """The desktop outlets a guide's steps use; each says whether it worked."""

    clipboard: Clipboard
    dialer: Dialer
    links: LinkOpener

    def copy(self, step: StepWidget, text: str) -> None:
        if not self.clipboard.set_text(text):
            step.show_result(NO_CLIPBOARD)

    def dial(self, step: StepWidget, number: str) -> None:
        if self.dialer.dial(number):
            step.show_result(DIALLED)
        else:
            step.show_result(NO_DIALLER, number)

    def open_link(self, step: StepWidget, link: str) -> bool:
        """Whether the link opened (then, and only then, the step may be recorded)."""
        if not self.links.open_link(link):
            step.show_result(NO_BROWSER, link)
            return False
        step.show_result("")
        return True
