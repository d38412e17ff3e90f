"""The sentence around a passage: what a reader needs to judge a quote out of its column.

Sentences are cut the way the analysis cuts them (paragraphs, then sentences on the text
with its quotes masked), so a full stop inside a quote never ends the context early and a
quote of several sentences comes back whole with the words that introduce it.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable

from reader.analysis.passages import masked_text, paragraphs, sentences
from reader.model import Quote, Span, Story


class SentenceContext:
    """Finds the sentence(s) around any passage of a story's sources; each source is split
    once, on first use, and looked up by bisection."""

    def __init__(self, story: Story, quotes: Iterable[Quote]) -> None:
        self._texts = {s.id: s.text for s in story.sources}
        self._quotes: dict[str, list[Quote]] = defaultdict(list)
        for quote in quotes:
            self._quotes[quote.source].append(quote)
        self._bounds: dict[str, tuple[list[int], list[int]]] = {}

    def around(self, source: str, start: int, end: int) -> Span:
        """From the start of the sentence holding `start` to the end of the one holding
        `end` (the passage's own bounds where no sentence holds them); an unknown source
        gives the passage's offsets with no text."""
        text = self._texts.get(source)
        if text is None:
            return Span(source, start, end, "")
        starts, ends = self._sentences(source, text)
        first = bisect.bisect_right(starts, start) - 1
        last = bisect.bisect_left(ends, end)
        begin = starts[first] if first >= 0 and ends[first] > start else start
        finish = ends[last] if last < len(ends) and starts[last] < end else end
        begin, finish = min(begin, start), max(finish, end)
        return Span(source, begin, finish, text[begin:finish])

    def _sentences(self, source: str, text: str) -> tuple[list[int], list[int]]:
        if source not in self._bounds:
            masked = masked_text(text, self._quotes[source])
            spans = [
                _trimmed(text, a, b)
                for p_start, p_end in paragraphs(text)
                for a, b in sentences(masked, p_start, p_end)
            ]
            kept = [s for s in spans if s[0] < s[1]]
            self._bounds[source] = ([a for a, _ in kept], [b for _, b in kept])
        return self._bounds[source]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())
