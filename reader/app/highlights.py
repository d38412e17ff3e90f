"""Which style goes on which characters of a source, given the reader's state.

Layers, later over earlier: shared non-speech text (quiet shade), one-source quotes (dim
italic), shared quotes (one palette colour each, decorated by match kind, the current one
emphasised), then extra marks (annotations), search matches and the evidence being flashed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.style import Style

from reader.app.palette import MATCH_MARKS, quote_style
from reader.app.quote_index import QuoteIndex

Mark = tuple[int, int, Style]


@dataclass(frozen=True)
class QuietStyles:
    """Theme-dependent styles, read from the column's component classes."""

    one_source: Style
    reuse: Style
    search: Style
    flash: Style


@dataclass(frozen=True)
class Layers:
    """Spans laid over the quote highlights: annotations, search matches, flashed evidence."""

    extra: Sequence[Mark] = ()
    search: Sequence[tuple[int, int]] = ()
    flash: Sequence[tuple[int, int]] = ()
    notes: Sequence[tuple[int, int]] = ()
    """The annotated passages, marked in the gutter (their styles are in `extra`)."""


def marks(
    index: QuoteIndex | None,
    source_id: str,
    speaker: str | None,
    current: str | None,
    quiet: QuietStyles,
    layers: Layers = Layers(),
) -> list[Mark]:
    """Every styled span of one source, in the order they must be applied."""
    found: list[Mark] = []
    if index is not None:
        found.extend((o.start, o.end, quiet.reuse) for o in index.reuse.get(source_id, []))
        for placed in index.placed(source_id):
            cluster = placed.cluster
            if not index.visible(cluster, speaker):
                continue
            colour = index.colour_of.get(cluster.id)
            if colour is None:
                style = quiet.one_source + Style(bold=cluster.id == current)
            else:
                style = quote_style(colour, placed.occurrence.match, cluster.id == current)
            found.append((placed.start, placed.end, style))
    found.extend(layers.extra)
    found.extend((start, end, quiet.search) for start, end in layers.search)
    found.extend((start, end, quiet.flash) for start, end in layers.flash)
    return found


def gutter_mark(
    index: QuoteIndex | None, source_id: str, span: tuple[int, int], speaker: str | None
) -> str:
    """The glyph in a line's gutter: `~` or `≈` when an altered shared quote starts there."""
    if index is None:
        return " "
    start, end = span
    for placed in index.overlapping(source_id, start, end):
        if (
            placed.start >= start
            and placed.cluster.id in index.colour_of
            and placed.occurrence.match != "exact"
            and index.visible(placed.cluster, speaker)
        ):
            return MATCH_MARKS[placed.occurrence.match]
    return " "


def touches(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    """Whether any span overlaps `[start, end)`."""
    return any(s < end and start < e for s, e in spans)
