"""The whole story as one JSON document, for notebooks and scripts.

Each part has the shape of the `--json` command that shows it (DESIGN.md §5): sources as
`reader sources`, quotes and reuse as `reader quotes` (with each occurrence's sentence of
context), events as `reader timeline`, annotations as `reader annotations`. The shape is
written down in `export.schema.json`, shipped with the package.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

from reader.analysis import SentenceContext
from reader.serialize import (
    annotation_data,
    quotes_document,
    source_data,
    timeline_document,
)
from reader.workspace import Workspace

VERSION = 1


def export_document(workspace: Workspace) -> dict[str, Any]:
    """Story, sources, quotes, reuse, events and annotations as JSON-ready data."""
    story, analysis = workspace.story, workspace.analysis
    context = SentenceContext(story, analysis.quotes).around
    quotes = quotes_document(analysis, context=context)
    return {
        "story": story.id,
        "version": VERSION,
        "title": story.title,
        "summary": story.summary,
        "sources": [source_data(s) for s in story.sources],
        "quotes": quotes["quotes"],
        "reuse": quotes["reuse"],
        "events": timeline_document(analysis)["events"],
        "annotations": [annotation_data(a) for a in workspace.annotations],
    }


def render_json(workspace: Workspace) -> str:
    """The export document as indented UTF-8 JSON text."""
    return json.dumps(export_document(workspace), ensure_ascii=False, indent=2) + "\n"


def export_schema() -> dict[str, Any]:
    """The JSON Schema the export document follows."""
    text = files("reader.report").joinpath("export.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
