"""The analysis in a child process, so a UI waiting for it keeps its speed.

A cached analysis is read in the calling process: that is quick, and starting a process is
not. On a miss a child process analyses the story, telling its progress, sends the
analysis back and then writes the cache; on a 2-core machine the child gets a core of its
own and the UI keeps the other.

The child is a fresh interpreter running `serve` (forking a process that runs threads, as a
Textual app does, can deadlock it), started with `subprocess` rather than `multiprocessing`:
a Textual app replaces `sys.stderr` with an object whose file number is -1, which the
resource tracker `multiprocessing` starts with its first child cannot take. The child's own
stdout and stderr go nowhere, so nothing it prints reaches the UI's terminal; the parent
sends the work on its stdin and reads pickled messages from a private pipe.

No child outlives what asked for it: `cancel` kills it at once while it analyses (the story
was closed, the app quits) and, once the analysis came back, waits for it to finish the
cache; a child whose parent dies, however it dies, sees its stdin end and exits.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any

from reader.model import Analysis, Story
from reader.workspace.cache import cached_analysis, store_analysis

if TYPE_CHECKING:  # the reader's first screen imports this module, and no analysis
    from reader.analysis.progress import Progress

    Work = Callable[[Story, Progress], Analysis]
    """What the child runs (the analysis, by default): a module-level function, so the
    child can import it by name. The child caches what it returns."""

_SERVE = "from reader.workspace.background import serve; serve()"
PROGRESS_SECONDS = 0.1
"""Within a stage the child tells its progress at most this often (its start and its end
always): a UI repaints for each report, and 200 sources would make 200 repaints."""


def analyse_story(story: Story, progress: Progress) -> Analysis:
    """The work by default: the story's analysis, imported by the child that runs it and
    never by the UI waiting for it."""
    from reader.analysis import analyze

    return analyze(story, progress)


class Cancelled(Exception):
    """The analysis was cancelled before it finished."""


class AnalysisCrashed(Exception):
    """The analysis raised in the child, or the child died; the message says which."""


class BackgroundAnalysis:
    """One story's analysis, loaded from the cache or run in a child process, cancellable
    from any thread while `load` waits for it in another."""

    def __init__(self, work: Work = analyse_story) -> None:
        self._work = work
        self._lock = threading.Lock()
        self._cancelled = False
        self._delivered = False
        """The analysis came back; the child is caching it and must not be killed."""
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
        """Analyse in a child process, whatever the cache holds. The child sends the analysis
        first and caches it after, so the caller need not wait for the cache to be written;
        the child is reaped once it has."""
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
            analysis = self._receive(process.stdout, process, progress)
        except BaseException:
            _stop(process, kill=True)
            raise
        threading.Thread(target=_stop, args=(process,), daemon=True).start()
        return analysis

    def cancel(self) -> None:
        """Stop the analysis now, or prevent it from starting; `load` raises Cancelled. Once
        the analysis came back, wait for the child to finish caching it instead."""
        with self._lock:
            self._cancelled = True
            process = self._process
        if process is not None:
            _stop(process, kill=not self._delivered)

    def _receive(
        self, stream: IO[bytes], process: subprocess.Popen[bytes], progress: Progress | None
    ) -> Analysis:
        while True:
            try:
                kind, *body = pickle.load(stream)
            except (EOFError, ValueError, pickle.UnpicklingError):  # ValueError: `cancel` closed it
                if self._cancelled:
                    raise Cancelled from None
                raise AnalysisCrashed(
                    f"the analysis process stopped (exit status {process.wait()})"
                ) from None
            if kind == "progress" and progress is not None:
                progress(*body)
            elif kind == "done":
                self._delivered = True
                analysis: Analysis = body[0]
                return analysis
            elif kind == "failed":
                raise AnalysisCrashed(body[0])


def _stop(process: subprocess.Popen[bytes], kill: bool = False) -> None:
    """Reap the child (killed first with `kill`), then close its pipes: no zombie left
    behind, and its stdin stays open while it runs (its end would tell it to exit)."""
    if kill:
        process.kill()
    process.wait()
    for stream in (process.stdin, process.stdout):
        with contextlib.suppress(OSError):  # a write the dead child never read
            if stream is not None:
                stream.close()


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
        analysis = work(story, throttled(lambda *report: send(("progress", *report))))
        send(("done", analysis))
    except Exception as error:
        with contextlib.suppress(OSError):  # the parent stopped listening
            send(("failed", f"{type(error).__name__}: {error}"))
        return
    store_analysis(story, analysis)  # for next time, once the parent has it


def throttled(
    report: Progress, seconds: float = PROGRESS_SECONDS, clock: Callable[[], float] = time.monotonic
) -> Progress:
    """`report`, told each stage's first and last report and, between them, one at most
    every `seconds`."""
    last: dict[str, float] = {}

    def progress(stage: str, done: int, total: int) -> None:
        now = clock()
        if stage not in last or done >= total or now - last[stage] >= seconds:
            last[stage] = now
            report(stage, done, total)

    return progress


def _exit_at_end(given: IO[bytes]) -> None:
    """The parent keeps the child's stdin open until it has reaped the child: its end
    before that means the parent is gone, however it went, and the work is for no one."""
    given.read()
    os._exit(1)
