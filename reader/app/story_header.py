"""The header: story title, counts, the active filter and the analysis state."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from reader.app.quote_index import QuoteIndex
from reader.model import Story


def progress_text(stage: str, done: int, total: int) -> str:
    """What the header says while the analysis runs: the stage, and how many sources it
    went through when it goes source by source."""
    if total > 1:
        return f"analysing {stage}: {done} / {total} sources"
    return f"analysing {stage}…"


class StoryHeader(Static):
    """One line summing up what the reader shows."""

    index: reactive[QuoteIndex | None] = reactive(None, always_update=True)
    speaker: reactive[str | None] = reactive(None)
    search: reactive[str] = reactive("")
    status: reactive[str] = reactive("analysing…")
    window: reactive[str] = reactive("")

    def __init__(self, story: Story, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.story = story

    def _summary(self) -> Text:
        """The title, shortened first when the line is too narrow for the counts."""
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"  ·  {len(self.story.sources)} sources")
        if self.window:
            text.append(f" ({self.window}: h / l)", style="dim")
        if self.index is not None:
            text.append(f"  ·  {len(self.index.shared)} shared quotes")
        else:
            text.append(f"  ·  {self.status}", style="italic")
        if self.speaker:
            text.append("  ·  filter: ")
            text.append(self.speaker, style="bold reverse")
        if self.search:
            text.append(f"  ·  {self.search}")
        room = max(12, self.size.width - 2 - text.cell_len)
        title = Text(self.story.title, no_wrap=True, overflow="ellipsis")
        title.truncate(room, overflow="ellipsis")
        title.stylize("bold")
        return title.append_text(text)

    def on_resize(self) -> None:
        self._refresh_summary()

    def _refresh_summary(self) -> None:
        self.update(self._summary(), layout=False)  # one line, always

    def on_mount(self) -> None:
        self._refresh_summary()

    watch_index = watch_speaker = watch_search = watch_status = watch_window = _refresh_summary
