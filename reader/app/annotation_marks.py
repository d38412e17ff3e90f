"""How annotations show: marks on the columns' text, a glyph in the gutter, a line of detail.

An annotated passage is underlined, and coloured only where no shared-quote highlight
already colours it, so the mark combines with the quote highlights instead of hiding them.
The gutter carries ✎ on the passage's first line and ┊ down the rest. An annotation on a
shared quote shows on every source's copy of it ("annotate once, see it everywhere").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

from reader.annotations import Placement, placements, touching
from reader.app.highlights import Mark
from reader.app.quote_index import QuoteIndex
from reader.model import Annotation, Resolved

if TYPE_CHECKING:
    from reader.workspace import Workspace

Span = tuple[int, int]

NOTE_START = "✎"
NOTE_LINE = "┊"
KIND_NAMES = {
    "note": "note",
    "speaker": "speaker fix",
    "not-quote": "not a quote",
    "same-quote": "same quote",
}
EXCERPT_CHARS = 60


@dataclass(frozen=True)
class Notes:
    """A workspace's annotations placed on the sources, looked up by source; built once
    per workspace, never per key press."""

    resolved: tuple[Resolved, ...]
    by_source: dict[str, tuple[Placement, ...]]

    def of(self, source_id: str) -> tuple[Placement, ...]:
        return self.by_source.get(source_id, ())

    def under(self, source_id: str, start: int, end: int) -> list[Placement]:
        """The placements touching `[start, end)`, each annotation once, its own passage
        before a copy it shows on."""
        found = touching(self.of(source_id), source_id, start, end)
        found.sort(key=lambda p: p.via is not None)
        seen: set[str] = set()
        unique = []
        for placement in found:
            if placement.resolved.annotation.id not in seen:
                seen.add(placement.resolved.annotation.id)
                unique.append(placement)
        return unique

    def find(self, annotation_id: str) -> Resolved | None:
        return next((r for r in self.resolved if r.annotation.id == annotation_id), None)


def notes_of(workspace: Workspace) -> Notes:
    """Every annotation of the workspace on its passage and on the copies of its quote."""
    by_source: defaultdict[str, list[Placement]] = defaultdict(list)
    for placement in placements(workspace.annotations, workspace.analysis):
        by_source[placement.span.source].append(placement)
    return Notes(
        workspace.annotations,
        {
            source: tuple(sorted(found, key=lambda p: p.span.start))
            for source, found in by_source.items()
        },
    )


def quote_spans(index: QuoteIndex | None, source_id: str) -> list[Span]:
    """The spans a shared-quote colour highlights in a source."""
    if index is None:
        return []
    return [(p.start, p.end) for p in index.placed(source_id) if p.cluster.id in index.colour_of]


def _split(span: Span, covered: Sequence[Span]) -> tuple[list[Span], list[Span]]:
    """`span` cut into the parts outside `covered` and the parts inside it."""
    start, end = span
    inside = sorted((max(s, start), min(e, end)) for s, e in covered if s < end and start < e)
    outside: list[Span] = []
    position = start
    for s, e in inside:
        if s > position:
            outside.append((position, s))
        position = max(position, e)
    if position < end:
        outside.append((position, end))
    return outside, inside


def note_marks(
    found: Iterable[Placement], covered: Sequence[Span], plain: Style, on_quote: Style
) -> list[Mark]:
    """Styled spans for the annotated passages of one source: `plain` outside the quote
    highlights `covered`, `on_quote` (decoration only) inside them."""
    result: list[Mark] = []
    for placement in found:
        outside, inside = _split((placement.span.start, placement.span.end), covered)
        result.extend((s, e, plain) for s, e in outside)
        result.extend((s, e, on_quote) for s, e in inside)
    return result


def note_glyph(spans: Sequence[Span], line: Span) -> str:
    """The gutter glyph of a screen line: ✎ where an annotated passage starts, ┊ along it."""
    start, end = line
    glyph = " "
    for span_start, span_end in spans:
        if start <= span_start < max(end, start + 1):
            return NOTE_START
        if span_start < start < span_end:
            glyph = NOTE_LINE
    return glyph


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The text on one line, cut with an ellipsis past `limit` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def summary(annotation: Annotation) -> str:
    """Kind (unless a plain note), label, speaker and date, joined: "claim · Kim Kardashian"."""
    parts = [KIND_NAMES[annotation.kind]] if annotation.kind != "note" else []
    parts += [p for p in (annotation.label, annotation.speaker, annotation.date) if p]
    return " · ".join(parts) or "note"


def describe_notes(under: Sequence[Placement], outlet: Callable[[str], str]) -> Text:
    """One line about the annotation under the cursor (and how many more there are);
    `outlet` names a source, for an annotation shown on another outlet's copy."""
    text = Text(no_wrap=True, overflow="ellipsis")
    if not under:
        text.append(
            "v: select a passage  ·  a: annotate  ·  A: all annotations  ·  y: copy", style="dim"
        )
        return text
    first = under[0]
    annotation = first.resolved.annotation
    text.append(f"{NOTE_START} ", style="bold")
    text.append(summary(annotation), style="bold")
    if annotation.note:
        text.append(f"  “{excerpt(annotation.note)}”")
    if first.via is not None:
        text.append(f"  ·  annotation via {outlet(annotation.anchor.source)}", style="italic")
    if len(under) > 1:
        text.append(f"  ·  +{len(under) - 1} more", style="italic")
    text.append("  ·  e: edit  ·  d: delete", style="dim")
    return text
