"""The header: story title, counts, the active filter and the analysis state."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from reader.app.quote_index import QuoteIndex
from reader.model import Story

TITLE_ROOM = (24, 12, 6)
"""The least room for the title at each level of compactness of the counts."""


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
        """The title, then the counts; on a narrow line the title is cut first, then the
        counts are said shortly, then the shared count goes, so the search count shows."""
        title = Text(self.story.title, no_wrap=True, overflow="ellipsis")
        for level, least in enumerate(TITLE_ROOM):
            text = self._counts(level)
            room = self.size.width - 2 - text.cell_len
            if room >= min(least, title.cell_len):
                break
        title.truncate(max(least, room), overflow="ellipsis")
        title.stylize("bold")
        return title.append_text(text)

    def _counts(self, level: int) -> Text:
        """What follows the title, at a level of compactness (0: in full)."""
        sep = "  ·  " if level == 0 else " · "
        text = Text(no_wrap=True, overflow="ellipsis")
        if level == 0:
            text.append(f"{sep}{len(self.story.sources)} sources")
            if self.window:
                text.append(f" (showing {self.window}: h / l)", style="dim")
        else:
            text.append(f"{sep}{self.window or len(self.story.sources)} sources")
        if self.index is None:
            text.append(f"{sep}{self.status}", style="italic")
        elif level < 2:
            text.append(f"{sep}{len(self.index.shared)} shared{' quotes' if level == 0 else ''}")
        if self.search:
            text.append(f"{sep}{self.search}")
        if self.speaker:
            text.append(f"{sep}filter: ")
            text.append(self.speaker, style="bold reverse")
        return text

    def on_resize(self) -> None:
        self._refresh_summary()

    def _refresh_summary(self) -> None:
        self.update(self._summary(), layout=False)  # one line, always

    def on_mount(self) -> None:
        self._refresh_summary()

    watch_index = watch_speaker = watch_search = watch_status = watch_window = _refresh_summary
