"""Subcommands for annotations: `annotate` adds one from a script, `annotations` lists them.

A passage must be quoted exactly (compared after Unicode NFC and line-ending normalisation).
When it occurs more than once in the source, `--occurrence K` picks the K-th copy; without it
the command refuses rather than guess, and lists where the copies are.
"""

from __future__ import annotations

import argparse
from typing import Any, get_args

from rich.table import Table

from reader.annotations import adding, find_passage, new_annotation, resolve_all
from reader.cli.common import add_story_argument, console, plain, print_json, story_folder
from reader.errors import ReaderError
from reader.model import AnnotationKind, Source, Story
from reader.serialize import annotation_data
from reader.store import load_annotations, load_story, update_annotations

_SHOWN_CHARS = 60


def register(commands: Any) -> None:
    """Add `annotate` and `annotations` to the parser."""
    annotate = commands.add_parser(
        "annotate",
        help="annotate a passage of a source (from scripts)",
        description="Annotate the exact PASSAGE of a source and print the new annotation's id. "
        "Nothing is written when the passage is not in the source; when it occurs several "
        "times, --occurrence picks one.",
    )
    add_story_argument(annotate)
    annotate.add_argument("--source", required=True, metavar="ID", help="the source's id")
    annotate.add_argument(
        "--text", required=True, metavar="PASSAGE", help="the passage, exactly as in the source"
    )
    annotate.add_argument(
        "--occurrence",
        type=int,
        metavar="K",
        help="which copy of the passage (1 = first) when it occurs more than once",
    )
    annotate.add_argument("--speaker", help="who said the passage")
    annotate.add_argument("--label", help="a short label: claim, quote, context, error, …")
    annotate.add_argument("--note", default="", help="free text")
    annotate.add_argument("--date", help="YYYY-MM-DD: the passage shows on the timeline")
    annotate.add_argument(
        "--kind",
        choices=get_args(AnnotationKind),
        help="note (default), or a correction: speaker, not-quote, same-quote",
    )
    annotate.add_argument(
        "--same-as",
        metavar="ANNOTATION_ID",
        help="with same-quote: the annotation on the other passage (implies --kind same-quote)",
    )
    annotate.set_defaults(run=run_annotate)

    listing = commands.add_parser(
        "annotations",
        help="a story's annotations and whether they still sit on their passage",
        description="Each annotation with its status: anchored (where it was made), moved "
        "(the source changed; found again) or orphaned (its passage is gone; kept, not placed).",
    )
    add_story_argument(listing)
    listing.add_argument("--json", action="store_true", help="one JSON document on stdout")
    listing.set_defaults(run=run_annotations)


def _source(story: Story, source_id: str) -> Source:
    try:
        return story.source(source_id)
    except KeyError:
        known = ", ".join(s.id for s in story.sources)
        raise ReaderError(f"no source {source_id!r} in {story.id} (sources: {known})") from None


def _locate(source: Source, passage: str, occurrence: int | None) -> tuple[int, int]:
    """The one span the user means, or a ReaderError saying how to say it."""
    if not passage.strip():
        raise ReaderError("the passage (--text) is empty")
    hits = find_passage(source, passage)
    if not hits:
        raise ReaderError(
            f"the passage is not in source {source.id}; quote it exactly as stored in {source.path}"
        )
    if occurrence is not None:
        if not 1 <= occurrence <= len(hits):
            raise ReaderError(f"--occurrence must be 1..{len(hits)}: the passage occurs that often")
        return hits[occurrence - 1]
    if len(hits) > 1:
        where = ", ".join(str(start) for start, _ in hits)
        raise ReaderError(
            f"the passage occurs {len(hits)} times in source {source.id} (at offsets {where}); "
            f"pick one with --occurrence 1..{len(hits)} or quote a longer passage"
        )
    return hits[0]


def run_annotate(args: argparse.Namespace) -> int:
    path = story_folder(args.story)
    story = load_story(path)
    source = _source(story, args.source)
    start, end = _locate(source, args.text, args.occurrence)
    existing = {a.id for a in load_annotations(path)}
    if args.same_as is not None and args.same_as not in existing:
        raise ReaderError(f"--same-as: no annotation {args.same_as!r} in {story.id}")
    kind: AnnotationKind = args.kind or ("note" if args.same_as is None else "same-quote")
    annotation = new_annotation(
        source,
        start,
        end,
        kind=kind,
        label=args.label,
        speaker=args.speaker,
        note=args.note,
        date=args.date,
        same_as=args.same_as,
        taken=existing,
    )
    update_annotations(path, adding(annotation))
    print(annotation.id)
    return 0


def run_annotations(args: argparse.Namespace) -> int:
    path = story_folder(args.story)
    story = load_story(path)
    rows = [annotation_data(item) for item in resolve_all(load_annotations(path), story)]
    if args.json:
        print_json({"story": story.id, "annotations": rows})
        return 0
    table = Table(title=plain(story.title))
    for name in ("id", "status", "at"):
        table.add_column(name, no_wrap=True)
    table.add_column("source", overflow="fold")
    table.add_column("kind / speaker")
    table.add_column("passage / note", ratio=1)
    for row in rows:
        at = f"{row['start']}–{row['end']}" if row["status"] != "orphaned" else "—"
        kind = row["kind"] + (f": {row['label']}" if row["label"] else "")
        passage = plain(_short(row["text"] if row["text"] is not None else row["exact"]))
        if row["note"]:
            passage.append("\n")
            passage.append(plain(_short(row["note"])).plain, style="italic")
        table.add_row(
            *map(plain, (row["id"], row["status"], at, row["source"])),
            plain(kind + (f"\n{row['speaker']}" if row["speaker"] else "")),
            passage,
        )
    console().print(table)
    orphaned = sum(row["status"] == "orphaned" for row in rows)
    print(f"{len(rows)} annotation(s), {orphaned} orphaned" if rows else "no annotations yet")
    return 0


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _SHOWN_CHARS else flat[: _SHOWN_CHARS - 1] + "…"
