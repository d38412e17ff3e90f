"""The reader's keys in one table: key, action, footer label, what it does.

Each binding has an `id` so users can remap it with a Textual keymap, and a tooltip that the
footer and the help screen show. Keys a, e, d, v and A belong to annotating.
"""

from __future__ import annotations

from textual.binding import Binding

# id, keys, action, footer label, what it does, shown in the footer
KEYS: tuple[tuple[str, str, str, str, str, bool], ...] = (
    (
        "column-left",
        "left,h",
        "column(-1)",
        "Prev source",
        "Focus the source column on the left",
        False,
    ),
    (
        "column-right",
        "right,l",
        "column(1)",
        "Next source",
        "Focus the source column on the right",
        False,
    ),
    ("cursor-up", "up,k", "cursor(-1)", "Up", "Move the cursor up a line", False),
    ("cursor-down", "down,j", "cursor(1)", "Down", "Move the cursor down a line", False),
    ("page-up", "pageup", "page(-1)", "Page up", "Scroll up a page", False),
    ("page-down", "pagedown", "page(1)", "Page down", "Scroll down a page", False),
    ("top", "home,g", "edge(0)", "Top", "Go to the start of the article", False),
    ("bottom", "end,G", "edge(1)", "Bottom", "Go to the end of the article", False),
    ("quote-next", "n", "quote(1)", "Next quote", "Next shared quote in this source", True),
    (
        "quote-previous",
        "N",
        "quote(-1)",
        "Prev quote",
        "Previous shared quote in this source",
        False,
    ),
    (
        "same-next",
        "right_square_bracket",
        "same_quote(1)",
        "Next source with it",
        "The same quote in the next source that has it, others aligned",
        True,
    ),
    (
        "same-previous",
        "left_square_bracket",
        "same_quote(-1)",
        "Prev source with it",
        "The same quote in the previous source that has it, others aligned",
        False,
    ),
    (
        "details",
        "enter",
        "details",
        "Details",
        "Details of the quote under the cursor: every version and its word diff",
        True,
    ),
    (
        "speaker-filter",
        "s",
        "pick_speaker",
        "Speaker",
        "Keep only one speaker's quotes highlighted",
        True,
    ),
    ("speaker-clear", "S", "clear_speaker", "All speakers", "Clear the speaker filter", True),
    ("timeline", "t", "timeline", "Timeline", "Focus the timeline (enter jumps to an event)", True),
    (
        "coverage",
        "c",
        "coverage",
        "Coverage",
        "Which sources carried, altered or left out each shared quote",
        True,
    ),
    ("search", "slash", "search", "Search", "Search all sources", True),
    ("search-next", "f3", "search_step(1)", "Next match", "Next search match", True),
    (
        "search-previous",
        "shift+f3",
        "search_step(-1)",
        "Prev match",
        "Previous search match",
        False,
    ),
    (
        "export",
        "x",
        "export",
        "Export",
        "Export the story: HTML or Markdown report, CSV of the quotes, JSON",
        True,
    ),
    (
        "columns-more",
        "plus,equals_sign",
        "more_columns(1)",
        "More columns",
        "Show one more source column",
        False,
    ),
    (
        "columns-fewer",
        "minus",
        "more_columns(-1)",
        "Fewer columns",
        "Show one fewer source column",
        False,
    ),
    (
        "side-pane",
        "p",
        "toggle_side_pane",
        "Side pane",
        "Show or hide the timeline and speakers",
        False,
    ),
    ("back", "escape", "back", "Back", "Back to the columns; clears the search", False),
    ("help", "question_mark", "help", "Help", "Every key", True),
    ("quit", "q", "app.quit", "Quit", "Leave the reader", True),
)


def reader_bindings() -> list[Binding]:
    """The main screen's bindings, built from `KEYS`."""
    return [
        Binding(keys, action, label, show=shown, id=key_id, tooltip=tooltip)
        for key_id, keys, action, label, tooltip, shown in KEYS
    ]
