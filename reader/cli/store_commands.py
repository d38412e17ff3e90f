"""Subcommands that manage the store: import, list, sources, check."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from rich.table import Table

from reader.cli.common import (
    add_story_argument,
    clean,
    console,
    plain,
    print_json,
    story_folder,
)
from reader.errors import ReaderError
from reader.ingest import ImportOptions, import_files
from reader.model import Story
from reader.store import check_story, list_stories, load_story, store_root
from reader.workspace import load_analysis


def register(commands: Any) -> None:
    """Add this module's subcommands to the parser."""
    imp = commands.add_parser(
        "import",
        help="add raw article files (text or HTML) as sources of a story",
        description="Add raw article files as sources, creating the story if needed. "
        "Web junk is removed; the date, title and outlet are guessed unless given.",
    )
    imp.add_argument("story_dir", metavar="STORY_DIR", type=Path, help="the story folder")
    imp.add_argument("files", metavar="FILE", nargs="+", type=Path, help="article files")
    imp.add_argument("--id", help="the source id (one file only); default: the file's stem")
    imp.add_argument("--outlet", help="the outlet's name")
    imp.add_argument("--date", type=_date, help="the publication date, YYYY-MM-DD")
    imp.add_argument("--title", help="the article's title")
    imp.add_argument("--url", help="where the article was published")
    imp.add_argument("--byline", help="the author(s)")
    imp.add_argument("--replace", action="store_true", help="replace a source that exists")
    imp.set_defaults(run=run_import)

    listing = commands.add_parser("list", help="the stories in the store")
    listing.add_argument("--json", action="store_true", help="one JSON document on stdout")
    listing.set_defaults(run=run_list)

    sources = commands.add_parser("sources", help="the sources of a story")
    add_story_argument(sources)
    sources.add_argument("--json", action="store_true", help="one JSON document on stdout")
    sources.set_defaults(run=run_sources)

    check = commands.add_parser(
        "check", help="validate a story's files; every problem as file:line: message"
    )
    add_story_argument(check)
    check.set_defaults(run=run_check)


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date like 2022-11-28: {value!r}") from None


def run_import(args: argparse.Namespace) -> int:
    options = ImportOptions(
        id=args.id,
        outlet=args.outlet,
        date=args.date,
        title=args.title,
        url=args.url,
        byline=args.byline,
        replace=args.replace,
    )
    imported = import_files(args.story_dir, args.files, options)
    for item in imported:
        for warning in item.warnings:
            print(f"reader: warning: {warning}", file=sys.stderr)
        details = ", ".join(
            str(v) for v in (item.meta["outlet"], item.meta["date"]) if v is not None
        )
        words = len(item.text.split())
        print(clean(f"{item.path}  {words} words  {details}"))
    return 0


def run_list(args: argparse.Namespace) -> int:
    rows: list[dict[str, Any]] = []
    for path in list_stories(store_root()):
        try:
            story = load_story(path)
        except ReaderError as error:
            rows.append({"id": path.name, "path": str(path), "problems": len(error.problems)})
            continue
        rows.append(_story_row(story))
    if args.json:
        print_json({"store": str(store_root()), "stories": rows})
        return 0
    if not rows:
        print(f"no stories in {store_root()}; add one with `reader import`", file=sys.stderr)
        return 0
    table = Table("story", "title", "sources", "quotes", "shared", title=str(store_root()))
    for row in rows:
        if "problems" in row:
            failed = f"{row['problems']} problem(s): reader check {row['id']}"
            table.add_row(plain(row["id"]), plain(failed), "", "", "")
        else:
            counts = (str(row[k]) for k in ("sources", "quotes", "shared"))
            table.add_row(plain(row["id"]), plain(row["title"]), *counts)
    console().print(table)
    return 0


def _story_row(story: Story) -> dict[str, Any]:
    analysis = load_analysis(story)
    return {
        "id": story.id,
        "path": str(story.path),
        "title": story.title,
        "sources": len(story.sources),
        "quotes": len(analysis.quotes),
        "shared": len(analysis.shared),
    }


def run_sources(args: argparse.Namespace) -> int:
    story = load_story(story_folder(args.story))
    rows = [
        {
            "id": s.id,
            "outlet": s.outlet,
            "title": s.title,
            "date": s.date.isoformat() if s.date else None,
            "url": s.url,
            "words": s.words,
            "path": str(s.path),
        }
        for s in story.sources
    ]
    if args.json:
        print_json({"story": story.id, "sources": rows})
        return 0
    table = Table(title=plain(story.title), caption=plain(f"texts in {story.path / 'sources'}"))
    table.add_column("id", no_wrap=True)
    table.add_column("outlet")
    table.add_column("title", ratio=1)
    table.add_column("date", no_wrap=True)
    table.add_column("words", justify="right")
    for row in rows:
        cells = (row[k] for k in ("id", "outlet", "title", "date", "words"))
        table.add_row(*(plain(c if c is not None else "—") for c in cells))
    console().print(table)
    return 0


def run_check(args: argparse.Namespace) -> int:
    path = story_folder(args.story)
    problems = check_story(path)
    for problem in problems:
        print(clean(str(problem)), file=sys.stderr)
    if problems:
        print(f"{path}: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    story = load_story(path)
    words = sum(s.words for s in story.sources)
    print(f"{path}: OK, {len(story.sources)} sources, {words} words")
    return 0
