"""`c`: who carried each shared quote verbatim, who altered it, who left it out.

Two matrices over the sources: shared quotes (✓ exact, ~ altered, ≈ paraphrase, · missing)
and speakers (how many of their shared quotes each source carried, altered, paraphrased or
left out).
`enter` on a cell jumps to that occurrence.
"""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Label

from reader.app.key_bar import KeyBar
from reader.app.messages import Jump
from reader.app.palette import MATCH_MARKS, colour
from reader.app.quote_index import QuoteIndex, speaker_label
from reader.model import Cluster
from reader.report import shorten

MISSING = "·"
QUOTE_CELLS = (16, 44)
"""Fewest and most cells for a quote's words in the table."""
MARK_STYLES = {"exact": "bold green", "variant": "bold yellow", "paraphrase": "bold magenta"}
LEGEND = Text.assemble(
    (MATCH_MARKS["exact"], MARK_STYLES["exact"]),
    " carried verbatim   ",
    (MATCH_MARKS["variant"], MARK_STYLES["variant"]),
    " altered   ",
    (MATCH_MARKS["paraphrase"], MARK_STYLES["paraphrase"]),
    " paraphrased   ",
    (MISSING, "dim"),
    " left out      enter: go to it   tab: next table   escape: back",
)


class CoverageScreen(Screen[Jump | None]):
    """Dismissed with the `Jump` the user chose, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,c", "close", "Back", id="coverage-close", tooltip="Back to the sources"),
    ]

    def __init__(self, index: QuoteIndex) -> None:
        super().__init__()
        self.index = index
        self.names = index.names

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="coverage"):
            yield Label(f"Coverage of “{self.index.story.title}”", id="coverage-title")
            yield Label(LEGEND, id="coverage-legend")
            yield Label("Shared quotes × sources", classes="coverage-heading")
            yield DataTable(
                id="coverage-quotes", cursor_type="cell", zebra_stripes=True, fixed_columns=2
            )
            yield Label("Speakers × sources (their shared quotes)", classes="coverage-heading")
            yield DataTable(
                id="coverage-speakers", cursor_type="cell", zebra_stripes=True, fixed_columns=1
            )
        yield KeyBar(classes="key-bar")

    def on_mount(self) -> None:
        sources = self.index.story.sources
        quotes = self.query_one("#coverage-quotes", DataTable)
        quotes.add_column("Quote", key="quote")
        quotes.add_column("Speaker", key="speaker")
        for source in sources:
            quotes.add_column(self.names[source.id], key=source.id)
        for cluster in self.index.shared:
            quotes.add_row(*self._quote_cells(cluster), key=cluster.id)
        speakers = self.query_one("#coverage-speakers", DataTable)
        speakers.add_column("Speaker", key="speaker")
        for source in sources:
            speakers.add_column(self.names[source.id], key=source.id)
        for count in self.index.speakers:
            if count.shared:
                speakers.add_row(*self._speaker_cells(count.name), key=count.name)
        quotes.focus(scroll_visible=False)  # the title and the legend first

    def _quote_cells(self, cluster: Cluster) -> list[Text]:
        chip = colour(self.index.colour_of[cluster.id])
        cells = [
            Text.assemble(("█ ", chip), shorten(cluster.text, self._quote_cells_wide())),
            Text(speaker_label(cluster)),
        ]
        for source in self.index.story.sources:
            occurrence = cluster.occurrence(source.id)
            if occurrence is None:
                cells.append(Text(MISSING, style="dim", justify="center"))
            else:
                mark = MATCH_MARKS[occurrence.match]
                cells.append(Text(mark, style=MARK_STYLES[occurrence.match], justify="center"))
        return cells

    def _quote_cells_wide(self) -> int:
        """A third of the screen for the quote's words (16 to 44 cells): the quote and its
        speaker stay put while the sources scroll past them."""
        return max(QUOTE_CELLS[0], min(QUOTE_CELLS[1], self.app.size.width // 3))

    def _speaker_cells(self, speaker: str) -> list[Text]:
        theirs = [c for c in self.index.shared if c.speaker == speaker]
        cells = [Text(speaker, style="bold")]
        for source in self.index.story.sources:
            found = [c.occurrence(source.id) for c in theirs]
            kinds = Counter(o.match for o in found if o is not None)
            parts = [(f"{kinds[m]}{MATCH_MARKS[m]}", MARK_STYLES[m]) for m in MATCH_MARKS]
            parts.append((f"{found.count(None)}{MISSING}", "dim"))
            cells.append(Text(" ").join(Text(p, style=s) for p, s in parts if p[0] != "0"))
        return cells

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        row = event.cell_key.row_key.value or ""
        column = event.cell_key.column_key.value or ""
        if event.data_table.id == "coverage-quotes":
            jump = self._quote_jump(self.index.clusters[row], column)
        else:
            jump = self._speaker_jump(row, column)
        if jump is not None:
            self.dismiss(jump)

    def _quote_jump(self, cluster: Cluster, column: str) -> Jump | None:
        """The occurrence in that source; the first one from the quote's own cells."""
        if column in {"quote", "speaker"}:
            occurrence = cluster.occurrences[0]
        elif (found := cluster.occurrence(column)) is not None:
            occurrence = found
        else:
            self.notify(f"{self.names[column]} left this quote out.")
            return None
        return Jump(occurrence.source, occurrence.start, cluster.id)

    def _speaker_jump(self, speaker: str, column: str) -> Jump | None:
        """The speaker's first quote in that source, with the filter set to them."""
        if column == "speaker":
            first = next(c for c in self.index.shared if c.speaker == speaker)
            return Jump(first.occurrences[0].source, first.occurrences[0].start, first.id, speaker)
        theirs = [p for p in self.index.placed(column) if p.cluster.speaker == speaker]
        if not theirs:
            self.notify(f"No quote of {speaker} in {self.names[column]}.")
            return None
        return Jump(column, theirs[0].start, theirs[0].cluster.id, speaker)

    def action_close(self) -> None:
        self.dismiss(None)
