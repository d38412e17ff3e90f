"""The analysis of a story: pure functions from a Story to an Analysis."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.lazy import lazy_names

if TYPE_CHECKING:
    from reader.analysis.context import SentenceContext as SentenceContext
    from reader.analysis.dates import find_dates as find_dates
    from reader.analysis.diff import judge as judge
    from reader.analysis.diff import word_diff as word_diff
    from reader.analysis.matching import match_quotes as match_quotes
    from reader.analysis.paraphrase import THRESHOLD as THRESHOLD
    from reader.analysis.paraphrase import similarity as similarity
    from reader.analysis.paraphrase import stems as stems
    from reader.analysis.passages import paragraphs as paragraphs
    from reader.analysis.passages import sentences as sentences
    from reader.analysis.pipeline import analyze as analyze
    from reader.analysis.pipeline import collector_paused as collector_paused
    from reader.analysis.progress import Progress as Progress
    from reader.analysis.quotemarks import MARKS as MARKS
    from reader.analysis.quotes import extract_quotes as extract_quotes
    from reader.analysis.speakers import attribute_speakers as attribute_speakers
    from reader.analysis.speakers import discover_speakers as discover_speakers
    from reader.analysis.speakers import resolve_speaker as resolve_speaker
    from reader.analysis.timeline import extract_events as extract_events

__getattr__, __all__ = lazy_names(__name__, __file__)
