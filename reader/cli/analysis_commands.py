"""Subcommands that show the analysis: quotes and the timeline."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from rich.table import Table
from rich.text import Text

from reader.analysis import SentenceContext, resolve_speaker
from reader.cli.common import add_story_argument, console, load, plain, print_json
from reader.errors import ReaderError
from reader.model import Analysis, Cluster, Speaker, Story
from reader.report import render_csv, short_names
from reader.serialize import quotes_document, timeline_document

MATCH_STYLE = {"exact": "green", "variant": "yellow", "paraphrase": "magenta"}
MATCH_MARK = {"exact": "=", "variant": "~", "paraphrase": "≈"}


def register(commands: Any) -> None:
    """Add `quotes` and `timeline` to the parser."""
    quotes = commands.add_parser(
        "quotes",
        help="quotes and shared-quote clusters",
        description="Every quote cluster of the story (one per statement, with each source's "
        "occurrence and how it departs from the canonical text), and the shared text reuse.",
    )
    add_story_argument(quotes)
    quotes.add_argument(
        "--speaker", metavar="NAME", help="only this speaker's quotes (name or alias)"
    )
    quotes.add_argument("--shared", action="store_true", help="only quotes found in 2+ sources")
    output = quotes.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="one JSON document on stdout")
    output.add_argument(
        "--csv", action="store_true", help="CSV on stdout, one row per occurrence of a quote"
    )
    quotes.set_defaults(run=run_quotes)

    timeline = commands.add_parser(
        "timeline",
        help="the dated events the sources mention",
        description="Dated events in date order, each with the passages that tell it.",
    )
    add_story_argument(timeline)
    timeline.add_argument("--json", action="store_true", help="one JSON document on stdout")
    timeline.set_defaults(run=run_timeline)


def select_clusters(
    story: Story, analysis: Analysis, speaker: str | None, shared: bool
) -> list[Cluster]:
    """The clusters a `--speaker` / `--shared` filter keeps; ReaderError for an unknown name."""
    clusters = [c for c in analysis.clusters if c.shared or not shared]
    if speaker is None:
        return clusters
    known = _known_speakers(story, analysis)
    name = resolve_speaker(speaker, known)
    if name is None:
        names = ", ".join(s.name for s in known) or "none"
        raise ReaderError(f"unknown speaker {speaker!r}; known speakers: {names}")
    return [c for c in clusters if c.speaker == name]


def _known_speakers(story: Story, analysis: Analysis) -> list[Speaker]:
    seen = {s.name for s in analysis.speakers}
    return [*analysis.speakers, *(s for s in story.speakers if s.name not in seen)]


def run_quotes(args: argparse.Namespace) -> int:
    story, analysis = load(args.story)
    clusters = select_clusters(story, analysis, args.speaker, args.shared)
    if args.json:
        context = SentenceContext(story, analysis.quotes).around
        print_json(quotes_document(analysis, clusters, context))
        return 0
    if args.csv:
        sys.stdout.write(render_csv(story, analysis, clusters))
        return 0
    console().print(_quotes_table(story, clusters))
    if not clusters:
        print("no quotes match")
    return 0


NAME_WIDTH = 20
"""Source names in the tables: short enough that a row's sources stay one per line."""


def legend() -> Text:
    """What the mark before each source means, on one line."""
    text = Text("sources:")
    for kind, word in (("exact", "verbatim"), ("variant", "altered"), ("paraphrase", "reworded")):
        text.append(f"  {MATCH_MARK[kind]} ", style=MATCH_STYLE[kind]).append(word)
    return text


def _quotes_table(story: Story, clusters: Sequence[Cluster]) -> Table:
    shared = sum(1 for c in clusters if c.shared)
    names = short_names(story.sources, NAME_WIDTH)
    table = Table(
        "id",
        "speaker",
        "sources",
        "quote",
        title=Text("\n").join([plain(story.title), legend()]),
        expand=True,
        caption=f"{len(clusters)} quotes, {shared} shared",
    )
    table.columns[2].no_wrap = True
    table.columns[2].min_width = NAME_WIDTH + 2
    table.columns[3].ratio = 3
    for cluster in clusters:
        where = Text()
        for occurrence in cluster.occurrences:
            if where:
                where.append("\n")
            where.append(MATCH_MARK[occurrence.match] + " ", style=MATCH_STYLE[occurrence.match])
            where.append_text(plain(names.get(occurrence.source, occurrence.source)))
        speaker = plain(cluster.speaker) if cluster.speaker else Text("unknown", style="dim")
        table.add_row(plain(cluster.id), speaker, where, plain(cluster.text))
    return table


def run_timeline(args: argparse.Namespace) -> int:
    story, analysis = load(args.story)
    if args.json:
        print_json(timeline_document(analysis))
        return 0
    names = short_names(story.sources, NAME_WIDTH)
    table = Table("date", "event", "told by", title=plain(story.title), expand=True)
    table.columns[0].no_wrap = True
    table.columns[1].ratio = 3
    table.columns[2].ratio = 2
    for event in analysis.events:
        tellers = dict.fromkeys(names.get(s.source, s.source) for s in event.evidence)
        told = plain("\n".join(tellers)) if tellers else Text("story.yaml", style="dim")
        table.add_row(plain(event.date), plain(event.label), told)
    console().print(table)
    return 0
