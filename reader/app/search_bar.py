"""The search box under the columns (`/`): finds the phrase in every source as the user types."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label

from reader.app.messages import SearchChanged, SearchSubmitted
from reader.app.search import Search


class SearchBar(Horizontal):
    """Hidden until opened. Each change of the matches goes up as `SearchChanged`, enter
    as `SearchSubmitted`; `search` (the screen's) holds the matches and where the reader is."""

    def __init__(self, search: Search, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.search = search

    def compose(self) -> ComposeResult:
        yield Label("Search ", id="search-label")
        yield Input(placeholder="a phrase in any source, enter to go", id="search-input")

    def open(self) -> None:
        self.display = True
        self.query_one(Input).focus()

    def close(self) -> None:
        """Hide the box and drop the search, matches and all."""
        self.display = False
        self.query_one(Input).value = ""
        self._find("")

    def on_input_changed(self, event: Input.Changed) -> None:
        self._find(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.display = False
        self.search.at = -1
        self.post_message(SearchSubmitted())

    def _find(self, query: str) -> None:
        self.post_message(SearchChanged(self.search.find(query)))
