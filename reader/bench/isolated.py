"""One analysis timed in a fresh process, with its peak memory and a time limit.

A fresh process makes the timing cold (no cache warmed by an earlier run) and its peak
resident memory that of this one story: the interpreter, the story's text and the analysis,
as a user's process would hold them. The time is the analysis alone, measured in the child
once its story is built. Past the time limit the child is killed, so the bench always
finishes, even on text that makes the analysis hang.

Peak memory is the kernel's high-water mark of the child's own memory (`VmHWM` in
`/proc/PID/status`), read by the child when it is done or by the bench just before stopping
it. `ru_maxrss` would not do: a spawned process inherits the spawning one's peak with it.
Without `/proc` the child's `ru_maxrss` stands in, an overestimate.
"""

from __future__ import annotations

import json
import os
import resource
import select
import subprocess
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
    """Peak resident memory of the process, in MB (so far, when `stopped`; 0 when unknown)."""
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
        child = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=errors
        )
        assert child.stdout is not None
        report: dict[str, Any] = {}
        stopped = True  # until the child says it is done: an interrupt stops it too
        try:
            stopped = _follow(child.stdout.fileno(), limit, report)
        finally:
            if stopped:
                report["peak_kb"] = _peak_kb(str(child.pid))
                child.kill()
            status = child.wait()
            child.stdout.close()
        errors.seek(0)
        failure = errors.read().decode(errors="replace").strip().splitlines()
    peak_mb = report.get("peak_kb", 0) / 1024
    words = int(report.get("words", 0))
    if stopped:
        return Measurement(limit, peak_mb, words, stopped=True)
    if status != 0 or "seconds" not in report:
        reason = failure[-1] if failure else f"exit status {status}"
        return Measurement(0.0, peak_mb, words, error=reason)
    return Measurement(float(report["seconds"]), peak_mb, words)


def _peak_kb(pid: str) -> int:
    """The high-water mark of a live process's resident memory, in KB; 0 without `/proc`."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _follow(out: int, limit: float, report: dict[str, Any]) -> bool:
    """Read the child's report into `report` (`words` once its story is built, then `seconds`
    and `peak_kb`) and say whether it had to be stopped: it gets `_BUILD_LIMIT` to build, then
    `limit` to analyse."""
    pending = b""
    deadline = time.monotonic() + _BUILD_LIMIT
    while "seconds" not in report:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([out], [], [], left)[0]:
            return True
        chunk = os.read(out, 4096)
        if not chunk:
            return False
        *lines, pending = (pending + chunk).split(b"\n")
        for line in lines:
            report |= json.loads(line)
            if "words" in report and "seconds" not in report:
                deadline = time.monotonic() + limit
    return False


def _child() -> None:
    """The measuring process: build the story, say so, time its analysis, say how long and
    how much memory it took at most."""
    import importlib

    from reader.analysis import analyze

    module, name = sys.argv[1].split(":")
    build = getattr(importlib.import_module(module), name)
    story = build(*json.loads(sys.argv[2]))
    print(json.dumps({"words": sum(s.words for s in story.sources)}), flush=True)
    started = time.perf_counter()
    analyze(story)
    seconds = time.perf_counter() - started
    rusage_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // (
        1024 if sys.platform == "darwin" else 1
    )
    peak_kb = _peak_kb("self") or rusage_kb
    print(json.dumps({"seconds": seconds, "peak_kb": peak_kb}), flush=True)
