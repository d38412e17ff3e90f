"""The analysis in a child process: the same result, its progress, and no process left over."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from background_work import fails, stuck
from processes import alive

from reader.analysis import analyze
from reader.model import Analysis, Story
from reader.store import load_story
from reader.workspace import (
    AnalysisCrashed,
    BackgroundAnalysis,
    Cancelled,
    cached_analysis,
    load_analysis,
)
from reader.workspace.background import throttled

DEADLINE = 60.0
"""Seconds to wait for a process to end before failing (a real analysis takes far less)."""


def without_timings(analysis: Analysis) -> Analysis:
    return replace(analysis, timings={})


def ended(pid: int) -> bool:
    """Whether the process `pid` ends within DEADLINE (it may be nobody's child to wait for)."""
    try:
        handle = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        readable, _, _ = select.select([handle], [], [], DEADLINE)
        return bool(readable)
    finally:
        os.close(handle)


@pytest.fixture
def story(sample_path: Path) -> Story:
    return load_story(sample_path)


def test_a_cache_miss_is_analysed_in_a_child_that_then_fills_the_cache(story: Story) -> None:
    reports: list[tuple[str, int, int]] = []
    background = BackgroundAnalysis()
    analysis = background.load(story, lambda *report: reports.append(report))
    assert background.pid is not None and background.pid != os.getpid()
    assert without_timings(analysis) == without_timings(analyze(story))
    stages = list(dict.fromkeys(stage for stage, _, _ in reports))
    assert stages == ["quotes", "speakers", "matching", "timeline"]
    done = [done for stage, done, _ in reports if stage == "quotes"]
    assert done[0] == 0 and done[-1] == len(story.sources) and done == sorted(set(done))
    assert ended(background.pid)  # once it has cached the analysis it sent first
    cached = cached_analysis(story)
    assert cached is not None and without_timings(cached) == without_timings(analysis)


def test_closing_once_the_analysis_came_back_lets_the_child_cache_it(story: Story) -> None:
    background = BackgroundAnalysis()
    background.load(story)
    background.cancel()  # the story is closed at once
    assert background.pid is not None and not alive(background.pid)
    assert cached_analysis(story) is not None


def test_a_cache_hit_is_read_here_without_a_process(story: Story) -> None:
    expected = load_analysis(story)
    reports: list[tuple[str, int, int]] = []
    background = BackgroundAnalysis(stuck)  # would never finish if it were started
    assert background.load(story, lambda *report: reports.append(report)) == expected
    assert background.pid is None and reports == []


def test_cancel_kills_the_running_child_and_load_says_so(story: Story) -> None:
    background = BackgroundAnalysis(stuck)
    started = threading.Event()
    outcome: list[BaseException] = []

    def load() -> None:
        try:
            background.load(story, lambda *_: started.set())
        except BaseException as error:
            outcome.append(error)

    waiter = threading.Thread(target=load)
    waiter.start()
    assert started.wait(DEADLINE), "the child never reported"
    pid = background.pid
    assert pid is not None and alive(pid)
    background.cancel()
    assert not alive(pid)  # killed and reaped by the time cancel returns
    waiter.join(DEADLINE)
    assert not waiter.is_alive()
    assert [type(error) for error in outcome] == [Cancelled]


def test_cancel_before_the_start_starts_nothing(story: Story) -> None:
    background = BackgroundAnalysis(stuck)
    background.cancel()
    with pytest.raises(Cancelled):
        background.load(story)
    assert background.pid is None


def test_an_error_in_the_child_is_reported_by_name(story: Story) -> None:
    with pytest.raises(AnalysisCrashed, match="ValueError: cannot analyse balenciaga-2022"):
        BackgroundAnalysis(fails).load(story)


PARENT = """
import sys
from background_work import stuck
from reader.store import load_story
from reader.workspace import BackgroundAnalysis

background = BackgroundAnalysis(stuck)
def started(*_):
    print(background.pid, flush=True)
background.load(load_story(sys.argv[1]), started)
"""


def test_the_child_exits_when_its_parent_is_killed(sample_path: Path) -> None:
    here = str(Path(__file__).parent)
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, str(sample_path)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": here},
    )
    assert parent.stdout is not None
    pid = int(parent.stdout.readline())
    assert alive(pid)
    parent.kill()  # no chance to clean up: the child must notice on its own
    parent.wait()
    assert ended(pid)


def test_progress_within_a_stage_is_told_at_most_every_tenth_of_a_second() -> None:
    told: list[tuple[str, int, int]] = []
    now = [0.0]
    progress = throttled(lambda *report: told.append(report), 0.1, lambda: now[0])
    for done in range(5):
        progress("quotes", done, 4)
        now[0] += 0.04
    progress("speakers", 0, 1)
    assert told == [("quotes", 0, 4), ("quotes", 3, 4), ("quotes", 4, 4), ("speakers", 0, 1)]
