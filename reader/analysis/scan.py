"""Regex scans that try a pattern only where a match can begin.

A pattern that opens with a look-behind ("no letter before this capital") gives the regex
engine nothing to skip ahead by, so it tries the whole pattern at every character. When a
cheap pattern finds every place a match can begin (a capital letter, a speech verb), trying
the full pattern only there finds the same matches, many times faster on long texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

CAPITAL = re.compile(r"[A-Z]")
"""Where a pattern that opens on an ASCII capital letter can begin."""


def matches(
    pattern: re.Pattern[str], starts: re.Pattern[str], text: str, start: int = 0
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text, start)`, given that `starts` finds (at least) every place one
    of those matches begins."""
    end = start
    for place in starts.finditer(text, start):
        if place.start() < end:
            continue
        found = pattern.match(text, place.start())
        if found is not None and found.end() > found.start():
            yield found
            end = found.end()
