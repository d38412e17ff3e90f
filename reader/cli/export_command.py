"""`reader export`: the story as an HTML or Markdown report, a CSV of its quotes, or JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reader.cli.common import add_story_argument
from reader.errors import Problem, ReaderError
from reader.report import FORMATS, default_export_path, render_export, write_export
from reader.store import find_story, load_story
from reader.workspace import load_workspace


def register(commands: Any) -> None:
    """Add `export` to the parser."""
    export = commands.add_parser(
        "export",
        help="write a report (HTML, Markdown), the quotes as CSV, or everything as JSON",
        description="Write the story out. html and markdown: sources side by side with every "
        "shared quote highlighted, the coverage table, the quotes in context and the timeline. "
        "csv: one row per occurrence of a quote, with its sentence of context. json: the story, "
        "sources, quotes, reuse, events and annotations in one document. Default file: "
        "<story folder>/reports/<story-id>-report.<html|md|csv|json>, as x in the reader.",
    )
    add_story_argument(export)
    export.add_argument("--format", choices=FORMATS, default="html", help="default: html")
    export.add_argument(
        "-o", "--output", metavar="FILE", type=Path, help="where to write it; - for stdout"
    )
    export.add_argument(
        "--bom",
        action="store_true",
        help="csv: start with a UTF-8 byte-order mark, so spreadsheet programs read it as UTF-8",
    )
    export.set_defaults(run=run_export)


def run_export(args: argparse.Namespace) -> int:
    workspace = load_workspace(load_story(find_story(args.story)))
    if args.output == Path("-"):
        sys.stdout.write(render_export(args.format, workspace, bom=args.bom))
        return 0
    path = args.output or default_export_path(workspace.story, args.format)
    try:
        write_export(args.format, workspace, path, bom=args.bom)
    except OSError as error:
        raise ReaderError(
            [Problem(path, None, f"cannot write the report: {error.strerror}")]
        ) from error
    print(f"wrote {path}", file=sys.stderr)
    return 0
