"""Meeting links (Zoom, Google Meet, Microsoft Teams, Webex) found in invitation text.

A link counts as a meeting link by its host *and* its path: "https://zoom.us/j/812…" joins
a meeting, "https://zoom.us/u/abc" (find a local number) and "https://support.google.com/…"
do not. Links are read from plain text and from HTML (the href, with entities decoded).
No third-party library: the paste box uses this too.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from crickets.invitations.ics.text import clean_link

MAX_TEXT = 100_000  # characters searched per text
_URL = re.compile(r"""https?://[^\s<>"'{}|\\^`\[\]]+""", re.IGNORECASE)
_TRAILING = ".,;:!?)]}>*'\""


@dataclass(frozen=True)
class MeetingLink:
    url: str
    kind: str  # "Zoom", "Google Meet", "Microsoft Teams", "Webex"


def _host_is(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def meeting_kind(url: str) -> str | None:
    """The service a URL joins a meeting on, or None when it is not a meeting link."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    path = parts.path.lower()
    if _host_is(host, "zoom.us") or _host_is(host, "zoomgov.com"):
        if re.match(r"/(j|w|s|my|wc/join|wc)/", path) or path.startswith("/meeting/register"):
            return "Zoom"
        return None
    if host == "meet.google.com":
        if re.fullmatch(r"/[a-z]{3}-[a-z]{4}-[a-z]{3}/?", path) or path.startswith("/lookup/"):
            return "Google Meet"
        return None
    if host in ("teams.microsoft.com", "teams.live.com", "teams.microsoft.us"):
        if "/meetup-join/" in path or path.startswith(("/meet/", "/l/meet")):
            return "Microsoft Teams"
        return None
    if _host_is(host, "webex.com"):
        query = parts.query.lower()
        if re.search(r"/(meet|join|j\.php|wbxmjs|webappng/sites/[^/]+/meeting)", path):
            return "Webex"
        if "mtid=" in query:
            return "Webex"
    return None


class _Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag.lower() == "a":
            self.hrefs.extend(v for k, v in attrs if k.lower() == "href" and v)
        if tag.lower() in ("br", "p", "div", "li", "tr"):
            self.text.append("\n")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def html_to_text(markup: str) -> tuple[str, list[str]]:
    """The visible text of an HTML fragment and the links it points to."""
    parser = _Hrefs()
    try:
        parser.feed(markup[:MAX_TEXT])
        parser.close()
    except (AssertionError, ValueError):  # html.parser's way of saying "broken markup"
        return markup, []
    return "".join(parser.text), parser.hrefs


def links_in(text: str) -> list[str]:
    """Every http(s) address in ``text``, trailing punctuation removed, each once."""
    found: list[str] = []
    for match in _URL.finditer(text[:MAX_TEXT]):
        url = html.unescape(match.group(0)).rstrip(_TRAILING)
        url = clean_link(url)
        if url and url not in found:
            found.append(url)
    return found


def first_meeting_link(texts: Iterable[str]) -> MeetingLink | None:
    """The first meeting link in ``texts`` (searched in the order given)."""
    for text in texts:
        for url in links_in(text):
            kind = meeting_kind(url)
            if kind:
                return MeetingLink(url, kind)
    return None
