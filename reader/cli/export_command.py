"""`reader export`: the side-by-side report as HTML or Markdown."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reader.cli.common import add_story_argument, load
from reader.errors import Problem, ReaderError
from reader.report import default_export_path, render_html, render_markdown
from reader.store import atomic_write


def register(commands: Any) -> None:
    """Add `export` to the parser."""
    export = commands.add_parser(
        "export",
        help="write a side-by-side report with highlighted shared quotes",
        description="Write the story's report: sources side by side with every shared quote "
        "highlighted, the coverage table and the timeline. Default file: "
        "./<story-id>-report.html (or .md).",
    )
    add_story_argument(export)
    export.add_argument(
        "--format", choices=("html", "markdown"), default="html", help="default: html"
    )
    export.add_argument(
        "-o", "--output", metavar="FILE", type=Path, help="where to write it; - for stdout"
    )
    export.set_defaults(run=run_export)


def run_export(args: argparse.Namespace) -> int:
    story, analysis = load(args.story)
    render = render_html if args.format == "html" else render_markdown
    report = render(story, analysis)
    if args.output == Path("-"):
        sys.stdout.write(report)
        return 0
    path = args.output or default_export_path(story, args.format)
    try:
        atomic_write(path, report)
    except OSError as error:
        raise ReaderError(
            [Problem(path, None, f"cannot write the report: {error.strerror}")]
        ) from error
    print(f"wrote {path}", file=sys.stderr)
    return 0
