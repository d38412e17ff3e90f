"""One analysis timed in a fresh process, with its peak memory and a time limit.

A fresh process makes the timing cold (no cache warmed by an earlier run) and its peak
resident memory (`ru_maxrss`, read by the parent with `wait4`, so it is known even for a
process that was stopped) that of this one story: the interpreter, the story's text and the
analysis, as a user's process would hold them. The time is the analysis alone, measured in the
child once its story is built. Past the time limit the child is killed, so the bench always
finishes, even on text that makes the analysis hang.
"""

from __future__ import annotations

import json
import os
import select
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reader.model import Story

__all__ = ["Measurement", "measure"]

_CHILD = "from reader.bench.isolated import _child; _child()"
_BUILD_LIMIT = 300.0
"""Seconds a child may take to build its story before timing starts (a 20 MB text included)."""


@dataclass(frozen=True)
class Measurement:
    """The analysis of one story in its own process."""

    seconds: float
    """Wall-clock time of the analysis; the limit itself when `stopped`."""
    peak_mb: float
    """Peak resident memory of the whole process, in MB (so far, when `stopped`)."""
    words: int
    stopped: bool = False
    """Killed at the time limit: `seconds` and `peak_mb` are lower bounds."""
    error: str | None = None
    """The child's last line on stderr when it failed."""


def measure(build: Callable[..., Story], *args: str | int, limit: float) -> Measurement:
    """Analyse `build(*args)` in a new interpreter, killed after `limit` seconds of analysis.

    `build` must be a module-level function, so the child can import it by name."""
    spec = f"{build.__module__}:{build.__qualname__}"
    argv = [sys.executable, "-c", _CHILD, spec, json.dumps(args)]
    with tempfile.TemporaryFile() as errors:
        out, into = os.pipe()
        actions = [
            (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_DUP2, into, 1),
            (os.POSIX_SPAWN_DUP2, errors.fileno(), 2),
        ]
        pid = os.posix_spawn(sys.executable, argv, os.environ, file_actions=actions)
        os.close(into)
        stopped = True  # until the child says it is done: an interrupt stops it too
        try:
            report, stopped = _follow(out, limit)
        finally:
            os.close(out)
            if stopped:
                os.kill(pid, signal.SIGKILL)
            _, status, usage = os.wait4(pid, 0)
        errors.seek(0)
        failure = errors.read().decode(errors="replace").strip().splitlines()
    peak_mb = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    words = int(report.get("words", 0))
    if stopped:
        return Measurement(limit, peak_mb, words, stopped=True)
    if status != 0 or "seconds" not in report:
        reason = failure[-1] if failure else f"exit status {os.waitstatus_to_exitcode(status)}"
        return Measurement(0.0, peak_mb, words, error=reason)
    return Measurement(float(report["seconds"]), peak_mb, words)


def _follow(out: int, limit: float) -> tuple[dict[str, Any], bool]:
    """The child's report (`words` once its story is built, then `seconds`) and whether it
    had to be stopped: it gets `_BUILD_LIMIT` to build, then `limit` to analyse."""
    report: dict[str, Any] = {}
    pending = b""
    deadline = time.monotonic() + _BUILD_LIMIT
    while "seconds" not in report:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([out], [], [], left)[0]:
            return report, True
        chunk = os.read(out, 4096)
        if not chunk:
            return report, False
        *lines, pending = (pending + chunk).split(b"\n")
        for line in lines:
            report |= json.loads(line)
            if "words" in report and "seconds" not in report:
                deadline = time.monotonic() + limit
    return report, False


def _child() -> None:
    """The measuring process: build the story, say so, time its analysis, say how long."""
    import importlib

    from reader.analysis import analyze

    module, name = sys.argv[1].split(":")
    build = getattr(importlib.import_module(module), name)
    story = build(*json.loads(sys.argv[2]))
    print(json.dumps({"words": sum(s.words for s in story.sources)}), flush=True)
    started = time.perf_counter()
    analyze(story)
    print(json.dumps({"seconds": time.perf_counter() - started}), flush=True)
