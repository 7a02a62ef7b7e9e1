"""Guessing the company and the role from an invitation's title and addresses.

These are guesses, shown in the form for the person to correct, never facts: "Interview:
Acme — Data analyst", "Acme <> Sam", "Data Analyst interview with Acme", "Phone screen
(Acme)". An organiser's address names the company by its domain (jane@acme.co.uk → Acme)
unless the domain is a mail provider or a scheduling tool. No third-party library.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from crickets.invitations.ics.text import clean_line

# Where an address says nothing about the employer.
MAIL_PROVIDERS = frozenset(
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "live.com",
        "msn.com", "yahoo.com", "yahoo.co.uk", "ymail.com", "rocketmail.com", "icloud.com",
        "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "pm.me", "gmx.com", "gmx.de",
        "gmx.net", "web.de", "mail.com", "mail.ru", "yandex.ru", "yandex.com", "zoho.com",
        "zohomail.com", "fastmail.com", "hey.com", "qq.com", "163.com", "126.com", "naver.com",
        "comcast.net", "verizon.net", "att.net", "btinternet.com", "orange.fr", "free.fr",
        "t-online.de", "calendly.com", "greenhouse.io", "lever.co", "hire.lever.co", "ashbyhq.com",
        "myworkday.com", "workday.com", "smartrecruiters.com", "goodtime.io", "zoom.us",
        "teams.microsoft.com", "calendar.google.com", "group.calendar.google.com",
        "resource.calendar.google.com", "icims.com", "jobvite.com", "workable.com", "bamboohr.com",
        "recruitee.com", "teamtailor.com", "personio.de",
    }
)  # fmt: skip
_ROBOTS = re.compile(
    r"^(?:no-?reply|do-?not-?reply|donotreply|notifications?|calendar(?:-notification)?|"
    r"invites?|scheduling|scheduler|mailer-daemon|postmaster|bounce[s]?)(?:[+.\-].*)?$",
    re.IGNORECASE,
)
_SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "gen"}

_PREFIX = re.compile(
    r"^\s*(?:(?:updated\s+|new\s+)?invitation(?:\s+updated)?|updated|cancell?ed(?:\s+event)?|"
    r"canceled(?:\s+event)?|accepted|declined|tentative|reminder|fwd?|re)\s*:\s*",
    re.IGNORECASE,
)
_GOOGLE_SUBJECT_TAIL = re.compile(r"\s+@\s+\w{3}\s.*$|\s*\([^()]*@[^()]*\)\s*$")
_SEPARATOR = re.compile(
    r"\s+(?:—|–|-|\||/|<>|<->|::|x|×)\s+|\s*[—–|]\s*|:\s+|\s+(with|at|for)\s+",
    re.IGNORECASE,
)
_PARENS = re.compile(r"\(([^()]{1,80})\)")
_GENERIC = re.compile(
    r"\b(?:virtual\s+onsite|onsite|on-site|first|second|third|final|next|\d+(?:st|nd|rd|th)?|"
    r"round|stage|step|technical|tech|behaviou?ral|recruiter|hiring\s+manager|hm|"
    r"phone|video|zoom|teams|google\s+meet|meet|webex|screen(?:ing)?|interviews?|call|chat|"
    r"meeting|intro(?:duction)?|conversation|catch[\s-]?up|sync|discussion|invitation|"
    r"panel|loop|session|candidate|job|position|role|opening|application|the|a|an|our|your)\b",
    re.IGNORECASE,
)
# In a part that names the role, only the words about the meeting itself are dropped:
# "Technical Writer interview" keeps "Technical Writer".
_INTERVIEW_WORDS = re.compile(
    r"\b(?:phone|video|screen(?:ing)?|interviews?|call|chat|meeting|intro(?:duction)?|"
    r"conversation|round|invitation)\b",
    re.IGNORECASE,
)
_NOT_ROLES = re.compile(r"\bhiring\s+manager\b|\brecruit\w*", re.IGNORECASE)
_ROLE_WORDS = re.compile(
    r"\b(?:engineer(?:ing)?|developer|programmer|analyst|manager|designer|scientist|"
    r"specialist|intern(?:ship)?|lead|director|consultant|associate|coordinator|"
    r"administrator|architect|assistant|officer|representative|accountant|nurse|teacher|"
    r"researcher|writer|editor|marketer|technician|strategist|advisor|adviser|executive|"
    r"head\s+of|vp|sre|devops|qa|tester|owner|principal|staff|senior|junior|sr|jr|"
    r"product|sales|support|operations|marketing|data|software|frontend|backend|"
    r"full[\s-]?stack)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TitleGuess:
    company: str = ""
    role: str = ""


def is_robot(email: str) -> bool:
    """A sender that is a system, not a person (noreply@…, a calendar resource)."""
    local, _, domain = email.lower().partition("@")
    return bool(_ROBOTS.match(local)) or domain.endswith("calendar.google.com")


def company_from_email(email: str) -> str:
    """``jane@acme.co.uk`` → ``Acme``; "" for mail providers, scheduling tools and robots."""
    _, at, domain = email.strip().lower().rpartition("@")
    if not at or not domain or "." not in domain:
        return ""
    labels = [label for label in domain.split(".") if label]
    if any(domain == p or domain.endswith("." + p) for p in MAIL_PROVIDERS) or len(labels) < 2:
        return ""
    index = -2
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        index = -3
    label = labels[index]
    words = re.split(r"[-_]+", label)
    return clean_line(" ".join(w[:1].upper() + w[1:] for w in words if w), max_length=80)


def _strip_generic(part: str, words: re.Pattern[str] = _GENERIC) -> str:
    stripped = words.sub(" ", part)
    return " ".join(stripped.strip(" \t-–—:|/,.;()[]'\"").split())


def _same_person(part: str, people: list[str]) -> bool:
    low = part.lower()
    for person in people:
        if not person:
            continue
        first = person.split()[0]
        if low in (person, first) or (len(low) > 3 and (low in person or person in low)):
            return True
    return False


def guess_title(summary: str, *, company_hint: str = "", people: Iterable[str] = ()) -> TitleGuess:
    """Company and role read from an event title; ``people`` are names that are neither."""
    text = clean_line(summary)
    for _ in range(3):
        text = _PREFIX.sub("", text)
    text = _GOOGLE_SUBJECT_TAIL.sub("", text)
    names = [p.strip().lower() for p in people if p and p.strip()]
    hint = company_hint.strip().lower()
    pieces: list[tuple[str, str]] = []  # (connector, text)
    connector = ""
    last = 0
    flat = _PARENS.sub(lambda m: f" | {m.group(1)} | ", text)
    for match in _SEPARATOR.finditer(flat):
        pieces.append((connector, flat[last : match.start()]))
        connector = (match.group(1) or "").lower()
        last = match.end()
    pieces.append((connector, flat[last:]))
    company = role = ""
    unknown: list[tuple[str, str]] = []
    for conn, raw in pieces:
        is_role = _ROLE_WORDS.search(_NOT_ROLES.sub(" ", raw))
        if is_role and not role and not (hint and hint in raw.lower()):
            role = _strip_generic(raw, _INTERVIEW_WORDS)
            continue
        part = _strip_generic(raw)
        if not part or _same_person(part, names):
            continue
        if hint and (hint in part.lower() or part.lower() in hint) and not company:
            at = part.lower().find(hint)
            company = part[at : at + len(hint)] if at >= 0 else part
        else:
            unknown.append((conn, part))
    if not company:
        after = [p for c, p in unknown if c in ("with", "at")]
        company = after[0] if after else (unknown[0][1] if unknown else company_hint)
    return TitleGuess(company=clean_line(company, max_length=80), role=clean_line(role))
