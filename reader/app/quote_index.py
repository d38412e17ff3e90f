"""What the reader needs from an analysis, indexed once so every key press is a lookup.

Built once per analysis (in the worker thread), never per key: shared quotes in reading
order with their colours, each source's quotes sorted by offset, speakers with counts,
events in date order. No Textual here, so it is tested like the core.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from reader.model import CERTAIN, Analysis, Cluster, Event, Match, Occurrence, Story
from reader.report import assign_colours, reading_order, short_names


@dataclass(frozen=True)
class Placed:
    """One source's occurrence of a cluster, as a column shows it."""

    cluster: Cluster
    occurrence: Occurrence

    @property
    def start(self) -> int:
        return self.occurrence.start

    @property
    def end(self) -> int:
        return self.occurrence.end


@dataclass(frozen=True)
class SpeakerCount:
    """A speaker with the statements attributed to them."""

    name: str
    quotes: int
    shared: int
    kind: str | None = None
    """"person" or "organisation" when known."""


def plural(count: int, word: str) -> str:
    """ "1 quote", "2 quotes"."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def speaker_uncertain(cluster: Cluster) -> bool:
    """A named speaker the analysis is not sure of."""
    return cluster.speaker is not None and cluster.speaker_confidence < CERTAIN


def speaker_label(cluster: Cluster) -> str:
    """The speaker as the reader shows it: `?` when uncertain, "unknown speaker" when none."""
    if cluster.speaker is None:
        return "unknown speaker"
    return f"{cluster.speaker}?" if speaker_uncertain(cluster) else cluster.speaker


class QuoteIndex:
    """Lookups over one story's analysis; immutable once built."""

    def __init__(self, story: Story, analysis: Analysis) -> None:
        self.story = story
        self.analysis = analysis
        self.clusters = {cluster.id: cluster for cluster in analysis.clusters}
        self.shared: tuple[Cluster, ...] = tuple(reading_order(story, analysis.shared))
        self.colour_of = assign_colours(story, analysis)
        self.names = short_names(story.sources)
        """Each source's short name, which tells it from the others where space is tight."""
        self._placed: dict[str, list[Placed]] = {source.id: [] for source in story.sources}
        for cluster in analysis.clusters:
            for occurrence in cluster.occurrences:
                self._placed.setdefault(occurrence.source, []).append(Placed(cluster, occurrence))
        for placed in self._placed.values():
            placed.sort(key=lambda p: (p.start, -p.end))
        self._starts = {sid: [p.start for p in placed] for sid, placed in self._placed.items()}
        self.reuse: dict[str, list[Occurrence]] = {source.id: [] for source in story.sources}
        for reuse in analysis.reuse:
            for occurrence in reuse.occurrences:
                self.reuse.setdefault(occurrence.source, []).append(occurrence)
        self.events: tuple[Event, ...] = tuple(
            sorted(analysis.events, key=lambda e: (e.date, e.label))
        )
        self.speakers = self._count_speakers()

    def _count_speakers(self) -> tuple[SpeakerCount, ...]:
        quotes = Counter(c.speaker for c in self.analysis.clusters if c.speaker)
        shared = Counter(c.speaker for c in self.shared if c.speaker)
        kinds = {s.name: s.kind for s in (*self.story.speakers, *self.analysis.speakers)}
        counts = [
            SpeakerCount(name, n, shared[name], kinds.get(name)) for name, n in quotes.items()
        ]
        return tuple(sorted(counts, key=lambda s: (-s.shared, -s.quotes, s.name)))

    def placed(self, source_id: str) -> list[Placed]:
        """Every quote of the source (shared and one-source), by offset."""
        return self._placed.get(source_id, [])

    def overlapping(self, source_id: str, start: int, end: int) -> list[Placed]:
        """The source's quotes that overlap `[start, end)` (an empty range counts its start)."""
        placed = self._placed.get(source_id, [])
        stop = bisect_left(self._starts.get(source_id, []), max(end, start + 1))
        return [p for p in placed[:stop] if p.end > start]

    def visible(self, cluster: Cluster, speaker: str | None) -> bool:
        """Whether the speaker filter keeps this cluster highlighted."""
        return speaker is None or cluster.speaker == speaker

    def shared_in(self, source_id: str, speaker: str | None) -> list[Placed]:
        """The shared quotes of a source that the filter keeps, by offset."""
        return [
            p
            for p in self.placed(source_id)
            if p.cluster.id in self.colour_of and self.visible(p.cluster, speaker)
        ]

    def sources_with(self, cluster: Cluster) -> list[str]:
        """The ids of the sources that carry the cluster, in story order."""
        carried = {o.source for o in cluster.occurrences}
        return [source.id for source in self.story.sources if source.id in carried]

    def matches(self, cluster: Cluster) -> Counter[Match]:
        """How many occurrences of each match kind."""
        return Counter(o.match for o in cluster.occurrences)

    def events_for(self, speaker: str | None) -> tuple[Event, ...]:
        """Events in date order; with a speaker, those told around their quotes or naming them."""
        if speaker is None:
            return self.events
        names = [speaker.casefold()]
        for known in self.analysis.speakers:
            if known.name == speaker:
                names.extend(alias.casefold() for alias in known.aliases)
        spans = [
            (o.source, o.start, o.end)
            for c in self.analysis.clusters
            if c.speaker == speaker
            for o in c.occurrences
        ]

        def related(event: Event) -> bool:
            if any(name in event.label.casefold() for name in names):
                return True
            return any(
                src == e.source and start < e.end and e.start < end
                for e in event.evidence
                for src, start, end in spans
            )

        return tuple(event for event in self.events if related(event))


def event_sources(event: Event) -> int:
    """How many sources tell the event."""
    return len({span.source for span in event.evidence})
