"""Find a phrase in every source, ignoring case and curly/straight quote and dash styles."""

from __future__ import annotations

import re

from reader.model import Span, Story
from reader.text import fold


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
