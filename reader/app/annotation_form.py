"""`a` / `e`: the form that annotates a passage, or edits an annotation.

The form saves by itself, in a thread worker, and closes only once the file is written:
when saving fails (a corrupt annotations.yaml, a disk error) it says why and stays open, so
what the user typed is never lost. It is dismissed with the `Committed` result, or None.
"""

from __future__ import annotations

from collections import Counter
from functools import partial
from typing import ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Select, Static, TextArea
from textual.worker import Worker, WorkerState

from reader.app.annotation_edits import (
    Committed,
    Draft,
    Passage,
    commit,
    creating,
    problems,
    revising,
)
from reader.app.annotation_marks import excerpt
from reader.app.source_column import column_title
from reader.errors import ReaderError
from reader.model import Annotation, AnnotationKind
from reader.workspace import Workspace

COMMON_LABELS = ("claim", "quote", "context", "error", "question", "source")
"""Offered after the labels the story's annotations already use."""
KIND_CHOICES: tuple[tuple[AnnotationKind, str], ...] = (
    ("note", "Note"),
    ("speaker", "Speaker fix"),
    ("not-quote", "Not a quote"),
    ("same-quote", "Same quote as…"),
)
PASSAGE_CHARS = 300


def labels_in_use(workspace: Workspace) -> list[str]:
    """Labels already used, most used first, then the common ones."""
    used = Counter(r.annotation.label for r in workspace.annotations if r.annotation.label)
    ordered = [label for label, _ in used.most_common()]
    return ordered + [label for label in COMMON_LABELS if label not in used]


def speaker_names(workspace: Workspace) -> list[str]:
    """The story's speakers and the analysis's (corrections included), sorted."""
    names = {s.name for s in workspace.story.speakers}
    names.update(s.name for s in workspace.analysis.speakers)
    return sorted(names, key=str.casefold)


def same_quote_targets(workspace: Workspace, source_id: str) -> list[tuple[str, Passage]]:
    """The quotes of the other sources (and their shared-quote copies), as (label, passage),
    in story order."""
    analysis, story = workspace.analysis, workspace.story
    outlets = {s.id: column_title(s).split(" · ")[0] for s in story.sources}
    order = {s.id: i for i, s in enumerate(story.sources)}
    found = {(q.source, q.start, q.end): q.text for q in analysis.quotes}
    found.update(
        ((o.source, o.start, o.end), o.text) for c in analysis.clusters for o in c.occurrences
    )
    spans = sorted(
        (span for span in found if span[0] != source_id),
        key=lambda span: (order.get(span[0], len(order)), span[1]),
    )
    return [
        (f"{outlets.get(span[0], span[0])}: “{excerpt(found[span], 70)}”", Passage(*span))
        for span in spans
    ]


class AnnotationForm(ModalScreen[Committed | None]):
    """Kind, speaker, label, note and date of an annotation on `passage`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "save",
            "Save",
            id="annotation-save",
            tooltip="Save the annotation to the story's annotations.yaml",
        ),
        Binding(
            "escape",
            "cancel",
            "Cancel",
            id="annotation-cancel",
            tooltip="Close the form without saving",
        ),
    ]

    def __init__(
        self,
        workspace: Workspace,
        passage: Passage,
        editing: Annotation | None = None,
        kind: AnnotationKind | None = None,
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.passage = passage
        self.editing = editing
        self.kind: AnnotationKind = kind or (editing.kind if editing else "note")
        self.targets = same_quote_targets(workspace, passage.source)

    # ---- layout -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        story, passage, editing = self.workspace.story, self.passage, self.editing
        outlet = column_title(story.source(passage.source))
        with Vertical(id="annotation-dialog") as dialog:
            dialog.border_title = f"{'Edit annotation' if editing else 'Annotate'} · {outlet}"
            dialog.border_subtitle = "ctrl+s save · escape cancel"
            yield Static(self._passage_text(), id="annotation-passage")
            with VerticalScroll(id="annotation-fields"):
                with Horizontal(classes="annotation-row"):
                    yield Label("Kind", classes="annotation-label")
                    with RadioSet(id="annotation-kind", compact=True):
                        for kind, name in KIND_CHOICES:
                            yield RadioButton(
                                name, value=kind == self.kind, id=f"kind-{kind}", compact=True
                            )
                with Horizontal(classes="annotation-row", id="annotation-speaker-row"):
                    yield Label("Speaker", classes="annotation-label")
                    with Vertical(id="annotation-speaker-fields"):
                        yield from self._speaker_fields()
                with Horizontal(classes="annotation-row", id="annotation-same-row"):
                    yield Label("Same as", classes="annotation-label")
                    yield Select(
                        [(label, index) for index, (label, _) in enumerate(self.targets)],
                        prompt="the same quote in another source",
                        value=self._target_index(),
                        id="annotation-same-as",
                        compact=True,
                    )
                with Horizontal(classes="annotation-row"):
                    yield Label("Label", classes="annotation-label")
                    labels = labels_in_use(self.workspace)
                    yield Input(
                        editing.label or "" if editing else "",
                        placeholder=f"free text, e.g. {', '.join(labels[:4])}",
                        suggester=SuggestFromList(labels, case_sensitive=False),
                        id="annotation-label",
                        compact=True,
                    )
                yield Static(
                    Text("labels used: " + " · ".join(labels[:8]), style="dim"),
                    id="annotation-labels-used",
                )
                with Horizontal(classes="annotation-row"):
                    yield Label("Date", classes="annotation-label")
                    yield Input(
                        editing.date or "" if editing else "",
                        placeholder="optional: 2022, 2022-11 or 2022-11-28 (then on the timeline)",
                        id="annotation-date",
                        compact=True,
                    )
                yield Label("Note", classes="annotation-label")
                yield TextArea(
                    editing.note if editing else "",
                    id="annotation-note",
                    placeholder="what you make of this passage (several lines are fine)",
                    compact=True,
                )
            with Vertical(id="annotation-footer"):  # docked: never scrolled out of view
                yield Label("", id="annotation-error")
                with Horizontal(id="annotation-buttons"):
                    yield Button(
                        "Save", variant="primary", id="annotation-save-button", compact=True
                    )
                    yield Button("Cancel", id="annotation-cancel-button", compact=True)

    def _passage_text(self) -> Text:
        text = self.passage.text(self.workspace.story)
        shown = text if len(text) <= PASSAGE_CHARS else text[: PASSAGE_CHARS - 1] + "…"
        return Text.assemble(
            ("“", "dim"), shown, ("”", "dim"), (f"  ({len(text)} characters)", "dim")
        )

    def _speaker_fields(self) -> ComposeResult:
        names = speaker_names(self.workspace)
        current = self.editing.speaker if self.editing else None
        yield Select(
            [(name, name) for name in names],
            prompt="a speaker of the story",
            value=current if current in names else Select.NULL,
            id="annotation-speaker",
            compact=True,
        )
        yield Input(
            current if current and current not in names else "",
            placeholder="or a new name",
            id="annotation-new-speaker",
            compact=True,
        )

    def _target_index(self) -> int | object:
        editing = self.editing
        if editing is None or editing.same_as is None:
            return Select.NULL
        partner = next(
            (r for r in self.workspace.annotations if r.annotation.id == editing.same_as), None
        )
        if partner is None or partner.span is None:
            return Select.NULL
        span = partner.span
        for index, (_, passage) in enumerate(self.targets):
            if (passage.source, passage.start, passage.end) == (span.source, span.start, span.end):
                return index
        return Select.NULL

    def on_mount(self) -> None:
        self._show_fields()
        kinds = self.query_one("#annotation-kind", RadioSet)
        for _ in range(kinds.pressed_index):  # the highlight starts on the first kind
            kinds.action_next_button()
        first = {"speaker": "#annotation-speaker", "same-quote": "#annotation-same-as"}
        self.query_one(first.get(self.kind, "#annotation-note")).focus()

    def _show_fields(self) -> None:
        self.query_one("#annotation-speaker-row").display = self.kind in {"note", "speaker"}
        self.query_one("#annotation-same-row").display = self.kind == "same-quote"

    @on(RadioSet.Changed, "#annotation-kind")
    def _kind_changed(self, event: RadioSet.Changed) -> None:
        self.kind = cast(AnnotationKind, (event.pressed.id or "kind-note").removeprefix("kind-"))
        self._show_fields()

    # ---- saving -----------------------------------------------------------------

    def draft(self) -> Draft:
        """What the fields say now."""
        chosen = self.query_one("#annotation-speaker", Select).value
        typed = self.query_one("#annotation-new-speaker", Input).value.strip()
        speaker = typed or (chosen if isinstance(chosen, str) else None)
        target = self.query_one("#annotation-same-as", Select).value
        return Draft(
            kind=self.kind,
            speaker=speaker if self.kind in {"note", "speaker"} else None,
            label=self.query_one("#annotation-label", Input).value.strip() or None,
            note=self.query_one("#annotation-note", TextArea).text.strip(),
            date=self.query_one("#annotation-date", Input).value.strip() or None,
            same_as=self.targets[target][1] if isinstance(target, int) else None,
        )

    def action_save(self) -> None:
        draft = self.draft()
        found = problems(draft, self.passage)
        if found:
            self._error(" ".join(found))
            return
        if self.editing is not None:
            annotation_id = self.editing.id
            change = revising(self.workspace, annotation_id, draft)
        else:
            annotation_id, change = creating(self.workspace, self.passage, draft)
        self._error("Saving…")
        self.run_worker(
            partial(commit, self.workspace, change, annotation_id),
            thread=True,
            exclusive=True,
            group="annotation-save",
            exit_on_error=False,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != "annotation-save":
            return
        if worker.state == WorkerState.SUCCESS:
            self.dismiss(cast(Committed, worker.result))
        elif worker.state == WorkerState.ERROR:
            error = worker.error
            message = str(error) if isinstance(error, ReaderError) else repr(error)
            self._error("Not saved: " + message)
            self.notify(message, title="Annotation not saved", severity="error", timeout=10)

    def _error(self, message: str) -> None:
        label = self.query_one("#annotation-error", Label)
        label.update(Text(message))
        label.display = bool(message)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#annotation-save-button")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#annotation-cancel-button")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)
