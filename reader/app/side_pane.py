"""The side pane's lists: the timeline of events and the speakers with their quote counts."""

from __future__ import annotations

from rich.text import Text
from textual.events import Resize
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.app.messages import EventChosen, SpeakerChosen
from reader.app.quote_index import QuoteIndex, event_sources, plural
from reader.model import Event


def event_prompt(event: Event) -> Text:
    """The date with its precision (2021 / 2022-07 / 2022-11-27), how many sources tell
    it, and the label under it."""
    told = event_sources(event)
    where = plural(told, "source") if told else "story.yaml"
    return Text.assemble((event.date, "bold"), (f"  ·  {where}\n", "dim"), f"  {event.label}")


class SidePaneList(OptionList):
    """An option list repainted only when it changes: not its scrollbar at every layout, not
    its options at a resize that leaves their width alone."""

    _options_width: int | None = None
    """The width the options' cached renders are for (None before the first render)."""

    def render_lines(self, crop: Region) -> list[Strip]:
        if self._options_width is None:
            self._options_width = self.scrollable_content_region.width
        return super().render_lines(crop)

    def on_resize(self, event: Resize) -> None:
        """Textual's option list drops its rendered options at any resize, though they
        change only with the width: the first resize, after the first frame drew the list at
        that very size, made the side pane render its lists twice on opening. (Textual calls
        this before the option list's own handler, which is the default action.)"""
        width = self.scrollable_content_region.width
        if width == self._options_width:
            event.prevent_default()
        self._options_width = width

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        """Textual's scroll views compare the virtual size a layout gives them with their
        own, which they keep instead; the two always differ, so every layout anywhere (a
        column shown, say) repainted the lists' scrollbars a frame later. The list's own
        virtual size is the one to compare: it changes with the options."""
        return super()._size_updated(size, self.virtual_size, container_size, layout)


class TimelineList(SidePaneList):
    """Events in date order; with a speaker filter, only the events around their quotes."""

    index: reactive[QuoteIndex | None] = reactive(None, always_update=True)
    speaker: reactive[str | None] = reactive(None)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.events: tuple[Event, ...] = ()

    def _fill(self) -> None:
        self.events = () if self.index is None else self.index.events_for(self.speaker)
        self.set_options(Option(event_prompt(e), id=str(i)) for i, e in enumerate(self.events))
        if self.events:
            self.highlighted = 0
        self.border_title = f"Timeline · {len(self.events)}"

    watch_index = watch_speaker = _fill

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        message.stop()
        self.post_message(EventChosen(self.events[message.option_index]))


class SpeakerList(SidePaneList):
    """Speakers with their quote counts; choosing one filters the reader to them."""

    index: reactive[QuoteIndex | None] = reactive(None, always_update=True)
    speaker: reactive[str | None] = reactive(None)

    def _fill(self) -> None:
        counts = () if self.index is None else self.index.speakers
        was = self.highlighted
        self.set_options(
            Option(
                Text.assemble(
                    ("● " if count.name == self.speaker else "  ", "bold"),
                    count.name,
                    (f"  {count.quotes} · {count.shared} shared", "dim"),
                ),
                id=count.name,
            )
            for count in counts
        )
        self.border_title = f"Speakers · {len(counts)}"
        if was is not None and was < len(counts):
            self.highlighted = was  # the list keeps its place when the filter changes

    watch_index = watch_speaker = _fill

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        message.stop()
        self.post_message(SpeakerChosen(message.option_id))
