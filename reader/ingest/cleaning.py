"""Web junk out of a pasted article, and the title, outlet and date it gives away.

Only whole lines that are page furniture are removed ("Most Read", "Oops! Something went
wrong.", image credits, "Click here to read the full article."), plus a trailing "For more
information, ..." fragment. A line with a quotation mark in it is never junk: quotes are the
data this app exists for, so when in doubt a line stays.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["Cleaned", "clean_article"]

_QUOTE_MARKS = re.compile('["“”«»„]')
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*")
_BULLET = r"(?:[•·*\-–]\s*)?"
_JUNK = [
    re.compile(rf"{_BULLET}{p}", re.I)
    for p in (
        r"oops!?",
        r"something went wrong\.?",
        r"please try again later\.?",
        r"oops!? something went wrong\.?( please try again later\.?)?",
        r"click here to read the full (?:article|story)\.?",
        r"read the full (?:article|story)(?: here)?\.?",
        r"continue reading\.?",
        r"most (?:read|popular|shared|viewed)",
        r"(?:trending|popular) (?:now|stories)",
        r"advertisement",
        r"story continues below(?: advertisement)?",
        r"(?:similar|related) (?:posts?|articles?|stories|reading|content):?",
        r"(?:read more|also read|see also|related|recommended|you may also like):?",
        r"(?:share|share this|share on \w+|tweet|pin it|email)",
        r"(?:advertisement ?)+(?:continue reading the main story)?",
        r"image (?:copyright|caption)\b.*",
        r"media playback is unsupported on your device\b.*",
        r"click to (?:share|email|print)\b.*",
    )
]
# A label and a teaser ("WATCH: ...", "Related: ...", "PHOTOS: ..."): links to other pages.
_TEASER = re.compile(
    r"(?:watch|photos?|pictures|gallery|videos?|related|also|also read|read more|see also"
    r"|more|listen)\s*:(?:\s*\S+(?:\s+\S+){0,19})?",
    re.I,
)
_SECTION_LABELS = frozenset(
    [
        "news",
        "breaking-news",
        "latest",
        "top-stories",
        "entertainment",
        "celebrity",
        "celebrities",
        "celebrity-news",
        "fashion",
        "style",
        "beauty",
        "music",
        "hip-hop",
        "tv",
        "movies",
        "film",
        "politics",
        "world",
        "us",
        "uk",
        "business",
        "culture",
        "lifestyle",
        "sports",
        "opinion",
        "home",
        "exclusive",
    ]
)
_CREDIT = re.compile(
    r"(?:^(?:photo|photograph|image|picture|credit)s?(?: by|:)|\b(?:instagram|twitter|x)/@?\w"
    r"|\b(?:getty images|shutterstock|wireimage|filmmagic|ap photo|associated press|reuters"
    r"|afp|backgrid|splash news|mega agency|courtesy of)\b)",
    re.I,
)
_MORE_FROM = re.compile(r"more from (.{2,40})", re.I)
_AS_REPORTED = re.compile(
    r"\bAs ((?:[A-Z][\w!&'’.]*)(?: [A-Z][\w!&'’.]*){0,3}) "
    r"(?:previously |first |exclusively |earlier |originally )?reported\b"
)
_TRAILING = re.compile(r"\s*\bFor (?:more information|further information|comment),[^\"“”]*\Z")


@dataclass(frozen=True)
class Cleaned:
    """The article body as it will be stored, and what the page said about itself."""

    text: str
    title: str | None = None
    outlet: str | None = None
    date: dt.date | None = None


def clean_article(raw: str, headline: bool = True) -> Cleaned:
    """Strip web junk; read the ` date YYYY-MM-DD` header, the title and the outlet.

    `headline=False` leaves the first line in the body: an HTML page states its title.
    """
    text = _CONTROL.sub("", raw.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff"))
    date = None
    header = _HEADER.match(text)
    if header:
        date = _parse_date(header.group(1))
        text = text[header.end() :]
    lines = [line.strip() for line in text.split("\n")]
    outlet = _outlet(lines)
    lines = _drop_junk(lines)
    title, lines = _take_title(lines) if headline else (None, lines)
    body = _collapse_blank_lines(lines)
    body = _drop_trailing_fragment(body).strip()
    if outlet is None:
        reported = _AS_REPORTED.search(body)
        outlet = reported.group(1) if reported else None
    return Cleaned(text=body + "\n" if body else "", title=title, outlet=outlet, date=date)


def _parse_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _outlet(lines: list[str]) -> str | None:
    """The outlet from a "More from X" line: sites print their own name there."""
    for line in lines:
        found = _MORE_FROM.fullmatch(line)
        if found and len(found.group(1).split()) <= 4:
            return found.group(1).strip()
    return None


def _is_junk(line: str) -> bool:
    if not line or _QUOTE_MARKS.search(line):
        return False
    return any(p.fullmatch(line) for p in (*_JUNK, _TEASER, _MORE_FROM))


def _is_credit(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= 12
        and not _QUOTE_MARKS.search(line)
        and not line.endswith((".", "?", "!", ":"))
        and bool(_CREDIT.search(line))
        and "http" not in line
    )


def _is_caption(line: str) -> bool:
    """A short label above an image credit, such as the pictured person's name."""
    return 0 < len(line.split()) <= 8 and not _QUOTE_MARKS.search(line) and line[-1] not in ".?!:"


def _drop_junk(lines: list[str]) -> list[str]:
    kept: list[str] = []
    leading = True
    for line in lines:
        if leading and line.lower().replace(" ", "-") in _SECTION_LABELS:
            continue
        if _is_junk(line):
            continue
        if _is_credit(line):
            if kept and _is_caption(kept[-1]):
                kept.pop()
            continue
        if len(line.split()) > 3:
            leading = False
        kept.append(line)
    return kept


def _take_title(lines: list[str]) -> tuple[str | None, list[str]]:
    """The first line when it reads as a headline (short, no closing full stop), moved out
    of the body; the same headline printed again below it is dropped too."""
    index = next((i for i, line in enumerate(lines) if line), None)
    if index is None:
        return None, lines
    first = lines[index]
    if len(first.split()) > 25 or len(first) > 200 or first.endswith((".", ",", ";", ":")):
        return None, lines
    rest = lines[index + 1 :]
    following = next((i for i, line in enumerate(rest) if line), None)
    if following is not None and rest[following].casefold() == first.casefold():
        rest = rest[following + 1 :]
    return first, rest


def _collapse_blank_lines(lines: list[str]) -> str:
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))


def _drop_trailing_fragment(text: str) -> str:
    """Cut a closing "For more information, ..." aside, unless it sits inside a quotation."""
    found = _TRAILING.search(text)
    if found is None:
        return text
    paragraph = text[text.rfind("\n\n", 0, found.start()) + 1 : found.start()]
    if paragraph.count('"') % 2 or paragraph.count("“") > paragraph.count("”"):
        return text
    return text[: found.start()]
