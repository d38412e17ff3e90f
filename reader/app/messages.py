"""Messages the reader's widgets send up to the screen (attributes go down, messages up)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from textual.message import Message

from reader.model import Cluster, Event, Occurrence

if TYPE_CHECKING:
    from reader.app.quote_index import QuoteIndex
    from reader.app.source_column import SourceColumn
    from reader.workspace import Workspace


@dataclass
class AnalysisReady(Message):
    """The analysis is loaded: the workspace (analysis + annotations) and its index."""

    workspace: Workspace
    index: QuoteIndex
    warning: str | None = None


@dataclass
class AnalysisProgress(Message):
    """How far the analysis got: `done` of `total` in `stage` (see `reader.analysis`)."""

    stage: str
    done: int
    total: int


@dataclass
class AnalysisFailed(Message):
    """The analysis raised; the columns stay readable without highlights."""

    error: str


@dataclass
class CursorMoved(Message):
    """A column's cursor line changed (the quote under the cursor may have changed)."""

    column: SourceColumn


@dataclass
class ColumnClicked(Message):
    """The user clicked a column: it becomes the active one."""

    column: SourceColumn


@dataclass
class EventChosen(Message):
    """The user picked a timeline event: show its evidence."""

    event: Event


@dataclass
class SpeakerChosen(Message):
    """The user picked a speaker to filter on (None clears the filter)."""

    speaker: str | None


CorrectionKind = Literal["speaker", "not-quote", "same-quote"]


@dataclass
class Correction:
    """A fix of the analysis the user asked for from the quote details.

    Corrections are stored as annotations (DESIGN.md §6); the screen receiving
    `CorrectionRequested` is where the annotation form takes over.
    """

    kind: CorrectionKind
    cluster: Cluster
    occurrence: Occurrence | None


@dataclass
class CorrectionRequested(Message):
    """The user asked to correct the analysis of a quote."""

    correction: Correction


@dataclass(frozen=True)
class Jump:
    """Where a view sends the reader: a source, an offset, and optionally a quote or filter."""

    source: str
    offset: int
    cluster: str | None = None
    speaker: str | None = None


@dataclass
class ExportFinished(Message):
    """The export worker wrote the report (path) or failed (error)."""

    path: Path | None
    error: str | None


@dataclass
class SearchChanged(Message):
    """The search box's matches changed: their spans in each source (every source listed)."""

    spans: dict[str, tuple[tuple[int, int], ...]]


@dataclass
class SearchSubmitted(Message):
    """The user pressed enter in the search box: go to the first match."""
