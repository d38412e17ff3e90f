"""The first screen when the store holds several stories: pick one to read."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList
from textual.widgets.option_list import Option

from reader.errors import ReaderError
from reader.store import load_story


def story_option(path: Path) -> Option:
    """Title and source count, or the reason the story cannot be opened (then disabled)."""
    try:
        story = load_story(path)
    except ReaderError as error:
        problem = str(error).splitlines()[0]
        return Option(
            Text.assemble((path.name, "bold"), ("  cannot open: " + problem, "red")),
            id=str(path),
            disabled=True,
        )
    return Option(
        Text.assemble(
            (story.title, "bold"),
            (f"   {len(story.sources)} sources", ""),
            (f"   {path.name}", "dim"),
        ),
        id=str(path),
    )


class StoryPicker(Screen[Path]):
    """Dismissed with the chosen story's folder."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "app.quit", "Quit", id="picker-quit", tooltip="Leave the reader"),
    ]

    def __init__(self, stories: Sequence[Path]) -> None:
        super().__init__()
        self.stories = stories

    def compose(self) -> ComposeResult:
        with Vertical(id="story-picker") as box:
            box.border_title = "Stories"
            box.border_subtitle = "enter: open   q: quit"
            yield OptionList(*(story_option(path) for path in self.stories), id="story-options")
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(Path(event.option_id or ""))
