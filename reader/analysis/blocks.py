"""Block quotes: speech printed with no quotation marks after a line such as "She said:".

The rule is deliberately conservative. An introducer is a paragraph ending in a colon whose
last words hold a speech verb or a statement noun ("CBS News reported:", "She continued:",
"issued an apology on Instagram, saying:", "Similar post:"), but not an imperative at the
start of the line ("Read more:"). The paragraph right after it is a block quote unless it
is a headline, opens with a quotation mark or holds quotations of its own (then the marks
speak for themselves), ends in a colon, or is under three words. Later paragraphs join the
block only while they read as first-person speech (I, we, my, our…) and do not start like
narration (she, he, they, it) — the first narration paragraph ends the block.
"""

from __future__ import annotations

from collections.abc import Iterator, Set

from reader.analysis.passages import Span, is_headline
from reader.analysis.quotemarks import MARKS
from reader.analysis.speech import (
    FIRST_PLURAL,
    FIRST_SINGULAR,
    SPEECH_VERBS,
    STATEMENT_NOUNS,
)
from reader.analysis.speech import words as words_of

_NARRATION_STARTS = frozenset("she he they it his her their its".split())


def is_introducer(text: str, start: int, end: int) -> bool:
    """Whether the paragraph `text[start:end]` ends by announcing a quotation."""
    if not text[start:end].rstrip().endswith(":"):
        return False
    found = words_of(text[start:end])
    last = found[-8:]
    offset = len(found) - len(last)
    return any(
        w in STATEMENT_NOUNS or (w in SPEECH_VERBS and offset + i > 0) for i, w in enumerate(last)
    )


def block_quotes(text: str, paras: list[Span], quoted: Set[int]) -> Iterator[Span]:
    """The paragraphs that are unmarked block quotes; `quoted` indexes paragraphs with marks."""
    index = 0
    while index < len(paras) - 1:
        if not is_introducer(text, *paras[index]):
            index += 1
            continue
        index += 1
        first = True
        while index < len(paras) and _continues(text, paras[index], first, index in quoted):
            yield paras[index]
            first = False
            index += 1


def _continues(text: str, span: Span, first: bool, has_marks: bool) -> bool:
    start, end = span
    found = words_of(text[start:end])
    if has_marks or text[start] in MARKS or len(found) < 3:
        return False
    if is_headline(text, start, end) or text[start:end].endswith(":"):
        return False
    if first:
        return True
    first_person = any(w in FIRST_SINGULAR or w in FIRST_PLURAL for w in found)
    return first_person and found[0] not in _NARRATION_STARTS
