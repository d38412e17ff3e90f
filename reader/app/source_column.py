"""One source's article as a column: only visible lines are rendered, from cached strips.

Like toolong's `LogLines`, the column is a `ScrollView` whose `render_line` reads a cache of
styled `Strip`s. The text is wrapped once per width (`wrapping.wrap`, which keeps each
line's character offsets) and styled once per state change (`highlights.marks`); moving the
cursor only repaints two lines.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual.binding import Binding
from textual.events import Resize
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from reader.app.annotation_marks import note_glyph
from reader.app.highlights import Layers, QuietStyles, gutter_mark, marks
from reader.app.messages import CursorMoved
from reader.app.quote_index import Placed, QuoteIndex
from reader.app.wrapping import Wrapped, display_text, wrap
from reader.model import Source

GUTTER = 2
"""Cells before the text: the cursor bar and the altered-quote glyph."""


def column_title(source: Source) -> str:
    """Outlet and date, as the column's heading."""
    outlet = source.outlet or source.id
    return f"{outlet} · {source.date.isoformat()}" if source.date else outlet


class SourceColumn(ScrollView, can_focus=True, inherit_bindings=False):
    """A scrollable, wrapped, highlighted article with a cursor line."""

    COMPONENT_CLASSES = {
        "source-column--cursor",
        "source-column--cursor-bar",
        "source-column--gutter",
        "source-column--one-source",
        "source-column--reuse",
        "source-column--search",
        "source-column--flash",
    }

    BINDINGS = [
        Binding("up,k", "cursor_up", "Up", show=False, id="cursor-up",
                tooltip="Move the cursor up a line"),
        Binding("down,j", "cursor_down", "Down", show=False, id="cursor-down",
                tooltip="Move the cursor down a line"),
        Binding("pageup", "page_up", "Page up", show=False, id="page-up",
                tooltip="Scroll up a page"),
        Binding("pagedown", "page_down", "Page down", show=False, id="page-down",
                tooltip="Scroll down a page"),
        Binding("home,g", "first_line", "Top", show=False, id="top",
                tooltip="Go to the start of the article"),
        Binding("end,G", "last_line", "Bottom", show=False, id="bottom",
                tooltip="Go to the end of the article"),
    ]

    index: reactive[QuoteIndex | None] = reactive(None, always_update=True)
    speaker: reactive[str | None] = reactive(None)
    current: reactive[str | None] = reactive(None)
    cursor_line: reactive[int] = reactive(0)

    def __init__(self, source: Source, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = source
        self.plain = display_text(source.text)
        self.overlays = Layers()
        self._wrapped: Wrapped | None = None
        self._styled: Text | None = None
        self._strips: dict[int, Strip] = {}
        self.border_title = column_title(source)

    # ---- geometry ---------------------------------------------------------------

    @property
    def text_width(self) -> int:
        return max(1, self.scrollable_content_region.width - GUTTER)

    @property
    def page_height(self) -> int:
        return max(1, self.scrollable_content_region.height)

    @property
    def wrapped(self) -> Wrapped:
        """The lines at the current width, wrapped on first use."""
        if self._wrapped is None or self._wrapped.width != self.text_width:
            self._rewrap()
        assert self._wrapped is not None
        return self._wrapped

    def _rewrap(self) -> None:
        offset = self._wrapped.lines[self.cursor_line][0] if self._wrapped else 0
        self._wrapped = wrap(self.plain, self.text_width)
        self._strips.clear()
        self.virtual_size = Size(self.text_width + GUTTER, len(self._wrapped))
        self.set_reactive(SourceColumn.cursor_line, self._wrapped.line_of(offset))

    def on_resize(self, event: Resize) -> None:
        if self._wrapped is None or self._wrapped.width != self.text_width:
            self._rewrap()
            self.refresh()

    def line_of(self, offset: int) -> int:
        """The line showing character `offset` of the source."""
        return self.wrapped.line_of(offset)

    def line_span(self, line: int) -> tuple[int, int]:
        """The character offsets `[start, end)` a line shows."""
        return self.wrapped.lines[line]

    @property
    def cursor_span(self) -> tuple[int, int]:
        """The character offsets of the cursor line."""
        return self.line_span(min(self.cursor_line, len(self.wrapped) - 1))

    @property
    def cursor_row(self) -> int:
        """The cursor's row on screen (0 = top of the column)."""
        return self.cursor_line - round(self.scroll_y)

    # ---- passages ---------------------------------------------------------------

    def passages_under_cursor(self) -> list[Placed]:
        """The quotes the cursor line shows (the hook annotations build on)."""
        if self.index is None:
            return []
        start, end = self.cursor_span
        return self.index.overlapping(self.source.id, start, end)

    def passage_under_cursor(self, prefer: str | None = None) -> Placed | None:
        """The quote under the cursor: `prefer` (default: the current quote) if it is
        on the cursor line, else a shared quote the filter keeps, else any quote there."""
        under = self.passages_under_cursor()
        index = self.index
        if not under or index is None:
            return None
        wanted = prefer if prefer is not None else self.current
        for placed in under:
            if placed.cluster.id == wanted:
                return placed
        kept = [p for p in under if index.visible(p.cluster, self.speaker)] or under
        shared = [p for p in kept if p.cluster.id in index.colour_of]
        return (shared or kept)[0]

    # ---- moving -----------------------------------------------------------------

    def move_cursor(self, line: int, *, row: int | None = None) -> None:
        """Put the cursor on `line`; with `row`, scroll so it shows on that screen row."""
        line = max(0, min(line, len(self.wrapped) - 1))
        if row is not None:
            self.scroll_to(y=max(0, line - row), animate=False)
        elif not self.scroll_y <= line < self.scroll_y + self.page_height:
            self.scroll_to(y=max(0, line - self.page_height // 3), animate=False)
        self.cursor_line = line

    def move_to_offset(self, offset: int, *, row: int | None = None) -> None:
        """Put the cursor on the line showing character `offset`."""
        self.move_cursor(self.line_of(offset), row=row)

    def align_offset(self, offset: int, row: int) -> None:
        """Scroll (cursor kept) so that character `offset` shows on screen `row`."""
        self.scroll_to(y=max(0, self.line_of(offset) - row), animate=False)

    def _step(self, lines: int) -> None:
        line = max(0, min(self.cursor_line + lines, len(self.wrapped) - 1))
        top = self.scroll_y
        if line < top:
            self.scroll_to(y=line, animate=False)
        elif line >= top + self.page_height:
            self.scroll_to(y=line - self.page_height + 1, animate=False)
        self.cursor_line = line

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_page_up(self) -> None:
        self.scroll_to(y=max(0, self.scroll_y - self.page_height), animate=False)
        self._step(-self.page_height)

    def action_page_down(self) -> None:
        self.scroll_to(y=self.scroll_y + self.page_height, animate=False)
        self._step(self.page_height)

    def action_first_line(self) -> None:
        self.move_cursor(0, row=0)

    def action_last_line(self) -> None:
        self._step(len(self.wrapped))

    def watch_cursor_line(self, old: int, new: int) -> None:
        self.refresh_lines(old)
        self.refresh_lines(new)
        self.post_message(CursorMoved(self))

    # ---- styling ----------------------------------------------------------------

    def _touches(self, cluster_id: str | None) -> bool:
        index = self.index
        return bool(
            cluster_id and index and index.clusters[cluster_id].occurrence(self.source.id)
        )

    def watch_current(self, old: str | None, new: str | None) -> None:
        if self._touches(old) or self._touches(new):
            self.restyle()

    def watch_speaker(self) -> None:
        self.restyle()

    def watch_index(self) -> None:
        self.restyle()

    def set_overlays(self, layers: Layers) -> None:
        """Replace the annotation / search / flash spans and repaint."""
        if layers != self.overlays:
            self.overlays = layers
            self.restyle()

    def restyle(self) -> None:
        """Drop the styled text and strips; visible lines are re-rendered on demand."""
        self._styled = None
        self._strips.clear()
        self.refresh()

    def _quiet(self) -> QuietStyles:
        style = self.get_component_rich_style
        return QuietStyles(
            one_source=style("source-column--one-source", partial=True),
            reuse=style("source-column--reuse", partial=True),
            search=style("source-column--search", partial=True),
            flash=style("source-column--flash", partial=True),
        )

    def styled_text(self) -> Text:
        """The whole article with its highlights, built once per state."""
        if self._styled is None:
            text = Text(self.plain, no_wrap=True, end="")
            text.stylize(self.rich_style)  # a span, so every line's slice keeps it
            for start, end, style in marks(
                self.index, self.source.id, self.speaker, self.current, self._quiet(), self.overlays
            ):
                text.stylize(style, start, end)
            self._styled = text
        return self._styled

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styled = None
        self._strips.clear()

    # ---- rendering --------------------------------------------------------------

    def _content_strip(self, line: int) -> Strip:
        strip = self._strips.get(line)
        if strip is None:
            start, end = self.wrapped.lines[line]
            text = self.styled_text()[start:end]
            strip = Strip(text.render(self.app.console), text.cell_len)
            strip = strip.extend_cell_length(self.text_width, self.rich_style)
            self._strips[line] = strip
        return strip

    def _gutter(self, line: int) -> Strip:
        glyph = gutter_mark(self.index, self.source.id, self.wrapped.lines[line], self.speaker)
        if glyph == " ":
            glyph = note_glyph(self.overlays.notes, self.wrapped.lines[line])
        bar = (
            Segment("▌", self.get_component_rich_style("source-column--cursor-bar"))
            if line == self.cursor_line
            else Segment(" ", self.rich_style)
        )
        mark = Segment(glyph, self.get_component_rich_style("source-column--gutter"))
        return Strip([bar, mark], GUTTER)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = round(self.scroll_y) + y
        if line >= len(self.wrapped):
            return Strip.blank(width, self.rich_style)
        content = self._content_strip(line)
        selection = self.text_selection
        if selection is not None and (span := selection.get_span(line)) is not None:
            content = self._select(line, span)
        if line == self.cursor_line and self.has_focus:
            content = content.apply_style(self.get_component_rich_style("source-column--cursor"))
        content = content.apply_offsets(0, line)
        return Strip.join([self._gutter(line), content]).crop_extend(0, width, self.rich_style)

    def _select(self, line: int, span: tuple[int, int]) -> Strip:
        start, end = self.wrapped.lines[line]
        text = self.styled_text()[start:end]
        left, right = span
        text.stylize(
            self.screen.get_component_rich_style("screen--selection"),
            left,
            len(text) if right == -1 else right,
        )
        strip = Strip(text.render(self.app.console), text.cell_len)
        return strip.extend_cell_length(self.text_width, self.rich_style)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        lines = "\n".join(self.plain[start:end] for start, end in self.wrapped.lines)
        return selection.extract(lines), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()

    def on_focus(self) -> None:
        self.refresh_lines(self.cursor_line)

    def on_blur(self) -> None:
        self.refresh_lines(self.cursor_line)
