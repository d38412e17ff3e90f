"""`s`: choose the speaker whose quotes stay highlighted."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.app.quote_index import SpeakerCount, plural

ALL_SPEAKERS = "\0all"
"""Option id of "all speakers" (no speaker can have this name)."""


class SpeakerPicker(ModalScreen[str | None]):
    """Dismissed with the chosen speaker, None for all, or the current filter on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "cancel", "Cancel", id="speaker-cancel", tooltip="Keep the current filter"
        ),
    ]

    def __init__(self, speakers: Sequence[SpeakerCount], current: str | None) -> None:
        super().__init__()
        self.speakers = speakers
        self.current = current

    def compose(self) -> ComposeResult:
        options = [Option(Text("All speakers (no filter)", style="italic"), id=ALL_SPEAKERS)]
        for count in self.speakers:
            prompt = Text.assemble(
                ("● " if count.name == self.current else "  ", "bold"),
                (count.name, "bold"),
                (f" ({count.kind})" if count.kind else "", "dim"),
                (f"   {plural(count.quotes, 'quote')}", ""),
                (f", {count.shared} shared", "dim"),
            )
            options.append(Option(prompt, id=count.name))
        with Vertical(id="speaker-dialog") as dialog:
            dialog.border_title = "Show the quotes of…"
            yield OptionList(*options, id="speaker-options")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        names = [c.name for c in self.speakers]
        options.highlighted = names.index(self.current) + 1 if self.current in names else 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        chosen = event.option_id
        self.dismiss(None if chosen == ALL_SPEAKERS else chosen)

    def action_cancel(self) -> None:
        self.dismiss(self.current)
