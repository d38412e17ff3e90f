"""The bar under the columns: what the quote under the cursor is and where else it is."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from reader.app.palette import colour
from reader.app.quote_index import Placed, QuoteIndex, speaker_label, speaker_uncertain
from reader.model import Cluster, Match

MATCH_ORDER: tuple[Match, ...] = ("exact", "variant", "paraphrase")


def match_summary(index: QuoteIndex, cluster: Cluster) -> str:
    """ "2 exact · 1 variant" for a cluster's occurrences."""
    counts = index.matches(cluster)
    return " · ".join(f"{counts[kind]} {kind}" for kind in MATCH_ORDER if counts[kind])


def describe(index: QuoteIndex, placed: Placed) -> Text:
    """Two lines about a quote: its text, then speaker, spread and match kinds."""
    cluster, occurrence = placed.cluster, placed.occurrence
    text = Text(no_wrap=True, overflow="ellipsis")
    chip = index.colour_of.get(cluster.id)
    text.append(
        "██ " if chip is not None else "   ", style=colour(chip) if chip is not None else ""
    )
    text.append(f"“{occurrence.text}”\n")
    text.append("   ")
    text.append(speaker_label(cluster), style="bold")
    if speaker_uncertain(cluster):
        text.append(f" (uncertain, {cluster.speaker_confidence:.0%})", style="italic")
    carried = len(index.sources_with(cluster))
    if carried > 1:
        text.append(f"  ·  in {carried} of {len(index.story.sources)} sources")
        text.append(f"  ·  {match_summary(index, cluster)}")
        if occurrence.match != "exact":
            text.append(
                f"  ·  here: {occurrence.match} ({occurrence.similarity:.0%})", style="italic"
            )
    else:
        text.append("  ·  only in this source", style="italic")
    text.append("  ·  enter: details", style="dim")
    return text


class DetailBar(Static):
    """Shows `describe(placed)` for the quote under the focused column's cursor."""

    index: reactive[QuoteIndex | None] = reactive(None, always_update=True)
    placed: reactive[Placed | None] = reactive(None)
    note_line: reactive[Text | None] = reactive(None)
    """A third line: the annotation or the selection under the cursor."""

    def render_content(self) -> Text:
        if self.index is None:
            return Text("Analysing the story: highlights appear when it is done.", style="italic")
        if self.placed is None:
            return Text.assemble(
                ("No quote under the cursor.\n", "italic"),
                (
                    "n / N: next / previous shared quote  ·  ] / [: same quote in the next / "
                    "previous source  ·  ?: all keys",
                    "dim",
                ),
            )
        return describe(self.index, self.placed)

    def _refresh_content(self) -> None:
        text = self.render_content()
        if self.note_line is not None:
            text = Text.assemble(text, "\n", self.note_line, no_wrap=True, overflow="ellipsis")
        self.update(text, layout=False)  # fixed height

    def on_mount(self) -> None:
        self._refresh_content()

    watch_index = watch_placed = watch_note_line = _refresh_content
