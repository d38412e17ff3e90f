"""The reader's doors to the core: the (cached) analysis and the HTML export.

Called from thread workers only; nothing here touches a widget.
"""

from __future__ import annotations

from pathlib import Path

from reader.analysis import analyze
from reader.model import Analysis, Story


def load_analysis(story: Story) -> Analysis:
    """The story's analysis."""
    return analyze(story)


def export_html(story: Story, analysis: Analysis) -> Path:
    """Write the side-by-side HTML report where `reader export` would, and return its path."""
    from reader.export import default_export_path, render_html
    from reader.store import atomic_write

    path: Path = default_export_path(story, "html")
    atomic_write(path, render_html(story, analysis))
    return path
