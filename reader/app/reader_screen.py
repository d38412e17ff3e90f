"""The main screen: it owns the reader's state and passes it down to the widgets.

State (reactives, data-bound to the widgets): the analysis index, the speaker filter, the
current quote (the one under the focused column's cursor) and the column layout. Widgets
report up with messages. The columns show at once, highlighted when the analysis is cached
and small enough to read before the first frame (`loading.READ_AT_ONCE`); otherwise a
thread worker waits for it, read from a larger cache or run in a child process
(`reader.workspace.BackgroundAnalysis`), and the header shows its progress. Closing the
screen stops it. The screens a key opens are imported by that key, not on the way to the
first screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.command import Provider
from textual.containers import Horizontal, Vertical
from textual.css.scalar import Scalar
from textual.events import Resize, TextSelected
from textual.geometry import Size
from textual.reactive import Reactive, var
from textual.screen import Screen
from textual.worker import Worker

from reader.app.annotating import NOTE_STYLES, Annotator
from reader.app.columns_view import ColumnsView
from reader.app.commands import ReaderCommands
from reader.app.detail_bar import DetailBar
from reader.app.key_bar import KeyBar
from reader.app.keys import KEYS
from reader.app.legend import Legend
from reader.app.loading import cached_workspace, open_workspace
from reader.app.messages import (
    AnalysisFailed,
    AnalysisProgress,
    AnalysisReady,
    ColumnClicked,
    Correction,
    CorrectionRequested,
    CursorMoved,
    EventChosen,
    ExportFinished,
    Jump,
    SearchChanged,
    SpeakerChosen,
)
from reader.app.quote_index import Placed, QuoteIndex
from reader.app.search import Search
from reader.app.search_bar import SearchBar
from reader.app.side_pane import SpeakerList, TimelineList
from reader.app.source_column import SourceColumn
from reader.app.story_header import StoryHeader, progress_text
from reader.model import Analysis, Span, Story
from reader.workspace import BackgroundAnalysis, build_workspace

if TYPE_CHECKING:
    from pathlib import Path

    from rich.text import Text

    from reader.app.annotation_edits import Committed
    from reader.app.selection import PassageSelection
    from reader.report import Format
    from reader.workspace import Workspace

T = TypeVar("T")

SIDE_PANE_MIN_WIDTH = 100
"""Below this terminal width the side pane starts hidden, leaving room for two columns."""
COLUMN_ACTIONS = frozenset(
    {"cursor", "page", "edge", "column", "quote", "same_quote", "details", "more_columns"}
)
"""Actions on the active column: none applies to a story without sources."""


def cells(scalar: Scalar | None) -> int:
    """A size the stylesheet sets in cells (0 for any other kind of size)."""
    return (scalar.cells if scalar is not None else None) or 0


class ReaderScreen(Screen[None]):
    """Sources side by side with their shared quotes highlighted; its `annotator` does the
    annotating."""

    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {ReaderCommands}
    AUTO_FOCUS = None
    BINDINGS: ClassVar[list[BindingType]] = list(KEYS)
    COMPONENT_CLASSES: ClassVar[set[str]] = set(NOTE_STYLES)

    # `var`: the screen itself has nothing to repaint when its state changes; the widgets
    # bound to it repaint what they show.
    index: var[QuoteIndex | None] = var(None, always_update=True, bindings=True)
    speaker: var[str | None] = var(None, bindings=True)
    current: var[str | None] = var(None)
    """Not `bindings=True`: a key press changes it, and the footer is rebuilt only when the
    keys that apply change (`watch_current`)."""
    column_index: var[int] = var(0)
    extra_columns: var[int] = var(0, bindings=True)
    side_pane: var[bool] = var(True)
    legend: var[bool] = var(False)
    search_status: var[str] = var("", bindings=True)

    def __init__(
        self, story: Story, analysis: Analysis | None = None, *, picked: bool = False
    ) -> None:
        super().__init__()
        self.story = story
        self.picked = picked
        """Opened from the story picker: escape goes back to it."""
        self.analysis: Analysis | None = analysis
        self.workspace: Workspace | None = None
        """The analysis with the user's annotations applied (None while it loads)."""
        self.columns = [SourceColumn(s, id=f"column-{i}") for i, s in enumerate(story.sources)]
        ready = self._ready_at_once(story, analysis)
        if ready is not None:  # the first frame shows it
            self.workspace = ready.workspace
            self.analysis = self.workspace.analysis
            self.set_reactive(ReaderScreen.index, ready.index)
            for column in self.columns:
                column.set_reactive(SourceColumn.index, ready.index)
        self._warning = ready.warning if ready is not None else None
        """Why the annotations could not be applied to the analysis read at once, if so."""
        self._column_of = {column.source.id: column for column in self.columns}
        self._side_pane_chosen: bool | None = None
        self._side_pane_for_legend = False
        self.search = Search(story)
        self._keys_for_current = (False, False)
        self.annotator = Annotator(self)
        self.background: BackgroundAnalysis | None = None
        """The analysis being loaded (None when the first frame had it)."""

    @staticmethod
    def _ready_at_once(story: Story, analysis: Analysis | None) -> AnalysisReady | None:
        """One given (a benchmark's own, shown without annotations), or a small cached one
        (`cached_workspace`): the story then opens highlighted in one paint."""
        if analysis is None:
            return cached_workspace(story)
        workspace = build_workspace(story, analysis, ())
        return AnalysisReady(workspace, QuoteIndex(story, workspace.analysis))

    # ---- layout -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield StoryHeader(self.story, id="story-header").data_bind(
            ReaderScreen.index, ReaderScreen.speaker, search=ReaderScreen.search_status
        )
        with Horizontal(id="body"):
            view = ColumnsView(self.columns, id="columns").data_bind(
                extra=ReaderScreen.extra_columns
            )
            yield view
            with Vertical(id="side-pane"):
                yield Legend(view, id="legend")
                yield TimelineList(id="timeline").data_bind(
                    ReaderScreen.index, ReaderScreen.speaker
                )
                yield SpeakerList(id="speakers").data_bind(ReaderScreen.index, ReaderScreen.speaker)
        yield DetailBar(id="detail-bar").data_bind(ReaderScreen.index)
        yield KeyBar(classes="key-bar")

    @property
    def column(self) -> SourceColumn:
        """The focused source column (or the one focused last)."""
        return self.columns[self.column_index]

    @property
    def columns_view(self) -> ColumnsView:
        return self.query_one(ColumnsView)

    def column_of(self, source_id: str) -> SourceColumn:
        return self._column_of[source_id]

    def on_mount(self) -> None:
        self._fit_side_pane(self.app.size.width)
        self.watch(self.columns_view, "window", self._show_window)
        self.columns_view.expect(self._columns_room())
        self.columns_view.focus()
        if self.columns:
            self.columns[0].active = True
        if self.workspace is None:
            self.background = BackgroundAnalysis()
            self.query_one("#side-pane").loading = True
            self.call_after_refresh(self._analyse, self.background)  # the plain columns first
        else:
            self.annotator.place()  # as `watch_index` does for an analysis that comes later
            self._sync_current()
            self._warn(self._warning)

    @work(thread=True, exclusive=True, group="analysis")
    def _analyse(self, background: BackgroundAnalysis) -> None:
        """Wait for the analysis off the UI thread; report its progress and result by message.
        Closed before it starts, `background` starts nothing."""
        outcome = open_workspace(self.story, background, self._progressed)
        if outcome is not None:
            self.post_message(outcome)

    def _progressed(self, stage: str, done: int, total: int) -> None:
        """From the worker thread: how far the analysis got."""
        self.post_message(AnalysisProgress(stage, done, total))

    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        if self.index is None:
            header = self.query_one(StoryHeader)
            header.status = progress_text(message.stage, message.done, message.total)

    def on_unmount(self) -> None:
        """The story is closed (or the app quits): stop its analysis, leaving no process."""
        if self.background is not None:
            self.background.cancel()

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        self.workspace = message.workspace
        self.analysis = message.workspace.analysis
        self.index = message.index
        self.query_one("#side-pane").loading = False
        self._sync_current()
        self._warn(message.warning)

    def _warn(self, warning: str | None) -> None:
        """Say why the annotations could not be applied to the analysis shown, if so."""
        if warning:
            self.notify(warning, title="Annotations not applied", severity="warning", timeout=10)

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        self.query_one("#side-pane").loading = False
        self.query_one(StoryHeader).status = "analysis failed"
        self.notify(message.error, title="Analysis failed", severity="error", timeout=10)

    def _columns_room(self) -> Size:
        """The size the first layout is to give the columns: the screen less the side pane
        beside them and the bars above and below (their sizes are cells in the stylesheet)."""
        width, height = self.app.size
        if self.side_pane:
            width -= cells(self.query_one("#side-pane").styles.width)
        bars = (StoryHeader, DetailBar, KeyBar)
        height -= sum(cells(self.query_one(bar).styles.height) for bar in bars)
        return Size(width, height)

    def on_resize(self, event: Resize) -> None:
        self._fit_side_pane(event.size.width)

    def _fit_side_pane(self, width: int) -> None:
        """Unless the user chose, the side pane shows when the terminal is wide enough."""
        if self._side_pane_chosen is None:
            self.side_pane = width >= SIDE_PANE_MIN_WIDTH

    def watch_side_pane(self, shown: bool) -> None:
        self.query_one("#side-pane").display = shown

    # ---- the current quote ------------------------------------------------------

    def _sync_current(self) -> None:
        """The current quote is the one under the focused column's cursor."""
        if not self.columns:
            return
        placed = self.column.passage_under_cursor(prefer=self.current)
        self.current = placed.cluster.id if placed else None
        self.query_one(DetailBar).placed = placed
        self.annotator.sync()

    def watch_column_index(self, old: int, new: int) -> None:
        if not self.columns:
            return
        self.columns[old].active = False
        self.columns[new].active = True
        self.columns_view.reveal(new)
        self._sync_current()

    def _show_window(self, window: str) -> None:
        self.query_one(StoryHeader).window = window

    def on_column_clicked(self, message: ColumnClicked) -> None:
        self.focus_column(message.column)

    def on_cursor_moved(self, message: CursorMoved) -> None:
        if message.column is self.column:
            self._sync_current()

    # ---- keys -------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the keys that cannot do anything now (they reappear when they can)."""
        if getattr(self.app, "quitting", False):
            return False
        if action in Annotator.ACTIONS:
            return self.annotator.applies(action)
        if not self.columns and action in COLUMN_ACTIONS:
            return False
        index = self.index
        if action in {"quote", "pick_speaker", "coverage", "details", "same_quote"}:
            if index is None or not self.columns:
                return False
            if action in {"quote", "coverage"}:
                return bool(index.shared)
            if action == "pick_speaker":
                return bool(index.speakers)
            if action == "same_quote":
                return self.current in index.colour_of
            if action == "details":
                return self.current is not None
        if action == "clear_speaker":
            return self.speaker is not None
        if action == "search_step":
            return bool(self.search.hits)
        if action == "more_columns" and self.is_mounted:
            view = self.columns_view
            step = parameters[0] if parameters and isinstance(parameters[0], int) else 0
            return view.shown(self.extra_columns + step) != view.shown()
        return True

    def action_cursor(self, lines: int) -> None:
        self.column.step(lines)

    def action_page(self, pages: int) -> None:
        self.column.page(pages)

    def action_edge(self, end: int) -> None:
        self.column.to_edge(bool(end))

    def action_column(self, step: int) -> None:
        if self.columns:
            self.focus_column(
                self.columns[max(0, min(len(self.columns) - 1, self.column_index + step))]
            )

    def action_quote(self, step: int) -> None:
        """Next (1) or previous (-1) shared quote of the focused source, wrapping around."""
        column = self.column
        placed = column.next_shared(step, prefer=self.current)
        if placed is not None:
            self._go_to(column, placed)
        elif self.index is not None:
            self.notify(f"No shared quote in {column.title}.", timeout=3)

    def _go_to(self, column: SourceColumn, placed: Placed, row: int | None = None) -> None:
        self.current = placed.cluster.id
        column.move_to_offset(placed.start, row=row)
        self._sync_current()

    def action_same_quote(self, step: int) -> None:
        """The current quote in the next / previous source that has it; others align to it."""
        index, here = self.index, self.column
        if index is None or self.current not in index.colour_of:
            return
        cluster = index.clusters[self.current]
        found = self.columns_view.same_quote(cluster, here, step)
        if found is not None:
            target, row = found
            occurrence = cluster.occurrence(target.source.id)
            assert occurrence is not None
            self._go_to(target, Placed(cluster, occurrence), row=row)
            self.focus_column(target)

    def action_details(self) -> None:
        index = self.index
        placed = self.column.passage_under_cursor(prefer=self.current)
        if index is None or placed is None:
            return
        from reader.app.quote_details import QuoteDetailsScreen

        self.app.push_screen(
            QuoteDetailsScreen(index, placed.cluster, self.column.source.id), self._corrected
        )

    def _corrected(self, correction: Correction | None) -> None:
        if correction is not None:
            self.post_message(CorrectionRequested(correction))

    def on_correction_requested(self, message: CorrectionRequested) -> None:
        """Where corrections of the analysis are turned into annotations."""
        self.annotator.correct(message.correction)

    def action_pick_speaker(self) -> None:
        if self.index is not None:
            from reader.app.speaker_picker import SpeakerPicker

            self.app.push_screen(SpeakerPicker(self.index.speakers, self.speaker), self.set_speaker)

    def action_clear_speaker(self) -> None:
        self.set_speaker(None)

    def set_speaker(self, speaker: str | None) -> None:
        """Filter the highlights (and the timeline) to one speaker, or clear it with None."""
        self.speaker = speaker

    def on_speaker_chosen(self, message: SpeakerChosen) -> None:
        self.set_speaker(None if message.speaker == self.speaker else message.speaker)

    def watch_speaker(self, speaker: str | None) -> None:
        self._sync_current()
        self._pass_down(SourceColumn.speaker, speaker)

    def watch_current(self, current: str | None) -> None:
        index = self.index
        keys = (current is not None, index is not None and current in index.colour_of)
        if keys != self._keys_for_current:
            self._keys_for_current = keys
            self.refresh_bindings()
        self._pass_down(SourceColumn.current, current)

    def _pass_down(self, state: Reactive[T], value: T) -> None:
        """Give the columns the screen's state: all of them, mounted or not (a column is
        mounted when first shown), so that one shown later is up to date."""
        for column in self.columns:
            setattr(column, state.name, value)

    def action_timeline(self) -> None:
        timeline = self.query_one(TimelineList)
        if timeline.has_focus:
            self.columns_view.focus()
            return
        self._side_pane_chosen = self.side_pane = True
        timeline.focus()

    def on_event_chosen(self, message: EventChosen) -> None:
        """Scroll every column that tells the event to its evidence, aligned, and flash it."""
        column = self.columns_view.show_evidence(message.event.evidence)
        if column is None:
            self.notify("This event has no evidence in the sources.", timeout=3)
        else:
            self.column_index = self.columns.index(column)

    def action_coverage(self) -> None:
        if self.index is not None:
            from reader.app.coverage import CoverageScreen

            self.app.push_screen(CoverageScreen(self.index), self._jumped)

    def _jumped(self, jump: Jump | None) -> None:
        if jump is not None:
            self.jump_to(jump)

    def jump_to(self, jump: Jump) -> None:
        """Focus the source and put its cursor on the offset (and that quote, that filter)."""
        if jump.speaker is not None:
            self.speaker = jump.speaker
        column = self.column_of(jump.source)
        if jump.cluster is not None:
            self.current = jump.cluster
        column.move_to_offset(jump.offset)
        self.focus_column(column)

    def focus_source(self, source_id: str) -> None:
        """Focus a source's column (command palette)."""
        self.focus_column(self.column_of(source_id))

    def focus_column(self, column: SourceColumn) -> None:
        """Make a column the active one and give the keys back to the columns."""
        self.column_index = self.columns.index(column)
        if not self.columns_view.has_focus:  # focusing again would repaint the whole view
            self.columns_view.focus()

    # ---- search -----------------------------------------------------------------

    async def action_search(self) -> None:
        """Open the search box, mounted the first time (most readings never search, so the
        first screen does not build it)."""
        bar = self.search_bar
        if bar is None:
            bar = SearchBar(self.search, id="search-bar")
            await self.mount(bar, before=self.query_one(DetailBar))
        bar.open()

    @property
    def search_bar(self) -> SearchBar | None:
        """The search box (None until it was first opened)."""
        return next(iter(self.query_children(SearchBar)), None)

    def on_search_changed(self, message: SearchChanged) -> None:
        for column in self.columns:
            spans = message.spans[column.source.id]
            column.set_overlays(replace(column.overlays, search=spans))
        self.search_status = self.search.status()

    def on_search_submitted(self) -> None:
        self.columns_view.focus()
        self.action_search_step(1)

    @property
    def search_hits(self) -> list[Span]:
        """The search box's matches, in source order then text order."""
        return self.search.hits

    @property
    def search_at(self) -> int:
        """Which match the reader is at (-1: none yet)."""
        return self.search.at

    def action_search_step(self, step: int) -> None:
        """Next / previous match after the focused column's cursor, across the sources."""
        hit = self.search.step(step, (self.column_index, self.column.cursor_span[0]))
        if hit is not None:
            self.jump_to(Jump(hit.source, hit.start))
            self.search_status = self.search.status()

    def action_back(self) -> None:
        """One step back: out of the search, else the keys back to the columns, else (when
        the story was picked from the store) back to the story picker."""
        bar = self.search_bar
        if bar is not None and (bar.display or self.search.hits):
            bar.close()
        elif self.picked and self.columns_view.has_focus:
            self.dismiss()
            return
        self.columns_view.focus()

    # ---- the rest ---------------------------------------------------------------

    def action_more_columns(self, step: int) -> None:
        self.extra_columns += step

    def action_legend(self) -> None:
        self.legend = not self.legend

    def watch_legend(self, shown: bool) -> None:
        """The legend shows in the side pane, opening it if hidden (and closing it again
        when the legend goes)."""
        self.query_one(Legend).display = shown
        if shown and not self.side_pane:
            self._side_pane_for_legend = self.side_pane = True
        elif not shown and self._side_pane_for_legend:
            self._side_pane_for_legend = self.side_pane = False

    def action_toggle_side_pane(self) -> None:
        self._side_pane_chosen = self.side_pane = not self.side_pane
        if not self.side_pane:
            self.columns_view.focus()

    def action_help(self) -> None:
        from reader.app.help_screen import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_export(self) -> None:
        from reader.app.export_chooser import ExportChooser
        from reader.report import reports_folder

        self.app.push_screen(ExportChooser(reports_folder(self.story)), self._export_chosen)

    def _export_chosen(self, choice: tuple[Format, Path] | None) -> None:
        if choice is not None:
            self.export_as(*choice)

    def export_as(self, fmt: Format, folder: Path | None = None) -> None:
        """Export the story in `fmt` into `folder` (by default the story's `reports/`)."""
        if self.workspace is None:
            self.notify("The analysis is still running; try again in a moment.", timeout=3)
            return
        self._export(self.workspace, fmt, folder)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, workspace: Workspace, fmt: Format, folder: Path | None) -> None:
        """Write the export off the UI thread; report the path by message."""
        from reader.app.loading import export_story

        self.post_message(export_story(workspace, fmt, folder))

    def on_export_finished(self, message: ExportFinished) -> None:
        if message.path is None:
            self.notify(message.error or "", title="Export failed", severity="error", markup=False)
        else:
            self.notify(str(message.path), title="Exported to", timeout=8, markup=False)

    # ---- annotating: the annotator does it ---------------------------------------

    @property
    def selection(self) -> PassageSelection | None:
        """The passage selected for annotating, if any."""
        return self.annotator.selection

    def show_note(self, line: Text) -> None:
        self.query_one(DetailBar).note_line = line

    def apply_committed(self, committed: Committed, message: str | None = None) -> None:
        """Show the story as saved: highlights, detail bar, speakers, timeline, header."""
        if self.current not in committed.index.clusters:
            self.current = None  # merged or removed: unset while the old index still knows it
        self.workspace = committed.workspace
        self.analysis = committed.workspace.analysis
        self.index = committed.index
        self._sync_current()
        if message:
            self.notify(message, timeout=3)

    def watch_index(self, index: QuoteIndex | None) -> None:
        """A new analysis or new annotations: place the annotations and repaint."""
        self.annotator.place()
        self._pass_down(SourceColumn.index, index)

    def notify_style_update(self) -> None:
        """A new theme: the annotation marks take its colours."""
        super().notify_style_update()
        if self.is_mounted:
            self.annotator.repaint()

    def on_text_selected(self, event: TextSelected) -> None:
        self.annotator.text_selected(self.selections)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.annotator.worker_changed(event.worker)

    def action_select(self) -> None:
        self.annotator.select()

    def action_extend(self, step: int) -> None:
        self.annotator.extend(step)

    def action_extend_lines(self, step: int) -> None:
        self.annotator.extend_lines(step)

    def action_cancel_selection(self) -> None:
        self.annotator.cancel_selection()

    def action_annotate(self) -> None:
        self.annotator.annotate()

    def action_edit_annotation(self) -> None:
        self.annotator.edit()

    def action_delete_annotation(self) -> None:
        self.annotator.delete()

    def action_annotations(self) -> None:
        self.annotator.open_list()

    def action_copy(self) -> None:
        self.annotator.copy()
