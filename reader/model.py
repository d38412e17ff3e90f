"""Domain values shared by the store, the analysis, the CLI and the app.

Everything here is a frozen dataclass so results can be cached, compared and passed
between threads without copying. Character offsets always index the stored source text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Match = Literal["exact", "variant", "paraphrase"]
QuoteKind = Literal["marked", "unclosed", "block", "partial"]
AnnotationKind = Literal["note", "speaker", "not-quote", "same-quote"]
AnchorStatus = Literal["anchored", "moved", "orphaned"]
SpeakerKind = Literal["person", "organisation"]
EventOrigin = Literal["text", "story", "annotation"]


@dataclass(frozen=True)
class Speaker:
    """A person or organisation quoted in the story; `proposed` when found only in the text."""

    name: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    proposed: bool = False
    kind: SpeakerKind | None = None
    """None when neither the role nor the name tells."""


@dataclass(frozen=True)
class Source:
    """One outlet's article: its cleaned body and metadata."""

    id: str
    text: str
    path: Path
    outlet: str | None = None
    title: str | None = None
    date: dt.date | None = None
    url: str | None = None
    byline: str | None = None

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def name(self) -> str:
        """What a reader calls this source: its outlet, else its title, else its id."""
        return self.outlet or self.title or self.id


@dataclass(frozen=True)
class Span:
    """A passage of one source; `text` always equals `source.text[start:end]`."""

    source: str
    start: int
    end: int
    text: str


CERTAIN = 0.6
"""Speaker confidence from which an attribution is shown as certain; below it the reader marks
the speaker with `?`, and attribution precision is measured at this line."""


Precision = Literal["year", "month", "day"]


def precision(date: str) -> Precision:
    """The precision of a timeline date string."""
    return {4: "year", 7: "month"}.get(len(date), "day")  # type: ignore[return-value]


_EVENT_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def is_event_date(value: str) -> bool:
    """A real date written YYYY, YYYY-MM or YYYY-MM-DD, the precisions of the timeline."""
    found = _EVENT_DATE.fullmatch(value)
    if found is None:
        return False
    year, month, day = found.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Event:
    """A dated happening; `date` is YYYY, YYYY-MM or YYYY-MM-DD (its precision)."""

    date: str
    label: str
    evidence: tuple[Span, ...] = ()
    origin: EventOrigin = "text"


@dataclass(frozen=True)
class Story:
    """A story folder as loaded: story.yaml plus its sources in display order."""

    id: str
    path: Path
    title: str
    summary: str = ""
    speakers: tuple[Speaker, ...] = ()
    events: tuple[Event, ...] = ()
    sources: tuple[Source, ...] = ()

    def source(self, source_id: str) -> Source:
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)


@dataclass(frozen=True)
class Quote:
    """Direct speech found in one source, with the speaker the text attributes it to."""

    source: str
    start: int
    end: int
    text: str
    kind: QuoteKind = "marked"
    speaker: str | None = None
    speaker_confidence: float = 0.0
    cue: tuple[int, int] | None = None
    """Span of the attribution words ("Kardashian wrote") that decided the speaker."""


@dataclass(frozen=True)
class Occurrence:
    """One source's copy of a statement, and how far it departs from the canonical text."""

    source: str
    start: int
    end: int
    text: str
    match: Match = "exact"
    similarity: float = 1.0


@dataclass(frozen=True)
class Cluster:
    """A statement and its occurrences, at most one per source; shared when in two or more."""

    id: str
    text: str
    speaker: str | None
    occurrences: tuple[Occurrence, ...]
    speaker_confidence: float = 0.0

    @property
    def shared(self) -> bool:
        return len({o.source for o in self.occurrences}) >= 2

    def occurrence(self, source_id: str) -> Occurrence | None:
        for occurrence in self.occurrences:
            if occurrence.source == source_id:
                return occurrence
        return None


@dataclass(frozen=True)
class Reuse:
    """Text that several sources share but that is not speech (reprinted wire copy)."""

    id: str
    text: str
    occurrences: tuple[Occurrence, ...]


@dataclass(frozen=True)
class Anchor:
    """Where an annotation sits, W3C-style: exact passage, context and an offset hint."""

    source: str
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    source_hash: str = ""
    """Content hash of the source text when the anchor was made."""


@dataclass(frozen=True)
class Annotation:
    """A user's note on a passage, or a correction of the analysis."""

    id: str
    anchor: Anchor
    kind: AnnotationKind = "note"
    label: str | None = None
    speaker: str | None = None
    note: str = ""
    date: str | None = None
    same_as: str | None = None
    """For kind "same-quote": the id of the annotation on the other passage."""
    created: str = ""
    updated: str = ""


@dataclass(frozen=True)
class Resolved:
    """An annotation placed on the current text of its source."""

    annotation: Annotation
    status: AnchorStatus
    span: Span | None
    """None when orphaned."""


@dataclass(frozen=True)
class Analysis:
    """Everything the analysis finds in a story; deterministic for the same input."""

    story: str
    quotes: tuple[Quote, ...] = ()
    clusters: tuple[Cluster, ...] = ()
    reuse: tuple[Reuse, ...] = ()
    events: tuple[Event, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    timings: dict[str, float] = field(default_factory=dict, compare=False, hash=False)

    @property
    def shared(self) -> tuple[Cluster, ...]:
        return tuple(c for c in self.clusters if c.shared)
