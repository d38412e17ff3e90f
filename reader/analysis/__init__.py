"""The analysis of a story: pure functions from a Story to an Analysis."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TypeVar

from reader.analysis.matching import match_quotes
from reader.analysis.quotes import extract_quotes
from reader.analysis.speakers import attribute_speakers, discover_speakers
from reader.analysis.timeline import extract_events
from reader.model import Analysis, Quote, Story

__all__ = ["analyze"]

T = TypeVar("T")


def analyze(story: Story) -> Analysis:
    """Quotes, shared quotes, text reuse, speakers and events of the story."""
    timings: dict[str, float] = {}

    def timed(name: str, step: Callable[[], T]) -> T:
        started = time.perf_counter()
        result = step()
        timings[name] = time.perf_counter() - started
        return result

    found: list[Quote] = timed(
        "quotes", lambda: [q for s in story.sources for q in extract_quotes(s)]
    )
    speakers = timed("speaker discovery", lambda: discover_speakers(story, found))
    quotes: Sequence[Quote] = timed("speakers", lambda: attribute_speakers(story, found, speakers))
    clusters, reuse = timed("matching", lambda: match_quotes(story, quotes))
    events = timed("timeline", lambda: extract_events(story))
    return Analysis(
        story=story.id,
        quotes=tuple(quotes),
        clusters=tuple(clusters),
        reuse=tuple(reuse),
        events=tuple(events),
        speakers=tuple(speakers),
        timings=timings,
    )
