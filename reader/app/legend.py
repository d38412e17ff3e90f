"""`L`: what the marks on the columns mean, drawn in the side pane with the very styles the
columns paint with (the theme's, and a palette colour), so the legend matches the text.

`MARKS` is the one list of the marks: the side pane draws it and the help says it in a line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.widget import Widget

from reader.app.annotation_marks import NOTE_LINE, NOTE_START
from reader.app.column_look import Look, LookSource
from reader.app.palette import PARAPHRASE_MARK, VARIANT_MARK, quote_style

Kind = Literal[
    "exact", "variant", "paraphrase", "current", "one-source", "reuse", "note", "search", "cursor"
]


@dataclass(frozen=True)
class Mark:
    """One mark: how it looks in words, what it means (one line of the side pane), and its
    gutter glyph."""

    kind: Kind
    looks: str
    meaning: str
    glyph: str = ""


MARKS: tuple[Mark, ...] = (
    Mark("exact", "solid colour", "verbatim, a colour per quote"),
    Mark("variant", "underlined", "altered (words changed)", VARIANT_MARK),
    Mark("paraphrase", "italic", "paraphrased (reworded)", PARAPHRASE_MARK),
    Mark("current", "reversed", "the quote under the cursor"),
    Mark("one-source", "dim italic", "quoted in one source only"),
    Mark("reuse", "shaded", "shared text, not a quote"),
    Mark(
        "note",
        "underlined, pale",
        f"annotated ({NOTE_START} start, {NOTE_LINE} rest)",
        NOTE_START + NOTE_LINE,
    ),
    Mark("search", "reversed, underlined", "a search match"),
    Mark("cursor", "▌", "the cursor line"),
)
SAMPLE = "quote"
UNCERTAIN = ("Name?", "uncertain speaker")


def help_line() -> str:
    """The marks in one line of words, for the help."""
    marks = [f"{m.looks}{' ' + m.glyph if m.glyph else ''}: {m.meaning}" for m in MARKS]
    return "Marks (L shows them): " + " · ".join([*marks, ": ".join(UNCERTAIN)])


def sample_style(kind: Kind, look: Look, note: Style) -> Style:
    """The style the columns paint a mark of `kind` with (palette colour 0 for quotes)."""
    if kind in ("exact", "variant", "paraphrase"):
        return quote_style(0, kind)
    quiet = look.quiet
    styles: dict[Kind, Style] = {
        "current": quote_style(0, "exact", current=True),
        "one-source": quiet.one_source,
        "reuse": quiet.reuse,
        "note": note,
        "search": quiet.search,
        "cursor": look.bar_active,
    }
    return styles[kind]


def legend_table(look: Look, note: Style) -> Table:
    """Each mark drawn as the columns draw it, its gutter glyph, and what it means."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column()
    for mark in MARKS:
        sample = "▌" if mark.kind == "cursor" else SAMPLE
        table.add_row(
            Text(mark.glyph, style=look.gutter),
            Text(sample, style=sample_style(mark.kind, look, note)),
            Text(mark.meaning),
        )
    table.add_row(Text(""), Text(UNCERTAIN[0]), Text(UNCERTAIN[1]))
    return table


class Legend(Widget):
    """The marks, in the side pane while `L` is on; it reads the columns' styles when drawn,
    so a new theme shows at once."""

    def __init__(self, columns: LookSource, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = columns

    def on_mount(self) -> None:
        self.border_title = "Marks · L hides"

    def render(self) -> Table:
        note = self.screen.get_component_rich_style("annotating--note", partial=True)
        return legend_table(self.columns.look, note)
