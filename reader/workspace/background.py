"""The analysis in a child process, so a UI waiting for it keeps its speed.

A cached analysis is read in the calling process: that is quick, and starting a process is
not. On a miss a child process analyses the story (and writes the cache), telling its
progress and then sending the analysis back; on a 2-core machine the child gets a core of
its own and the UI keeps the other.

The child is a fresh interpreter running `serve` (forking a process that runs threads, as a
Textual app does, can deadlock it), started with `subprocess` rather than `multiprocessing`:
a Textual app replaces `sys.stderr` with an object whose file number is -1, which the
resource tracker `multiprocessing` starts with its first child cannot take. The child's own
stdout and stderr go nowhere, so nothing it prints reaches the UI's terminal; the parent
sends the work on its stdin and reads pickled messages from a private pipe.

No child outlives what asked for it: `cancel` kills it at once (the story was closed, the
app quits), and a child whose parent dies, however it dies, sees its stdin end and exits.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable
from typing import IO, Any

from reader.analysis import Progress, analyze
from reader.model import Analysis, Story
from reader.workspace.cache import cached_analysis, store_analysis

Work = Callable[[Story, Progress], Analysis]
"""What the child runs: a module-level function, so the child can import it by name."""

_SERVE = "from reader.workspace.background import serve; serve()"


def analyse_and_store(story: Story, progress: Progress) -> Analysis:
    """The child's usual work: analyse the story, telling `progress`, and cache the result."""
    analysis = analyze(story, progress)
    store_analysis(story, analysis)
    return analysis


class Cancelled(Exception):
    """The analysis was cancelled before it finished."""


class AnalysisCrashed(Exception):
    """The analysis raised in the child, or the child died; the message says which."""


class BackgroundAnalysis:
    """One story's analysis, loaded from the cache or run in a child process, cancellable
    from any thread while `load` waits for it in another."""

    def __init__(self, work: Work = analyse_and_store) -> None:
        self._work = work
        self._lock = threading.Lock()
        self._cancelled = False
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int | None:
        """The child's process id once started (None while none was started)."""
        process = self._process
        return None if process is None else process.pid

    def load(self, story: Story, progress: Progress | None = None) -> Analysis:
        """The cached analysis, else the analysis from a child process, telling `progress`
        each stage. Raises Cancelled after `cancel`, AnalysisCrashed if the child failed."""
        cached = cached_analysis(story)
        if cached is not None:
            return cached
        return self.run(story, progress)

    def run(self, story: Story, progress: Progress | None = None) -> Analysis:
        """Analyse in a child process, whatever the cache holds (the child caches it)."""
        with self._lock:
            if self._cancelled:
                raise Cancelled
            process = subprocess.Popen(
                [sys.executable, "-c", _SERVE],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
            self._process = process
        assert process.stdin is not None and process.stdout is not None
        try:
            with contextlib.suppress(BrokenPipeError):  # it died: reading says how
                pickle.dump(sys.path, process.stdin)
                pickle.dump((self._work, story), process.stdin)
                process.stdin.flush()
            return self._receive(process.stdout, process, progress)
        finally:
            _stop(process)
            with contextlib.suppress(OSError):
                process.stdin.close()
            process.stdout.close()

    def cancel(self) -> None:
        """Stop the analysis now, or prevent it from starting; `load` raises Cancelled."""
        with self._lock:
            self._cancelled = True
            process = self._process
        if process is not None:
            _stop(process)

    def _receive(
        self, stream: IO[bytes], process: subprocess.Popen[bytes], progress: Progress | None
    ) -> Analysis:
        while True:
            try:
                kind, *body = pickle.load(stream)
            except (EOFError, pickle.UnpicklingError):
                if self._cancelled:
                    raise Cancelled from None
                raise AnalysisCrashed(
                    f"the analysis process stopped (exit status {process.wait()})"
                ) from None
            if kind == "progress" and progress is not None:
                progress(*body)
            elif kind == "done":
                analysis: Analysis = body[0]
                return analysis
            elif kind == "failed":
                raise AnalysisCrashed(body[0])


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Kill the child if it still runs and reap it (no zombie left behind)."""
    process.kill()
    process.wait()


def serve() -> None:
    """The child: read the parent's path and work on stdin, send progress and the analysis
    (or what went wrong) as pickles on the stdout it was given, and exit if stdin ends."""
    given = sys.stdin.buffer
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # a stray print must not break the stream
    sys.path[:] = pickle.load(given)
    work, story = pickle.load(given)
    threading.Thread(target=_exit_at_end, args=(given,), daemon=True).start()

    def send(message: tuple[Any, ...]) -> None:
        pickle.dump(message, out)
        out.flush()

    try:
        send(("done", work(story, lambda *report: send(("progress", *report)))))
    except Exception as error:
        with contextlib.suppress(OSError):  # the parent stopped listening
            send(("failed", f"{type(error).__name__}: {error}"))


def _exit_at_end(given: IO[bytes]) -> None:
    """The parent keeps the child's stdin open while it waits: its end means the parent is
    gone, however it went, and the analysis is for no one."""
    given.read()
    os._exit(1)
