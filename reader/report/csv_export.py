"""The quotes as a spreadsheet: one CSV row per occurrence of a quote in a source.

RFC 4180 (Python's `csv`, CRLF line ends, fields quoted when they need it). Article text is
data, so a cell a spreadsheet would run as a formula (one starting with = + - @, a tab or a
carriage return) is prefixed with an apostrophe. Spreadsheet programs guess the encoding of
a CSV; a byte-order mark makes them read it as UTF-8.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from reader.analysis import SentenceContext
from reader.model import Analysis, Cluster, Story

COLUMNS = (
    "quote_id",
    "quote",
    "speaker",
    "speaker_confidence",
    "source",
    "outlet",
    "title",
    "date",
    "url",
    "match",
    "similarity",
    "text",
    "context",
    "start",
    "end",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def cell(value: object) -> str | int | float:
    """A value as a cell: numbers as they are, None as empty, text never a formula."""
    if isinstance(value, int | float):
        return value
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def render_csv(
    story: Story,
    analysis: Analysis,
    clusters: Sequence[Cluster] | None = None,
    bom: bool = False,
) -> str:
    """One row per occurrence of the given clusters (default: every quote of the story)."""
    context = SentenceContext(story, analysis.quotes)
    sources = {s.id: s for s in story.sources}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for cluster in analysis.clusters if clusters is None else clusters:
        for o in cluster.occurrences:
            source = sources.get(o.source)
            row = (
                cluster.id,
                cluster.text,
                cluster.speaker,
                round(cluster.speaker_confidence, 4),
                o.source,
                source.outlet if source else None,
                source.title if source else None,
                source.date.isoformat() if source and source.date else None,
                source.url if source else None,
                o.match,
                round(o.similarity, 4),
                o.text,
                context.around(o.source, o.start, o.end).text,
                o.start,
                o.end,
            )
            writer.writerow(cell(v) for v in row)
    return (BOM if bom else "") + out.getvalue()
