"""The reader on a big real story with a cold cache, as a researcher opens it.

    python benchmarks/app_real.py PATH_TO/multi_news.jsonl [--articles 200] [--json]

The first `--articles` Multi-News articles (150+ words each) are imported with the real
importer into one story in a temporary folder; the analysis cache is a fresh temporary folder
too, and another one for the highlights, so every run analyses from scratch. Reported, with
their targets:

- first screen: from launching a process that opens the story to its first idle frame
  (median of three after an untimed one; each run quits at once, cancelling its analysis);
- highlights: from starting the app to the analysis shown (shared quotes highlighted);
- keys `n` and `l`: the median time from a press reaching the app to the app settled again
  (every message handled, the screen drawn), while the analysis runs and after it, as
  `reader bench` counts it (`reader.bench.ui.response_seconds`).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from speakers import imported

from reader.app import ReaderApp
from reader.app.reader_screen import ReaderScreen
from reader.bench import read_articles
from reader.bench.ui import SIZE, first_screen_seconds, press_in_turn
from reader.store import load_story

TARGETS = {
    "first screen s": 1.0,
    "highlights s": 5.0,
    "key n during analysis ms": 50.0,
    "key l during analysis ms": 50.0,
    "key n after ms": 50.0,
    "key l after ms": 50.0,
}


async def keys_and_highlights(folder: Path) -> dict[str, float]:
    """Open the story and press `n` and `l` in turn until the highlights come, then 25 times
    more; each key's median seconds to settle."""
    app = ReaderApp(load_story(folder))
    during: dict[str, list[float]] = {key: [] for key in "nl"}
    after: dict[str, list[float]] = {key: [] for key in "nl"}
    shown: list[float] = []
    started = time.perf_counter()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        screen.watch(screen, "index", lambda index: index and shown.append(time.perf_counter()))
        await pilot.pause()
        while screen.index is None and app.workers:
            await press_in_turn(app, during)
        await app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(25):
            await press_in_turn(app, after)
    if not shown:
        raise SystemExit("the analysis never arrived")
    figures = {"highlights s": shown[0] - started, "presses during analysis": len(during["n"])}
    for when, times in (("during analysis", during), ("after", after)):
        if times["n"]:
            for key, seconds in times.items():
                figures[f"key {key} {when} ms"] = statistics.median(seconds) * 1000
    return figures


def measure(data: Path, articles: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["READER_CACHE"] = str(Path(tmp) / "cache")
        story = imported(Path(tmp), read_articles(data)[:articles])
        folder = story.path
        figures: dict[str, float] = {"articles": len(story.sources)}
        first_screen_seconds(folder)  # untimed, as `reader bench` does: bytecode written
        figures["first screen s"] = statistics.median(first_screen_seconds(folder) for _ in "abc")
        os.environ["READER_CACHE"] = str(Path(tmp) / "cold")  # whatever those runs cached
        figures |= asyncio.run(keys_and_highlights(folder))
        return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the Multi-News multi_news.jsonl")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures = measure(args.data, args.articles)
    missed = [k for k, limit in TARGETS.items() if k in figures and figures[k] >= limit]
    if args.json:
        print(json.dumps(figures | {"missed": missed}, indent=2))
    else:
        for name, value in figures.items():
            target = f"  (target < {TARGETS[name]:g})" if name in TARGETS else ""
            print(f"{name:28} {value:10.3f}{target}{'  MISSED' if name in missed else ''}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
