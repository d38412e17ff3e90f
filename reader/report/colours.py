"""One colour per shared quote, the same in the reader and in the reports.

Colours are given by conflicts, not by index: two shared quotes conflict when some source
prints them close enough to be on screen together in one column, and conflicting quotes
never share a colour while the palette allows it. Every quote gets a colour of its own as
long as the palette lasts; after that a quote reuses the colour whose nearest use is
farthest away in the text.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from functools import cache

from reader.model import Analysis, Cluster, Story

PALETTE: tuple[str, ...] = (
    "#f28e2b",  # orange
    "#76b7b2",  # teal
    "#edc948",  # yellow
    "#b07aa1",  # purple
    "#59a14f",  # green
    "#ff9da7",  # pink
    "#4e79a7",  # blue
    "#e15759",  # red
    "#9c755f",  # brown
    "#8cd17d",  # light green
    "#a0cbe8",  # light blue
    "#d4a6c8",  # lilac
    "#b6992d",  # olive
    "#86bcb6",  # sea green
    "#ffbe7d",  # apricot
    "#d37295",  # raspberry
    "#d7b5a6",  # sand
    "#bab0ac",  # warm grey
)
"""Mid-tone colours that take black text; the first ones are the most distinct hues."""

NEAR = 4000
"""Characters between two quotes of one source within which both can be on screen at once
(a tall screen of a wide column shows about this much text)."""


ALIKE = 100
"""Colours closer than this ("redmean" distance) are told apart only side by side: teal and
sea green, pink and lilac."""


def reading_order(story: Story, clusters: Iterable[Cluster]) -> list[Cluster]:
    """Clusters by where they first appear: the source's place in the story, then offset."""
    order = {source.id: index for index, source in enumerate(story.sources)}

    def first(cluster: Cluster) -> tuple[int, int, str]:
        place = min((order.get(o.source, len(order)), o.start) for o in cluster.occurrences)
        return (*place, cluster.id)

    return sorted(clusters, key=first)


def conflicts(clusters: Iterable[Cluster], near: int = NEAR) -> dict[str, dict[str, int]]:
    """For each cluster, the clusters printed within `near` characters of it in some source,
    with the smallest gap between them. Each source is swept once in offset order."""
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for cluster in clusters:
        for o in cluster.occurrences:
            spans[o.source].append((o.start, o.end, cluster.id))
    gaps: dict[str, dict[str, int]] = defaultdict(dict)
    for placed in spans.values():
        placed.sort()
        for i, (_, end, first) in enumerate(placed):
            for start, _, second in placed[i + 1 :]:
                gap = max(0, start - end)
                if gap > near:
                    break
                if first != second:
                    best = min(gap, gaps[first].get(second, gap))
                    gaps[first][second] = gaps[second][first] = best
    return gaps


def assign_colours(
    story: Story, analysis: Analysis, palette_size: int = len(PALETTE)
) -> dict[str, int]:
    """A palette index for each shared quote, taken in reading order: an unused colour while
    any is left, else one no nearby quote has, else the one whose nearest use is farthest;
    among equals, one that does not look like the colour of a quote nearby."""
    shared = reading_order(story, analysis.shared)
    near = conflicts(shared)
    chosen: dict[str, int] = {}
    for cluster in shared:
        nearest = [math.inf] * palette_size
        for other, gap in near.get(cluster.id, {}).items():
            if other in chosen:
                nearest[chosen[other]] = min(nearest[chosen[other]], gap)
        around = {chosen[other] for other in near.get(cluster.id, {}) if other in chosen}
        used = set(chosen.values())
        scores = [
            (
                c not in used,
                nearest[c],
                all(colour_difference(c, o) >= ALIKE for o in around),
            )
            for c in range(palette_size)
        ]
        chosen[cluster.id] = max(range(palette_size), key=lambda c: (*scores[c], -c))
    return chosen


@cache
def colour_difference(first: int, second: int) -> float:
    """How different two palette colours look ("redmean" distance in sRGB); worked out once
    per pair, as choosing a quote's colour compares every colour with those nearby."""
    a, b = (PALETTE[i % len(PALETTE)] for i in (first, second))
    (r1, g1, b1), (r2, g2, b2) = (tuple(int(h[k : k + 2], 16) for k in (1, 3, 5)) for h in (a, b))
    mean = (r1 + r2) / 2
    return math.sqrt(
        (2 + mean / 256) * (r1 - r2) ** 2
        + 4 * (g1 - g2) ** 2
        + (2 + (255 - mean) / 256) * (b1 - b2) ** 2
    )
