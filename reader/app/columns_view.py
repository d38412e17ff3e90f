"""The source columns side by side: as many as fit, the others a key press away.

Only the shown columns are displayed (the rest keep their state, hidden), so moving
across 50 sources lays out three or four widgets, never fifty.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.events import Resize
from textual.geometry import Size
from textual.reactive import var
from textual.widgets import Label

from reader.app.column_look import COLUMN_COMPONENTS, Look, read_look
from reader.app.messages import ColumnsLaidOut
from reader.app.source_column import HEADING_CHROME, SourceColumn
from reader.report import SHORT, short_names

MIN_COLUMN_WIDTH = 38
"""Narrowest comfortable column: two fit in 80 cells, three or four in 160."""
MIN_NAME = 4
"""Fewest characters a column's name is cut to, however narrow the column."""


class ColumnsView(Horizontal, can_focus=True):
    """Shows `shown()` columns from `first`; `extra` is how many more than fit (+/-).

    It holds the keyboard focus while the user reads (the columns never take it); the
    keys are the screen's, which act on the active column.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = COLUMN_COMPONENTS

    extra: var[int] = var(0)
    first: var[int] = var(0)

    def __init__(self, columns: Sequence[SourceColumn], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = list(columns)
        for column in self.columns:
            column.display = False  # until the first layout knows how many fit
        self._look: Look | None = None
        self._named_for = -1
        self._name_columns(SHORT)

    @property
    def look(self) -> Look:
        """The columns' styles, read once per theme."""
        if self._look is None:
            self._look = read_look(self)
        return self._look

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._look = None
        for column in self.columns:
            column.notify_style_update()

    def compose(self) -> ComposeResult:
        yield from self.columns
        if not self.columns:
            yield Label(
                "This story has no sources yet: add articles with `reader import`.",
                id="no-sources",
            )

    def _name_columns(self, room: int) -> None:
        """Short names that tell the columns apart in `room` cells (once per width)."""
        room = max(MIN_NAME, room)
        if room != self._named_for:
            names = short_names([column.source for column in self.columns], room)
            for column in self.columns:
                column.use_name(names[column.source.id])
            self._named_for = room

    def fitting(self) -> int:
        """How many columns of at least `MIN_COLUMN_WIDTH` fit the width."""
        return max(1, self.size.width // MIN_COLUMN_WIDTH)

    def shown(self, extra: int | None = None) -> int:
        """How many columns show at once, `extra` more or fewer than fit."""
        wanted = self.fitting() + (self.extra if extra is None else extra)
        return max(1, min(len(self.columns), wanted))

    def shows(self, index: int) -> bool:
        """Whether the column at `index` is on screen."""
        return self.first <= index < self.first + self.shown()

    def reveal(self, index: int) -> None:
        """Shift the shown columns (as little as possible) so that `index` is among them."""
        shown = self.shown()
        if index < self.first:
            self.first = index
        elif index >= self.first + shown:
            self.first = index - shown + 1
        else:
            self.first = max(0, min(self.first, len(self.columns) - shown))

    def on_resize(self, event: Resize) -> None:
        self._lay_out()

    def watch_extra(self) -> None:
        self._lay_out()

    def watch_first(self) -> None:
        self._lay_out()

    def _lay_out(self) -> None:
        if not self.size.width or not self.columns:
            return
        shown = self.shown()
        self.set_reactive(ColumnsView.first, max(0, min(self.first, len(self.columns) - shown)))
        width, spare = divmod(self.size.width, shown)
        self._name_columns(min(SHORT, width - HEADING_CHROME))
        hint = Size(width, self.size.height)
        for index, column in enumerate(self.columns):
            wider = 1 if index - self.first < spare else 0
            column.lay_out(hint, width + wider if self.shows(index) else None)
        last = self.first + shown
        total = len(self.columns)
        self.post_message(
            ColumnsLaidOut(f"showing {self.first + 1}–{last} of {total}" if shown < total else "")
        )
