"""The naive way to find text reuse, kept as the yardstick the matcher is measured against:
difflib on the words of every pair of sources (n² / 2 comparisons)."""

from __future__ import annotations

import difflib
from itertools import combinations

from reader.model import Story
from reader.text import tokens

__all__ = ["all_pairs_difflib"]


def all_pairs_difflib(story: Story, min_words: int = 8) -> int:
    """Passages of at least `min_words` equal words shared by two sources, counted over all
    pairs of sources with difflib's defaults."""
    words = [[t.norm for t in tokens(s.text)] for s in story.sources]
    shared = 0
    for a, b in combinations(words, 2):
        blocks = difflib.SequenceMatcher(None, a, b).get_matching_blocks()
        shared += sum(1 for block in blocks if block.size >= min_words)
    return shared
