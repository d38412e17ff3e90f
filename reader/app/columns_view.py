"""The source columns side by side: as many as fit, the others a key press away.

Only the shown columns are displayed (the rest keep their state, hidden), so moving
across 50 sources lays out three or four widgets, never fifty. The first screen mounts only
the shown columns, so a story of 200 sources opens styling a few widgets, not a thousand;
the others are mounted a few at a time after it (or at once when shown first). Until then
a column is a plain object that keeps its cursor and highlights like a hidden one. The
screen tells the view the size it expects before the first layout (`expect`), so that the
first frame already shows the columns instead of an empty view painted again with them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar, Self

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.events import Resize
from textual.geometry import Region, Size, Spacing
from textual.reactive import var
from textual.timer import Timer
from textual.widgets import Label

from reader.app.column_look import COLUMN_COMPONENTS, Look, read_look
from reader.app.source_column import HEADING_CHROME, SourceColumn
from reader.model import Cluster, Span
from reader.report import SHORT, short_names

MIN_COLUMN_WIDTH = 38
"""Narrowest comfortable column: two fit in 80 cells, three or four in 160."""
MIN_NAME = 4
"""Fewest characters a column's name is cut to, however narrow the column."""
FLASH_SECONDS = 1.5
AHEAD = 2
AHEAD_SECONDS = 0.1
"""The columns not shown yet are mounted `AHEAD` at a time, every `AHEAD_SECONDS`: a few
milliseconds of work at a time, leaving the keys and the first screen free."""


class ColumnsView(Horizontal, can_focus=True):
    """Shows `shown()` columns from `first`; `extra` is how many more than fit (+/-).

    It holds the keyboard focus while the user reads (the columns never take it); the
    keys are the screen's, which act on the active column.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = COLUMN_COMPONENTS

    extra: var[int] = var(0)
    first: var[int] = var(0)
    window: var[str] = var("")
    """Which columns show, "1–3 of 5" (empty when all show). Set as they are laid out, so
    that a watcher shows it in the same frame as the columns."""

    def __init__(self, columns: Sequence[SourceColumn], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = list(columns)
        for column in self.columns:
            column.display = False  # until the first layout knows how many fit (and mounts it)
        self._look: Look | None = None
        self._flashing: dict[str, tuple[tuple[int, int], ...]] = {}
        self._named_for = -1
        self._name_columns(SHORT)
        self._ahead: Timer | None = None
        self._expected = Size(0, 0)
        self._laid_out: tuple[Size, Spacing, range] | None = None
        """The last layout's size hint, column chrome and shown columns."""

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

    @property
    def room(self) -> Size:
        """The view's size; before its first layout, the size it expects (`expect`)."""
        return self.size if self.size.width else self._expected

    def expect(self, room: Size) -> None:
        """Lay the columns out for the size the first layout is to give the view, so that
        the first frame shows them. The view's first resize lays them out at its real size."""
        self._expected = room
        self._lay_out()

    def fitting(self) -> int:
        """How many columns of at least `MIN_COLUMN_WIDTH` fit the width."""
        return max(1, self.room.width // MIN_COLUMN_WIDTH)

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

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        """A new layout repaints only what it moves or resizes (the screen's compositor
        finds it), not the whole view: the view draws nothing of its own under the columns.
        Textual lays a container out and repaints all of it whenever a child is mounted, so
        each column mounted ahead, hidden, would redraw every column on screen."""
        return super().refresh(
            *regions, repaint=repaint and not layout, layout=layout, recompose=recompose
        )

    def on_resize(self, event: Resize) -> None:
        expected, self._expected = self._expected, Size(0, 0)
        if self.size != expected:  # else `expect` laid the columns out for this very size
            self._lay_out()

    def watch_extra(self) -> None:
        self._lay_out()

    def watch_first(self) -> None:
        self._lay_out()

    def _lay_out(self) -> None:
        room = self.room
        if not room.width or not self.columns:
            return
        shown = self.shown()
        self.set_reactive(ColumnsView.first, max(0, min(self.first, len(self.columns) - shown)))
        width, spare = divmod(room.width, shown)
        self._name_columns(min(SHORT, width - HEADING_CHROME))
        hint = Size(width, room.height)
        chrome = self._mount_shown().styles.gutter
        window = range(self.first, self.first + shown)
        if self._laid_out is not None and self._laid_out[:2] == (hint, chrome):
            changed = sorted(set(window).union(self._laid_out[2]))  # the others stay hidden
        else:
            changed = list(range(len(self.columns)))
        for index in changed:
            wider = 1 if index - self.first < spare else 0
            self.columns[index].lay_out(hint, width + wider if self.shows(index) else None, chrome)
        self._laid_out = (hint, chrome, window)
        total = len(self.columns)
        span = f"{self.first + 1}" + (f"–{self.first + shown}" if shown > 1 else "")
        self.window = f"{span} of {total}" if shown < total else ""

    def _mount_shown(self) -> SourceColumn:
        """Mount the shown columns not mounted yet; the first shown column."""
        for index in range(self.first, self.first + self.shown()):
            self._mount(index)
        if self._ahead is None and len(self.columns) > self.shown():
            self._ahead = self.set_interval(AHEAD_SECONDS, self._mount_ahead)
        return self.columns[self.first]

    def _mount_ahead(self) -> None:
        """Mount the next few columns not mounted yet, until all are: after the first
        screen, between key presses, so that moving along the columns never waits."""
        waiting = [i for i, column in enumerate(self.columns) if column.parent is None]
        for index in waiting[:AHEAD]:
            self._mount(index)
            self.columns[index].wrap_ahead()
        if len(waiting) <= AHEAD and self._ahead is not None:
            self._ahead.stop()

    def _mount(self, index: int) -> None:
        """Mount the column at `index`, if it is not, in story order among the mounted ones
        (mounting styles it at once; hidden, it is not laid out)."""
        column = self.columns[index]
        if column.parent is None:
            later = (c for c in self.columns[index + 1 :] if c.parent is not None)
            self.mount(column, before=next(later, None))

    def same_quote(
        self, cluster: Cluster, here: SourceColumn, step: int
    ) -> tuple[SourceColumn, int] | None:
        """The next (1) or previous (-1) column after `here` that carries the quote and the
        screen row to show it on; the other carriers scroll to show it on that row too."""
        starts = {c: o.start for c in self.columns if (o := cluster.occurrence(c.source.id))}
        carriers = list(starts)
        if len(carriers) < 2:
            return None
        target = (
            carriers[(carriers.index(here) + step) % len(carriers)]
            if here in carriers
            else carriers[0]
        )
        row = here.cursor_row if 0 <= here.cursor_row < here.page_height else here.page_height // 3
        row = min(row, *(column.line_of(start) for column, start in starts.items()))
        for column, start in starts.items():
            if column is not target:
                column.align_offset(start, row)
        return target, row

    def show_evidence(self, spans: Sequence[Span]) -> SourceColumn | None:
        """Scroll every column that has some of the spans to the first, aligned, and flash
        them; the first such column (None when no column has any)."""
        flash: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for span in spans:
            flash[span.source].append((span.start, span.end))
        columns = [c for c in self.columns if c.source.id in flash]
        if not columns:
            return None
        row = min(
            columns[0].page_height // 3,
            *(column.line_of(flash[column.source.id][0][0]) for column in columns),
        )
        for column in columns:
            column.move_to_offset(flash[column.source.id][0][0], row=row)
        self._flash({source: tuple(found) for source, found in flash.items()})
        return columns[0]

    def _flash(self, spans: dict[str, tuple[tuple[int, int], ...]]) -> None:
        previous, self._flashing = self._flashing, spans
        for column in self.columns:
            if column.source.id in previous or column.source.id in spans:
                flash = spans.get(column.source.id, ())
                column.set_overlays(replace(column.overlays, flash=flash))
        if spans:
            self.set_timer(FLASH_SECONDS, lambda: self._flash({}))
