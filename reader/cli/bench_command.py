"""`reader bench`: the performance figures and their targets (README, "Performance")."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from reader.cli.common import clean, say
from reader.errors import ReaderError


def register(commands: Any) -> None:
    """Add `bench`."""
    parser = commands.add_parser(
        "bench",
        help="measure analysis speed, scaling, memory and the reader's responsiveness",
        description="Measure the performance figures of the design: by default the analysis "
        "of the sample and of synthetic 10/50/200-source stories, the speed-up over all-pairs "
        "difflib, peak memory, first screen and key latency; with --corpus, the analysis of "
        "50, 200 and 1,000 real articles; with --stress, worst-case texts. Each real-text and "
        "worst-case analysis runs cold in a fresh process of its own, whose peak resident "
        "memory (the kernel's high-water mark for that process: interpreter, text and "
        "analysis) is the memory figure; the peak memory of the synthetic 200-source story "
        "is measured the same way. "
        "Exit 0 when every target is met, else 1.",
    )
    parser.add_argument("--json", action="store_true", help="one JSON document on stdout")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--corpus",
        type=Path,
        metavar="PATH",
        help="time the analysis on real articles instead: a folder of .txt files, or a "
        "Multi-News .jsonl (articles of 150 words or more, repeated to reach 1,000)",
    )
    mode.add_argument(
        "--stress",
        action="store_true",
        help="analyse worst-case texts instead (a long quote reprinted with its words "
        "reordered, thousands of quotes in one paragraph, mixed quote marks, a 20 MB article), "
        "each once, with its time and peak memory",
    )
    parser.add_argument(
        "--timeout",
        type=_seconds,
        default=60.0,
        metavar="SECONDS",
        help="stop an analysis run after this long and report it as missed (default 60)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="estimate the all-pairs baseline from 12 sources instead of timing all 50",
    )
    parser.add_argument("--no-ui", action="store_true", help="skip the Textual figures")
    parser.set_defaults(run=run)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0:
        raise argparse.ArgumentTypeError(f"not a positive number of seconds: {text!r}")
    return value


def run(args: argparse.Namespace) -> int:
    if (args.corpus is not None or args.stress) and (args.quick or args.no_ui):
        mode = "--stress" if args.stress else "--corpus"
        raise ReaderError(f"--quick and --no-ui are for the default figures, not {mode}")
    if args.stress:
        return _stress(args)
    from reader.bench import figures as bench
    from reader.bench.corpus import MIN_WORDS, read_articles

    about = ""
    if args.corpus is not None:
        articles = read_articles(args.corpus)
        words = sum(len(a.split()) for a in articles)
        about = (
            f"{len(articles):,} articles of {MIN_WORDS}+ words in {clean(str(args.corpus))}, "
            f"{words // len(articles):,} words on average, repeated to reach 1,000"
        )
        figures = bench.corpus_figures(args.corpus, args.timeout, progress=say)
    else:
        figures = bench.analysis_figures(quick=args.quick, limit=args.timeout)
        if not args.no_ui:
            figures += bench.ui_figures()
    if args.json:
        print(bench.to_json(figures))
    else:
        title = "reader bench: real text" if about else "reader bench"
        table = Table("figure", "value", "target", "ok", title=title)
        for f in figures:
            table.add_row(f.name, _value(f.value, f.unit, f.stopped), f.target, _ok(f.ok))
        out = Console(highlight=False)
        if about:
            out.print(about, markup=False, soft_wrap=True)
        out.print(table)
    return 0 if all(f.ok for f in figures) else 1


def _stress(args: argparse.Namespace) -> int:
    from reader.bench import figures as bench

    cases = bench.stress_figures(args.timeout, progress=say)
    if args.json:
        print(bench.to_json(cases, key="cases"))
    else:
        table = Table("case", "words", "time", "peak memory", "target", "ok")
        table.title = "reader bench: worst-case texts, each analysed once"
        for c in cases:
            time = "failed" if c.error else _value(c.seconds, "s", c.stopped)
            memory = _value(c.peak_mb, "MB", c.stopped)
            table.add_row(c.name, f"{c.words:,}", time, memory, c.target, _ok(c.ok))
        Console(highlight=False).print(table)
        for c in cases:
            if c.error:
                say(f"{c.name}: {clean(c.error)}")
    return 0 if all(c.ok for c in cases) else 1


def _value(value: float, unit: str, stopped: bool) -> str:
    """The value with its unit; `> ` before a value stopped at the time limit."""
    number = f"{value:,.{2 if unit == 's' else 1}f}"
    shown = f"{number}×" if unit == "×" else f"{number} {unit}"
    return f"> {shown}" if stopped else shown


def _ok(ok: bool) -> str:
    return "✓" if ok else "✗"
