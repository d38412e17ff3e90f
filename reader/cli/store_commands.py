"""Subcommands that manage the store: import, reimport, list, sources, check."""

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
from reader.errors import Problem, ReaderError
from reader.ingest import (
    Article,
    Imported,
    ImportOptions,
    adopt_orphans,
    article_files,
    import_articles,
    is_url,
    read_file,
    read_url,
    reimport_story,
)
from reader.model import Story
from reader.serialize import source_data
from reader.store import check_story, find_story, list_stories, load_story, store_root
from reader.workspace import cached_analysis

COUNTS = ("sources", "quotes", "shared")


def register(commands: Any) -> None:
    """Add this module's subcommands to the parser."""
    imp = commands.add_parser(
        "import",
        help="add articles (files, folders, URLs, stdin) as sources of a story",
        description="Add articles as sources, creating the story if needed. Each input is a "
        "text or HTML file, a folder of them, an http(s) URL to fetch, or - for standard "
        "input. Web junk is removed; the date, title and outlet are read unless given.",
    )
    imp.add_argument("story_dir", metavar="STORY_DIR", type=Path, help="the story folder")
    imp.add_argument(
        "inputs", metavar="INPUT", nargs="*", help="article file, folder, URL, or - (stdin)"
    )
    imp.add_argument("--urls", type=Path, help="a file listing URLs to fetch, one a line")
    imp.add_argument("--id", help="the source id (one input only); default: from its name")
    imp.add_argument("--outlet", help="the outlet's name")
    imp.add_argument("--date", type=_date, help="the publication date, YYYY-MM-DD")
    imp.add_argument("--title", help="the article's title")
    imp.add_argument("--url", help="where the article was published")
    imp.add_argument("--byline", help="the author(s)")
    imp.add_argument("--replace", action="store_true", help="replace a source that exists")
    imp.add_argument("--story-title", help="a new story's title; default: its folder's name")
    imp.set_defaults(run=run_import, usage_error=imp.error)

    reimport = commands.add_parser(
        "reimport",
        help="extract a story's HTML sources again from their kept pages",
        description="Extract the text of every source kept as sources/<id>.html again; "
        "stated metadata stays, missing metadata is filled in.",
    )
    add_story_argument(reimport)
    reimport.set_defaults(run=run_reimport)

    listing = commands.add_parser(
        "list", help="the stories in the store (quote counts once a story has been analysed)"
    )
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
    check.add_argument(
        "--fix",
        action="store_true",
        help="first list sources story.yaml lacks and remove what interrupted imports left",
    )
    check.set_defaults(run=run_check)


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date like 2022-11-28: {value!r}") from None


def run_import(args: argparse.Namespace) -> int:
    """Import every input; a URL that cannot be fetched is reported and the others go in."""
    inputs = list(args.inputs)
    if args.urls is not None:
        inputs += _url_list(args.urls)
    if not inputs:
        args.usage_error("nothing to import: name files, folders, URLs, - or --urls FILE")
    articles: list[Article] = []
    problems: list[Problem] = []
    unfetched: list[Problem] = []
    for value in inputs:
        try:
            if is_url(value):
                articles.append(read_url(value))
            elif value == "-":
                articles.append(Article(where="-", data=sys.stdin.buffer.read(), name="stdin"))
            elif Path(value).is_dir():
                found = article_files(Path(value))
                if not found:
                    raise ReaderError([Problem(value, None, "no article files in this folder")])
                articles += [read_file(p) for p in found]
            else:
                articles.append(read_file(Path(value)))
        except ReaderError as error:
            (unfetched if is_url(value) else problems).extend(error.problems)
    for problem in unfetched:
        print(clean(f"reader: {problem}"), file=sys.stderr)
    if unfetched and not articles and not problems:
        return 1
    options = ImportOptions(
        id=args.id,
        outlet=args.outlet,
        date=args.date,
        title=args.title,
        url=args.url,
        byline=args.byline,
        replace=args.replace,
        story_title=args.story_title,
    )
    _report(import_articles(args.story_dir, articles, options, problems))
    return 1 if unfetched else 0


def _url_list(path: Path) -> list[str]:
    """The URLs in a list file: one a line; blank lines and `#` comments skipped."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ReaderError([Problem(path, None, f"cannot read the URL list: {error}")]) from None
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def run_reimport(args: argparse.Namespace) -> int:
    redone = reimport_story(find_story(args.story))
    if not redone:
        print("no source of this story was imported from HTML", file=sys.stderr)
    _report(redone)
    return 0


def _report(imported: list[Imported]) -> None:
    for item in imported:
        for warning in item.warnings:
            print(clean(f"reader: warning: {warning}"), file=sys.stderr)
        details = ", ".join(
            str(v) for v in (item.meta["outlet"], item.meta["date"]) if v is not None
        )
        words = len(item.text.split())
        print(clean(f"{item.path}  {words} words  {details}"))


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
            counts = (str(row[k]) if row[k] is not None else "—" for k in COUNTS)
            table.add_row(plain(row["id"]), plain(row["title"]), *counts)
    console().print(table)
    return 0


def _story_row(story: Story) -> dict[str, Any]:
    """What the store knows without analysing: counts of quotes only for analysed stories,
    so one huge or hostile story never holds up the listing."""
    analysis = cached_analysis(story)
    return {
        "id": story.id,
        "path": str(story.path),
        "title": story.title,
        "sources": len(story.sources),
        "quotes": None if analysis is None else len(analysis.quotes),
        "shared": None if analysis is None else len(analysis.shared),
    }


def run_sources(args: argparse.Namespace) -> int:
    story = load_story(story_folder(args.story))
    rows = [source_data(s) for s in story.sources]
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
    if args.fix:
        for done in adopt_orphans(path):
            print(clean(done))
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
