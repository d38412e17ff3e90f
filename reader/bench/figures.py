"""The performance figures of the README's "Performance", measured in one run to compare fairly.

Analysis figures run in this process; peak memory runs in a child process so the figure is
that of the 200-source analysis alone; the reader's screen and key figures come from
`reader.bench.ui`, imported only when asked for, so the core stays free of Textual.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from functools import partial

from reader.analysis import analyze, collector_paused, extract_quotes, match_quotes
from reader.bench.baseline import all_pairs_difflib
from reader.bench.synthetic import synthetic_story
from reader.store import load_story, sample_story


@dataclass(frozen=True)
class Figure:
    """One measured figure against its target."""

    name: str
    value: float
    unit: str
    target: str
    ok: bool


def best_of(runs: int, step: Callable[[], object]) -> float:
    """The fastest of `runs` timings of `step`, in seconds: the least disturbed by noise."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return min(times)


def peak_memory_mb(n_sources: int) -> float:
    """Peak resident memory of a fresh process analysing a synthetic story, in MB."""
    code = (
        "import resource\n"
        "from reader.analysis import analyze\n"
        "from reader.bench.synthetic import synthetic_story\n"
        f"analyze(synthetic_story({n_sources}))\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    return int(out.split()[-1]) / 1024


def analysis_figures(quick: bool = False) -> list[Figure]:
    """Sample-story speed, scaling 10/50/200 sources, speed-up over all-pairs, memory."""
    figures: list[Figure] = []
    sample = load_story(sample_story())
    ms = best_of(5, lambda: analyze(sample)) * 1000
    figures.append(Figure("sample analysis", ms, "ms", "< 100", ms < 100))

    scale: dict[int, float] = {}
    for n, limit in ((10, None), (50, None), (200, 2.0)):
        scale[n] = best_of(1 if n == 200 else 3, partial(analyze, synthetic_story(n)))
        target, ok = ("", True) if limit is None else (f"< {limit * 1000:.0f}", scale[n] < limit)
        figures.append(Figure(f"analysis {n} sources", scale[n] * 1000, "ms", target, ok))
    growth = scale[200] / scale[50]
    figures.append(Figure("growth 50→200 sources", growth, "×", "≤ 5", growth <= 5))

    story50 = synthetic_story(50)
    quotes50 = [q for s in story50.sources for q in extract_quotes(s)]
    with collector_paused():  # as inside `analyze`
        matching = best_of(3, lambda: match_quotes(story50, quotes50))
    if quick:
        subset = replace(story50, sources=story50.sources[:12])
        naive = best_of(1, lambda: all_pairs_difflib(subset)) * (50 * 49) / (12 * 11)
    else:
        naive = best_of(1, lambda: all_pairs_difflib(story50))
    figures.append(Figure("all-pairs difflib, 50 sources", naive * 1000, "ms", "", True))
    speedup = naive / matching
    figures.append(
        Figure("text-reuse matching vs all-pairs difflib", speedup, "×", "≥ 20", speedup >= 20)
    )
    whole = naive / scale[50]
    figures.append(Figure("whole analysis vs all-pairs difflib", whole, "×", "", True))
    mb = peak_memory_mb(200)
    figures.append(Figure("peak memory, 200 sources", mb, "MB", "< 300", mb < 300))
    return figures


def ui_figures() -> list[Figure]:
    """First-screen and key-latency figures from the Textual app."""
    from reader.bench.ui import measure_ui

    first, bare, key_next_quote, key_next_source = measure_ui()
    ratio = first / bare
    return [
        Figure("reader first screen", first * 1000, "ms", "< 1000", first < 1),
        Figure("bare Textual first screen", bare * 1000, "ms", "", True),
        Figure("first screen vs bare app", ratio, "×", "≤ 1.5", ratio <= 1.5),
        Figure(
            "key n, 50 sources (median)",
            key_next_quote * 1000,
            "ms",
            "< 50",
            key_next_quote < 0.05,
        ),
        Figure(
            "key l, 50 sources (median)",
            key_next_source * 1000,
            "ms",
            "< 50",
            key_next_source < 0.05,
        ),
    ]


def to_json(figures: list[Figure]) -> str:
    """The figures as one JSON document."""
    return json.dumps(
        {"figures": [asdict(f) for f in figures], "ok": all(f.ok for f in figures)},
        ensure_ascii=False,
        indent=2,
    )
