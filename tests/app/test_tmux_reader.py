"""Smoke test of the real command in a real terminal: `python -m reader STORY` under tmux."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEADLINE = 30.0

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


SOCKET = f"reader-test-{uuid.uuid4().hex[:8]}"
"""A private tmux server: no user configuration, no other sessions touched."""


def tmux(*args: str) -> str:
    done = subprocess.run(
        ["tmux", "-L", SOCKET, "-f", "/dev/null", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout


def screen(session: str) -> str:
    return tmux("capture-pane", "-p", "-t", session)


def wait_for(session: str, condition: Callable[[str], bool], what: str) -> str:
    """Poll the pane until `condition` holds, failing after DEADLINE seconds."""
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end:
        shown = screen(session)
        if condition(shown):
            return shown
        time.sleep(0.1)  # polling interval, not a wait for a guessed duration
    pytest.fail(f"timed out waiting for {what}; the screen was:\n{screen(session)}")


@pytest.fixture
def session(tmp_path: Path) -> Iterator[str]:
    name = f"reader-{uuid.uuid4().hex[:8]}"
    marker = tmp_path / "exit-status"
    # COLUMNS / LINES (pytest may set them) would override the terminal's real size
    command = (
        f"cd {ROOT} && env -u COLUMNS -u LINES {sys.executable} -m reader stories/balenciaga-2022;"
        f" echo $? > {marker}"
    )
    tmux("new-session", "-d", "-s", name, "-x", "160", "-y", "45", command)
    yield name
    tmux("kill-server")


def test_reader_runs_in_a_real_terminal(session: str, tmp_path: Path) -> None:
    first = wait_for(
        session, lambda s: "WWD" in s and "OK!" in s and "Speakers ·" in s, "the outlets"
    )  # with the side pane: the 160-column terminal
    assert "Kim Kardashian and the Balenciaga campaigns" in first
    wait_for(session, lambda s: "analysing" not in s, "the analysis")
    tmux("send-keys", "-t", session, "n")
    tmux("send-keys", "-t", session, "?")
    wait_for(session, lambda s: "Keys" in s and "Next shared quote in this" in s, "the help")
    tmux("send-keys", "-t", session, "Escape")
    wait_for(session, lambda s: "Next shared quote in this" not in s, "the help to close")
    tmux("send-keys", "-t", session, "q")
    marker = tmp_path / "exit-status"
    end = time.monotonic() + DEADLINE
    while not marker.exists() and time.monotonic() < end:
        time.sleep(0.1)
    assert marker.read_text().strip() == "0"


def test_shift_f3_steps_back_in_a_real_terminal(session: str) -> None:
    wait_for(session, lambda s: "shared quotes" in s, "the analysis")
    tmux("send-keys", "-t", session, "/")
    wait_for(session, lambda s: "a phrase in any source" in s, "the search box")
    tmux("send-keys", "-t", session, "-l", "Balenciaga")
    wait_for(session, lambda s: "“Balenciaga”: " in s and "matches" in s, "the matches")
    tmux("send-keys", "-t", session, "Enter")
    wait_for(session, lambda s: "“Balenciaga”: 1/" in s, "the first match")
    tmux("send-keys", "-t", session, "F3")
    wait_for(session, lambda s: "“Balenciaga”: 2/" in s, "F3")
    tmux("send-keys", "-t", session, "S-F3")  # ESC[1;2R on the wire
    wait_for(session, lambda s: "“Balenciaga”: 1/" in s, "shift+F3")
