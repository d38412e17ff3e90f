"""The story to share: HTML or Markdown reports, CSV of the quotes, JSON of everything.

Names load on first use (`reader.lazy`): the reader's columns need the short names and
the colours, not the report writers and the analysis they import."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.lazy import lazy_names

if TYPE_CHECKING:
    from reader.report.colours import PALETTE as PALETTE
    from reader.report.colours import assign_colours as assign_colours
    from reader.report.colours import reading_order as reading_order
    from reader.report.csv_export import COLUMNS as COLUMNS
    from reader.report.csv_export import render_csv as render_csv
    from reader.report.formats import FORMATS as FORMATS
    from reader.report.formats import LABEL as LABEL
    from reader.report.formats import NAME as NAME
    from reader.report.formats import Format as Format
    from reader.report.formats import default_export_path as default_export_path
    from reader.report.formats import render_export as render_export
    from reader.report.formats import reports_folder as reports_folder
    from reader.report.formats import write_export as write_export
    from reader.report.html import render_html as render_html
    from reader.report.json_export import export_document as export_document
    from reader.report.json_export import export_schema as export_schema
    from reader.report.json_export import render_json as render_json
    from reader.report.markdown import render_markdown as render_markdown
    from reader.report.markdown import source_name as source_name
    from reader.report.names import SHORT as SHORT
    from reader.report.names import short_names as short_names
    from reader.report.names import shorten as shorten

__getattr__, __all__ = lazy_names(__name__, __file__)
