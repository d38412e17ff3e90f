"""The reader's doors to the core: the (cached) analysis and the HTML export.

Called from thread workers only; nothing here touches a widget.
"""

from __future__ import annotations

from pathlib import Path

from reader.analysis.cache import load_analysis
from reader.errors import ReaderError
from reader.model import Analysis, Story
from reader.workspace import Workspace, build_workspace, load_workspace


def open_workspace(story: Story) -> tuple[Workspace, str | None]:
    """The cached analysis with the user's corrections applied, and a warning if the
    annotations could not be read (then the analysis is shown without them; the file is
    left untouched for the user to fix)."""
    try:
        return load_workspace(story), None
    except ReaderError as error:
        return build_workspace(story, load_analysis(story), ()), str(error)


def export_html(story: Story, analysis: Analysis) -> Path:
    """Write the side-by-side HTML report where `reader export` would, and return its path."""
    from reader.export import default_export_path, render_html
    from reader.store import atomic_write

    path: Path = default_export_path(story, "html")
    atomic_write(path, render_html(story, analysis))
    return path
