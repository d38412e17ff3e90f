"""The Textual application: opens a story (or the story picker) and wires the screens."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual import events
from textual.app import App

from reader.app.reader_screen import ReaderScreen
from reader.errors import ReaderError
from reader.model import Analysis, Story

SHIFT_F3_REPORT = (1, 0)
"""Where a cursor position report ESC[1;2R points (column 2, row 1, from 0): the bytes that
xterm-like terminals (and tmux) send for shift+F3."""


class ReaderApp(App[None]):
    """`ReaderApp(story)` reads one story; `ReaderApp(stories=paths)` lets the user pick.

    Passing a precomputed `analysis` skips the analysis worker, so a benchmark can time
    the reader's own work.
    """

    CSS_PATH = "reader.tcss"
    TITLE = "reader"

    def __init__(
        self,
        story: Story | None = None,
        analysis: Analysis | None = None,
        stories: Sequence[Path] = (),
    ) -> None:
        super().__init__()
        self.story = story
        self.analysis = analysis
        self.stories = stories

    quitting = False
    """Set when the user quits: the reader's keys then do nothing, so a key typed in the same
    instant (`q` then `s`) cannot open a screen on an app that is closing."""

    async def action_quit(self) -> None:
        self.quitting = True
        await super().action_quit()

    def on_cursor_position(self, event: events.CursorPosition) -> None:
        """Textual reads shift+F3's ESC[1;2R as a cursor position report, which the
        full-screen reader never asks for: it is the key (bound as F15, its other name)."""
        if (event.x, event.y) == SHIFT_F3_REPORT:
            self.simulate_key("f15")

    def on_mount(self) -> None:
        if self.story is not None:
            self.open_story(self.story, self.analysis)
        else:
            self._pick()

    def _pick(self, _: object = None) -> None:
        from reader.app.story_picker import StoryPicker

        last = self.story.path if self.story is not None else None
        self.push_screen(StoryPicker(self.stories, last), self._picked)

    def _picked(self, path: Path | None) -> None:
        from reader.store import load_story

        if path is None:
            return
        try:
            story = load_story(path)
        except ReaderError as error:
            self.notify(str(error), title="Cannot open the story", severity="error")
            self._pick()
            return
        self.open_story(story, picked=True)

    def open_story(
        self, story: Story, analysis: Analysis | None = None, *, picked: bool = False
    ) -> None:
        """Show a story's sources side by side; one `picked` from the story picker goes back
        to it when the reader screen closes (escape)."""
        self.story = story
        self.sub_title = story.title
        back = self._pick if picked else None
        self.push_screen(ReaderScreen(story, analysis, picked=picked), back)

    @property
    def reader(self) -> ReaderScreen:
        """The reader screen (raises when the picker is showing)."""
        screen = next((s for s in reversed(self.screen_stack) if isinstance(s, ReaderScreen)), None)
        if screen is None:
            raise LookupError("no story is open")
        return screen
