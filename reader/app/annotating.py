"""Annotating from the reader: select, annotate, edit, delete, list, copy, correct.

`AnnotatingScreen` is the reader screen's base: it owns the selection, the placed annotations
(`Notes`), the actions of its keys and the saves. What it needs from the reader screen is
small: `story`, `columns`, the active `column`, `workspace`, the `index` reactive, `jump_to`,
`focus_source`, and `_sync_current` (which calls `sync_notes` back on every cursor move).
Its keys are in `annotation_keys`.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual.events import TextSelected
from textual.reactive import reactive
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from reader.annotations import deleting
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
from reader.app.annotations_screen import AnnotationsScreen
from reader.app.columns_view import ColumnsView
from reader.app.confirm_screen import ConfirmScreen
from reader.app.detail_bar import DetailBar
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
from reader.model import Annotation, AnnotationKind

if TYPE_CHECKING:
    from reader.app.quote_index import QuoteIndex
    from reader.workspace import Workspace

SAVE_GROUP = "annotation-delete"
CORRECTION_KINDS: dict[str, AnnotationKind] = {
    "speaker": "speaker",
    "not-quote": "not-quote",
    "same-quote": "same-quote",
}


class AnnotatingScreen(Screen[None]):
    """The reader screen's annotation state, keys and saves (see the module docstring)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"annotating--note", "annotating--note-on-quote"}

    selection: reactive[PassageSelection | None] = reactive(None)
    workspace: Workspace | None = None
    index: QuoteIndex | None

    def __init__(self) -> None:
        super().__init__()
        self.notes: Notes | None = None
        self._mouse_selection = False
        self._note_keys = (False, False)

    # ---- what is under the cursor -----------------------------------------------

    def _notes_under_cursor(self) -> list:
        if self.notes is None or not self.columns:  # type: ignore[attr-defined]
            return []
        column = self.column  # type: ignore[attr-defined]
        return self.notes.under(column.source.id, *column.cursor_span)

    def _cursor_passage(self) -> Passage:
        """The quote under the cursor, else the sentence the cursor line starts in."""
        column: SourceColumn = self.column  # type: ignore[attr-defined]
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

    def sync_notes(self) -> None:
        """Tell the detail bar about the annotation (or selection) under the cursor and
        refresh the footer when the keys that apply change. A selection lives in the active
        column: moving to another column drops it."""
        selection = self.selection
        if selection is not None and selection.source != self.column.source.id:  # type: ignore[attr-defined]
            self.action_cancel_selection()
            return  # watch_selection syncs again
        under = self._notes_under_cursor()
        story = self.story  # type: ignore[attr-defined]
        if self.selection is not None:
            line = self._selection_line()
        else:
            line = describe_notes(
                under, lambda source_id: column_title(story.source(source_id)).split(" · ")[0]
            )
        self.query_one(DetailBar).note_line = line
        keys = (self.selection is not None, bool(under))
        if keys != self._note_keys:
            self._note_keys = keys
            self.refresh_bindings()

    def _selection_line(self) -> Text:
        selection = self.selection
        assert selection is not None
        start, end = selection.span
        text = self.story.source(selection.source).text  # type: ignore[attr-defined]
        sentences = [s for s in sentence_spans(text) if s[0] < end and start < s[1]]
        count = len(sentences)
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

    def check_annotation_action(self, action: str) -> bool:
        """Whether an annotation key applies now (the reader screen's check_action asks)."""
        if action in {"extend", "extend_lines", "cancel_selection"}:
            # priority keys: only while reading, never while typing in the search box
            return self.selection is not None and isinstance(
                self.focused, (SourceColumn, ColumnsView)
            )
        if action in {"edit_annotation", "delete_annotation"}:
            return self.workspace is not None and bool(self._notes_under_cursor())
        if action in {"annotate", "annotations"}:
            return self.workspace is not None
        return bool(self.columns)  # type: ignore[attr-defined]

    def action_select(self) -> None:
        column: SourceColumn = self.column  # type: ignore[attr-defined]
        self.clear_selection()
        self._mouse_selection = False
        units = sentence_spans(column.source.text)
        if units:
            self.selection = begin(column.source.id, units, column.cursor_span[0])

    def action_extend(self, step: int) -> None:
        selection = self.selection
        if selection is None:
            return
        text = self.story.source(selection.source).text  # type: ignore[attr-defined]
        self._move_head(extend(selection, sentence_spans(text), step))

    def action_extend_lines(self, step: int) -> None:
        selection = self.selection
        if selection is None:
            return
        column = self._column_of[selection.source]  # type: ignore[attr-defined]
        lines = [line for line in column.wrapped.lines if line[0] < line[1]]
        self._move_head(extend(selection, lines, step))

    def _move_head(self, selection: PassageSelection) -> None:
        self.clear_selection()
        self._mouse_selection = False
        self.selection = selection
        column = self._column_of[selection.source]  # type: ignore[attr-defined]
        column.move_to_offset(selection.cursor)

    def action_cancel_selection(self) -> None:
        self.clear_selection()
        self.selection = None

    def watch_selection(self, old: PassageSelection | None, new: PassageSelection | None) -> None:
        for source in {s.source for s in (old, new) if s is not None}:
            self._paint(self._column_of[source])  # type: ignore[attr-defined]
        if self.is_mounted:
            self.sync_notes()

    def on_text_selected(self, event: TextSelected) -> None:
        """A mouse drag in a column selects those characters for annotating."""
        for widget, chosen in self.selections.items():
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
                self.focus_source(widget.source.id)  # type: ignore[attr-defined]
                self._mouse_selection = True
                self.selection = PassageSelection(widget.source.id, span, span)
                return
        if self._mouse_selection:
            self._mouse_selection = False
            self.selection = None

    # ---- annotate, edit, delete, list -------------------------------------------

    def action_annotate(self) -> None:
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

        if self.workspace is not None:
            form = AnnotationForm(self.workspace, passage, editing=editing, kind=kind)
            self.app.push_screen(form, self._committed)

    def action_edit_annotation(self) -> None:
        under = self._notes_under_cursor()
        if not under or self.workspace is None:
            return
        resolved = under[0].resolved
        span = resolved.span
        assert span is not None  # orphaned annotations are never under the cursor
        self.open_form(Passage(span.source, span.start, span.end), editing=resolved.annotation)

    def action_delete_annotation(self) -> None:
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
        self.app.push_screen(
            ConfirmScreen("Delete the annotation", question),
            partial(self._delete_confirmed, resolved.annotation.id),
        )

    def _delete_confirmed(self, annotation_id: str, yes: bool | None) -> None:
        if yes and self.workspace is not None:
            self.run_worker(
                partial(commit, self.workspace, deleting(annotation_id)),
                thread=True,
                group=SAVE_GROUP,
                exit_on_error=False,
            )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != SAVE_GROUP:
            return
        if worker.state == WorkerState.SUCCESS:
            self.apply_committed(cast(Committed, worker.result), "Annotation deleted.")
        elif worker.state == WorkerState.ERROR:
            error = worker.error
            message = str(error) if isinstance(error, ReaderError) else repr(error)
            self.notify(message, title="Annotation not deleted", severity="error", timeout=10)

    def _committed(self, result: Committed | None) -> None:
        if result is not None:
            self.action_cancel_selection()
            self.apply_committed(result, "Annotation saved to annotations.yaml.")

    def apply_committed(self, committed: Committed, message: str | None = None) -> None:
        """Show the story as saved: highlights, detail bar, speakers, timeline, header."""
        if self.current not in committed.index.clusters:  # type: ignore[attr-defined]
            self.current = None  # merged or removed: unset while the old index still knows it
        self.workspace = committed.workspace
        self.analysis = committed.workspace.analysis  # type: ignore[attr-defined]
        self.index = committed.index
        self._sync_current()  # type: ignore[attr-defined]
        if message:
            self.notify(message, timeout=3)

    def watch_index(self) -> None:
        """A new analysis or new annotations: place the annotations and repaint."""
        self.notes = notes_of(self.workspace) if self.workspace is not None else None
        for column in self.columns:  # type: ignore[attr-defined]
            self._paint(column)

    def notify_style_update(self) -> None:
        """A new theme: the annotation marks take its colours."""
        super().notify_style_update()
        if self.is_mounted:
            for column in self.columns:  # type: ignore[attr-defined]
                self._paint(column)

    def _paint(self, column: SourceColumn) -> None:
        """Lay this column's annotations and selection over its highlights."""
        source_id = column.source.id
        found = self.notes.of(source_id) if self.notes is not None else ()
        marks = note_marks(
            found,
            quote_spans(self.index, source_id),
            self.get_component_rich_style("annotating--note", partial=True),
            self.get_component_rich_style("annotating--note-on-quote", partial=True),
        )
        selection = self.selection
        if selection is not None and selection.source == source_id:
            style = self.get_component_rich_style("screen--selection", partial=True)
            marks.append((*selection.span, style))
        spans = tuple((p.span.start, p.span.end) for p in found)
        column.set_overlays(replace(column.overlays, extra=tuple(marks), notes=spans))

    def action_annotations(self) -> None:
        if self.workspace is not None:
            screen = AnnotationsScreen(self.workspace.story, self.workspace.annotations)
            self.app.push_screen(screen, self._jump_from_list)

    def _jump_from_list(self, jump: Jump | None) -> None:
        if jump is not None:
            self.jump_to(jump)  # type: ignore[attr-defined]

    def action_copy(self) -> None:
        passage = self._selected_passage() or self._cursor_passage()
        text = passage.text(self.story)  # type: ignore[attr-defined]
        self.app.copy_to_clipboard(text)
        self.notify(f"Copied {len(text)} characters: “{excerpt(text, 50)}”", timeout=3)

    def correct(self, correction: Correction) -> None:
        """A correction asked for from the quote details: the form, its kind chosen."""
        occurrence = correction.occurrence or correction.cluster.occurrences[0]
        self.open_form(
            Passage(occurrence.source, occurrence.start, occurrence.end),
            CORRECTION_KINDS[correction.kind],
        )
