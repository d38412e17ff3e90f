"""annotations.yaml: the user's notes and corrections, machine-written but diff-friendly.

Entries are sorted by source (in the story's order), then position, then id, and keys left
out when empty, so a diff of the file shows just what a person changed. Updates re-read the
file and apply a change function to what is on disk now, so two editors merge, never clobber.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, get_args

import yaml
from yaml.nodes import Node, ScalarNode

from reader.errors import Problem, ReaderError
from reader.model import Anchor, Annotation, AnnotationKind
from reader.sanitize import visible
from reader.store.atomic import ChangedOnDisk, atomic_write, locked, read_stamped
from reader.store.containment import escapes
from reader.store.yamlio import YamlFile, dump

__all__ = ["ANNOTATIONS_FILE", "load_annotations", "update_annotations"]

ANNOTATIONS_FILE = "annotations.yaml"
KEYS = (
    "id",
    "source",
    "kind",
    "label",
    "speaker",
    "note",
    "date",
    "same_as",
    "exact",
    "prefix",
    "suffix",
    "start",
    "end",
    "source_hash",
    "created",
    "updated",
)
KINDS: tuple[str, ...] = get_args(AnnotationKind)
_RETRIES = 5
_DECIMAL = re.compile(r"[0-9]+")
"""How an offset is written: YAML would also read 0x10 and 1:30 as numbers, -5 as one too."""


def load_annotations(story_path: Path) -> list[Annotation]:
    """The story's annotations in file order; [] when there are none yet."""
    path = _annotations_path(Path(story_path))
    data, _ = read_stamped(path)
    return _parse(path, data)


def update_annotations(
    story_path: Path, change: Callable[[list[Annotation]], list[Annotation]]
) -> list[Annotation]:
    """Apply `change` to the annotations on disk now and save the result atomically.

    Other `reader` processes wait on the file's lock, so the change always applies to the
    latest version; if an editor saves in between, the change is re-applied to its version.
    A corrupt file raises ReaderError and is left as it is.
    """
    path = _annotations_path(Path(story_path))
    order = _source_order(Path(story_path))
    for _ in range(_RETRIES):
        with locked(path):
            data, stamp = read_stamped(path)
            annotations = sorted(change(_parse(path, data)), key=lambda a: _sort_key(a, order))
            try:
                atomic_write(path, render(annotations), expected=stamp)
            except ChangedOnDisk:
                continue
        return annotations
    raise ReaderError([Problem(path, None, "keeps changing on disk; try again")])


def _annotations_path(story_path: Path) -> Path:
    """The story's annotations file; ReaderError when it is a link out of the story."""
    path = story_path / ANNOTATIONS_FILE
    if (away := escapes(story_path, path)) is not None:
        raise ReaderError([away])
    return path


def render(annotations: list[Annotation]) -> str:
    """The file's text for these annotations, in the order given."""
    return dump({"annotations": [_entry(a) for a in annotations]})


def _entry(annotation: Annotation) -> dict[str, Any]:
    a, anchor = annotation, annotation.anchor
    values: dict[str, Any] = {
        "id": a.id,
        "source": anchor.source,
        "kind": a.kind,
        "label": a.label,
        "speaker": a.speaker,
        "note": a.note,
        "date": a.date,
        "same_as": a.same_as,
        "exact": anchor.exact,
        "prefix": anchor.prefix,
        "suffix": anchor.suffix,
        "start": anchor.start,
        "end": anchor.end,
        "source_hash": anchor.source_hash,
        "created": a.created,
        "updated": a.updated,
    }
    return {k: v for k, v in values.items() if (v is not None and v != "") or k == "exact"}


def _source_order(story_path: Path) -> dict[str, int]:
    """Source ids in story.yaml's order, read leniently: ordering is cosmetic."""
    try:
        loaded = yaml.safe_load((story_path / "story.yaml").read_text("utf-8"))
        ids = loaded.get("sources") or []
        return {str(source_id): i for i, source_id in enumerate(ids)}
    except (OSError, yaml.YAMLError, AttributeError, TypeError, ValueError):
        return {}


def _sort_key(a: Annotation, order: dict[str, int]) -> tuple[int, str, int, str]:
    return (order.get(a.anchor.source, len(order)), a.anchor.source, a.anchor.start, a.id)


def _parse(path: Path, data: bytes | None) -> list[Annotation]:
    if data is None:
        return []
    doc = YamlFile(path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ReaderError([Problem(path, line, "not UTF-8")]) from None
    fields = doc.top(text, ("annotations",), ANNOTATIONS_FILE)
    annotations = [] if fields is None else list(_annotations(doc, fields.get("annotations")))
    if doc.problems:
        raise ReaderError(doc.problems)
    return annotations


def _annotations(doc: YamlFile, node: Node | None) -> Iterator[Annotation]:
    seen: set[str] = set()
    for item in doc.items(node, "annotations"):
        fields = doc.mapping(item, KEYS, "an annotation")
        if fields is None:
            continue
        count = len(doc.problems)
        ident = doc.text(fields.get("id"), "id", required=True) or ""
        if ident in seen:
            doc.problem(item, f"annotation id {ident!r} is used twice")
        seen.add(ident)
        kind = doc.text(fields.get("kind"), "kind") or "note"
        if kind not in KINDS:
            doc.problem(fields["kind"], f"kind must be one of {', '.join(KINDS)}")
        start, end = _offset(doc, item, fields, "start"), _offset(doc, item, fields, "end")
        if end < start:
            doc.problem(item, "end must not come before start")
        anchor = Anchor(
            source=doc.text(fields.get("source"), "source", required=True) or "",
            exact=doc.text(fields.get("exact"), "exact") or "",
            prefix=doc.text(fields.get("prefix"), "prefix") or "",
            suffix=doc.text(fields.get("suffix"), "suffix") or "",
            start=start,
            end=end,
            source_hash=doc.text(fields.get("source_hash"), "source_hash") or "",
        )
        annotation = Annotation(
            id=ident,
            anchor=anchor,
            kind=kind,  # type: ignore[arg-type]  # checked against KINDS above
            label=doc.text(fields.get("label"), "label"),
            speaker=doc.text(fields.get("speaker"), "speaker"),
            note=doc.text(fields.get("note"), "note") or "",
            date=doc.event_date(fields.get("date"), "date"),
            same_as=doc.text(fields.get("same_as"), "same_as"),
            created=_time(doc, fields.get("created")),
            updated=_time(doc, fields.get("updated")),
        )
        if len(doc.problems) == count:
            yield annotation


def _offset(doc: YamlFile, item: Node, fields: dict[str, Node], key: str) -> int:
    node = fields.get(key)
    value = None if node is None else doc.scalar(node)
    written = node.value if isinstance(node, ScalarNode) else ""
    if node is None or type(value) is not int or not _DECIMAL.fullmatch(written):
        doc.problem(node or item, f"an annotation needs {key}: a whole number ≥ 0")
        return 0
    return value


def _time(doc: YamlFile, node: Node | None) -> str:
    """A timestamp kept as text; an unquoted one (read as a datetime) is written back as UTC."""
    if node is None:
        return ""
    value = doc.scalar(node)
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat(timespec="seconds") + "Z"
    if isinstance(value, str):
        return visible(value)
    doc.problem(node, "a time must look like '2026-11-23T12:00:00Z'")
    return ""
