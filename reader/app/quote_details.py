"""The details of one quote: who said it, every source's version, and the word diff."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from reader.app.messages import Correction, CorrectionKind
from reader.app.palette import MATCH_MARKS, quote_style
from reader.app.quote_index import QuoteIndex, speaker_label, speaker_uncertain
from reader.app.source_column import column_title
from reader.model import Cluster, Occurrence

DELETED = Style(color="#e5534b", strike=True)
INSERTED = Style(color="#3fb950", bold=True)


def diff_text(canonical: str, version: str) -> Text:
    """The version against the canonical text: removed words struck red, added words green."""
    from reader.analysis import word_diff  # the analysis package, off the first screen

    text = Text()
    for op, words in word_diff(canonical, version):
        if text:
            text.append(" ")
        text.append(words, style=DELETED if op == "delete" else INSERTED if op == "insert" else "")
    return text


def speaker_text(cluster: Cluster) -> Text:
    """The speaker line, saying plainly when the analysis is unsure or does not know."""
    text = Text.assemble(("Speaker  ", "dim"), (speaker_label(cluster), "bold"))
    if speaker_uncertain(cluster):
        text.append(
            f"   uncertain ({cluster.speaker_confidence:.0%}): the text around the quote does "
            "not name the speaker clearly",
            style="italic",
        )
    elif cluster.speaker is None:
        text.append("   no attribution found in the text", style="italic")
    return text


def version_text(index: QuoteIndex, cluster: Cluster, occurrence: Occurrence) -> Text:
    """One source's heading (outlet, match kind, similarity) and its diff."""
    source = index.story.source(occurrence.source)
    chip = index.colour_of.get(cluster.id)
    text = Text()
    if chip is not None:
        text.append(f" {MATCH_MARKS[occurrence.match]} ", style=quote_style(chip, occurrence.match))
        text.append(" ")
    text.append(column_title(source, index.names.get(source.id)), style="bold")
    text.append(f"   {occurrence.match}, similarity {occurrence.similarity:.0%}", style="dim")
    if occurrence.match == "paraphrase":
        text.append(
            "\n   Paraphrase: the same statement in other words. No quotation check can prove "
            "it; read the two side by side.",
            style="italic",
        )
    text.append("\n   ")
    text.append_text(diff_text(cluster.text, occurrence.text))
    return text


class QuoteDetailsScreen(ModalScreen[Correction | None]):
    """Opened with `enter`; dismissed with a `Correction` when the user asks to fix one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,q,enter", "close", "Close", id="details-close", tooltip="Back to the sources"
        ),
    ]

    def __init__(self, index: QuoteIndex, cluster: Cluster, source_id: str) -> None:
        super().__init__()
        self.index = index
        self.cluster = cluster
        self.source_id = source_id

    def compose(self) -> ComposeResult:
        cluster, index = self.cluster, self.index
        carried = index.sources_with(cluster)
        with Vertical(id="details-dialog") as dialog:
            dialog.border_title = "Quote details"
            dialog.border_subtitle = "esc: close"
            with VerticalScroll(id="details-body"):
                yield Static(speaker_text(cluster), id="details-speaker")
                yield Static(self._spread(carried), id="details-spread")
                yield Label("Canonical text", classes="details-heading")
                chip = index.colour_of.get(cluster.id)
                yield Static(
                    Text(
                        cluster.text, style=quote_style(chip, "exact") if chip is not None else ""
                    ),
                    id="details-canonical",
                )
                yield Label("Every source's version", classes="details-heading")
                for source_id in carried:
                    occurrence = cluster.occurrence(source_id)
                    assert occurrence is not None
                    yield Static(
                        version_text(index, cluster, occurrence),
                        classes="details-version",
                        id=f"version-{source_id}",
                    )
            yield Label(self._correction_hint(), id="details-corrections-hint")
            with Horizontal(id="details-corrections"):
                yield Button("Set the speaker…", id="correct-speaker")
                yield Button("Not a quote", id="correct-not-quote")
                yield Button("Same quote as…", id="correct-same-quote")

    def _spread(self, carried: list[str]) -> Text:
        total = len(self.index.story.sources)
        names = self.index.names
        left_out = [names[s.id] for s in self.index.story.sources if s.id not in carried]
        text = Text.assemble(("Carried by  ", "dim"), f"{len(carried)} of {total} sources")
        if left_out and len(carried) > 1:
            text.append(f"   left out by {', '.join(left_out)}", style="italic")
        return text

    def _correction_hint(self) -> str:
        doubts = []
        if speaker_uncertain(self.cluster) or self.cluster.speaker is None:
            doubts.append("the speaker is uncertain")
        if any(o.match == "paraphrase" for o in self.cluster.occurrences):
            doubts.append("a paraphrase link is a judgement")
        why = f" ({'; '.join(doubts)})" if doubts else ""
        return f"Analysis wrong{why}? Correct it:"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        kinds: dict[str, CorrectionKind] = {
            "correct-speaker": "speaker",
            "correct-not-quote": "not-quote",
            "correct-same-quote": "same-quote",
        }
        kind = kinds[event.button.id or ""]
        self.dismiss(Correction(kind, self.cluster, self.cluster.occurrence(self.source_id)))

    def action_close(self) -> None:
        self.dismiss(None)
