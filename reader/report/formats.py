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
from reader.store import atomic_write
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
REPORTS = "reports"
"""The story folder's folder for exports: reports stay with their story, never wherever the
reader happened to be started."""


def reports_folder(story: Story) -> Path:
    """`<story folder>/reports`, where exports go unless the user says otherwise."""
    return story.path / REPORTS


def default_export_path(story: Story, fmt: Format = "html", folder: Path | None = None) -> Path:
    """`<story-id>-report.html` (or `.md`, `.csv`, `.json`) in `folder`, by default the
    story's `reports/`."""
    return (folder or reports_folder(story)) / f"{story.id}-report.{SUFFIX[fmt]}"


def write_export(fmt: Format, workspace: Workspace, path: Path, bom: bool = False) -> None:
    """Write the story in `fmt` to `path` atomically (the old file kept as `.bak`); the
    story's `reports/` is created when it is missing, any other folder must exist."""
    if path.parent == reports_folder(workspace.story):
        path.parent.mkdir(exist_ok=True)
    atomic_write(path, render_export(fmt, workspace, bom=bom))


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
