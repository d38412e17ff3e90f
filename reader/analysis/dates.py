"""Date expressions in article text, resolved against the publication date.

Rules (the timeline's documented choices):

- precision is the text's: "November 27" is a day, "in July" a month, "in 2021" a year;
- a weekday is the most recent such day on or before the reference date ("next Monday" looks
  forward, "last Monday" strictly back);
- "last week" / "this week" resolve to the Monday of that week (day precision) and carry the
  note "week of", which the event label shows;
- "last month" / "this month" are months, "last year" / "earlier this year" years;
- "days after" / "days ago" without a number is the reference date's month; "one day after"
  counts back from a date given earlier in the same sentence;
- a month or day without a year takes the reference year, or the year before when that would
  put it more than one month after the reference date;
- a season is month-less: "in spring 2023" is the year 2023, while "spring 2023 show",
  "fall 2022 campaign" name a fashion collection, not a time, and are skipped;
- numbers that are not years (ages, counts, "74.2 million", "$935,000") are never dates.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.model import Precision, precision

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ),
        1,
    )
    for name in names
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_COUNT = r"(?P<count>\d{1,2}|" + "|".join(NUMBERS) + r")"
_COLLECTION = (
    r"(?:show|shows|collection|campaign|ad|ads|line|runway|photoshoot|shoot|season|couture"
    r"|ready-to-wear|menswear|womenswear|lookbook)"
)

# Kinds in priority order: where two matches overlap, the earlier kind wins, so the longer,
# more specific forms come first. Month names are case-sensitive ("may" is a verb).
_PATTERNS: tuple[tuple[str, str], ...] = (
    ("iso", r"\b(?P<year>\d{4})-(?P<mm>\d\d)-(?P<dd>\d\d)\b"),
    (
        "month_day",
        rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}\b(?!\s*(?:million|billion|%|percent))"
        rf"(?:,?\s+{_YEAR}\b)?",
    ),
    ("day_month", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?:,?\s+{_YEAR}\b)?"),
    ("month_year", rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b"),
    (
        "month",
        rf"(?i:\b(?P<mod>in|during|since|by|until|early|late|mid-?|this|last|next|of)\s+)"
        rf"{_MONTH}\b",
    ),
    (
        "season",
        rf"(?i:\b(?P<season>spring|summer|fall|autumn|winter)(?:[\s/-]+(?:summer|winter))?)"
        rf"\s+(?P<year>(?:19|20)?\d\d)\b(?P<collection>\s+{_COLLECTION}\b)?",
    ),
    (
        "weekday",
        rf"(?i:\b(?:(?P<mod>late|early|on|this|last|next|past)\s+)?)"
        rf"{_WEEKDAY}(?i:\s+(?:morning|afternoon|evening|night))?\b",
    ),
    ("named_day", r"(?i:\b(?P<named>yesterday|today|tonight|tomorrow)\b)"),
    (
        "count_ago",
        rf"(?i:\b{_COUNT}\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>ago|after|before|later"
        rf"|earlier)\b)",
    ),
    (
        "vague_days",
        r"(?i:\b(?:a\s+few\s+|several\s+|some\s+)?days\s+(?P<dir>after|before|ago)\b)",
    ),
    (
        "relative",
        r"(?i:\b(?:(?:earlier|later)\s+)?(?P<which>last|this|next|past)\s+"
        r"(?P<unit>week|month|year)(?:'s|’s)?\b)",
    ),
    ("year", rf"(?<![\d$£€#.,/-])\b{_YEAR}\b(?![.,]\d)(?!-\d)(?!\s*(?:%|percent))"),
)
_COMPILED = tuple((kind, re.compile(body)) for kind, body in _PATTERNS)
_TIME_PREPOSITION = re.compile(r"(?i:\b(?:in|during|by|until|since|early|late|mid-?)\s*)$")
_LEAD_PREPOSITION = re.compile(
    r"(?i:\b(?:on|in|during|since|until|by|from|as\s+of|late|early|of|at)\s+)$"
)
_TRIGGER = re.compile(
    r"(?=[\dJjFfMmAaSsſOoNnDdTtWwYy])(?:\d|(?i:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct"
    r"|nov|dec|mon|tue|wed|thu|fri|sat|sun|yesterday|today|tonight|tomorrow|days?\b|weeks?\b"
    r"|months?\b|years?\b|spring|summer|fall|autumn|winter)))"
)
"""The first character is checked alone first (a digit, or a letter some word below begins
with, in any case: ſ is an s), which spares the full pattern at most characters."""
_REACH = 40
"""No date expression reaches further than this from its trigger word."""
_PRIORITY = {kind: rank for rank, (kind, _) in enumerate(_PATTERNS)}


@dataclass(frozen=True)
class DateMention:
    """A date expression at `start:end`, resolved to `date` (YYYY, YYYY-MM or YYYY-MM-DD)."""

    start: int
    end: int
    date: str
    kind: str
    note: str = ""
    """"week of" when a week was resolved to its Monday."""
    forward: bool = False
    """True when the event is told after the expression ("one day after X broke...")."""

    @property
    def precision(self) -> Precision:
        return precision(self.date)


def lead_in(text: str, start: int) -> int:
    """Where a date expression's preposition ("on", "in", "late") starts, if it has one."""
    found = _LEAD_PREPOSITION.search(text, max(0, start - 12), start)
    return found.start() if found else start


def find_dates(
    text: str,
    reference: dt.date | None,
    start: int = 0,
    end: int | None = None,
    breaks: Sequence[int] = (),
) -> list[DateMention]:
    """The date expressions of `text[start:end]`, resolved, in text order.

    Relative expressions need `reference` (the publication date); without it only dates
    that carry their own year are kept. "One day after" counts from the last date of the
    same sentence: `breaks` are the offsets where sentences start.
    """
    stop = len(text) if end is None else end
    taken: list[tuple[int, int, str, re.Match[str]]] = []
    for w_start, w_end in _windows(text, start, stop):
        taken += _expressions(text, w_start, w_end)
    mentions: list[DateMention] = []
    anchor: dt.date | None = None
    last = start
    for begin, finish, kind, match in taken:
        if bisect.bisect_right(breaks, begin) != bisect.bisect_right(breaks, last):
            anchor = None
        last = begin
        resolved = _resolve(kind, match, text, reference, anchor)
        if resolved is None:
            continue
        date, note, forward = resolved
        mentions.append(DateMention(begin, finish, date, kind, note, forward))
        if precision(date) == "day":
            anchor = dt.date.fromisoformat(date)
    return mentions


def _expressions(text: str, start: int, end: int) -> list[tuple[int, int, str, re.Match[str]]]:
    """The date expressions of one window, in text order: where matches overlap, the kind
    listed first wins, then the earlier, then the longer. Windows never share a match, so
    choosing window by window is choosing over the whole text; marking the characters taken
    makes each choice cost the length of the expression, however many there are."""
    candidates: dict[tuple[int, int, str], re.Match[str]] = {}
    ruled_out = _ruled_out(text[start:end])
    for kind, pattern in _COMPILED:
        if kind in ruled_out:
            continue
        for match in pattern.finditer(text, start, end):
            if match.end() > match.start():
                candidates[(match.start(), -match.end(), kind)] = match
    ranked = sorted(candidates.items(), key=lambda c: (_PRIORITY[c[0][2]], c[0][0], c[0][1]))
    taken: list[tuple[int, int, str, re.Match[str]]] = []
    used = bytearray(end - start)  # 1 where a chosen expression lies
    for (begin, neg_end, kind), match in ranked:
        if used.find(1, begin - start, -neg_end - start) < 0:
            used[begin - start : -neg_end - start] = b"\1" * (-neg_end - begin)
            taken.append((begin, -neg_end, kind, match))
    return sorted(taken, key=lambda t: t[0])


def _ruled_out(window: str) -> set[str]:
    """The kinds of expression `window` cannot hold, judged from what every match of a kind
    holds (a digit, a month's name, "day"…): their patterns are not tried (a kind not
    listed here always is).
    Case-blind words are looked for in a folded copy where the four letters that match an
    ASCII letter case-blind without being one (İ ı ſ K) are that letter."""
    digit = _DIGIT.search(window) is not None
    month = _MONTH_NAME.search(window) is not None
    folded = window.translate(_FOLD).lower()
    units = [unit in folded for unit in ("week", "month", "year")]
    kinds = {
        "iso": digit and "-" in window,
        "month_day": digit and month,
        "day_month": digit and month,
        "month_year": digit and month,
        "month": month,
        "season": digit,
        "weekday": "day" in window,
        "named_day": any(w in folded for w in ("yesterday", "today", "tonight", "tomorrow")),
        "count_ago": "day" in folded or any(units),
        "vague_days": "days" in folded,
        "relative": any(units),
        "year": digit,
    }
    return {kind for kind, can in kinds.items() if not can}


_DIGIT = re.compile(r"\d")
_MONTH_NAME = re.compile("|".join(sorted({name[:3] for name in MONTHS})))
"""Every month's name, as the patterns write it (capitalised), begins with one of these."""
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "\u212a": "k"})


def _windows(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """Stretches of text around words that can start or end a date: the only places the
    (many, slow) date patterns need to look."""
    windows: list[tuple[int, int]] = []
    for hit in _TRIGGER.finditer(text, start, stop):
        w_start, w_end = max(start, hit.start() - _REACH), min(stop, hit.end() + _REACH)
        if windows and w_start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], w_end)
        else:
            windows.append((w_start, w_end))
    return windows


_Resolved = tuple[str, str, bool] | None


def _resolve(
    kind: str,
    match: re.Match[str],
    text: str,
    reference: dt.date | None,
    anchor: dt.date | None,
) -> _Resolved:
    """The date of one expression, or None when it is not a date or cannot be resolved."""
    group = match.groupdict()
    if kind == "iso":
        try:
            return (
                dt.date(int(group["year"]), int(group["mm"]), int(group["dd"])).isoformat(),
                "",
                False,
            )
        except ValueError:
            return None
    if kind in {"month_day", "day_month"}:
        return _month_day(group, reference)
    if kind == "month_year":
        return f"{group['year']}-{MONTHS[group['month']]:02d}", "", False
    if kind == "month":
        return _month(MONTHS[group["month"]], (group["mod"] or "").lower(), reference)
    if kind == "season":
        before = _TIME_PREPOSITION.search(text, max(0, match.start() - 10), match.start())
        if group["collection"] or before is None or len(group["year"]) != 4:
            return None
        return group["year"], "", False
    if kind == "year":
        return group["year"], "", False
    if kind == "count_ago":
        return _count(group, reference, anchor)
    return _relative(kind, group, reference, anchor)


def _month_day(group: dict[str, str | None], reference: dt.date | None) -> _Resolved:
    month = MONTHS[group["month"] or ""]
    day = int(group["day"] or 0)
    if group["year"]:
        year = int(group["year"])
    elif reference is not None:
        year = _infer_year(month, day, reference)
    else:
        return None
    try:
        return dt.date(year, month, day).isoformat(), "", False
    except ValueError:
        return None


def _infer_year(month: int, day: int, reference: dt.date) -> int:
    """The reference year, or the year before when the date would be over a month ahead."""
    try:
        candidate = dt.date(reference.year, month, day)
    except ValueError:
        return reference.year
    return reference.year - 1 if candidate > reference + dt.timedelta(days=31) else reference.year


def _month(month: int, mod: str, reference: dt.date | None) -> _Resolved:
    if reference is None:
        return None
    year = reference.year
    if mod == "next":
        year += 1 if month <= reference.month else 0
    elif mod == "last":
        year -= 1 if month >= reference.month else 0
    elif mod != "this" and month > reference.month + 1:
        year -= 1
    return f"{year}-{month:02d}", "", False


def _count(
    group: dict[str, str | None], reference: dt.date | None, anchor: dt.date | None
) -> _Resolved:
    raw = (group["count"] or "").lower()
    count = NUMBERS[raw] if raw in NUMBERS else int(raw)
    direction = (group["dir"] or "").lower()
    base = reference if direction == "ago" else anchor
    if base is None:
        return None
    sign = {"ago": -1, "after": -1, "before": 1, "later": 1, "earlier": -1}[direction]
    unit = (group["unit"] or "").lower()
    forward = direction in {"after", "before"}
    if unit == "day":
        return (base + dt.timedelta(days=sign * count)).isoformat(), "", forward
    if unit == "week":
        return _week(base + dt.timedelta(weeks=sign * count)), "week of", forward
    if unit == "month":
        return _shift_month(base, sign * count), "", forward
    return str(base.year + sign * count), "", forward


def _relative(
    kind: str,
    group: dict[str, str | None],
    reference: dt.date | None,
    anchor: dt.date | None,
) -> _Resolved:
    if reference is None:
        return None
    if kind == "weekday":
        return _weekday(WEEKDAYS.index(group["weekday"] or ""), group["mod"], reference)
    if kind == "named_day":
        shift = {"yesterday": -1, "tomorrow": 1}.get((group["named"] or "").lower(), 0)
        return (reference + dt.timedelta(days=shift)).isoformat(), "", False
    if kind == "vague_days":
        forward = (group["dir"] or "").lower() != "ago"
        return _shift_month(anchor or reference, 0), "", forward
    which = (group["which"] or "").lower()
    if which == "past":
        return None
    step = {"last": -1, "this": 0, "next": 1}[which]
    unit = (group["unit"] or "").lower()
    if unit == "week":
        return _week(reference + dt.timedelta(weeks=step)), "week of", False
    if unit == "month":
        return _shift_month(reference, step), "", False
    return str(reference.year + step), "", False


def _weekday(target: int, mod: str | None, reference: dt.date) -> _Resolved:
    mod = (mod or "").lower()
    back = (reference.weekday() - target) % 7
    if mod == "next":
        return (
            (reference + dt.timedelta(days=(target - reference.weekday()) % 7 or 7)).isoformat(),
            "",
            False,
        )
    if mod == "last":
        back = back or 7
    return (reference - dt.timedelta(days=back)).isoformat(), "", False


def _week(day: dt.date) -> str:
    return (day - dt.timedelta(days=day.weekday())).isoformat()


def _shift_month(day: dt.date, months: int) -> str:
    index = day.year * 12 + day.month - 1 + months
    return f"{index // 12}-{index % 12 + 1:02d}"
