"""The reader's responsiveness, timed headless the way `reader bench` reports it.

First screen: from launching a Python process that opens a story folder to its first idle
frame and its exit, against a process showing a bare Textual app, measured the same way in
the same run. Each process imports only what it shows (the reader: `reader.app` and
`reader.store`; the bare app: Textual alone), so the reader's own imports count against it.
Each is launched once untimed first, as a user's second launch: Python's bytecode written
and the files in the operating system's cache, for both alike.

Keys: the median time from a key press reaching the app to the app being settled again:
every message it caused handled and the screen drawn with the result (`settled`). The test
pilot's own waits are not counted: they watch the process in 20 ms windows until one passes
without work, so they would report a key in steps of 20 ms whatever it costs.
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

from textual import events
from textual.app import App

from reader.analysis import analyze
from reader.app.app import ReaderApp
from reader.bench.synthetic import synthetic_story
from reader.store import sample_story

SIZE = (160, 45)

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
    and imports included."""
    if folder is None:
        return launch_seconds(_BARE_APP)
    return launch_seconds(_READER_APP, str(folder))


def launch_seconds(app_code: str, *arguments: str) -> float:
    """Seconds from launching a fresh Python process that runs `app_code` (which defines
    `app`, a Textual app) with `arguments` to its exit at the app's first idle frame. Python
    writes and reads its compiled bytecode as it does by default (an environment that says
    not to would have every app compile every module at every launch, which no installed
    copy does)."""
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    code = app_code + _RUN_TO_FIRST_IDLE
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *arguments], check=True, env=environment)
    return time.perf_counter() - started


POLL_SECONDS = 0.001
GAP_SECONDS = 0.05
"""Between two presses: a fast typist's pace, so that a press never queues behind the last."""


def settled(app: App[Any]) -> bool:
    """Whether the app has nothing left to do for now: no message waiting in its queue or
    any of its screen's widgets', nothing left to lay out, scroll or draw. (Textual has no
    public way to ask, so this reads the screen's own flags.)"""
    screen = app.screen
    if (
        screen._dirty_widgets
        or screen._layout_required
        or screen._repaint_required
        or screen._scroll_required
    ):
        return False
    nodes = (app, *screen.walk_children(with_self=True))
    return all(node._message_queue.empty() for node in nodes)


async def response_seconds(app: App[Any], key: str) -> float:
    """Seconds from `key` (a single character) reaching `app` to the app settled again."""
    started = time.perf_counter()
    app.post_message(events.Key(key, key))
    while not settled(app):
        await asyncio.sleep(POLL_SECONDS)
    return time.perf_counter() - started


async def press_in_turn(app: App[Any], times: dict[str, list[float]]) -> None:
    """Press each key of `times` once, in turn, a typist's gap apart, adding the seconds it
    took to settle to its list."""
    for key, taken in times.items():
        taken.append(await response_seconds(app, key))
        await asyncio.sleep(GAP_SECONDS)


async def _key_seconds(app: ReaderApp, key: str, presses: int = 25) -> float:
    """The median seconds `key` takes to settle in `app`."""
    times: dict[str, list[float]] = {key: []}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(presses):
            await press_in_turn(app, times)
    return statistics.median(times[key])


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
    keys = [await _key_seconds(ReaderApp(story, analysis), key) for key in "nl"]
    return statistics.median(first), statistics.median(bare), keys[0], keys[1]


def measure_ui(runs: int = 5) -> tuple[float, float, float, float]:
    """Seconds: reader first screen, bare app first screen, key `n` and key `l` medians."""
    return asyncio.run(_measure(runs))
