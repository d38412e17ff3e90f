"""`?`: every key of the reader, read from the key table (`keys.KEYS`) so it never drifts."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.app.keys import KEYS, OTHER_KEYS
from reader.app.legend import help_line


def key_rows(
    display: Callable[[Binding], str], bindings: Iterable[Binding]
) -> list[tuple[str, str]]:
    """(keys, what they do) for each binding, keys shown as `display` (the key bar's) shows them;
    a binding's own `key_display` names one key, whose other names it binds too (shift+F3
    arrives as F15 from many terminals), so it is shown alone."""
    return [
        (
            b.key_display
            or " / ".join(display(Binding(key.strip(), b.action)) for key in b.key.split(",")),
            b.tooltip or b.description,
        )
        for b in bindings
    ]


class HelpScreen(ModalScreen[None]):
    """A table of keys; any of escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,q,question_mark", "close", "Close", id="help-close", tooltip="Close the help"
        ),
    ]

    def __init__(self, bindings: Iterable[Binding] = KEYS) -> None:
        super().__init__()
        self.rows = key_rows(self.app.get_key_display, bindings)

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for keys, what in [*self.rows, *OTHER_KEYS]:
            table.add_row(Text(keys), Text(what))
        with Vertical(id="help-dialog") as dialog:
            dialog.border_title = "Keys"
            dialog.border_subtitle = "escape to close"
            with VerticalScroll():
                yield Static(help_line(), id="help-marks", markup=False)
                yield Static(table, id="help-table")

    def action_close(self) -> None:
        self.dismiss(None)
