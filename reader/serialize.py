"""Analysis values as JSON-ready data: the CLI's documents, the cache and the export.

One place decides every shape. `quotes_document`, `timeline_document`, `source_data` and
`annotation_data` are the CLI's `--json` documents (README, "Analysis commands"), which the
JSON export reuses; `analysis_to_data` / `analysis_from_data` are the complete, lossless round
trip the cache stores. Loading checks every field's type, so a
damaged or foreign file fails with ValueError instead of yielding a half-valid Analysis.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from reader.model import (
    Analysis,
    Cluster,
    Event,
    Occurrence,
    Resolved,
    Reuse,
    Source,
    Span,
    Speaker,
    precision,
)

T = TypeVar("T")

Context = Callable[[str, int, int], Span]
"""The sentence around a passage of a source (`reader.analysis.SentenceContext.around`)."""


def occurrence_data(occurrence: Occurrence, context: Context | None = None) -> dict[str, Any]:
    """One source's copy of a quote: where it is, its exact text, how it departs and, when
    a context finder is given, the sentence around it."""
    data: dict[str, Any] = {
        "source": occurrence.source,
        "start": occurrence.start,
        "end": occurrence.end,
        "text": occurrence.text,
        "match": occurrence.match,
        "similarity": round(occurrence.similarity, 4),
    }
    if context is not None:
        around = context(occurrence.source, occurrence.start, occurrence.end)
        data["context"] = {"start": around.start, "end": around.end, "text": around.text}
    return data


def cluster_data(cluster: Cluster, context: Context | None = None) -> dict[str, Any]:
    """A quote cluster as in `reader quotes --json`."""
    return {
        "id": cluster.id,
        "speaker": cluster.speaker,
        "speaker_confidence": round(cluster.speaker_confidence, 4),
        "text": cluster.text,
        "shared": cluster.shared,
        "sources": len({o.source for o in cluster.occurrences}),
        "occurrences": [occurrence_data(o, context) for o in cluster.occurrences],
    }


def speaker_data(speaker: Speaker) -> dict[str, Any]:
    """A speaker as listed in `reader quotes --json`: one canonical name and its kind."""
    return {
        "name": speaker.name,
        "kind": speaker.kind,
        "role": speaker.role,
        "aliases": list(speaker.aliases),
        "proposed": speaker.proposed,
    }


def reuse_data(reuse: Reuse, context: Context | None = None) -> dict[str, Any]:
    """Shared text that is not speech."""
    return {
        "id": reuse.id,
        "text": reuse.text,
        "occurrences": [occurrence_data(o, context) for o in reuse.occurrences],
    }


def source_data(source: Source) -> dict[str, Any]:
    """A source as in `reader sources --json`."""
    return {
        "id": source.id,
        "outlet": source.outlet,
        "title": source.title,
        "date": source.date.isoformat() if source.date else None,
        "url": source.url,
        "words": source.words,
        "path": str(source.path),
    }


_ANNOTATION_FIELDS = ("kind", "label", "speaker", "note", "date", "same_as", "created", "updated")


def annotation_data(item: Resolved) -> dict[str, Any]:
    """An annotation as in `reader annotations --json`: its fields, its status and where it
    sits now."""
    a, span = item.annotation, item.span
    return {
        "id": a.id,
        "source": a.anchor.source,
        **{name: getattr(a, name) for name in _ANNOTATION_FIELDS},
        "status": item.status,
        "start": span.start if span else None,
        "end": span.end if span else None,
        "text": span.text if span else None,
        "exact": a.anchor.exact,
    }


def span_data(span: Span) -> dict[str, Any]:
    return {"source": span.source, "start": span.start, "end": span.end, "text": span.text}


def event_data(event: Event) -> dict[str, Any]:
    """A timeline event as in `reader timeline --json`."""
    return {
        "date": event.date,
        "precision": precision(event.date),
        "label": event.label,
        "origin": event.origin,
        "sources": len({s.source for s in event.evidence}),
        "evidence": [span_data(s) for s in event.evidence],
    }


def quotes_document(
    analysis: Analysis, clusters: Sequence[Cluster] | None = None, context: Context | None = None
) -> dict[str, Any]:
    """`reader quotes --json`: the given clusters (default all) and the text reuse."""
    chosen = analysis.clusters if clusters is None else clusters
    return {
        "story": analysis.story,
        "quotes": [cluster_data(c, context) for c in chosen],
        "reuse": [reuse_data(r, context) for r in analysis.reuse],
        "speakers": [speaker_data(s) for s in analysis.speakers],
    }


def timeline_document(analysis: Analysis) -> dict[str, Any]:
    """`reader timeline --json`."""
    return {"story": analysis.story, "events": [event_data(e) for e in analysis.events]}


def analysis_to_data(analysis: Analysis) -> dict[str, Any]:
    """Every field of the analysis, nested values included, as JSON-ready data."""
    data = to_data(analysis)
    assert isinstance(data, dict)
    return data


def analysis_from_data(data: Any) -> Analysis:
    """The Analysis `analysis_to_data` made; ValueError when `data` is not one."""
    try:
        result = _from_data(Analysis, data)
    except (KeyError, TypeError, AttributeError) as error:
        raise ValueError(f"not an analysis: {error}") from error
    assert isinstance(result, Analysis)
    return result


def to_data(value: Any) -> Any:
    """A dataclass value (nested ones included) as lists, dicts and scalars."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [to_data(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_data(v) for k, v in value.items()}
    return value


def _from_data(kind: Any, data: Any) -> Any:
    """Rebuild a value of type `kind` (a dataclass, tuple, union, literal or scalar)."""
    origin = typing.get_origin(kind)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        if not isinstance(data, dict):
            raise ValueError(f"expected an object for {kind.__name__}")
        hints = _field_types(kind)
        if set(data) - hints.keys():
            raise ValueError(f"unknown fields {sorted(set(data) - hints.keys())}")
        return kind(**{name: _from_data(hints[name], value) for name, value in data.items()})
    if origin in (types.UnionType, typing.Union):
        errors = []
        for option in typing.get_args(kind):
            try:
                return _from_data(option, data)
            except ValueError as error:
                errors.append(str(error))
        raise ValueError("; ".join(errors))
    if origin is typing.Literal:
        if data not in typing.get_args(kind):
            raise ValueError(f"{data!r} is not one of {typing.get_args(kind)}")
        return data
    if origin is tuple:
        return _tuple(kind, data)
    if origin is dict:
        key_type, value_type = typing.get_args(kind)
        if not isinstance(data, dict):
            raise ValueError("expected an object")
        return {_from_data(key_type, k): _from_data(value_type, v) for k, v in data.items()}
    return _scalar(kind, data)


@functools.cache
def _field_types(kind: type) -> dict[str, Any]:
    """A dataclass's field types, resolved once: resolving them per object was most of the
    time of reading a cached analysis."""
    hints = typing.get_type_hints(kind)
    return {f.name: hints[f.name] for f in dataclasses.fields(kind)}


def _tuple(kind: Any, data: Any) -> tuple[Any, ...]:
    if not isinstance(data, list):
        raise ValueError("expected a list")
    args = typing.get_args(kind)
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(_from_data(args[0], item) for item in data)
    if len(args) != len(data):
        raise ValueError(f"expected {len(args)} items")
    return tuple(_from_data(a, item) for a, item in zip(args, data, strict=True))


def _scalar(kind: Any, data: Any) -> Any:
    if kind is type(None):
        if data is not None:
            raise ValueError("expected null")
        return None
    if kind is float and isinstance(data, int | float) and not isinstance(data, bool):
        return float(data)
    if kind in (str, int, bool) and type(data) is kind:
        return data
    raise ValueError(f"expected {getattr(kind, '__name__', kind)}, got {type(data).__name__}")
