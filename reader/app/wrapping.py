"""Article text made safe to show, and wrapped to a width with a line ↔ offset map.

Wrapping is done here rather than by Rich so that every screen line keeps the character
offsets it covers: clusters, search matches and evidence spans (offsets into the stored
text) turn into lines and back without searching.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from rich.cells import cell_len

from reader.sanitize import visible

_WORD = re.compile(r"(\s*\S+)(\s*)")


def display_text(text: str) -> str:
    """The text with control and bidi-override characters shown as symbols (as everywhere
    else) and tabs as spaces, one for one: the result has the same length as `text`, so
    offsets into the stored text index it too."""
    return visible(text).replace("\t", " ")


def _chunks(text: str, start: int, end: int, width: int) -> list[int]:
    """Offsets where `text[start:end]` must break to fit `width` cells (a word too long)."""
    cuts: list[int] = []
    cells = 0
    for index in range(start, end):
        char_cells = cell_len(text[index])
        if cells + char_cells > width and cells > 0:
            cuts.append(index)
            cells = 0
        cells += char_cells
    return cuts


class Wrapped:
    """The lines of a text at one width: `lines[i]` is the (start, end) it shows."""

    def __init__(self, width: int, lines: list[tuple[int, int]]) -> None:
        self.width = width
        self.lines = lines
        self._starts = [start for start, _ in lines]

    def line_of(self, offset: int) -> int:
        """The line showing character `offset` (trailing spaces belong to their line)."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def __len__(self) -> int:
        return len(self.lines)


def wrap(text: str, width: int) -> Wrapped:
    """Greedy word wrap of `text` to `width` cells, paragraphs split on newlines."""
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    paragraph_start = 0
    for paragraph in text.split("\n"):
        line_start = line_end = paragraph_start
        cells = 0
        for match in _WORD.finditer(paragraph):
            word_start = paragraph_start + match.start()
            word_end = paragraph_start + match.end(1)
            word_cells = cell_len(match.group(1))
            if cells and cells + word_cells > width:
                lines.append((line_start, line_end))
                line_start, cells = word_start, 0
            if word_cells > width:
                for cut in _chunks(text, word_start, word_end, width):
                    lines.append((line_start, cut))
                    line_start = cut
                word_cells = cell_len(text[line_start:word_end])
            cells += word_cells + cell_len(match.group(2))
            line_end = word_end
        lines.append((line_start, line_end))
        paragraph_start += len(paragraph) + 1
    return Wrapped(width, lines)


def unwrapped(text: str) -> Wrapped:
    """One line per paragraph, width 0: what a column holds before it knows its width."""
    lines: list[tuple[int, int]] = []
    start = 0
    for paragraph in text.split("\n"):
        lines.append((start, start + len(paragraph)))
        start += len(paragraph) + 1
    return Wrapped(0, lines)
