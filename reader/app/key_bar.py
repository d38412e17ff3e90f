"""The keys that apply now, on one line at the bottom of a screen.

Textual's `Footer` rebuilds a widget per key whenever the keys that apply change, which
here is as often as the cursor moves onto or off a quote; this bar redraws one line of
text instead. When the full labels do not fit, keys take their short labels (`keys.SHORT`),
the longest first; when even those do not fit, keys drop off from the end, never help and
quit (`keys.PINNED`). What each key does in full is in the help (`?`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget

from reader.app.keys import PINNED, SHORT

GAP = Content(" ")


@lru_cache(maxsize=256)
def key_label(shown: str, description: str, colours: tuple[str, str]) -> Content:
    """A key and what it does, in the theme's footer colours (key, description); made
    once, as the bar is drawn again whenever the keys that apply change."""
    key, words = colours
    return Content.assemble((f" {shown} ", f"bold {key}"), (description, words))


@dataclass(frozen=True)
class KeyLabel:
    """One key of the bar, labelled in full and shortly."""

    full: Content
    short: Content
    pinned: bool = False


def fit(labels: Sequence[KeyLabel], width: int) -> Content:
    """The labels on one line of `width` cells: in full if they fit, else with the labels
    that gain most (the last first on a tie) made short one by one, else all short with the
    unpinned keys dropped from the end until the line fits."""
    chosen = [k.full for k in labels]
    gains = sorted(
        range(len(labels)),
        key=lambda i: (labels[i].short.cell_length - labels[i].full.cell_length, -i),
    )
    for i in (None, *gains):
        if i is not None:
            chosen[i] = labels[i].short
        line = GAP.join(chosen)
        if line.cell_length <= width:
            return line
    kept = list(labels)
    for key in reversed(labels):
        if GAP.join(k.short for k in kept).cell_length <= width:
            break
        if not key.pinned:
            kept.remove(key)
    return GAP.join(k.short for k in kept)


class KeyBar(Widget):
    """The screen's shown bindings that apply now, then the command palette's key."""

    _colours: tuple[str, str] | None = None
    """The theme's footer colours, read once per theme (reading them builds them all)."""

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._colours = None

    @property
    def colours(self) -> tuple[str, str]:
        """The theme's colours of a key and of its description."""
        if self._colours is None:
            variables = self.app.get_css_variables()
            self._colours = (
                variables["footer-key-foreground"],
                variables["footer-description-foreground"],
            )
        return self._colours

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self.refresh()

    def render(self) -> Content:
        return fit(self.labels(), self.size.width)

    def labels(self) -> list[KeyLabel]:
        """The keys that apply now, in the order of the screen's bindings."""
        app = self.app
        colours = self.colours
        palette = app.COMMAND_PALETTE_BINDING
        labels: list[KeyLabel] = []
        seen: set[str] = set()
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            key = binding.key.split(",")[0]
            if not binding.show or not enabled or binding.action in seen or key == palette:
                continue
            seen.add(binding.action)
            shown = app.get_key_display(binding)
            short = SHORT.get(binding.id or "", binding.description)
            labels.append(
                KeyLabel(
                    key_label(shown, binding.description, colours),
                    key_label(shown, short, colours),
                    binding.action.partition("(")[0] in PINNED,
                )
            )
        if app.ENABLE_COMMAND_PALETTE:
            palette_label = key_label("^p", "palette", colours)
            labels.append(KeyLabel(palette_label, palette_label))
        return labels
