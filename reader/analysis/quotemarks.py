"""Pairing quotation marks inside a paragraph, tolerant of the mess real articles contain.

Each mark's role comes from what flanks it, the way CommonMark decides emphasis: a mark
after a blank and before a word opens, a mark after a word and before a blank or
punctuation closes; the glyph (“ versus ”) only breaks ties. So „…“, «…», »…«, ”…” and
straight quotes all pair. A single mark between two letters (haven’t, brand's) is an
apostrophe, and a single closing mark after a word closes only when a single quote is
open (Kardashians' stays an apostrophe). Marks nest on a stack: a closing mark closes the
nearest open quote of its family and drops unclosed quotes nested inside it.

Unbalanced marks never reach past their paragraph: at the paragraph's end an open double
quote (or a typographic ‘ quote) is reported without a closing mark. A second double quote
of the same glyph style opening while one is open means the first lost its closing mark,
so the first ends there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Family = Literal["double", "single"]

DOUBLE_MARKS = '"“”„‟«»'
SINGLE_MARKS = "'‘’‚‛‹›"
MARKS = DOUBLE_MARKS + SINGLE_MARKS
_OPENING_GLYPHS = "“„‟«‘‚‛‹"
_CLOSING_GLYPHS = "”»’›"
_TYPOGRAPHIC_SINGLE_OPENERS = "‘‚‹"
_OPEN_CONTEXT = "([{<—–-‐/,;:" + MARKS
_CLOSE_CONTEXT = ".,;:!?)]}>…—–-‐/" + MARKS
_ELISIONS = re.compile(r"(?:tis|twas|em|til|cause|cos|bout|round|n)\b", re.IGNORECASE)
_MARK = re.compile(f"[{re.escape(MARKS)}]")


@dataclass(frozen=True, slots=True)
class Quoted:
    """A top-level quotation: its opening mark and where its text stops.

    `end` is the closing mark's offset when `closed`, otherwise where the text was cut (the
    paragraph's end, or the next opening mark of the same style).
    """

    open: int
    end: int
    family: Family
    closed: bool = True
    continued: bool = False
    """No closing mark because the next paragraph reopens the quote (English convention)."""


@dataclass(slots=True)
class _Open:
    at: int
    family: Family
    style: str


def family(mark: str) -> Family:
    """Whether a quotation mark is a double or a single one."""
    return "double" if mark in DOUBLE_MARKS else "single"


def _style(mark: str) -> str:
    if mark in "\"'":
        return "straight"
    if mark in "«»‹›":
        return "guillemet"
    if mark in "„‚":
        return "low"
    return "curly"


def scan_paragraph(text: str, start: int, end: int, reopened: str = "") -> list[Quoted]:
    """The top-level quotations of the paragraph `text[start:end]`, in order.

    `reopened` is the first character of the next paragraph, which tells whether an open
    quote continues there.
    """
    found: list[Quoted] = []
    stack: list[_Open] = []
    for match in _MARK.finditer(text, start, end):
        at = match.start()
        role = _role(text, at, start, end, stack)
        if role == "close":
            _close(stack, family(text[at]), at, found)
        elif role == "open":
            mark = text[at]
            if stack and stack[-1].family == family(mark) and stack[-1].style == _style(mark):
                lost = stack.pop()
                if not stack:
                    found.append(Quoted(lost.at, at, lost.family, closed=False))
            stack.append(_Open(at, family(mark), _style(mark)))
    if stack:
        first = stack[0]
        if first.family == "double" or text[first.at] in _TYPOGRAPHIC_SINGLE_OPENERS:
            continues = bool(reopened) and reopened in MARKS and family(reopened) == first.family
            found.append(Quoted(first.at, end, first.family, closed=False, continued=continues))
    return found


def _close(stack: list[_Open], fam: Family, at: int, found: list[Quoted]) -> None:
    while stack:
        top = stack.pop()
        if top.family == fam:
            if not stack:
                found.append(Quoted(top.at, at, fam))
            return


def _role(text: str, at: int, start: int, end: int, stack: list[_Open]) -> str | None:
    """ "open", "close" or None (an apostrophe or a stray mark) for the mark at `at`."""
    mark = text[at]
    before = text[at - 1] if at > start else " "
    after = text[at + 1] if at + 1 < end else " "
    fam = family(mark)
    is_open = any(o.family == fam for o in stack)
    if fam == "single":
        if before.isalnum() and after.isalnum():
            return None
        if mark in "'‘‛" and (after.isdigit() or _ELISIONS.match(text, at + 1, end)):
            return None
    can_open = (before.isspace() or before in _OPEN_CONTEXT) and not after.isspace()
    can_close = (after.isspace() or after in _CLOSE_CONTEXT) and not before.isspace()
    if can_open == can_close:
        if mark in _OPENING_GLYPHS:
            can_open, can_close = True, False
        elif mark in _CLOSING_GLYPHS:
            can_open, can_close = False, True
        elif can_open:
            can_open, can_close = not is_open, is_open
        else:
            return None
    if can_close:
        if is_open:
            return "close"
        return None
    if mark == "’":
        return None
    return "open"
