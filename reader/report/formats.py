"""Every export format in one table: its file suffix, its name, and how to render it.

The CLI and the reader both export through `render_export`, so a format added here is
offered everywhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, get_args

from reader.model import Story
from reader.report.csv_export import render_csv
from reader.report.html import render_html
from reader.report.json_export import render_json
from reader.report.markdown import render_markdown
from reader.workspace import Workspace

Format = Literal["html", "markdown", "csv", "json"]
FORMATS: tuple[Format, ...] = get_args(Format)
SUFFIX: dict[Format, str] = {"html": "html", "markdown": "md", "csv": "csv", "json": "json"}
NAME: dict[Format, str] = {"html": "HTML", "markdown": "Markdown", "csv": "CSV", "json": "JSON"}
LABEL: dict[Format, str] = {
    "html": "HTML report (sources side by side)",
    "markdown": "Markdown report",
    "csv": "CSV (one row per quote occurrence)",
    "json": "JSON (everything, with its schema)",
}


def default_export_path(story: Story, fmt: Format = "html") -> Path:
    """`./<story-id>-report.html` (or `.md`, `.csv`, `.json`) in the current directory."""
    return Path.cwd() / f"{story.id}-report.{SUFFIX[fmt]}"


def render_export(fmt: Format, workspace: Workspace, bom: bool = False) -> str:
    """The story in the given format; `bom` starts a CSV with a UTF-8 byte-order mark."""
    story, analysis = workspace.story, workspace.analysis
    if fmt == "html":
        return render_html(story, analysis)
    if fmt == "markdown":
        return render_markdown(story, analysis)
    if fmt == "csv":
        return render_csv(story, analysis, bom=bom)
    return render_json(workspace)
