"""Hostile invitation shapes, each grown towards the size limit: what bench/ics_bombs.py times.

Every shape is a way a calendar file can make a parser work hard for its size: many time zone
observances (each repeating since 1601), many lines, one huge value, many repeat rules, long
date lists, many events, deep nesting. Each is built for a byte budget and stops there, so
the benchmark covers "any invitation up to the size limit" shape by shape (issue 15, item 4).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Crickets bench//EN\r\n"
TAIL = "END:VCALENDAR\r\n"
EVENT = (
    "BEGIN:VEVENT\r\nUID:bench@example.com\r\nDTSTAMP:20261101T000000Z\r\n"
    "DTSTART;TZID=Custom:20261201T140000\r\nDTEND;TZID=Custom:20261201T143000\r\n"
    "SUMMARY:Interview\r\nEND:VEVENT\r\n"
)
Shape = Callable[[int], bytes]


def _fill(head: str, unit: Callable[[int], str], tail: str, budget: int) -> bytes:
    """``head`` + as many ``unit(i)`` as fit in ``budget`` bytes + ``tail``."""
    parts = [head]
    size = len(head) + len(tail)
    for index in range(10_000_000):
        piece = unit(index)
        if size + len(piece) > budget:
            break
        parts.append(piece)
        size += len(piece)
    parts.append(tail)
    return "".join(parts).encode()


def _observance(i: int) -> str:
    kind = "STANDARD" if i % 2 == 0 else "DAYLIGHT"
    offsets = ("-0400", "-0500") if kind == "STANDARD" else ("-0500", "-0400")
    return (
        f"BEGIN:{kind}\r\nDTSTART:{1601 + i % 400:04d}{1 + i % 12:02d}01T020000\r\n"
        f"TZOFFSETFROM:{offsets[0]}\r\nTZOFFSETTO:{offsets[1]}\r\n"
        f"RRULE:FREQ=YEARLY;BYMONTH={1 + i % 12};BYDAY={1 + i % 4}SU\r\nEND:{kind}\r\n"
    )


def observances(budget: int) -> bytes:
    head = HEAD + "BEGIN:VTIMEZONE\r\nTZID:Custom\r\n"
    return _fill(head, _observance, "END:VTIMEZONE\r\n" + EVENT + TAIL, budget)


def time_zones(budget: int) -> bytes:
    def zone(i: int) -> str:
        return (
            f"BEGIN:VTIMEZONE\r\nTZID:Zone {i}\r\n{_observance(0)}{_observance(1)}END:VTIMEZONE\r\n"
        )

    return _fill(HEAD, zone, EVENT + TAIL, budget)


def lines(budget: int) -> bytes:
    head = HEAD + "BEGIN:VEVENT\r\nUID:a@b\r\nDTSTART:20261201T140000Z\r\n"
    return _fill(head, lambda i: "X-A:b\r\n", "END:VEVENT\r\n" + TAIL, budget)


def attendees(budget: int) -> bytes:
    head = HEAD + "BEGIN:VEVENT\r\nUID:a@b\r\nDTSTART:20261201T140000Z\r\n"

    def attendee(i: int) -> str:
        return f"ATTENDEE;CN=Person {i};ROLE=REQ-PARTICIPANT:mailto:p{i}@example.com\r\n"

    return _fill(head, attendee, "END:VEVENT\r\n" + TAIL, budget)


def folded_value(budget: int) -> bytes:
    head = HEAD + "BEGIN:VEVENT\r\nUID:a@b\r\nDTSTART:20261201T140000Z\r\nDESCRIPTION:x"
    return _fill(head, lambda i: "\r\n " + "word " * 14, "\r\nEND:VEVENT\r\n" + TAIL, budget)


def one_line(budget: int) -> bytes:
    head = HEAD + "BEGIN:VEVENT\r\nUID:a@b\r\nDTSTART:20261201T140000Z\r\nDESCRIPTION:"
    return _fill(head, lambda i: "a\\,b\\n" * 100, "\r\nEND:VEVENT\r\n" + TAIL, budget)


def parameters(budget: int) -> bytes:
    head = HEAD + "BEGIN:VEVENT\r\nUID:a@b\r\nDTSTART"
    return _fill(head, lambda i: f";X-P{i}=v", ":20261201T140000Z\r\nEND:VEVENT\r\n" + TAIL, budget)


def repeat_rules(budget: int) -> bytes:
    head = HEAD + "BEGIN:VEVENT\r\nUID:a@b\r\nDTSTART:20261201T140000Z\r\n"

    def rule(i: int) -> str:
        return f"RRULE:FREQ=DAILY;BYMONTH={1 + i % 12};BYDAY=MO,TU,WE,TH,FR\r\n"

    return _fill(head, rule, "END:VEVENT\r\n" + TAIL, budget)


def _date(i: int) -> str:
    return f"{2027 + i // 336 % 150:04d}{1 + i % 12:02d}{1 + i // 12 % 28:02d}T100000"


def zone_dates(budget: int) -> bytes:
    head = (
        HEAD + "BEGIN:VTIMEZONE\r\nTZID:Custom\r\nBEGIN:STANDARD\r\nDTSTART:20000101T000000\r\n"
        "TZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nRDATE:20000102T000000"
    )
    tail = "\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n" + EVENT + TAIL
    return _fill(head, lambda i: "," + _date(i), tail, budget)


def excluded_dates(budget: int) -> bytes:
    head = (
        HEAD + "BEGIN:VEVENT\r\nUID:a@b\r\nDTSTART:20261201T100000\r\n"
        "RRULE:FREQ=DAILY\r\nEXDATE:20261202T100000"
    )
    return _fill(head, lambda i: "," + _date(i), "\r\nEND:VEVENT\r\n" + TAIL, budget)


def events(budget: int) -> bytes:
    def event(i: int) -> str:
        return (
            f"BEGIN:VEVENT\r\nUID:e{i}@b\r\nDTSTART:20261201T140000Z\r\n"
            "RRULE:FREQ=DAILY;BYDAY=MO,WE\r\nSUMMARY:Interview\r\nEND:VEVENT\r\n"
        )

    return _fill(HEAD, event, TAIL, budget)


def overrides(budget: int) -> bytes:
    head = (
        HEAD + "BEGIN:VEVENT\r\nUID:a@b\r\nDTSTART:20261201T100000Z\r\nRRULE:FREQ=DAILY\r\n"
        "END:VEVENT\r\n"
    )

    def moved(i: int) -> str:
        return (
            f"BEGIN:VEVENT\r\nUID:a@b\r\nRECURRENCE-ID:{_date(i)}Z\r\n"
            f"DTSTART:{_date(i + 1)}Z\r\nEND:VEVENT\r\n"
        )

    return _fill(head, moved, TAIL, budget)


def alarms(budget: int) -> bytes:
    head = HEAD + "BEGIN:VEVENT\r\nUID:a@b\r\nDTSTART:20261201T140000Z\r\n"
    alarm = "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\n"
    return _fill(head, lambda i: alarm, "END:VEVENT\r\n" + TAIL, budget)


def nesting(budget: int) -> bytes:
    depth = 7
    opened = "".join(f"BEGIN:X-N{i}\r\n" for i in range(depth))
    closed = "".join(f"END:X-N{i}\r\n" for i in reversed(range(depth)))
    return _fill(HEAD, lambda i: opened + closed, EVENT + TAIL, budget)


def impossible_rules(budget: int) -> bytes:
    head = HEAD + "BEGIN:VTIMEZONE\r\nTZID:Custom\r\n"

    def observance(i: int) -> str:
        return (
            f"BEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nTZOFFSETFROM:-0500\r\n"
            f"TZOFFSETTO:-0500\r\nRRULE:FREQ=DAILY;INTERVAL={1 + i % 7};BYMONTH=2;"
            "BYMONTHDAY=28,29\r\nEND:STANDARD\r\n"
        )

    return _fill(head, observance, "END:VTIMEZONE\r\n" + EVENT + TAIL, budget)


def attachment(budget: int) -> bytes:
    head = (
        HEAD + "BEGIN:VEVENT\r\nUID:a@b\r\nDTSTART:20261201T140000Z\r\n"
        "ATTACH;ENCODING=BASE64;VALUE=BINARY:"
    )
    return _fill(head, lambda i: "QUJD" * 18 + "\r\n ", "QUJD\r\nEND:VEVENT\r\n" + TAIL, budget)


SHAPES: dict[str, Shape] = {
    "observances": observances,
    "time zones": time_zones,
    "lines": lines,
    "attendees": attendees,
    "folded value": folded_value,
    "one long line": one_line,
    "parameters": parameters,
    "repeat rules": repeat_rules,
    "zone dates": zone_dates,
    "excluded dates": excluded_dates,
    "events": events,
    "moved occurrences": overrides,
    "alarms": alarms,
    "nesting": nesting,
    "impossible rules": impossible_rules,
    "attachment": attachment,
}


def sizes(limit: int) -> Iterator[int]:
    """Byte budgets from a few kilobytes up to the limit itself: a cap that bites early and
    a cost that only shows at the limit are both seen."""
    budget = 8 * 1024
    while budget < limit:
        yield budget
        budget *= 4
    yield limit
