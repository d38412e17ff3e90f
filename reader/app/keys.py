"""Every key of the reader screen, in one table: the screen binds it, the key bar and the
help screen show it.

Each binding has an `id` so users can remap it with a Textual keymap, and a tooltip that the
help screen shows. The screen's `check_action` hides the keys that do not apply now.
"""

from __future__ import annotations

from textual.binding import Binding

READING: tuple[Binding, ...] = (
    Binding(
        "left,h",
        "column(-1)",
        "Prev source",
        show=False,
        id="column-left",
        tooltip="Focus the source column on the left",
    ),
    Binding(
        "right,l",
        "column(1)",
        "Next source",
        show=False,
        id="column-right",
        tooltip="Focus the source column on the right",
    ),
    Binding(
        "up,k", "cursor(-1)", "Up", show=False, id="cursor-up", tooltip="Move the cursor up a line"
    ),
    Binding(
        "down,j",
        "cursor(1)",
        "Down",
        show=False,
        id="cursor-down",
        tooltip="Move the cursor down a line",
    ),
    Binding("pageup", "page(-1)", "Page up", show=False, id="page-up", tooltip="Scroll up a page"),
    Binding(
        "pagedown", "page(1)", "Page down", show=False, id="page-down", tooltip="Scroll down a page"
    ),
    Binding(
        "home,g", "edge(0)", "Top", show=False, id="top", tooltip="Go to the start of the article"
    ),
    Binding(
        "end,G",
        "edge(1)",
        "Bottom",
        show=False,
        id="bottom",
        tooltip="Go to the end of the article",
    ),
    Binding(
        "n", "quote(1)", "Next quote", id="quote-next", tooltip="Next shared quote in this source"
    ),
    Binding(
        "N",
        "quote(-1)",
        "Prev quote",
        show=False,
        id="quote-previous",
        tooltip="Previous shared quote in this source",
    ),
    Binding(
        "right_square_bracket",
        "same_quote(1)",
        "Next source with it",
        id="same-next",
        tooltip="The same quote in the next source that has it, others aligned",
    ),
    Binding(
        "left_square_bracket",
        "same_quote(-1)",
        "Prev source with it",
        show=False,
        id="same-previous",
        tooltip="The same quote in the previous source that has it, others aligned",
    ),
    Binding(
        "enter",
        "details",
        "Details",
        id="details",
        tooltip="Details of the quote under the cursor: every version and its word diff",
    ),
    Binding(
        "s",
        "pick_speaker",
        "Speaker",
        id="speaker-filter",
        tooltip="Keep only one speaker's quotes highlighted",
    ),
    Binding(
        "S", "clear_speaker", "All speakers", id="speaker-clear", tooltip="Clear the speaker filter"
    ),
    Binding(
        "t",
        "timeline",
        "Timeline",
        id="timeline",
        tooltip="Focus the timeline (enter jumps to an event)",
    ),
    Binding(
        "c",
        "coverage",
        "Coverage",
        id="coverage",
        tooltip="Which sources carried, altered or left out each shared quote",
    ),
    Binding("slash", "search", "Search", id="search", tooltip="Search all sources"),
    Binding(
        "f3",
        "search_step(1)",
        "Next match",
        key_display="F3",
        id="search-next",
        tooltip="Next search match",
    ),
    Binding(
        "shift+f3,f15",  # many terminals send shift+F3 as ESC[1;2R, which Textual reads as F15
        "search_step(-1)",
        "Prev match",
        key_display="⇧F3",
        id="search-previous",
        tooltip="Previous search match",
    ),
    Binding(
        "x",
        "export",
        "Export",
        id="export",
        tooltip="Export the story: HTML or Markdown report, CSV of the quotes, JSON",
    ),
    Binding(
        "plus,equals_sign",
        "more_columns(1)",
        "More columns",
        show=False,
        id="columns-more",
        tooltip="Show one more source column",
    ),
    Binding(
        "minus",
        "more_columns(-1)",
        "Fewer columns",
        show=False,
        id="columns-fewer",
        tooltip="Show one fewer source column",
    ),
    Binding(
        "p",
        "toggle_side_pane",
        "Side pane",
        show=False,
        id="side-pane",
        tooltip="Show or hide the timeline and speakers",
    ),
    Binding(
        "escape",
        "back",
        "Back",
        show=False,
        id="back",
        tooltip="Back: clears the search, gives the keys back to the columns, then returns "
        "to the story picker (when the story was opened from it)",
    ),
    Binding(
        "L",
        "legend",
        "Legend",
        id="legend",
        tooltip="Show or hide what the marks mean (colours, underlines, ~ ≈ ✎ ┊) in the side pane",
    ),
    Binding("question_mark", "help", "Help", id="help", tooltip="Every key"),
    Binding("q", "app.quit", "Quit", id="quit", tooltip="Leave the reader"),
)
"""Reading: moving through the sources, quotes, speakers, timeline, search."""

ANNOTATING: tuple[Binding, ...] = (
    Binding(
        "v",
        "select",
        "Select",
        show=False,
        id="select",
        tooltip="Select the sentence under the cursor; then ↑ ↓ extend the selection by sentence, "
        "shift+↑ ↓ by line",
    ),
    Binding(
        "a",
        "annotate",
        "Annotate",
        id="annotate",
        tooltip="Annotate the selection (or the quote or sentence under the cursor): kind, "
        "speaker, label, note, date",
    ),
    Binding(
        "e",
        "edit_annotation",
        "Edit note",
        id="annotation-edit",
        tooltip="Edit the annotation under the cursor",
    ),
    Binding(
        "d",
        "delete_annotation",
        "Delete note",
        id="annotation-delete",
        tooltip="Delete the annotation under the cursor (asks first)",
    ),
    Binding(
        "A",
        "annotations",
        "Annotations",
        id="annotations",
        tooltip="Every annotation of the story; enter jumps to its passage",
    ),
    Binding(
        "y",
        "copy",
        "Copy",
        show=False,
        id="copy-passage",
        tooltip="Copy the selection, else the quote or sentence under the cursor",
    ),
    Binding(
        "down,j",
        "extend(1)",
        "Extend ↓",
        priority=True,
        id="selection-down",
        tooltip="While selecting: extend the selection by a sentence",
    ),
    Binding(
        "up,k",
        "extend(-1)",
        "Extend ↑",
        show=False,
        priority=True,
        id="selection-up",
        tooltip="While selecting: shrink or extend it upwards by a sentence",
    ),
    Binding(
        "shift+down",
        "extend_lines(1)",
        "Line ↓",
        show=False,
        priority=True,
        id="selection-line-down",
        tooltip="While selecting: extend the selection by a line",
    ),
    Binding(
        "shift+up",
        "extend_lines(-1)",
        "Line ↑",
        show=False,
        priority=True,
        id="selection-line-up",
        tooltip="While selecting: extend it upwards by a line",
    ),
    Binding(
        "escape",
        "cancel_selection",
        "Cancel selection",
        priority=True,
        id="selection-cancel",
        tooltip="Drop the selection",
    ),
)
"""Annotating. While a passage is selected, ↑ ↓ (j k) extend it by sentence and shift+↑ ↓
by line: priority bindings that apply only then, so at other times the cursor keys get them."""

KEYS: tuple[Binding, ...] = (*READING, *ANNOTATING)
"""The reader screen's bindings, in the order the key bar and the help list them."""

SHORT: dict[str, str] = {
    "quote-next": "Quote",
    "same-next": "Same",
    "details": "Info",
    "speaker-filter": "Who",
    "speaker-clear": "All",
    "timeline": "Time",
    "coverage": "Cover",
    "search": "Find",
    "search-next": "Next",
    "search-previous": "Prev",
    "export": "Export",
    "legend": "Marks",
    "help": "Help",
    "quit": "Quit",
    "annotate": "Note",
    "annotation-edit": "Edit",
    "annotation-delete": "Del",
    "annotations": "Notes",
    "selection-down": "More",
    "selection-cancel": "Cancel",
}
"""The key bar's labels, by binding id, when the full ones do not fit on one line."""

PINNED = frozenset({"help", "app.quit", "annotate", "search_step", "cancel_selection"})
"""Actions the key bar always shows when they apply: help, quit, annotating, F3 / shift+F3
while a search is on, and esc while a passage is selected. Other keys give way to them: on
a narrow screen a selection otherwise left no key saying what to do with it."""

OTHER_KEYS: tuple[tuple[str, str], ...] = (
    ("enter (timeline)", "Scroll the columns to the event's evidence and flash it"),
    ("enter (search box)", "Go to the first match; F3 / shift+F3 walk the matches"),
    ("ctrl+p", "Command palette: jump to a source, speaker, shared quote or event"),
    ("mouse", "Click a column to focus it; drag to select text: ctrl+c copies it, a annotates it"),
)
"""What the help adds to the bindings: keys of the widgets and the mouse."""
