"""The story to share: HTML or Markdown reports, CSV of the quotes, JSON of everything."""

from __future__ import annotations

from reader.report.colours import PALETTE, assign_colours, reading_order
from reader.report.csv_export import COLUMNS, render_csv
from reader.report.formats import (
    FORMATS,
    LABEL,
    NAME,
    Format,
    default_export_path,
    render_export,
    reports_folder,
    write_export,
)
from reader.report.html import render_html
from reader.report.json_export import export_document, export_schema, render_json
from reader.report.markdown import render_markdown, source_name
from reader.report.names import SHORT, short_names, shorten

__all__ = [
    "COLUMNS",
    "FORMATS",
    "LABEL",
    "NAME",
    "PALETTE",
    "SHORT",
    "Format",
    "assign_colours",
    "default_export_path",
    "export_document",
    "export_schema",
    "reading_order",
    "render_csv",
    "render_export",
    "render_html",
    "render_json",
    "render_markdown",
    "reports_folder",
    "short_names",
    "shorten",
    "source_name",
    "write_export",
]
