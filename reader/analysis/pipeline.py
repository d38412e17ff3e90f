"""The whole analysis of a story, stage by stage, telling its progress."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

from reader.analysis.matching import match_quotes
from reader.analysis.progress import Progress
from reader.analysis.quotes import extract_quotes
from reader.analysis.speakers import attribute_speakers, discover_speakers
from reader.analysis.timeline import extract_events
from reader.model import Analysis, Quote, Story

T = TypeVar("T")


def analyze(story: Story, progress: Progress | None = None) -> Analysis:
    """Quotes, shared quotes, text reuse, speakers and events of the story; `progress`, if
    given, hears of each stage (a UI shows it while it waits)."""
    with collector_paused():
        return _analyze(story, progress or _unheard)


def _unheard(stage: str, done: int, total: int) -> None:
    """No one is listening."""


@contextmanager
def collector_paused() -> Iterator[None]:
    """The analysis allocates many small objects and no reference cycles, so the cyclic
    garbage collector's passes over them are pure cost (a fifth of the time on big stories)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _analyze(story: Story, progress: Progress) -> Analysis:
    timings: dict[str, float] = {}

    def timed(name: str, step: Callable[[], T]) -> T:
        started = time.perf_counter()
        result = step()
        timings[name] = time.perf_counter() - started
        return result

    def quotes_of_each_source() -> list[Quote]:
        found: list[Quote] = []
        for done, source in enumerate(story.sources, start=1):
            found += extract_quotes(source)
            progress("quotes", done, len(story.sources))
        return found

    progress("quotes", 0, len(story.sources))
    found: list[Quote] = timed("quotes", quotes_of_each_source)
    progress("speakers", 0, 1)
    speakers = timed("speaker discovery", lambda: discover_speakers(story, found))
    quotes: Sequence[Quote] = timed("speakers", lambda: attribute_speakers(story, found, speakers))
    progress("matching", 0, 1)
    clusters, reuse = timed("matching", lambda: match_quotes(story, quotes))
    progress("timeline", 0, 1)
    events = timed("timeline", lambda: extract_events(story, speakers))
    return Analysis(
        story=story.id,
        quotes=tuple(quotes),
        clusters=tuple(clusters),
        reuse=tuple(reuse),
        events=tuple(events),
        speakers=tuple(speakers),
        timings=timings,
    )
