"""Annotating from the reader: select, annotate, edit, delete, list, copy, correct.

The reader screen composes an `Annotator`, which owns the selection, the placed annotations
(`Notes`), what the annotating keys do and the saves. What it needs from the screen is the
`AnnotationHost` protocol: the story and its columns, the workspace, and a few of the
screen's own services (notify, workers, styles). The keys are in `keys.ANNOTATING`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Protocol

from rich.text import Text
from textual.worker import Worker, WorkerState

from reader.annotations import Placement, deleting
from reader.app.annotation_edits import Committed, Passage, commit
from reader.app.annotation_marks import (
    Notes,
    describe_notes,
    excerpt,
    note_marks,
    notes_of,
    quote_spans,
    summary,
)
from reader.app.columns_view import ColumnsView
from reader.app.confirm_screen import ConfirmScreen
from reader.app.keys import ANNOTATING
from reader.app.messages import Correction, Jump
from reader.app.selection import (
    PassageSelection,
    begin,
    extend,
    from_cells,
    sentence_spans,
    unit_at,
)
from reader.app.source_column import SourceColumn, column_title
from reader.errors import ReaderError
from reader.model import Annotation, AnnotationKind, Story

if TYPE_CHECKING:
    from rich.style import Style
    from textual.app import App
    from textual.notifications import SeverityLevel
    from textual.selection import Selection
    from textual.widget import Widget

    from reader.app.quote_index import QuoteIndex
    from reader.workspace import Workspace

SAVE_GROUP = "annotation-delete"
CORRECTION_KINDS: dict[str, AnnotationKind] = {
    "speaker": "speaker",
    "not-quote": "not-quote",
    "same-quote": "same-quote",
}
NOTE_STYLES = frozenset({"annotating--note", "annotating--note-on-quote"})
"""Component classes the host screen declares: the marks of annotated passages."""


class AnnotationHost(Protocol):
    """What the annotator needs from the screen it works in."""

    @property
    def app(self) -> App[object]: ...
    @property
    def is_mounted(self) -> bool: ...
    @property
    def story(self) -> Story: ...
    @property
    def columns(self) -> Sequence[SourceColumn]: ...
    @property
    def column(self) -> SourceColumn:
        """The active column."""

    @property
    def workspace(self) -> Workspace | None: ...
    @property
    def index(self) -> QuoteIndex | None: ...

    def column_of(self, source_id: str) -> SourceColumn: ...
    @property
    def focused(self) -> Widget | None: ...

    def focus_source(self, source_id: str) -> None: ...
    def jump_to(self, jump: Jump) -> None: ...
    def show_note(self, line: Text) -> None:
        """Show what is annotated (or selected) under the cursor."""

    def apply_committed(self, committed: Committed, message: str | None = None) -> None: ...
    def refresh_bindings(self) -> None: ...
    def clear_selection(self) -> None: ...
    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
    ) -> None: ...
    def run_worker(
        self, work: Callable[[], Committed], *, group: str, exit_on_error: bool, thread: bool
    ) -> Worker[Committed]: ...
    def get_component_rich_style(self, *names: str, partial: bool = False) -> Style: ...


class Annotator:
    """The reader screen's annotation state, the actions of its keys and its saves."""

    ACTIONS = frozenset(binding.action.split("(")[0] for binding in ANNOTATING)

    def __init__(self, host: AnnotationHost) -> None:
        self.host = host
        self.notes: Notes | None = None
        self._selection: PassageSelection | None = None
        self._mouse_selection = False
        self._note_keys = (False, False)

    @property
    def selection(self) -> PassageSelection | None:
        """The passage selected for annotating, if any (it lives in the active column)."""
        return self._selection

    @selection.setter
    def selection(self, new: PassageSelection | None) -> None:
        old, self._selection = self._selection, new
        if new == old:
            return
        for source in {s.source for s in (old, new) if s is not None}:
            self.paint(self.host.column_of(source))
        if self.host.is_mounted:
            self.sync()

    # ---- what is under the cursor -----------------------------------------------

    def _notes_under_cursor(self) -> list[Placement]:
        if self.notes is None or not self.host.columns:
            return []
        column = self.host.column
        return self.notes.under(column.source.id, *column.cursor_span)

    def _cursor_passage(self) -> Passage:
        """The quote under the cursor, else the sentence the cursor line starts in."""
        column = self.host.column
        placed = column.passage_under_cursor()
        if placed is not None:
            return Passage(column.source.id, placed.start, placed.end)
        start, end = unit_at(sentence_spans(column.source.text), column.cursor_span[0])
        return Passage(column.source.id, start, end)

    def _selected_passage(self) -> Passage | None:
        selection = self.selection
        if selection is None:
            return None
        return Passage(selection.source, *selection.span)

    def sync(self) -> None:
        """Tell the screen about the annotation (or selection) under the cursor and refresh
        the footer when the keys that apply change. A selection lives in the active column:
        moving to another column drops it."""
        selection, host = self.selection, self.host
        if selection is not None and selection.source != host.column.source.id:
            self.cancel_selection()
            return  # the selection's setter syncs again
        under = self._notes_under_cursor()
        if selection is not None:
            line = self._selection_line(selection)
        else:
            story = host.story
            line = describe_notes(
                under, lambda source_id: column_title(story.source(source_id)).split(" · ")[0]
            )
        host.show_note(line)
        keys = (selection is not None, bool(under))
        if keys != self._note_keys:
            self._note_keys = keys
            host.refresh_bindings()

    def _selection_line(self, selection: PassageSelection) -> Text:
        start, end = selection.span
        text = self.host.story.source(selection.source).text
        count = sum(1 for s in sentence_spans(text) if s[0] < end and start < s[1])
        return Text.assemble(
            ("Selected: ", "bold"),
            f"{count} sentence{'s' if count != 1 else ''}, {end - start} characters",
            (
                "  ·  ↑ ↓ extend by sentence · shift+↑ ↓ by line · a annotate · y copy · "
                "escape cancel",
                "dim",
            ),
        )

    # ---- keys -------------------------------------------------------------------

    def applies(self, action: str) -> bool:
        """Whether an annotating key (one of `ACTIONS`) does anything now."""
        if action in {"extend", "extend_lines", "cancel_selection"}:
            # priority keys: only while reading, never while typing in the search box
            reading = isinstance(self.host.focused, (SourceColumn, ColumnsView))
            return self.selection is not None and reading
        if action in {"edit_annotation", "delete_annotation"}:
            return self.host.workspace is not None and bool(self._notes_under_cursor())
        if action in {"annotate", "annotations"}:
            return self.host.workspace is not None
        return bool(self.host.columns)

    def select(self) -> None:
        """Select the sentence under the cursor."""
        column = self.host.column
        self.host.clear_selection()
        self._mouse_selection = False
        units = sentence_spans(column.source.text)
        if units:
            self.selection = begin(column.source.id, units, column.cursor_span[0])

    def extend(self, step: int) -> None:
        """Move the selection's head a sentence down (1) or up (-1)."""
        selection = self.selection
        if selection is not None:
            text = self.host.story.source(selection.source).text
            self._move_head(extend(selection, sentence_spans(text), step))

    def extend_lines(self, step: int) -> None:
        """Move the selection's head a screen line down (1) or up (-1)."""
        selection = self.selection
        if selection is not None:
            column = self.host.column_of(selection.source)
            lines = [line for line in column.wrapped.lines if line[0] < line[1]]
            self._move_head(extend(selection, lines, step))

    def _move_head(self, selection: PassageSelection) -> None:
        self.host.clear_selection()
        self._mouse_selection = False
        self.selection = selection
        self.host.column_of(selection.source).move_to_offset(selection.cursor)

    def cancel_selection(self) -> None:
        self.host.clear_selection()
        self.selection = None

    def text_selected(self, selections: dict[Widget, Selection]) -> None:
        """A mouse drag in a column selects those characters for annotating."""
        for widget, chosen in selections.items():
            if not isinstance(widget, SourceColumn):
                continue
            lines = widget.wrapped.lines
            start = (chosen.start.x, chosen.start.y) if chosen.start else (0, 0)
            end = (
                (chosen.end.x, chosen.end.y)
                if chosen.end
                else (lines[-1][1] - lines[-1][0], len(lines) - 1)
            )
            span = from_cells(widget.source.text, lines, start, end)
            if span is not None:
                self.host.focus_source(widget.source.id)
                self._mouse_selection = True
                self.selection = PassageSelection(widget.source.id, span, span)
                return
        if self._mouse_selection:
            self._mouse_selection = False
            self.selection = None

    # ---- annotate, edit, delete, list -------------------------------------------

    def annotate(self) -> None:
        """The form on the selection, else on the quote or sentence under the cursor."""
        self.open_form(self._selected_passage() or self._cursor_passage())

    def open_form(
        self,
        passage: Passage,
        kind: AnnotationKind | None = None,
        editing: Annotation | None = None,
    ) -> None:
        """The annotation form on a passage, optionally with its kind chosen, or editing."""
        # Imported on first use: its widgets would add to every start-up of the reader.
        from reader.app.annotation_form import AnnotationForm

        workspace = self.host.workspace
        if workspace is not None:
            form = AnnotationForm(workspace, passage, editing=editing, kind=kind)
            self.host.app.push_screen(form, self._committed)

    def edit(self) -> None:
        """The form on the annotation under the cursor."""
        under = self._notes_under_cursor()
        if not under or self.host.workspace is None:
            return
        resolved = under[0].resolved
        span = resolved.span
        assert span is not None  # orphaned annotations are never under the cursor
        self.open_form(Passage(span.source, span.start, span.end), editing=resolved.annotation)

    def delete(self) -> None:
        """Delete the annotation under the cursor, once the user confirms."""
        under = self._notes_under_cursor()
        if not under:
            return
        resolved = under[0].resolved
        passage = resolved.span.text if resolved.span else resolved.annotation.anchor.exact
        question = Text.assemble(
            "Delete this annotation from annotations.yaml?\n\n",
            (summary(resolved.annotation), "bold"),
            f"\n“{excerpt(passage, 120)}”",
        )
        self.host.app.push_screen(
            ConfirmScreen("Delete the annotation", question),
            partial(self._delete_confirmed, resolved.annotation.id),
        )

    def _delete_confirmed(self, annotation_id: str, yes: bool | None) -> None:
        workspace = self.host.workspace
        if yes and workspace is not None:
            self.host.run_worker(
                partial(commit, workspace, deleting(annotation_id)),
                thread=True,
                group=SAVE_GROUP,
                exit_on_error=False,
            )

    def worker_changed(self, worker: Worker[object]) -> None:
        """A save worker of the screen finished: show the result, or the error."""
        if worker.group != SAVE_GROUP:
            return
        if worker.state == WorkerState.SUCCESS and isinstance(worker.result, Committed):
            self.host.apply_committed(worker.result, "Annotation deleted.")
        elif worker.state == WorkerState.ERROR:
            error = worker.error
            message = str(error) if isinstance(error, ReaderError) else repr(error)
            self.host.notify(message, title="Annotation not deleted", severity="error", timeout=10)

    def _committed(self, result: Committed | None) -> None:
        if result is not None:
            self.cancel_selection()
            self.host.apply_committed(result, "Annotation saved to annotations.yaml.")

    def open_list(self) -> None:
        """Every annotation of the story; the one chosen is jumped to."""
        from reader.app.annotations_screen import AnnotationsScreen  # a table: off the first screen

        workspace = self.host.workspace
        if workspace is not None:
            screen = AnnotationsScreen(workspace.story, workspace.annotations)
            self.host.app.push_screen(screen, self._jump_from_list)

    def _jump_from_list(self, jump: Jump | None) -> None:
        if jump is not None:
            self.host.jump_to(jump)

    def copy(self) -> None:
        """Copy the selection, else the quote or sentence under the cursor."""
        passage = self._selected_passage() or self._cursor_passage()
        text = passage.text(self.host.story)
        self.host.app.copy_to_clipboard(text)
        self.host.notify(f"Copied {len(text)} characters: “{excerpt(text, 50)}”", timeout=3)

    def correct(self, correction: Correction) -> None:
        """A correction asked for from the quote details: the form, its kind chosen."""
        occurrence = correction.occurrence or correction.cluster.occurrences[0]
        self.open_form(
            Passage(occurrence.source, occurrence.start, occurrence.end),
            CORRECTION_KINDS[correction.kind],
        )

    # ---- marks ------------------------------------------------------------------

    def place(self) -> None:
        """A new analysis or new annotations: place the annotations and repaint."""
        workspace = self.host.workspace
        self.notes = notes_of(workspace) if workspace is not None else None
        self.repaint()

    def repaint(self) -> None:
        """Lay every column's annotations and selection over its highlights again."""
        for column in self.host.columns:
            self.paint(column)

    def paint(self, column: SourceColumn) -> None:
        """Lay this column's annotations and selection over its highlights."""
        host, source_id = self.host, column.source.id
        found = self.notes.of(source_id) if self.notes is not None else ()
        marks = note_marks(
            found,
            quote_spans(host.index, source_id),
            host.get_component_rich_style("annotating--note", partial=True),
            host.get_component_rich_style("annotating--note-on-quote", partial=True),
        )
        selection = self.selection
        if selection is not None and selection.source == source_id:
            style = host.get_component_rich_style("screen--selection", partial=True)
            marks.append((*selection.span, style))
        spans = tuple((p.span.start, p.span.end) for p in found)
        column.set_overlays(replace(column.overlays, extra=tuple(marks), notes=spans))
