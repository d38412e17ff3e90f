"""One source's article as a column: only visible lines are rendered, from cached strips.

Like toolong's `LogLines`, the column is a `ScrollView` whose `render_line` reads a cache of
styled `Strip`s. The text is wrapped once per width (`wrapping.wrap`, which keeps each
line's character offsets) and styled once per state change (`highlights.marks`); moving the
cursor only repaints two lines.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Self

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.color import Color
from textual.events import Click, Resize
from textual.geometry import Region, Size, Spacing
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style as TextualStyle

from reader.app.annotation_marks import note_glyph
from reader.app.column_look import Look, LookSource
from reader.app.highlights import Layers, Mark, gutter_mark, marks
from reader.app.messages import ColumnClicked, CursorMoved
from reader.app.quote_index import Placed, QuoteIndex
from reader.app.wrapping import Wrapped, display_text, unwrapped, wrap
from reader.model import Source
from reader.report import shorten

GUTTER = 2
"""Cells before the text: the cursor bar and the altered-quote glyph."""
SCROLL_MARK = 1
"""Cells after the text: where the view is in the article (drawn here, not by a ScrollBar
widget, which would cost more to paint than the text itself)."""


HEADING_CHROME = 6
"""Cells of a column's top border that its heading cannot use: a corner and a line on each
side (Textual keeps them), and the spaces around the heading."""


def column_title(source: Source, name: str | None = None) -> str:
    """The source's name (by default its outlet, else title, else id) and date."""
    outlet = name or source.name
    return f"{outlet} · {source.date.isoformat()}" if source.date else outlet


class SourceColumn(ScrollView, can_focus=False, inherit_bindings=False):
    """A scrollable, wrapped, highlighted article with a cursor line.

    Columns never take the keyboard focus: the columns view holds it and the screen marks
    one column `active`. Switching columns then restyles two widgets instead of making
    Textual re-apply CSS and rebuild the footer, which keeps 50 columns instant.
    """

    # `var`, not `reactive`: a change repaints only the lines it touches (the watchers),
    # never the whole column.
    index: var[QuoteIndex | None] = var(None, always_update=True)
    speaker: var[str | None] = var(None)
    current: var[str | None] = var(None)
    cursor_line: var[int] = var(0)
    active: var[bool] = var(False)

    def __init__(self, source: Source, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = source
        self.plain = display_text(source.text)
        self.overlays = Layers()
        self._wrapped: Wrapped | None = None
        self.size_hint = Size(0, 0)
        """The outer size the columns view gives its columns, for when this one is hidden."""
        self._chrome = Spacing()
        """The border and padding of a column, for when this one is hidden (and may not be
        mounted, so without styles of its own)."""
        self._cells = Size(0, 0)
        """The column's size (`self.size`, kept: it costs a lookup every time)."""
        self._look_cache: Look | None = None
        self._base: Style | None = None
        self._marks_cache: list[Mark] | None = None
        self._strips: dict[int, Strip] = {}
        """Styled text of each line, at the text width."""
        self._bodies: dict[tuple[int, int], Strip] = {}
        """Each line as shown away from the cursor, by (line, scroll mark)."""
        self.short_name = source.name
        self.title = column_title(source)
        self._heading: tuple[str, Style] | None = None
        self._heading_only = False
        """Set while the heading changes: the repaint it asks for is of the top row only."""
        self._painting = False

    def use_name(self, name: str) -> None:
        """Head the column with `name` (a short name that tells it from its neighbours)."""
        self.short_name = name
        self.title = column_title(self.source, name)
        if self.is_mounted:
            self._draw_title()

    # ---- geometry ---------------------------------------------------------------

    @property
    def text_width(self) -> int:
        """Cells for the text: the laid-out width, or for a hidden column the hint."""
        chrome = GUTTER + SCROLL_MARK
        if self._cells.width:
            return max(1, self._cells.width - chrome)
        return max(1, self.size_hint.width - self._chrome.width - chrome)

    @property
    def page_height(self) -> int:
        """Rows of text: the laid-out height, or for a hidden column the hint."""
        if self._cells.height:
            return self._cells.height
        return max(1, self.size_hint.height - self._chrome.height)

    @property
    def wrapped(self) -> Wrapped:
        """The lines at the current width, wrapped on first use and when the width changes.

        Before the column has any width it is one line per paragraph (never wrapped at a
        guessed width: that would be thrown away a moment later).
        """
        if self._cells.width or self.size_hint.width:
            if self._wrapped is None or self._wrapped.width != self.text_width:
                return self._rewrap()
        elif self._wrapped is None:
            self._wrapped = unwrapped(self.plain)
        return self._wrapped

    def wrap_ahead(self) -> None:
        """Wrap the text now, while hidden, at the width the column will show at (its size
        hint), so that showing it leaves nothing to wrap."""
        _ = self.wrapped

    def _rewrap(self) -> Wrapped:
        """Wrap at the current width, the cursor on the same text and, on screen, on the
        same row (the nearest one on the page if it was off it): the cursor stays where the
        eye is, whether the column was resized or given a new width while hidden."""
        offset = self._wrapped.lines[self.cursor_line][0] if self._wrapped else 0
        row = max(0, min(self.cursor_row, self.page_height - 1))
        wrapped = self._wrapped = wrap(self.plain, self.text_width)
        self._strips.clear()
        self._bodies.clear()
        self._size_virtually()
        line = wrapped.line_of(offset)
        self.set_reactive(SourceColumn.cursor_line, line)
        self._scroll(max(0, line - row))
        return wrapped

    def on_mount(self) -> None:
        self._draw_title()

    def lay_out(self, hint: Size, width: int | None, chrome: Spacing) -> None:
        """Shown `width` cells wide (None: hidden) in a view of size `hint`, a column's border
        and padding being `chrome`. Its last size is forgotten: until the next resize it
        wraps at the width it is given, never at a stale one (a search could otherwise put
        the cursor on a line that moves when it shows)."""
        self.size_hint = hint if width is None else Size(width, hint.height)
        self._chrome = chrome
        self._cells = Size(0, 0)
        if width is not None:
            self.styles.width = width
            if self.is_mounted:
                self._draw_title()
        self.display = width is not None

    def _size_virtually(self) -> None:
        """As tall as the text plus a page less a line, so that any line can scroll to the
        top: `]` can then line up a quote in every column, even near an article's end."""
        lines = len(self._wrapped) if self._wrapped else 0
        height = lines + self.page_height - 1
        self.virtual_size = Size(self.text_width + GUTTER + SCROLL_MARK, height)

    def on_resize(self, event: Resize) -> None:
        self._cells = self.size
        self._draw_title()
        if self._cells.width and (self._wrapped is None or self._wrapped.width != self.text_width):
            self._rewrap()
            self.refresh()
        else:
            self._size_virtually()

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

    def next_shared(self, step: int, prefer: str | None = None) -> Placed | None:
        """The next (1) or previous (-1) shared quote the filter keeps, wrapping around
        (None when there is none); `prefer` is as for `passage_under_cursor`."""
        index = self.index
        shared = index.shared_in(self.source.id, self.speaker) if index is not None else []
        if not shared:
            return None
        here = self.passage_under_cursor(prefer)
        if here is not None and here in shared:
            position = shared.index(here) + step
        else:
            before = sum(1 for p in shared if p.start < self.cursor_span[0])
            position = before if step > 0 else before - 1
        return shared[position % len(shared)]

    # ---- moving -----------------------------------------------------------------

    def _scroll(self, y: float) -> None:
        """Scroll now, whatever the overflow style says (the column scrolls itself)."""
        self.scroll_to(y=y, animate=False, force=True)

    def move_cursor(self, line: int, *, row: int | None = None) -> None:
        """Put the cursor on `line`; with `row`, scroll so it shows on that screen row."""
        line = max(0, min(line, len(self.wrapped) - 1))
        if row is not None:
            self._scroll(max(0, line - row))
        elif not self.scroll_y <= line < self.scroll_y + self.page_height:
            self._scroll(max(0, line - self.page_height // 3))
        self.cursor_line = line

    def move_to_offset(self, offset: int, *, row: int | None = None) -> None:
        """Put the cursor on the line showing character `offset`."""
        self.move_cursor(self.line_of(offset), row=row)

    def align_offset(self, offset: int, row: int) -> None:
        """Scroll (cursor kept) so that character `offset` shows on screen `row`."""
        self._scroll(max(0, self.line_of(offset) - row))

    def step(self, lines: int) -> None:
        """Move the cursor by `lines`, scrolling just enough to keep it visible."""
        line = max(0, min(self.cursor_line + lines, len(self.wrapped) - 1))
        top = self.scroll_y
        if line < top:
            self._scroll(line)
        elif line >= top + self.page_height:
            self._scroll(line - self.page_height + 1)
        self.cursor_line = line

    def page(self, pages: int) -> None:
        """Scroll by whole pages, the cursor moving with the text."""
        lines = pages * self.page_height
        self._scroll(max(0, self.scroll_y + lines))
        self.step(lines)

    def to_edge(self, end: bool) -> None:
        """The first line (end=False) or the last one."""
        if end:
            self.step(len(self.wrapped))
        else:
            self.move_cursor(0, row=0)

    def watch_cursor_line(self, old: int, new: int) -> None:
        self.refresh_lines(old)
        self.refresh_lines(new)
        self.post_message(CursorMoved(self))

    def watch_active(self) -> None:
        if self.is_mounted:  # on_mount draws the first heading
            self._draw_title()
            self.refresh_lines(self.cursor_line)

    def _draw_title(self) -> None:
        """The active column's heading stands out; no CSS class, so no restyle of the tree.

        The heading is set only when it changes, and repaints only the top row (see
        `refresh`); a hidden column is headed for the width it will be shown at (showing it
        costs one paint)."""
        look = self._look()
        style = look.title_active if self.active else look.title
        room = (self.outer_size.width or self.size_hint.width) - HEADING_CHROME
        heading = self.title if len(self.title) <= room else shorten(self.short_name, room)
        if (heading, style) != self._heading:
            self._heading = (heading, style)
            self._heading_only = True
            try:
                self.border_title = Text(f" {heading} ", style=style)
            finally:
                self._heading_only = False

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        """Textual repaints a whole widget when its border title changes; a column's heading
        is its top border row, so only that row is repainted: moving from one column to the
        next paints two headings, not two columns."""
        if self._heading_only and not (regions or layout or recompose):
            top = self.content_offset
            regions = (Region(-top.x, -top.y, self.outer_size.width, 1),)
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def on_click(self, event: Click) -> None:
        """Clicking a line makes this the active column and puts the cursor there."""
        self.post_message(ColumnClicked(self))
        offset = event.get_content_offset(self)
        if offset is not None:
            self.cursor_line = min(len(self.wrapped) - 1, round(self.scroll_y) + offset.y)

    # ---- styling ----------------------------------------------------------------

    def _lines_of(self, cluster_id: str | None) -> range:
        """The lines showing this column's occurrence of a cluster (empty if none)."""
        index = self.index
        occurrence = (
            index.clusters[cluster_id].occurrence(self.source.id)
            if (cluster_id and index)
            else None
        )
        if occurrence is None or self._wrapped is None:
            return range(0)
        return range(self.line_of(occurrence.start), self.line_of(max(0, occurrence.end - 1)) + 1)

    def watch_current(self, old: str | None, new: str | None) -> None:
        """Only the lines of the old and the new current quote change."""
        lines = {*self._lines_of(old), *self._lines_of(new)}
        if not lines:
            return
        self._marks_cache = None
        for line in lines:
            self._strips.pop(line, None)
            for mark in range(3):
                self._bodies.pop((line, mark), None)
        if self.display:
            self.refresh_lines(min(lines), max(lines) - min(lines) + 1)

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
        """Drop the marks and strips; visible lines are re-rendered on demand."""
        self._marks_cache = None
        self._strips.clear()
        self._bodies.clear()
        self.refresh()

    @property
    def base_style(self) -> Style:
        """The column's own text style (colour and background), read once per style change."""
        if self._base is None:
            self._base = self.rich_style
        return self._base

    def _look(self) -> Look:
        """The theme's styles, shared by all the columns through the columns view."""
        if self._look_cache is None:
            parent = self.parent
            assert isinstance(parent, LookSource), "a column lives in a columns view"
            self._look_cache = parent.look
        return self._look_cache

    def _marks(self) -> list[Mark]:
        """The styled spans of the article, computed once per state."""
        if self._marks_cache is None:
            self._marks_cache = marks(
                self.index,
                self.source.id,
                self.speaker,
                self.current,
                self._look().quiet,
                self.overlays,
            )
        return self._marks_cache

    def line_text(self, line: int) -> Text:
        """One screen line of the article with its highlights (never parsed as markup)."""
        start, end = self.wrapped.lines[line]
        text = Text(self.plain[start:end], no_wrap=True, end="")
        text.stylize(self.base_style)
        for mark_start, mark_end, style in self._marks():
            if mark_start < end and mark_end > start:
                text.stylize(style, max(mark_start, start) - start, min(mark_end, end) - start)
        return text

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._base = None
        self._look_cache = None
        self._marks_cache = None
        self._strips.clear()
        self._bodies.clear()

    # ---- rendering --------------------------------------------------------------

    def _content_strip(self, line: int) -> Strip:
        """The line's styled text at the text width."""
        strip = self._strips.get(line)
        if strip is None:
            text = self.line_text(line)
            segments = list(text.render(self.app.console))
            missing = self.text_width - text.cell_len
            if missing > 0:
                segments.append(Segment(" " * missing, self.base_style))
            strip = Strip(segments, text.cell_len + max(0, missing))
            self._strips[line] = strip
        return strip

    def _gutter(self, line: int, cursor: bool) -> list[Segment]:
        glyph = gutter_mark(self.index, self.source.id, self.wrapped.lines[line], self.speaker)
        if glyph == " ":
            glyph = note_glyph(self.overlays.notes, self.wrapped.lines[line])
        look = self._look()
        if cursor:
            bar = Segment("▌", look.bar_active if self.active else look.bar)
        else:
            bar = Segment(" ", self.base_style)
        return [bar, Segment(glyph, look.gutter)]

    def _line(self, line: int, mark: int, offsets: bool = False) -> Strip:
        """Gutter, text and scroll mark of a line; cached, except the cursor line and a line
        with `offsets` (the text positions mouse selection reads).

        Built as one strip from segments: every intermediate `Strip` costs its own caches,
        which made painting a newly shown column most of the cost of `l`."""
        cursor = line == self.cursor_line
        strip = None if cursor or offsets else self._bodies.get((line, mark))
        if strip is None:
            content = self._content_strip(line)
            selection = self.text_selection
            if selection is not None and (span := selection.get_span(line)) is not None:
                content = self._select(line, span)
            if offsets:
                content = content.apply_offsets(0, line)
            text: Iterable[Segment] = content
            if cursor and self.active:
                text = Segment.apply_style(content, self._look().cursor)
            segments = [*self._gutter(line, cursor), *text]
            room = self._cells.width - SCROLL_MARK
            if GUTTER + content.cell_length != room:  # laid out at another width just now
                segments = list(Strip(segments).crop_extend(0, room, self.base_style))
            segments.append(self._scroll_marks()[mark])
            strip = Strip(segments, room + SCROLL_MARK)
            if not (cursor or offsets) and selection is None:
                self._bodies[(line, mark)] = strip
        return strip

    def _scroll_marks(self) -> tuple[Segment, Segment, Segment]:
        """The three looks of the scroll indicator's cell: none, track, thumb."""
        look = self._look()
        return (
            Segment(" " * SCROLL_MARK, self.base_style),
            Segment("│", look.scroll_track),
            Segment("▐", look.scroll_thumb),
        )

    def _scroll_mark(self, row: int) -> int:
        """Which scroll mark goes on a row: 0 none (it all fits), 1 track, 2 thumb."""
        lines, height = len(self.wrapped), self.page_height
        if lines <= height:
            return 0
        thumb = max(1, height * height // lines)
        top = min(height - thumb, round(self.scroll_y * (height - thumb) / (lines - height)))
        return 2 if top <= row < top + thumb else 1

    @property
    def allow_vertical_scroll(self) -> bool:
        """Wheel scrolling, though the column draws its own scroll indicator."""
        return len(self.wrapped) > self.page_height

    def render_lines(self, crop: Region) -> list[Strip]:
        """Paint: the lines as shown, without the text positions of every piece of text,
        which cost more to attach than the text to style. Textual reads those positions by
        calling `render_line` alone (where the mouse is), and gets them there."""
        self._cells = self.size  # once per paint, not once per line
        self._painting = True
        try:
            return super().render_lines(crop)
        finally:
            self._painting = False

    def render_line(self, y: int) -> Strip:
        line = round(self.scroll_y) + y
        mark = self._scroll_mark(y)
        if line < len(self.wrapped):
            return self._line(line, mark, offsets=not self._painting)
        blank = Segment(" " * (self._cells.width - SCROLL_MARK), self.base_style)
        return Strip([blank, self._scroll_marks()[mark]], self._cells.width)

    def _select(self, line: int, span: tuple[int, int]) -> Strip:
        """The line with the mouse selection laid over it: the theme's selection colour seen
        through (it is translucent), each piece's own text colour kept, so text stays legible."""
        text = self.line_text(line)
        left, right = span
        before, inside, after = text.divide([left, len(text) if right == -1 else right])
        chosen = TextualStyle.from_styles(self.screen.get_component_styles("screen--selection"))
        console = self.app.console
        segments = [
            *before.render(console),
            *(Segment(t, _under(style, chosen)) for t, style, _ in inside.render(console)),
            *after.render(console),
        ]
        return Strip(segments, text.cell_len).extend_cell_length(self.text_width, self.base_style)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        lines = "\n".join(self.plain[start:end] for start, end in self.wrapped.lines)
        return selection.extract(lines), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self._bodies.clear()
        self.refresh()


def _under(style: Style | None, selection: TextualStyle) -> Style:
    """`style` seen through the selection: its background blended with the selection's,
    its text colour kept unless the selection sets an opaque one."""
    style = style or Style()
    under = Color.from_rich_color(style.bgcolor) if style.bgcolor else Color(0, 0, 0)
    over = Style(bgcolor=(under + selection.background).rich_color)
    if selection.foreground is not None and selection.foreground.a > 0:
        over += Style(color=(under + selection.foreground).rich_color)
    return style + over
