"""The reader's responsiveness, timed headless the way `reader bench` reports it.

First screen: from launching a process that opens a story folder to its first idle frame,
against a process showing a bare Textual app, measured the same way in the same run.
Keys: the median time for a key press to be handled and the screen to go idle again with a
50-source story open, less the same median for a key the bare app ignores (the test pilot's
own cost, about 60 ms here).
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Static

from reader.analysis import analyze
from reader.app.app import ReaderApp
from reader.bench.synthetic import synthetic_story
from reader.store import load_story, sample_story

SIZE = (160, 45)


class _BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("bare")


def run_to_first_screen(folder: str | None) -> None:
    """Start the reader on `folder` (the bare app on None) headless; quit at the first idle."""
    app: App[None] = _BareApp() if folder is None else ReaderApp(load_story(Path(folder)))

    async def quit_when_idle(pilot: Pilot[object]) -> None:
        await pilot.pause()
        app.exit()

    app.run(headless=True, size=SIZE, auto_pilot=quit_when_idle)


def first_screen_seconds(folder: Path | None) -> float:
    """Seconds from launching a fresh Python process to its first idle frame, as a user
    waits for it: interpreter start and imports included."""
    where = None if folder is None else str(folder)
    code = f"from reader.bench.ui import run_to_first_screen; run_to_first_screen({where!r})"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - started


async def timed_press(pilot: Pilot[Any], key: str) -> float:
    """Seconds for one key press to be handled and the screen to go idle again."""
    started = time.perf_counter()
    await pilot.press(key)
    await pilot.pause()
    return time.perf_counter() - started


async def _key_median(app: App[None], key: str, presses: int = 25) -> float:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        return statistics.median([await timed_press(pilot, key) for _ in range(presses)])


async def pilot_cost() -> float:
    """The median time of a key press the bare app ignores: the test pilot's own cost."""
    return await _key_median(_BareApp(), "z")


async def _measure(runs: int) -> tuple[float, float, float, float]:
    folder = sample_story()
    first = []
    bare = []
    for _ in range(runs):
        bare.append(first_screen_seconds(None))
        first.append(first_screen_seconds(folder))
    story = synthetic_story(50)
    analysis = analyze(story)
    cost = await pilot_cost()
    keys = [await _key_median(ReaderApp(story, analysis), key) - cost for key in "nl"]
    return statistics.median(first), statistics.median(bare), keys[0], keys[1]


def measure_ui(runs: int = 5) -> tuple[float, float, float, float]:
    """Seconds: reader first screen, bare app first screen, key `n` and key `l` medians."""
    return asyncio.run(_measure(runs))
