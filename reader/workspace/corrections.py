"""The user's corrections of the analysis, applied after it so the cached analysis stays valid.

Annotations are applied in a fixed order whatever order they come in: "not a quote" removals,
then "same quote" merges, then speakers (so a speaker set on one copy of a merged quote holds for
all copies), then dated annotations as timeline events. Orphaned annotations change nothing.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from reader.annotations import cluster_at, overlap
from reader.model import (
    Analysis,
    Annotation,
    Cluster,
    Event,
    Match,
    Occurrence,
    Quote,
    Resolved,
    Span,
    Speaker,
    Story,
)
from reader.text import tokens

__all__ = ["apply_corrections"]

_LABEL_CHARS = 80


def apply_corrections(analysis: Analysis, story: Story, resolved: Sequence[Resolved]) -> Analysis:
    """The analysis as the user's annotations say it should be."""
    placed = sorted(
        ((r.annotation, r.span) for r in resolved if r.span is not None),
        key=lambda item: (item[0].created, item[0].id),
    )
    by_id = {annotation.id: span for annotation, span in placed}
    for annotation, span in placed:
        if annotation.kind == "not-quote":
            analysis = _not_quote(analysis, span)
    for annotation, span in placed:
        other = by_id.get(annotation.same_as or "")
        if annotation.kind == "same-quote" and other is not None:
            analysis = _same_quote(analysis, story, span, other)
    for annotation, span in placed:
        if annotation.speaker and annotation.kind != "not-quote":
            analysis = _speaker(analysis, story, annotation, span)
    events = [_event(a, span) for a, span in placed if a.date]
    if events:
        merged = sorted([*analysis.events, *events], key=lambda e: e.date)
        analysis = replace(analysis, events=tuple(merged))
    return analysis


def _not_quote(analysis: Analysis, span: Span) -> Analysis:
    """Drop every quote and cluster occurrence the passage overlaps."""

    def hit(source: str, start: int, end: int) -> bool:
        return overlap(span, source, start, end) > 0

    clusters = []
    for cluster in analysis.clusters:
        kept = tuple(o for o in cluster.occurrences if not hit(o.source, o.start, o.end))
        if kept:
            clusters.append(replace(cluster, occurrences=kept))
    return replace(
        analysis,
        quotes=tuple(q for q in analysis.quotes if not hit(q.source, q.start, q.end)),
        clusters=tuple(clusters),
    )


def _same_quote(analysis: Analysis, story: Story, span: Span, other: Span) -> Analysis:
    """One cluster for both passages, at most one occurrence per source."""
    if span.source == other.source:
        return analysis
    first, second = cluster_at(analysis.clusters, span), cluster_at(analysis.clusters, other)
    if first is not None and first is second:
        return analysis
    clusters = list(analysis.clusters)
    # The cluster listed first survives, so the result does not depend on which passage
    # carries the annotation.
    if second is not None and (first is None or clusters.index(second) < clusters.index(first)):
        first, second, span, other = second, first, other, span
    pinned = [_occurrence_at(analysis, span, first), _occurrence_at(analysis, other, first)]
    pinned_sources = {o.source for o in pinned}
    rest = [
        o
        for cluster in (first, second)
        if cluster is not None
        for o in cluster.occurrences
        if o.source not in pinned_sources
    ]
    occurrences: list[Occurrence] = []
    for occurrence in [*pinned, *rest]:
        if all(o.source != occurrence.source for o in occurrences):
            occurrences.append(occurrence)
    occurrences.sort(key=_in_reading_order(story))
    if first is None:
        merged = Cluster(
            id=f"annotated-{span.source}-{span.start}",
            text=pinned[0].text,
            speaker=None,
            occurrences=tuple(occurrences),
        )
        return replace(analysis, clusters=(*analysis.clusters, merged))
    speaker, confidence = first.speaker, first.speaker_confidence
    if second is not None and second.speaker_confidence > confidence:
        speaker, confidence = second.speaker, second.speaker_confidence
    merged = replace(
        first, occurrences=tuple(occurrences), speaker=speaker, speaker_confidence=confidence
    )
    clusters = [merged if c is first else c for c in clusters if c is not second]
    return replace(analysis, clusters=tuple(clusters))


def _in_reading_order(story: Story) -> Callable[[Quote | Occurrence], tuple[int, int]]:
    """A sort key: the story's source order, then position in the source."""
    order = {s.id: i for i, s in enumerate(story.sources)}
    return lambda item: (order.get(item.source, len(order)), item.start)


def _occurrence_at(analysis: Analysis, span: Span, cluster: Cluster | None) -> Occurrence:
    """The passage as an occurrence: the cluster's or a quote's if one is there, else itself."""
    for existing in cluster.occurrences if cluster is not None else ():
        if overlap(span, existing.source, existing.start, existing.end):
            return existing
    quote = _best_overlap(analysis.quotes, span)
    found = span if quote is None else Span(quote.source, quote.start, quote.end, quote.text)
    if cluster is None:
        return Occurrence(found.source, found.start, found.end, found.text)
    similarity = _similarity(cluster.text, found.text)
    match: Match = "exact" if similarity == 1.0 else "variant"
    return Occurrence(found.source, found.start, found.end, found.text, match, similarity)


def _similarity(a: str, b: str) -> float:
    words_a, words_b = [t.norm for t in tokens(a)], [t.norm for t in tokens(b)]
    return round(difflib.SequenceMatcher(None, words_a, words_b, autojunk=False).ratio(), 3)


def _best_overlap(quotes: Iterable[Quote], span: Span) -> Quote | None:
    best: tuple[int, Quote] | None = None
    for quote in quotes:
        shared = overlap(span, quote.source, quote.start, quote.end)
        if shared and (best is None or shared > best[0]):
            best = (shared, quote)
    return None if best is None else best[1]


def _speaker(analysis: Analysis, story: Story, annotation: Annotation, span: Span) -> Analysis:
    """The passage's quotes and clusters, and every copy of those clusters, get the speaker.

    The speaker analysis is imported here, for a speaker correction only: a UI applying the
    corrections to a cached analysis need not import the analysis at all."""
    from reader.analysis import resolve_speaker

    assert annotation.speaker is not None
    name = resolve_speaker(annotation.speaker, story.speakers) or annotation.speaker
    clusters = [
        c
        for c in analysis.clusters
        if any(overlap(span, o.source, o.start, o.end) for o in c.occurrences)
    ]
    copies = [o for c in clusters for o in c.occurrences]

    def said(quote: Quote) -> bool:
        return overlap(span, quote.source, quote.start, quote.end) > 0 or any(
            overlap(Span(o.source, o.start, o.end, o.text), quote.source, quote.start, quote.end)
            for o in copies
        )

    quotes = [
        replace(q, speaker=name, speaker_confidence=1.0) if said(q) else q for q in analysis.quotes
    ]
    if not any(map(said, analysis.quotes)):
        if annotation.kind != "speaker":
            return analysis
        quotes.append(Quote(span.source, span.start, span.end, span.text, "marked", name, 1.0))
        quotes.sort(key=_in_reading_order(story))
    speakers = analysis.speakers
    if all(s.name != name for s in speakers):
        speakers = (*speakers, Speaker(name))
    return replace(
        analysis,
        quotes=tuple(quotes),
        clusters=tuple(
            replace(c, speaker=name, speaker_confidence=1.0) if c in clusters else c
            for c in analysis.clusters
        ),
        speakers=speakers,
    )


def _event(annotation: Annotation, span: Span) -> Event:
    """A dated annotation as a timeline event whose evidence is the passage."""
    label = annotation.note.strip().splitlines()[0] if annotation.note.strip() else span.text
    label = " ".join(label.split())
    if len(label) > _LABEL_CHARS:
        label = label[: _LABEL_CHARS - 1].rstrip() + "…"
    assert annotation.date is not None
    return Event(annotation.date, label, (span,), "annotation")
