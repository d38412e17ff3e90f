"""`A`: every annotation of the story, with where it sits now; `enter` jumps to its passage.

Orphaned annotations (their passage is gone from the edited source) are listed too, with
the text they were made on: they are kept, never dropped, until the user deletes them.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Label, Static

from reader.app.annotation_marks import KIND_NAMES, excerpt, summary
from reader.app.messages import Jump
from reader.app.source_column import column_title
from reader.model import Resolved, Story

STATUS_STYLES = {"anchored": "", "moved": "italic", "orphaned": "bold red"}
STATUS_WORDS = {
    "anchored": "where it was made",
    "moved": "the source changed; found again",
    "orphaned": "the source changed and its passage was not found again; kept with its text",
}
PREVIEW_CHARS = 400


def annotation_row(story: Story, item: Resolved) -> tuple[Text, ...]:
    """Source, status, kind, label, speaker, date, note and passage of one annotation."""
    annotation = item.annotation
    source_id = annotation.anchor.source
    try:
        source = column_title(story.source(source_id)).split(" · ")[0]
    except KeyError:
        source = source_id
    passage = item.span.text if item.span is not None else annotation.anchor.exact
    return (
        Text(source),
        Text(item.status, style=STATUS_STYLES[item.status]),
        Text(KIND_NAMES[annotation.kind]),
        Text(annotation.label or ""),
        Text(annotation.speaker or ""),
        Text(annotation.date or ""),
        Text(excerpt(annotation.note, 40)),
        Text(f"“{excerpt(passage, 50)}”"),
    )


def preview(item: Resolved) -> Text:
    """The whole of one annotation: what it says, its status, and its passage."""
    annotation = item.annotation
    passage = item.span.text if item.span is not None else annotation.anchor.exact
    if len(passage) > PREVIEW_CHARS:
        passage = passage[: PREVIEW_CHARS - 1] + "…"
    text = Text.assemble(
        (summary(annotation), "bold"),
        (f"  ·  {item.status}: {STATUS_WORDS[item.status]}", STATUS_STYLES[item.status] or "dim"),
    )
    if annotation.note:
        text.append("\n" + annotation.note)
    text.append("\n“" + passage + "”", style="dim")
    return text


class AnnotationsScreen(ModalScreen[Jump | None]):
    """Dismissed with a `Jump` to the chosen annotation's passage, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,q,A", "close", "Back", id="annotations-close", tooltip="Back to the sources"
        ),
    ]

    def __init__(self, story: Story, annotations: tuple[Resolved, ...]) -> None:
        super().__init__()
        self.story = story
        self.annotations = annotations

    def compose(self) -> ComposeResult:
        with Vertical(id="annotations-dialog") as dialog:
            dialog.border_title = f"Annotations · {len(self.annotations)}"
            dialog.border_subtitle = "enter: go to the passage · escape: back"
            if not self.annotations:
                yield Static(
                    Text(
                        "No annotation yet: press v to select a passage, then a to annotate it.",
                        style="italic",
                    ),
                    id="annotations-empty",
                )
            table: DataTable[Text] = DataTable(
                cursor_type="row", zebra_stripes=True, id="annotations-table"
            )
            table.add_columns(
                "Source", "Status", "Kind", "Label", "Speaker", "Date", "Note", "Passage"
            )
            for item in self.annotations:
                table.add_row(*annotation_row(self.story, item), key=item.annotation.id)
            yield table
            if self.annotations:
                yield Static(preview(self.annotations[0]), id="annotations-preview")
            orphaned = sum(1 for item in self.annotations if item.status == "orphaned")
            if orphaned:
                yield Label(
                    Text(
                        f"{orphaned} orphaned: the source changed and the passage was not found "
                        "again. It is kept with the text it was made on.",
                        style="italic",
                    ),
                    id="annotations-orphaned",
                )
            yield Button("Back", id="annotations-back")

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if 0 <= event.cursor_row < len(self.annotations):
            preview_pane = self.query_one("#annotations-preview", Static)
            preview_pane.update(preview(self.annotations[event.cursor_row]))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        item = self.annotations[event.cursor_row]
        if item.span is None:
            self.notify(
                "This annotation is orphaned: its passage is no longer in the source.",
                title="Orphaned",
                severity="warning",
            )
            return
        self.dismiss(Jump(item.span.source, item.span.start))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_close()

    def action_close(self) -> None:
        self.dismiss(None)
