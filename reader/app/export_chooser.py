"""`x`: choose the format to export the story in."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.report import FORMATS, LABEL, Format


class ExportChooser(ModalScreen[Format | None]):
    """Dismissed with the chosen format (one of `reader.report.FORMATS`), or None on
    escape. Imported only when `x` is pressed: the report package brings the analysis with
    it, which the first screen does not wait for."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export-cancel", tooltip="Export nothing"),
    ]

    def compose(self) -> ComposeResult:
        options = [Option(Text(LABEL[fmt]), id=fmt) for fmt in FORMATS]
        with Vertical(id="export-dialog") as dialog:
            dialog.border_title = "Export the story as…"
            yield OptionList(*options, id="export-options")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(next(fmt for fmt in FORMATS if fmt == event.option_id))

    def action_cancel(self) -> None:
        self.dismiss(None)
