"""Command palette (ctrl+p): jump to a source, a speaker, a shared quote or an event;
export the story."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.app.messages import EventChosen, Jump
from reader.app.quote_index import plural
from reader.app.source_column import column_title

if TYPE_CHECKING:
    from reader.app.reader_screen import ReaderScreen

Command = tuple[str, str, Callable[[], object]]
"""(title, help, what to do)."""


def reader_commands(screen: ReaderScreen) -> Iterator[Command]:
    """Every palette entry the reader offers, titled "kind: name"."""
    for source in screen.story.sources:
        yield (
            f"source: {column_title(source)}",
            source.title or "",
            partial(screen.focus_source, source.id),
        )
    from reader.report import FORMATS, LABEL, NAME  # not on the way to the first screen

    for fmt in FORMATS:
        yield (
            f"export: {NAME[fmt]}",
            f"{LABEL[fmt]}, written to the story's reports/ folder",
            partial(screen.export_as, fmt),
        )
    index = screen.index
    if index is None:
        return
    for count in index.speakers:
        yield (
            f"speaker: {count.name}",
            f"show only their {plural(count.quotes, 'quote')}",
            partial(screen.set_speaker, count.name),
        )
    if screen.speaker is not None:
        yield ("speaker: all (clear the filter)", "", partial(screen.set_speaker, None))
    for cluster in index.shared:
        first = cluster.occurrences[0]
        short = " ".join(cluster.text.split())[:70]
        yield (
            f"quote: “{short}”",
            cluster.speaker or "unknown speaker",
            partial(screen.jump_to, Jump(first.source, first.start, cluster.id)),
        )
    for event in index.events:
        yield (
            f"event: {event.date} {event.label}",
            "",
            partial(screen.post_message, EventChosen(event)),
        )


class ReaderCommands(Provider):
    """Searches `reader_commands` of the reader screen that opened the palette."""

    def _commands(self) -> list[Command]:
        from reader.app.reader_screen import ReaderScreen

        screen = self.screen
        return list(reader_commands(screen)) if isinstance(screen, ReaderScreen) else []

    async def discover(self) -> Hits:
        for title, help_text, run in self._commands():
            yield DiscoveryHit(title, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, run in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), run, text=title, help=help_text)
