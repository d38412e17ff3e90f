"""`?`: every key of the reader, generated from the bindings so it never drifts."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

EXTRA_KEYS: tuple[tuple[str, str], ...] = (
    ("enter (timeline)", "Scroll the columns to the event's evidence and flash it"),
    ("enter (search box)", "Go to the first match; F3 / shift+F3 walk the matches"),
    ("ctrl+p", "Command palette: jump to a source, speaker, shared quote or event"),
    ("mouse", "Click a column to focus it; drag to select text: ctrl+c copies it, a annotates it"),
)


def key_rows(
    display: Callable[[Binding], str], bindings: Iterable[BindingType]
) -> list[tuple[str, str]]:
    """(keys, what they do) for each binding, keys shown as `display` (the footer's) shows them."""
    rows: list[tuple[str, str]] = []
    for binding in bindings:
        if not isinstance(binding, Binding):
            continue
        keys = " / ".join(
            display(Binding(key.strip(), binding.action)) for key in binding.key.split(",")
        )
        rows.append((keys, binding.tooltip or binding.description))
    return rows


class HelpScreen(ModalScreen[None]):
    """A table of keys; any of escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,q,question_mark", "close", "Close", id="help-close", tooltip="Close the help"
        ),
    ]

    def __init__(self, rows: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for keys, what in [*self.rows, *EXTRA_KEYS]:
            table.add_row(Text(keys), Text(what))
        with Vertical(id="help-dialog") as dialog:
            dialog.border_title = "Keys"
            dialog.border_subtitle = "escape to close"
            with VerticalScroll():
                yield Static(table, id="help-table")

    def action_close(self) -> None:
        self.dismiss(None)
