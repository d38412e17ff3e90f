"""`x`: choose the format to export the story in, and the folder it goes to."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from reader.report import FORMATS, LABEL, Format

Choice = tuple[Format, Path]
"""The format and the folder to write it into."""


class ExportChooser(ModalScreen[Choice | None]):
    """Dismissed with the chosen format (one of `reader.report.FORMATS`) and folder (the
    story's `reports/` unless the user types another), or None on escape. Imported only
    when `x` is pressed: the report package brings the analysis with it, which the first
    screen does not wait for."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export-cancel", tooltip="Export nothing"),
    ]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        options = [Option(Text(LABEL[fmt]), id=fmt) for fmt in FORMATS]
        with Vertical(id="export-dialog") as dialog:
            dialog.border_title = "Export the story as…"
            dialog.border_subtitle = "enter: export · tab: folder · esc: cancel"
            yield OptionList(*options, id="export-options")
            with Horizontal(id="export-folder-row"):
                yield Label("Into", id="export-folder-label")
                yield Input(str(self.folder), id="export-folder")

    def _choice(self, option: int | None) -> Choice:
        typed = self.query_one("#export-folder", Input).value.strip()
        folder = Path(typed).expanduser() if typed else self.folder
        return FORMATS[option or 0], folder

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._choice(event.option_index))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the folder box exports the highlighted format."""
        event.stop()
        self.dismiss(self._choice(self.query_one(OptionList).highlighted))

    def action_cancel(self) -> None:
        self.dismiss(None)
