"""The analysis of a big story runs in a child process: the header shows how far it got, the
reader reads and scrolls meanwhile, and closing the app leaves no process behind."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

import pytest
from app_story import no_blink  # noqa: F401 - autouse fixture
from processes import alive
from textual.pilot import Pilot

from reader.app import ReaderApp
from reader.app.reader_screen import ReaderScreen
from reader.app.story_header import StoryHeader, progress_text
from reader.bench.synthetic import synthetic_story
from reader.model import Story

SIZE = (160, 45)
DEADLINE = 60.0
BIG = 300
"""Sources: enough that the analysis takes seconds, long after the first progress report."""


@pytest.fixture(scope="module")
def big_story() -> Story:
    return synthetic_story(BIG)


async def wait_until(pilot: Pilot[None], condition: Callable[[], bool], what: str) -> None:
    """Let the app run until `condition` holds, failing after DEADLINE seconds."""
    end = time.monotonic() + DEADLINE
    while not condition():
        if time.monotonic() > end:
            pytest.fail(f"timed out waiting for {what}")
        await pilot.pause(0.05)  # polling interval, not a wait for a guessed duration


def header_text(screen: ReaderScreen) -> str:
    return str(screen.query_one(StoryHeader).content)


def analysing(screen: ReaderScreen) -> bool:
    """The child process reported and has not finished."""
    return screen.index is None and "analysing " in header_text(screen)


async def progress_shown(pilot: Pilot[None]) -> ReaderScreen:
    """The reader screen, once the header shows the child process's first progress report."""
    screen = pilot.app.screen
    assert isinstance(screen, ReaderScreen)
    await wait_until(pilot, lambda: analysing(screen), "a progress report")
    return screen


def child_pid(screen: ReaderScreen) -> int:
    """The process id of the child analysing the screen's story."""
    assert screen.background is not None and screen.background.pid is not None
    return screen.background.pid


def test_progress_says_the_stage_and_counts_sources_while_quotes_are_found() -> None:
    assert progress_text("quotes", 120, 200) == "analysing quotes: 120 / 200 sources"
    assert progress_text("matching", 0, 1) == "analysing matching…"


async def test_the_header_shows_progress_then_the_highlights_arrive(big_story: Story) -> None:
    app = ReaderApp(big_story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await progress_shown(pilot)
        assert screen.background is not None and screen.background.pid != os.getpid()
        assert "shared quotes" not in header_text(screen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.index is not None and screen.index.shared
        assert "shared quotes" in header_text(screen)
        assert "analysing" not in header_text(screen)


async def test_the_columns_read_and_scroll_while_the_analysis_runs(big_story: Story) -> None:
    app = ReaderApp(big_story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await progress_shown(pilot)
        first = screen.column
        await pilot.press("j", "j", "j", "pagedown")
        assert first.scroll_y == first.page_height and first.cursor_line == 3 + first.page_height
        await pilot.press("l", "l")
        assert screen.column is screen.columns[2] and screen.column.cursor_line == 0
        await pilot.press("n")  # no highlights yet: nothing to go to, nothing breaks
        assert analysing(screen)  # all of it happened while the analysis ran


async def test_quitting_during_the_analysis_leaves_no_process(big_story: Story) -> None:
    app = ReaderApp(big_story)
    async with app.run_test(size=SIZE) as pilot:
        pid = child_pid(await progress_shown(pilot))
        assert alive(pid)
        await pilot.press("q")
    assert not alive(pid)  # killed and reaped as the app closed


async def test_closing_the_story_stops_its_analysis(big_story: Story) -> None:
    app = ReaderApp(big_story)
    async with app.run_test(size=SIZE) as pilot:
        pid = child_pid(await progress_shown(pilot))
        await app.pop_screen()  # as escape does, back to the story picker
        assert not alive(pid)
        await app.workers.wait_for_complete()  # the worker ends without a result
        assert not isinstance(app.screen, ReaderScreen)
