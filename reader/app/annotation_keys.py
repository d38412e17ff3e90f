"""The annotating keys: select, annotate, edit, delete, list, copy, and the selection keys.

While a passage is selected, ↑ ↓ (j k) extend it by sentence and shift+↑ ↓ by line: those
are priority bindings that apply only then (`check_action`), so at other times the reader's
own cursor keys get them. The reader screen lists these after its own keys.
"""

from __future__ import annotations

from typing import cast

from textual.binding import Binding, BindingType


def _key(key: str, action: str, description: str, tooltip: str, id: str, **extra: bool) -> Binding:
    return Binding(key, action, description, id=id, tooltip=tooltip, **extra)


ANNOTATION_BINDINGS: list[BindingType] = [
    _key(
        "v",
        "select",
        "Select",
        "Select the sentence under the cursor; then ↑ ↓ extend the "
        "selection by sentence, shift+↑ ↓ by line",
        "select",
        show=False,
    ),
    _key(
        "a",
        "annotate",
        "Annotate",
        "Annotate the selection (or the quote or sentence under "
        "the cursor): kind, speaker, label, note, date",
        "annotate",
    ),
    _key(
        "e",
        "edit_annotation",
        "Edit note",
        "Edit the annotation under the cursor",
        "annotation-edit",
    ),
    _key(
        "d",
        "delete_annotation",
        "Delete note",
        "Delete the annotation under the cursor (asks first)",
        "annotation-delete",
    ),
    _key(
        "A",
        "annotations",
        "Annotations",
        "Every annotation of the story; enter jumps to its passage",
        "annotations",
    ),
    _key(
        "y",
        "copy",
        "Copy",
        "Copy the selection, else the quote or sentence under the cursor",
        "copy-passage",
        show=False,
    ),
    _key(
        "down,j",
        "extend(1)",
        "Extend ↓",
        "While selecting: extend the selection by a sentence",
        "selection-down",
        priority=True,
    ),
    _key(
        "up,k",
        "extend(-1)",
        "Extend ↑",
        "While selecting: shrink or extend it upwards by a sentence",
        "selection-up",
        priority=True,
        show=False,
    ),
    _key(
        "shift+down",
        "extend_lines(1)",
        "Line ↓",
        "While selecting: extend the selection by a line",
        "selection-line-down",
        priority=True,
        show=False,
    ),
    _key(
        "shift+up",
        "extend_lines(-1)",
        "Line ↑",
        "While selecting: extend it upwards by a line",
        "selection-line-up",
        priority=True,
        show=False,
    ),
    _key(
        "escape",
        "cancel_selection",
        "Cancel selection",
        "Drop the selection",
        "selection-cancel",
        priority=True,
    ),
]
ANNOTATION_ACTIONS = frozenset(cast(Binding, b).action.split("(")[0] for b in ANNOTATION_BINDINGS)
