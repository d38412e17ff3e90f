"""The passage a user selects to annotate, as character offsets into the stored text.

From the keyboard a selection grows by whole units (sentences, or screen lines) from the
one where `v` was pressed, like a visual mode; with the mouse it is whatever characters were
dragged over. No Textual here: columns hand in their text and their line ↔ offset map.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

Span = tuple[int, int]


def trim(text: str, start: int, end: int) -> Span:
    """`[start, end)` without the blanks at either end (empty when only blanks)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@lru_cache(maxsize=64)
def sentence_spans(text: str) -> tuple[Span, ...]:
    """The sentences of a text in reading order, paragraph by paragraph, blanks trimmed."""
    # imported here: importing the analysis package costs the first screen ~50 ms
    from reader.analysis import paragraphs, sentences

    found: list[Span] = []
    for first, last in paragraphs(text):
        for start, end in sentences(text, first, last):
            span = trim(text, start, end)
            if span[0] < span[1]:
                found.append(span)
    return tuple(found)


def unit_at(units: Sequence[Span], offset: int) -> Span:
    """The unit holding `offset`, else the first one after it, else the last one."""
    for unit in units:
        if offset < unit[1]:
            return unit
    return units[-1]


@dataclass(frozen=True)
class PassageSelection:
    """A selection in one source: `anchor` is where it began, `head` the unit it reaches."""

    source: str
    anchor: Span
    head: Span

    @property
    def span(self) -> Span:
        """The selected characters `[start, end)`: anchor and head and all between."""
        return min(self.anchor[0], self.head[0]), max(self.anchor[1], self.head[1])

    @property
    def cursor(self) -> int:
        """The offset the cursor follows: the head's end below the anchor, else its start."""
        return self.head[1] - 1 if self.head[0] > self.anchor[0] else self.head[0]


def begin(source: str, units: Sequence[Span], offset: int) -> PassageSelection:
    """A selection of the unit at `offset` (the sentence under the cursor)."""
    unit = unit_at(units, offset)
    return PassageSelection(source, unit, unit)


def extend(selection: PassageSelection, units: Sequence[Span], step: int) -> PassageSelection:
    """Move the head one unit down (`step` > 0) or up, growing or shrinking the selection.

    The units may differ from those the selection was made of (sentences, then lines): the
    head moves to the first unit wholly after it, or the last one wholly before it.
    """
    head_start, head_end = selection.head
    if step > 0:
        following = [u for u in units if u[0] >= head_end]
        head = following[0] if following else selection.head
    else:
        preceding = [u for u in units if u[1] <= head_start]
        head = preceding[-1] if preceding else selection.head
    return replace(selection, head=head)


def from_cells(
    text: str, lines: Sequence[Span], start: tuple[int, int], end: tuple[int, int]
) -> Span | None:
    """The characters between two (x, line) positions of a wrapped text, blanks trimmed.

    `x` counts characters from the line's start, as Textual's text selection reports it;
    positions past a line's end (its padding) stop at the end. None when nothing is left.
    """

    def offset(x: int, line: int) -> int:
        line_start, line_end = lines[max(0, min(line, len(lines) - 1))]
        return max(line_start, min(line_start + x, line_end))

    first, last = sorted((offset(*start), offset(*end)))
    first, last = trim(text, first, last)
    return (first, last) if first < last else None
