"""The reader's doors to the core: the story's workspace and the exports.

Called from thread workers (and before the first frame, for a small cached analysis);
nothing here touches a widget. Each returns the message the worker posts, errors included
(shown to the user; the columns stay usable).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reader.app.messages import AnalysisFailed, AnalysisReady, ExportFinished
from reader.app.quote_index import QuoteIndex
from reader.errors import ReaderError
from reader.model import Analysis, Story
from reader.store import load_annotations
from reader.workspace import (
    AnalysisCrashed,
    BackgroundAnalysis,
    Cancelled,
    Workspace,
    build_workspace,
    cached_analysis,
)

if TYPE_CHECKING:
    from reader.analysis import Progress
    from reader.report import Format


READ_AT_ONCE = 2_000_000
"""Bytes of cached analysis read before the first frame (200 news articles cache 1.2 MB,
read in 0.07 s): a story opens highlighted in one paint. A larger cache is read by the
worker, after the first frame, so the columns never wait for it."""


def cached_workspace(story: Story) -> AnalysisReady | None:
    """The workspace from a cached analysis of at most `READ_AT_ONCE` bytes; None when there
    is none (or it is larger, or anything goes wrong: the worker then loads it and says
    what went wrong)."""
    try:
        raw = cached_analysis(story, READ_AT_ONCE)
        return None if raw is None else ready_workspace(story, raw)
    except Exception:
        return None


def open_workspace(
    story: Story, background: BackgroundAnalysis, progress: Progress
) -> AnalysisReady | AnalysisFailed | None:
    """The analysis (cached, else from a child process telling `progress` how it goes) as
    `ready_workspace` gives it. None when the analysis was cancelled: the story was closed."""
    try:
        return ready_workspace(story, background.load(story, progress))
    except Cancelled:
        return None
    except AnalysisCrashed as error:
        return AnalysisFailed(str(error))
    except Exception as error:
        return AnalysisFailed(f"{type(error).__name__}: {error}")


def ready_workspace(story: Story, raw: Analysis) -> AnalysisReady:
    """The analysis with the user's corrections applied, and a warning if the annotations
    could not be read (then the analysis is shown without them; the file is left untouched
    for the user to fix)."""
    try:
        workspace, warning = build_workspace(story, raw, load_annotations(story.path)), None
    except ReaderError as error:
        workspace, warning = build_workspace(story, raw, ()), str(error)
    return AnalysisReady(workspace, QuoteIndex(story, workspace.analysis), warning)


def export_story(workspace: Workspace, fmt: Format, folder: Path | None) -> ExportFinished:
    """Write the story in `fmt` into `folder`, by default where `reader export` would (the
    story's `reports/`): its path, or what went wrong. The writers are imported here, by
    the first export, rather than by the worker loading the analysis."""
    from reader.report import default_export_path, write_export

    try:
        path = default_export_path(workspace.story, fmt, folder)
        write_export(fmt, workspace, path)
    except Exception as error:
        return ExportFinished(None, f"{type(error).__name__}: {error}")
    return ExportFinished(path, None)
