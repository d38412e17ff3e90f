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
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.app.key_bar import KeyBar
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
    """Dismissed with the chosen story's folder; `last`, the story read last, is highlighted."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "app.quit", "Quit", id="picker-quit", tooltip="Leave the reader"),
    ]

    def __init__(self, stories: Sequence[Path], last: Path | None = None) -> None:
        super().__init__()
        self.stories = stories
        self.last = last

    def compose(self) -> ComposeResult:
        with Vertical(id="story-picker") as box:
            box.border_title = "Stories"
            box.border_subtitle = "enter: open   q: quit"
            options = OptionList(*(story_option(path) for path in self.stories), id="story-options")
            if self.last is not None and self.last in self.stories:
                options.highlighted = list(self.stories).index(self.last)
            yield options
        yield KeyBar(classes="key-bar")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(Path(event.option_id or ""))
