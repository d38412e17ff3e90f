"""Shared text that is not speech: outlets reprinting the same wire copy.

What the alignment found outside every quote unit, on both sides, in stretches of at least
MIN_WORDS words, grouped like quotes (one occurrence per source) but kept apart from them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import accumulate, compress, pairwise
from operator import ne, or_

from reader.analysis.align import Segment
from reader.analysis.clusters import Grouping, Link, Piece, describe
from reader.analysis.shingles import Doc
from reader.analysis.units import Units, merge_spans
from reader.model import Reuse

__all__ = ["MIN_WORDS", "find_reuse"]

MIN_WORDS = 8


def find_reuse(docs: Sequence[Doc], found: Units, segments: Sequence[Segment]) -> list[Reuse]:
    """Reuse groups, ids r1, r2… in order of first appearance."""
    stretches: list[tuple[Piece, Piece, int]] = []
    owned = [[0, *accumulate(map((-1).__lt__, token))] for token in found.owners.token]
    for seg, free in zip(segments, found.free, strict=True):
        for xs, ys in _free_runs(seg, free, owned):
            a = _piece(docs[seg.a], xs[0], xs[-1] + 1)
            b = _piece(docs[seg.b], ys[0], ys[-1] + 1)
            stretches.append((a, b, len(xs)))
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for a, b, _ in stretches:
        spans[a.doc].append((a.lo, a.hi))
        spans[b.doc].append((b.lo, b.hi))
    blocks: list[Piece] = []
    where: dict[tuple[int, int], int] = {}
    for doc in sorted(spans):
        for lo, hi in merge_spans(spans[doc]):
            for span in spans[doc]:
                if lo <= span[0] < hi:
                    where[doc, span[0]] = len(blocks)
            blocks.append(_piece(docs[doc], lo, hi))
    grouping = Grouping([p.doc for p in blocks])
    links: list[Link] = [
        (-float(n), 0, where[a.doc, a.lo], where[b.doc, b.lo]) for a, b, n in stretches
    ]
    grouping.join_all(links)
    groups = [sorted(g, key=lambda i: (blocks[i].doc, blocks[i].start)) for g in grouping.groups()]
    groups = sorted(
        (g for g in groups if len(g) > 1), key=lambda g: (blocks[g[0]].doc, blocks[g[0]].start)
    )
    reuse = []
    for number, group in enumerate(groups, 1):
        text, occurrences = describe(docs, [blocks[i] for i in group], {})
        reuse.append(Reuse(f"r{number}", text, occurrences))
    return reuse


def _free_runs(
    seg: Segment, free: list[tuple[int, int]], owned: list[list[int]]
) -> list[tuple[list[int], list[int]]]:
    """Stretches of aligned words that no unit owns on either side, nor between them.
    `owned[doc][k]` counts the tokens before k that a unit owns, so whether one lies between
    two aligned words is a subtraction; when none lies between the first and the last, the
    stretch is one run. A stretch too short to be reuse is passed over."""
    owned_a, owned_b = owned[seg.a], owned[seg.b]
    runs: list[tuple[list[int], list[int]]] = []
    for s, e in free:
        if e - s < MIN_WORDS:
            continue
        xs, ys = seg.xs[s:e], seg.ys[s:e]
        if owned_a[xs[0]] == owned_a[xs[-1]] and owned_b[ys[0]] == owned_b[ys[-1]]:
            runs.append((xs, ys))
            continue
        at_a = list(map(owned_a.__getitem__, xs))
        at_b = list(map(owned_b.__getitem__, ys))
        steps = map(or_, map(ne, at_a, at_a[1:]), map(ne, at_b, at_b[1:]))
        bounds = [0, *compress(range(1, len(xs)), steps), len(xs)]
        runs.extend((xs[p:q], ys[p:q]) for p, q in pairwise(bounds))
    return [(xs, ys) for xs, ys in runs if len(xs) >= MIN_WORDS]


def _piece(doc: Doc, lo: int, hi: int) -> Piece:
    """Words lo..hi-1, from the first letter to the last: no punctuation at either edge, so
    reuse never reaches into a quote that starts or ends next to it."""
    return Piece(doc.index, lo, hi, doc.starts[lo], doc.ends[hi - 1])
