"""The keys that apply now, on one line at the bottom of a screen.

Textual's `Footer` rebuilds a widget per key whenever the keys that apply change, which
here is as often as the cursor moves onto or off a quote; this bar redraws one line of
text instead. What each key does in full is in the help (`?`).
"""

from __future__ import annotations

from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static


def key_label(shown: str, description: str, colours: dict[str, str]) -> Content:
    """A key and what it does, in the theme's footer colours."""
    return Content.assemble(
        (f" {shown} ", f"bold {colours['footer-key-foreground']}"),
        (description, colours["footer-description-foreground"]),
    )


class KeyBar(Static):
    """The screen's shown bindings that apply now, then the command palette's key."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self.update(self.keys(), layout=False)  # one line, always

    def keys(self) -> Content:
        """The labels of the keys that apply now."""
        app = self.app
        colours = app.get_css_variables()
        palette = app.COMMAND_PALETTE_BINDING
        labels: list[Content] = []
        seen: set[str] = set()
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            key = binding.key.split(",")[0]
            if not binding.show or not enabled or binding.action in seen or key == palette:
                continue
            seen.add(binding.action)
            shown = app.get_key_display(binding)
            labels.append(key_label(shown, binding.description, colours))
        if app.ENABLE_COMMAND_PALETTE:
            labels.append(key_label("^p", "palette", colours))
        return Content(" ").join(labels)
