"""The theme's styles the source columns paint with, read once for all of them.

They are component classes of the columns view rather than of each column: fifty columns
would otherwise each resolve a dozen component styles when they mount.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from rich.style import Style
from textual.widget import Widget

from reader.app.highlights import QuietStyles

COLUMN_COMPONENTS = {
    "columns--cursor",
    "columns--cursor-bar",
    "columns--cursor-bar-active",
    "columns--title",
    "columns--title-active",
    "columns--gutter",
    "columns--scroll-thumb",
    "columns--scroll-track",
    "columns--one-source",
    "columns--reuse",
    "columns--search",
    "columns--flash",
}


@dataclass(frozen=True)
class Look:
    """Styles for the cursor, the gutter, the scroll marks, the headings and quiet text."""

    cursor: Style
    bar: Style
    bar_active: Style
    title: Style
    title_active: Style
    gutter: Style
    scroll_thumb: Style
    scroll_track: Style
    quiet: QuietStyles


def read_look(widget: Widget) -> Look:
    """The `COLUMN_COMPONENTS` styles of `widget` (the columns view)."""
    get = widget.get_component_rich_style
    return Look(
        cursor=get("columns--cursor"),
        bar=get("columns--cursor-bar"),
        bar_active=get("columns--cursor-bar-active"),
        title=get("columns--title"),
        title_active=get("columns--title-active"),
        gutter=get("columns--gutter"),
        scroll_thumb=get("columns--scroll-thumb"),
        scroll_track=get("columns--scroll-track"),
        quiet=QuietStyles(
            one_source=get("columns--one-source", partial=True),
            reuse=get("columns--reuse", partial=True),
            search=get("columns--search", partial=True),
            flash=get("columns--flash", partial=True),
        ),
    )


@runtime_checkable
class LookSource(Protocol):
    """What a column asks its parent (the columns view) for."""

    @property
    def look(self) -> Look: ...
