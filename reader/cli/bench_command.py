"""`reader bench`: the performance figures and their targets (README, "Performance")."""

from __future__ import annotations

import argparse
from typing import Any

from rich.console import Console
from rich.table import Table


def register(commands: Any) -> None:
    """Add `bench`."""
    parser = commands.add_parser(
        "bench",
        help="measure analysis speed, scaling, memory and the reader's responsiveness",
        description="Measure the performance figures of the design (analysis of the sample and "
        "of synthetic 10/50/200-source stories, speed-up over all-pairs difflib, peak memory, "
        "first screen and key latency). Exit 0 when every target is met, else 1.",
    )
    parser.add_argument("--json", action="store_true", help="one JSON document on stdout")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="estimate the all-pairs baseline from 12 sources instead of timing all 50",
    )
    parser.add_argument("--no-ui", action="store_true", help="skip the Textual figures")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.bench import figures as bench

    figures = bench.analysis_figures(quick=args.quick)
    if not args.no_ui:
        figures += bench.ui_figures()
    if args.json:
        print(bench.to_json(figures))
    else:
        table = Table("figure", "value", "target", "ok", title="reader bench")
        for f in figures:
            value = f"{f.value:,.1f} {f.unit}" if f.unit != "×" else f"{f.value:,.1f}×"
            table.add_row(f.name, value, f.target, "✓" if f.ok else "✗")
        Console().print(table)
    return 0 if all(f.ok for f in figures) else 1
