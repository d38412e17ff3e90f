"""Find a phrase in every source (ignoring case and quote and dash styles), and step
through the matches."""

from __future__ import annotations

import re

from reader.model import Span, Story
from reader.report import shorten
from reader.text import fold

QUERY_SHOWN = 24
"""How much of the query the header repeats."""


def _comparable(text: str) -> str:
    """`fold(text)` when it keeps offsets (it does for NFC text), else the text itself."""
    folded = fold(text)
    return folded if len(folded) == len(text) else text


def find_all(story: Story, query: str) -> list[Span]:
    """Every match of `query` in the story, in source order then text order."""
    query = query.strip()
    if not query:
        return []
    pattern = re.compile(re.escape(_comparable(query)), re.IGNORECASE)
    return [
        Span(source.id, m.start(), m.end(), source.text[m.start() : m.end()])
        for source in story.sources
        for m in pattern.finditer(_comparable(source.text))
    ]


class Search:
    """The search box's matches and which one the reader is at (-1: none yet)."""

    def __init__(self, story: Story) -> None:
        self.story = story
        self.query = ""
        self.hits: list[Span] = []
        self.at = -1

    def find(self, query: str) -> dict[str, tuple[tuple[int, int], ...]]:
        """Search for `query`; the matches' spans of each source (every source listed)."""
        self.query, self.hits, self.at = query, find_all(self.story, query), -1
        by_source: dict[str, list[tuple[int, int]]] = {s.id: [] for s in self.story.sources}
        for hit in self.hits:
            by_source[hit.source].append((hit.start, hit.end))
        return {source: tuple(spans) for source, spans in by_source.items()}

    def step(self, step: int, here: tuple[int, int]) -> Span | None:
        """The next (1) or previous (-1) match, wrapping around; the first one is the first
        after `here` (the source's position in the story, an offset in it)."""
        hits = self.hits
        if not hits:
            return None
        if self.at < 0:
            order = {source.id: i for i, source in enumerate(self.story.sources)}
            after = next(
                (i for i, h in enumerate(hits) if (order[h.source], h.start) >= here), len(hits)
            )
            self.at = after if step > 0 else after - 1
        else:
            self.at += step
        self.at %= len(hits)
        return hits[self.at]

    def status(self) -> str:
        """What the header says about the search (empty when there is none); a long query
        is cut so the count still shows. The key bar shows F3 / shift+F3."""
        if not self.query.strip():
            return ""
        query = shorten(self.query, QUERY_SHOWN)
        if not self.hits:
            return f"search “{query}”: no match"
        if self.at < 0:
            return f"search “{query}”: {len(self.hits)} matches"
        return f"search “{query}”: {self.at + 1}/{len(self.hits)}"
