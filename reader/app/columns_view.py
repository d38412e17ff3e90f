"""The source columns side by side: as many as fit, horizontally scrollable."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import HorizontalScroll
from textual.events import Resize
from textual.reactive import reactive

from reader.app.source_column import SourceColumn

MIN_COLUMN_WIDTH = 38
"""Narrowest comfortable column: two fit in 80 cells, three or four in 160."""


class ColumnsView(HorizontalScroll, can_focus=False, inherit_bindings=False):
    """Lays the columns out at an equal width; `extra` is how many more than fit (+/-).

    No bindings of its own: the arrow keys belong to the screen (change column).
    """

    extra: reactive[int] = reactive(0)

    def __init__(self, columns: Sequence[SourceColumn], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = list(columns)

    def compose(self) -> ComposeResult:
        yield from self.columns

    def fitting(self) -> int:
        """How many columns of at least `MIN_COLUMN_WIDTH` fit the width."""
        return max(1, self.size.width // MIN_COLUMN_WIDTH)

    def shown(self, extra: int | None = None) -> int:
        """How many columns show at once, `extra` more or fewer than fit."""
        wanted = self.fitting() + (self.extra if extra is None else extra)
        return max(1, min(len(self.columns), wanted))

    def on_resize(self, event: Resize) -> None:
        self._lay_out()

    def watch_extra(self) -> None:
        self._lay_out()

    def _lay_out(self) -> None:
        if not self.size.width:
            return
        width = self.size.width // self.shown()
        for column in self.columns:
            column.styles.width = width
        focused = self.screen.focused
        if isinstance(focused, SourceColumn) and focused in self.columns:
            self.call_after_refresh(self.scroll_to_widget, focused, animate=False)
