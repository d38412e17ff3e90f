"""What the annotation form asks for, turned into a change of annotations.yaml, and saved.

Pure builders (a `Draft` in, a `Change` out) plus `commit`, which the workers call: it
writes through `update_annotations` (so edits made elsewhere merge) and returns the story
seen with the saved annotations, ready for the screen to swap in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypedDict

from reader.annotations import Change, adding, check_date, editing, new_annotation
from reader.app.quote_index import QuoteIndex
from reader.errors import ReaderError
from reader.model import Annotation, AnnotationKind, Story
from reader.store import update_annotations

if TYPE_CHECKING:
    from reader.workspace import Workspace


@dataclass(frozen=True)
class Passage:
    """A span of one source's stored text."""

    source: str
    start: int
    end: int

    def text(self, story: Story) -> str:
        return story.source(self.source).text[self.start : self.end]


@dataclass(frozen=True)
class Draft:
    """The form's fields; `same_as` is the other passage of a "same quote" correction."""

    kind: AnnotationKind = "note"
    speaker: str | None = None
    label: str | None = None
    note: str = ""
    date: str | None = None
    same_as: Passage | None = None


@dataclass(frozen=True)
class Committed:
    """The story after a save: the new workspace, its index, and the annotation concerned."""

    workspace: Workspace
    index: QuoteIndex
    annotation_id: str | None


def problems(draft: Draft, passage: Passage) -> list[str]:
    """What keeps the draft from being saved, in words for the user."""
    found = []
    if draft.kind == "speaker" and not draft.speaker:
        found.append("A speaker fix needs a speaker: pick one or type a new name.")
    if draft.kind == "same-quote":
        if draft.same_as is None:
            found.append("Choose the passage this is the same quote as.")
        elif draft.same_as.source == passage.source:
            found.append("The same quote must be in another source.")
    if draft.date:
        try:
            check_date(draft.date)
        except ReaderError as error:
            found.append(str(error))
    return found


class Fields(TypedDict):
    """The draft's fields as the annotation keeps them (empty text left out as None)."""

    kind: AnnotationKind
    speaker: str | None
    label: str | None
    note: str
    date: str | None


def _fields(draft: Draft) -> Fields:
    return {
        "kind": draft.kind,
        "speaker": draft.speaker or None,
        "label": draft.label or None,
        "note": draft.note,
        "date": draft.date or None,
    }


def _partner(
    workspace: Workspace, draft: Draft, annotation_id: str
) -> tuple[str | None, list[Change]]:
    """The id of the annotation on the other passage of a "same quote", made if need be
    (a "same quote" pointing back, so the pair reads the same from either side)."""
    other = draft.same_as
    if draft.kind != "same-quote" or other is None:
        return None, []
    for item in workspace.annotations:
        span = item.span
        if span and (span.source, span.start, span.end) == (other.source, other.start, other.end):
            return item.annotation.id, []
    made = new_annotation(
        workspace.story.source(other.source),
        other.start,
        other.end,
        kind="same-quote",
        same_as=annotation_id,
        taken=_taken(workspace) | {annotation_id},
    )
    return made.id, [adding(made)]


def _taken(workspace: Workspace) -> set[str]:
    return {item.annotation.id for item in workspace.annotations}


def chain(changes: Sequence[Change]) -> Change:
    """One change applying several in order."""

    def change(current: list[Annotation]) -> list[Annotation]:
        for step in changes:
            current = step(current)
        return current

    return change


def creating(workspace: Workspace, passage: Passage, draft: Draft) -> tuple[str, Change]:
    """A new annotation on the passage (and its partner for a "same quote"): id and change."""
    source = workspace.story.source(passage.source)
    made = new_annotation(
        source,
        passage.start,
        passage.end,
        **_fields(draft),
        same_as="pending" if draft.kind == "same-quote" else None,
        taken=_taken(workspace),
    )
    partner, extra = _partner(workspace, draft, made.id)
    return made.id, chain([*extra, adding(replace(made, same_as=partner))])


def revising(workspace: Workspace, annotation_id: str, draft: Draft) -> Change:
    """The annotation's fields replaced by the draft's."""
    partner, extra = _partner(workspace, draft, annotation_id)
    return chain([*extra, editing(annotation_id, **_fields(draft), same_as=partner)])


def commit(workspace: Workspace, change: Change, annotation_id: str | None = None) -> Committed:
    """Save the change to the story's annotations.yaml and see the story with the result.

    Blocking file I/O: call it from a thread worker. Raises ReaderError (a corrupt file is
    left untouched).
    """
    saved = update_annotations(workspace.story.path, change)
    updated = workspace.with_annotations(saved)
    return Committed(updated, QuoteIndex(updated.story, updated.analysis), annotation_id)
