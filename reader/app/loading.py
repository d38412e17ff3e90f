"""The reader's doors to the core: the story's workspace and the exports.

Called from thread workers only; nothing here touches a widget.
"""

from __future__ import annotations

from pathlib import Path

from reader.errors import ReaderError
from reader.model import Story
from reader.report import Format, default_export_path, render_export
from reader.store import atomic_write
from reader.workspace import Workspace, build_workspace, load_analysis, load_workspace


def open_workspace(story: Story) -> tuple[Workspace, str | None]:
    """The cached analysis with the user's corrections applied, and a warning if the
    annotations could not be read (then the analysis is shown without them; the file is
    left untouched for the user to fix)."""
    try:
        return load_workspace(story), None
    except ReaderError as error:
        return build_workspace(story, load_analysis(story), ()), str(error)


def export_story(workspace: Workspace, fmt: Format) -> Path:
    """Write the story in `fmt` where `reader export` would, and return the path."""
    path = default_export_path(workspace.story, fmt)
    atomic_write(path, render_export(fmt, workspace))
    return path
