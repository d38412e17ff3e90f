"""The story as a report to share: HTML or Markdown."""

from __future__ import annotations

from reader.report.colours import PALETTE, assign_colours, reading_order
from reader.report.html import default_export_path, render_html
from reader.report.markdown import render_markdown, source_name
from reader.report.names import SHORT, short_names, shorten

__all__ = [
    "PALETTE",
    "SHORT",
    "assign_colours",
    "default_export_path",
    "reading_order",
    "render_html",
    "render_markdown",
    "short_names",
    "shorten",
    "source_name",
]
