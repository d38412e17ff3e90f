"""The reader's responsiveness, timed headless the way `reader bench` reports it.

First screen: from launching a Python process that opens a story folder to its first idle
frame and its exit, against a process showing a bare Textual app, measured the same way in
the same run. Each process imports only what it shows (the reader: `reader.app` and
`reader.store`; the bare app: Textual alone), so the reader's own imports count against it.
Each is launched once untimed first, as a user's second launch: Python's bytecode written
and the files in the operating system's cache, for both alike.

Keys: the median time for a key press to be handled and the screen to go idle again with a
50-source story open, less the median, in the same app, of a key it ignores. That second
median is the test pilot's own cost, which grows with the number of widgets (the pilot
visits every one after each press); a bare app's would leave part of it in the figure.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from reader.analysis import analyze
from reader.app.app import ReaderApp
from reader.bench.synthetic import synthetic_story
from reader.store import sample_story

SIZE = (160, 45)
IGNORED_KEY = "z"
"""A key the reader binds to nothing: pressing it costs only the pilot's own work."""

_BARE_APP = """
from textual.app import App
from textual.widgets import Static

class Bare(App[None]):
    def compose(self):
        yield Static("bare")

app = Bare()
"""
_READER_APP = """
import sys
from pathlib import Path
from reader.app import ReaderApp
from reader.store import load_story

app = ReaderApp(load_story(Path(sys.argv[1])))
"""
_RUN_TO_FIRST_IDLE = f"""
async def quit_when_idle(pilot):
    await pilot.pause()
    pilot.app.exit()

app.run(headless=True, size={SIZE}, auto_pilot=quit_when_idle)
"""


def first_screen_seconds(folder: Path | None) -> float:
    """Seconds from launching a fresh Python process showing `folder` (the bare app on
    None) to its exit at the first idle frame, as a user waits for it: interpreter start
    and imports included. Python writes and reads its compiled bytecode as it does by
    default (an environment that says not to would have both apps compile every module
    at every launch, which no installed copy does)."""
    code = (_BARE_APP if folder is None else _READER_APP) + _RUN_TO_FIRST_IDLE
    arguments = [] if folder is None else [str(folder)]
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *arguments], check=True, env=environment)
    return time.perf_counter() - started


async def _timed_press(pilot: Pilot[Any], key: str) -> float:
    """Seconds for one key press to be handled and the screen to go idle again."""
    started = time.perf_counter()
    await pilot.press(key)
    await pilot.pause()
    return time.perf_counter() - started


async def press_in_turn(pilot: Pilot[Any], times: dict[str, list[float]]) -> None:
    """Press each key of `times` once, in turn, adding the seconds it took to its list."""
    for key, taken in times.items():
        taken.append(await _timed_press(pilot, key))


def less_pilot_cost(times: dict[str, list[float]]) -> dict[str, float]:
    """Each key's median seconds less the median of the ignored key, pressed in turn with
    them in the same app (so all see the same widgets and the same machine load)."""
    cost = statistics.median(times[IGNORED_KEY])
    return {key: statistics.median(t) - cost for key, t in times.items() if key != IGNORED_KEY}


async def _key_cost(app: ReaderApp, key: str, presses: int = 25) -> float:
    """The median seconds of `key` in `app` less that of the ignored key (`less_pilot_cost`)."""
    times: dict[str, list[float]] = {key: [], IGNORED_KEY: []}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(presses):
            await press_in_turn(pilot, times)
    return less_pilot_cost(times)[key]


async def _measure(runs: int) -> tuple[float, float, float, float]:
    folder = sample_story()
    first = []
    bare = []
    first_screen_seconds(None)  # each once untimed: bytecode written, files in the OS cache
    first_screen_seconds(folder)
    for _ in range(runs):
        bare.append(first_screen_seconds(None))
        first.append(first_screen_seconds(folder))
    story = synthetic_story(50)
    analysis = analyze(story)
    keys = [await _key_cost(ReaderApp(story, analysis), key) for key in "nl"]
    return statistics.median(first), statistics.median(bare), keys[0], keys[1]


def measure_ui(runs: int = 5) -> tuple[float, float, float, float]:
    """Seconds: reader first screen, bare app first screen, key `n` and key `l` medians."""
    return asyncio.run(_measure(runs))
