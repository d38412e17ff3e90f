"""Highlight colours for shared quotes, readable on Textual's dark and light themes.

Each shared quote gets one solid background from a palette of mid-tone colours; the text
colour on it is black or white, whichever contrasts more, so the highlight reads the same
whatever the theme behind it. The match kind changes the decoration, never the colour, so
one statement keeps one colour in every column.
"""

from __future__ import annotations

from functools import cache

from rich.color import Color
from rich.style import Style

from reader.model import Match
from reader.report import PALETTE

PARAPHRASE_MARK = "≈"
VARIANT_MARK = "~"
MATCH_MARKS: dict[Match, str] = {
    "exact": "✓",
    "variant": VARIANT_MARK,
    "paraphrase": PARAPHRASE_MARK,
}
"""One glyph per match kind, shared by the gutter, the coverage matrix and the details."""


def _luminance(hex_colour: str) -> float:
    """WCAG relative luminance of an sRGB colour."""
    red, green, blue = Color.parse(hex_colour).get_truecolor()

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    high, low = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_colour(background: str) -> str:
    """Black or white, whichever reads better on `background`."""
    on_black = contrast_ratio(background, "#000000")
    on_white = contrast_ratio(background, "#ffffff")
    return "#000000" if on_black >= on_white else "#ffffff"


def colour(index: int) -> str:
    """The palette colour of the `index`-th shared quote (the palette repeats)."""
    return PALETTE[index % len(PALETTE)]


@cache
def quote_style(index: int, match: Match, current: bool = False) -> Style:
    """Exact: solid colour; variant: underlined; paraphrase: italic; current: bold reverse."""
    background = colour(index)
    style = Style(
        color=text_colour(background),
        bgcolor=background,
        underline=match == "variant",
        italic=match == "paraphrase",
    )
    if current:
        style += Style(bold=True, reverse=True)
    return style
