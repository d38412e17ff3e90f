"""Paragraphs, headlines and sentences: the units quotes and their attributions live in.

A paragraph ends at a line break, except a single break that only wraps a sentence (the
next line starts lower-case, or a long line stops mid-sentence on a word or a comma): that
is a hard-wrapped line of the same paragraph. Sentences are found on a text whose
quotes are masked, so a full stop inside a quote never ends the narration's sentence.
"""

from __future__ import annotations

import bisect
import re

from reader.analysis.quotemarks import MARKS
from reader.model import Quote

Span = tuple[int, int]

_BREAK = re.compile(r"[ \t\r\f\v\u00a0]*\n(?:[ \t\r\f\v\u00a0]*\n)*[ \t\r\f\v\u00a0]*")
_SENTENCE_END = re.compile(r"[.!?…]+[_)\]\"”’»']*\s+(?=[_(\[\"“‘'«A-Z0-9])")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr st jr sr v vs no inc ltd co corp gov sen rep prof gen lt col capt sgt
    mt ft u.s u.k e.g i.e etc approx dept est jan feb mar apr jun jul aug sep sept oct nov
    dec""".split()
)
_WORD_BEFORE = re.compile(r"[A-Za-z.]+$")


def paragraphs(text: str) -> list[Span]:
    """The non-blank paragraphs of `text`, stripped of surrounding blanks."""
    spans: list[Span] = []
    start = 0
    for brk in _BREAK.finditer(text):
        if brk.group().count("\n") == 1 and _wrapped(text, start, brk.start(), brk.end()):
            continue
        _add_stripped(text, start, brk.start(), spans)
        start = brk.end()
    _add_stripped(text, start, len(text), spans)
    return spans


def _wrapped(text: str, start: int, line_end: int, next_start: int) -> bool:
    """Whether a single line break only wraps a sentence: the next line starts lower-case,
    or a long line stops on a word or a comma, mid-sentence."""
    if text[next_start : next_start + 1].islower():
        return True
    line_start = text.rfind("\n", start, line_end) + 1
    last = text[line_end - 1 : line_end]
    return line_end - line_start >= 40 and (last.isalnum() or last in ",;")


def _add_stripped(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def is_headline(text: str, start: int, end: int) -> bool:
    """A title-case line without closing punctuation: a headline or a subheading."""
    line = text[start:end]
    if "\n" in line or line.rstrip()[-1:] in {".", ":", ";", ","}:
        return False
    found = re.findall(r"[^\W\d_][\w'’-]*", line)
    if not 2 <= len(found) <= 25:
        return False
    long_words = [w for w in found if len(w) >= 4]
    if len(long_words) < 2:
        return False
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised >= 0.75 * len(long_words)


def sentences(masked: str, start: int, end: int) -> list[Span]:
    """The sentences of the paragraph `masked[start:end]` (quotes masked by `_`)."""
    spans: list[Span] = []
    begin = start
    for found in _SENTENCE_END.finditer(masked, start, end):
        before = _WORD_BEFORE.search(masked[max(start, found.start() - 12) : found.start()])
        word = before.group().lower() if before else ""
        if word.rstrip(".") in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        spans.append((begin, found.end()))
        begin = found.end()
    if begin < end:
        spans.append((begin, end))
    return spans


def sentence_at(spans: list[Span], offset: int) -> Span:
    """The span of `spans` (in order, not overlapping) holding `offset` (the last one when
    none does)."""
    at = bisect.bisect_right(spans, offset, key=lambda span: span[0]) - 1
    return spans[at] if at >= 0 and offset < spans[at][1] else spans[-1]


def masked_text(text: str, quotes: list[Quote]) -> str:
    """`text` with every quote and its marks replaced by `_` (a final .!? kept)."""
    chars = list(text)
    for quote in quotes:
        start = quote.start - (quote.start > 0 and text[quote.start - 1] in MARKS)
        end = quote.end + (quote.end < len(text) and text[quote.end] in MARKS)
        chars[start:end] = "_" * (end - start)
        if quote.text[-1:] in {".", "!", "?"}:
            chars[quote.end - 1] = quote.text[-1]
    return "".join(chars)
