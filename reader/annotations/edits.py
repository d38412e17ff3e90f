"""What a UI or a script does with annotations, as pure functions on values.

Changes are written as `change(list) -> list` functions (`adding`, `editing`, `deleting`) so
the store can apply them to what is on disk at the moment of saving: two edits made in
different windows merge instead of one clobbering the other.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import get_args

from reader.annotations.anchoring import make_anchor, resolve
from reader.errors import ReaderError
from reader.model import (
    Analysis,
    Annotation,
    AnnotationKind,
    Cluster,
    Resolved,
    Source,
    Span,
    Story,
    is_event_date,
)

__all__ = [
    "KINDS",
    "Change",
    "Placement",
    "adding",
    "check_date",
    "cluster_at",
    "cluster_of",
    "deleting",
    "edit_annotation",
    "editing",
    "new_annotation",
    "overlap",
    "placements",
    "resolve_all",
    "timestamp",
    "touching",
]

KINDS: tuple[AnnotationKind, ...] = get_args(AnnotationKind)
Change = Callable[[list[Annotation]], list[Annotation]]
_EDITABLE = frozenset({"kind", "label", "speaker", "note", "date", "same_as"})


def timestamp(now: dt.datetime | None = None) -> str:
    """UTC time to the second, ISO 8601 with a Z, as stored in `created` / `updated`."""
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    return moment.replace(microsecond=0, tzinfo=None).isoformat() + "Z"


def check_date(date: str | None) -> str | None:
    """The date if it is a real YYYY, YYYY-MM or YYYY-MM-DD (a timeline event's precisions);
    ReaderError otherwise."""
    if date is None:
        return None
    if not is_event_date(date):
        raise ReaderError(f"date {date!r} is not a real date like 2022, 2022-11 or 2022-11-28")
    return date


def _new_id(taken: Collection[str]) -> str:
    while True:
        candidate = "a-" + secrets.token_hex(4)
        if candidate not in taken:
            return candidate


def new_annotation(
    source: Source,
    start: int,
    end: int,
    *,
    kind: AnnotationKind = "note",
    label: str | None = None,
    speaker: str | None = None,
    note: str = "",
    date: str | None = None,
    same_as: str | None = None,
    taken: Collection[str] = (),
    now: dt.datetime | None = None,
) -> Annotation:
    """A fresh annotation on `source.text[start:end]`, with an id not in `taken`."""
    if kind not in KINDS:
        raise ReaderError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    if kind == "same-quote" and not same_as:
        raise ReaderError('a "same-quote" annotation needs the id of the other passage\'s one')
    created = timestamp(now)
    return Annotation(
        id=_new_id(taken),
        anchor=make_anchor(source, start, end),
        kind=kind,
        label=label or None,
        speaker=speaker or None,
        note=note,
        date=check_date(date or None),
        same_as=same_as or None,
        created=created,
        updated=created,
    )


def edit_annotation(
    annotation: Annotation, now: dt.datetime | None = None, **changes: str | None
) -> Annotation:
    """The annotation with some of kind/label/speaker/note/date/same_as changed, re-stamped."""
    unknown = set(changes) - _EDITABLE
    if unknown:
        raise ValueError(f"cannot edit {', '.join(sorted(unknown))}")
    if changes.get("kind", annotation.kind) not in KINDS:
        raise ReaderError(f"kind {changes['kind']!r} is not one of {', '.join(KINDS)}")
    if "date" in changes:
        check_date(changes["date"])
    if "note" in changes:
        changes["note"] = changes["note"] or ""
    edited = replace(annotation, **changes)  # type: ignore[arg-type]
    return replace(edited, updated=timestamp(now)) if edited != annotation else annotation


def adding(annotation: Annotation) -> Change:
    """A change that appends the annotation."""

    def change(current: list[Annotation]) -> list[Annotation]:
        if any(a.id == annotation.id for a in current):
            raise ReaderError(f"annotation id {annotation.id} is already taken")
        return [*current, annotation]

    return change


def editing(annotation_id: str, now: dt.datetime | None = None, **changes: str | None) -> Change:
    """A change that edits one annotation as it is on disk now."""

    def change(current: list[Annotation]) -> list[Annotation]:
        _require(current, annotation_id)
        return [edit_annotation(a, now, **changes) if a.id == annotation_id else a for a in current]

    return change


def deleting(annotation_id: str) -> Change:
    """A change that removes one annotation (and is a no-op if someone else already did)."""

    def change(current: list[Annotation]) -> list[Annotation]:
        return [a for a in current if a.id != annotation_id]

    return change


def _require(current: Sequence[Annotation], annotation_id: str) -> None:
    if all(a.id != annotation_id for a in current):
        raise ReaderError(f"annotation {annotation_id} no longer exists (deleted elsewhere?)")


def resolve_all(annotations: Iterable[Annotation], story: Story) -> list[Resolved]:
    """Every annotation placed on the current text; a missing source leaves it orphaned."""
    sources = {s.id: s for s in story.sources}
    return [resolve(a, sources.get(a.anchor.source)) for a in annotations]


def overlap(span: Span, source: str, start: int, end: int) -> int:
    """Characters `span` shares with `[start, end)` of `source` (0 when apart)."""
    if span.source != source:
        return 0
    return max(0, min(span.end, end) - max(span.start, start))


def cluster_at(clusters: Iterable[Cluster], span: Span) -> Cluster | None:
    """The cluster whose occurrence in the span's source overlaps it most (first on a tie)."""
    best: tuple[int, Cluster] | None = None
    for cluster in clusters:
        occurrence = cluster.occurrence(span.source)
        if occurrence is None:
            continue
        shared = overlap(span, occurrence.source, occurrence.start, occurrence.end)
        if shared and (best is None or shared > best[0]):
            best = (shared, cluster)
    return None if best is None else best[1]


def cluster_of(resolved: Resolved, analysis: Analysis) -> Cluster | None:
    """The shared quote an annotation sits on, so it can be shown on every copy of it."""
    if resolved.span is None:
        return None
    return cluster_at(analysis.shared, resolved.span)


@dataclass(frozen=True)
class Placement:
    """Where an annotation shows: its own passage, or (`via` a cluster) another outlet's copy."""

    resolved: Resolved
    span: Span
    via: str | None = None


def placements(resolved: Iterable[Resolved], analysis: Analysis) -> list[Placement]:
    """Each placed annotation on its passage and on every other occurrence of its shared quote."""
    found: list[Placement] = []
    for item in resolved:
        if item.span is None:
            continue
        found.append(Placement(item, item.span))
        cluster = cluster_of(item, analysis)
        if cluster is None:
            continue
        found.extend(
            Placement(item, Span(o.source, o.start, o.end, o.text), cluster.id)
            for o in cluster.occurrences
            if o.source != item.span.source
        )
    return found


def touching(found: Iterable[Placement], source: str, start: int, end: int) -> list[Placement]:
    """The placements overlapping `[start, end)` of `source`; an empty range means a point."""
    return [p for p in found if overlap(p.span, source, start, max(end, start + 1))]
