"""The reader's responsiveness, timed headless the way `reader bench` reports it.

First screen: from starting the app on a story folder to the first idle frame, against a bare
Textual app started the same way in the same process. Keys: the median time for a key press
to be handled and the screen to go idle again with a 50-source story open, less the same
median for a key the bare app ignores (the test pilot's own cost, about 60 ms here).
"""

from __future__ import annotations

import asyncio
import statistics
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Static

from reader.analysis import analyze
from reader.app.app import ReaderApp
from reader.store import load_story, sample_story
from reader.synthetic import synthetic_story

SIZE = (160, 45)


class _BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("bare")


async def _first_screen(folder: Path | None) -> float:
    """Seconds to the first idle frame: the reader on `folder`, or the bare app on None."""
    started = time.perf_counter()
    app: App[None] = _BareApp() if folder is None else ReaderApp(load_story(folder))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        return time.perf_counter() - started


async def _key_median(app: App[None], key: str, presses: int = 25) -> float:
    times = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(presses):
            started = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            times.append(time.perf_counter() - started)
    return statistics.median(times)


async def _measure(runs: int) -> tuple[float, float, float, float]:
    folder = sample_story()
    first = []
    bare = []
    for _ in range(runs):
        bare.append(await _first_screen(None))
        first.append(await _first_screen(folder))
    story = synthetic_story(50)
    analysis = analyze(story)
    pilot_cost = await _key_median(_BareApp(), "z")
    keys = [await _key_median(ReaderApp(story, analysis), key) - pilot_cost for key in "nl"]
    return statistics.median(first), statistics.median(bare), keys[0], keys[1]


def measure_ui(runs: int = 5) -> tuple[float, float, float, float]:
    """Seconds: reader first screen, bare app first screen, key `n` and key `l` medians."""
    return asyncio.run(_measure(runs))
