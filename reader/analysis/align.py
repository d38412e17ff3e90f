"""Alignment stage: grow each seed word by word into a passage two sources share.

From a seed, the walk goes forward and backward while words agree; on a mismatch it looks a
few words ahead on both sides for the next agreement (a word inserted, cut, swapped or
replaced by a synonym), and resumes only on a content word or on two agreeing words in a row,
so a lone "the" never carries it across unrelated text. Stray agreements at the ends are
trimmed. Each token is aligned at most once per pair of sources: the longest passages win.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import accumulate, chain

from reader.analysis.shingles import Doc, K, Seeds

__all__ = ["GAP", "Segment", "align"]

GAP = 4
"""Words that may be skipped on each side before the texts agree again."""
OVERLAP = 0.2
"""A passage overlapping longer ones by more than this share of itself is a repeat."""

Run = tuple[int, int, int]
"""(token in a, token in b, length): words that agree one to one."""


@dataclass(frozen=True, slots=True)
class Segment:
    """A passage shared by sources `a` and `b`: aligned tokens `xs` of a and `ys` of b,
    pair by pair, increasing on both sides."""

    a: int
    b: int
    xs: list[int]
    ys: list[int]
    cumulative_content: list[int]
    """Content words among the first i pairs."""


def align(docs: list[Doc], seeds: Seeds) -> list[Segment]:
    """Every shared passage of every seeded pair, in a deterministic order."""
    segments: list[Segment] = []
    for a, b in sorted(seeds):
        segments.extend(_align_pair(docs[a], docs[b], sorted(seeds[a, b])))
    return segments


def _align_pair(da: Doc, db: Doc, seeds: list[tuple[int, int]]) -> list[Segment]:
    """Walk from every seed that no earlier passage went through: a seed inside a passage
    found already would only find that passage again. Identical sources (a reprint) agree
    word for word from end to end: the walk from any seed would find that one passage, and
    every other passage would re-align its tokens."""
    if da.ids == db.ids:
        every = list(range(len(da.ids)))
        return [Segment(da.index, db.index, every, every[:], da.cumulative_content[:])]
    walked: dict[int, set[int]] = defaultdict(set)
    """Per diagonal (y - x), the tokens of a the runs found so far went through."""
    found: list[tuple[list[int], list[int]]] = []
    for x, y in seeds:
        if x in walked.get(y - x, ()):
            continue
        runs = _trim(da, _passage(da, db, x, y))
        for rx, ry, n in runs:
            walked[ry - rx].update(range(rx, rx + n))
        if da.content_words(runs[0][0], runs[-1][0] + runs[-1][2]) >= K:
            xs = list(chain.from_iterable(range(rx, rx + n) for rx, _, n in runs))
            ys = list(chain.from_iterable(range(ry, ry + n) for _, ry, n in runs))
            found.append((xs, ys))
    return [
        Segment(da.index, db.index, xs, ys, [0, *accumulate(map(da.content.__getitem__, xs))])
        for xs, ys in _one_to_one(found)
    ]


def _passage(da: Doc, db: Doc, x: int, y: int) -> list[Run]:
    """The runs around an agreeing pair of words, walking both ways."""
    na, nb = len(da.ids), len(db.ids)
    back = _walk(da.ids_reversed, db.ids_reversed, da.content_reversed, na - 1 - x, nb - 1 - y)
    before = [(na - rx - n, nb - ry - n, n) for rx, ry, n in reversed(back)]
    after = _walk(da.ids, db.ids, da.content, x, y)
    bx, by, bn = before.pop()
    an = after.pop(0)[2]
    return [*before, (bx, by, bn + an - 1), *after]


def _walk(a: list[int], b: list[int], content: list[bool], x: int, y: int) -> list[Run]:
    runs: list[Run] = []
    while True:
        n = _agree(a, b, x, y)
        runs.append((x, y, n))
        resumed = _resume(a, b, content, x + n - 1, y + n - 1)
        if resumed is None:
            return runs
        x, y = resumed


def _agree(a: list[int], b: list[int], i: int, j: int) -> int:
    """How many words agree from a[i] and b[j] on: word by word at first, then by slices of
    growing size, so a long reprint costs a few list comparisons, not a loop per word."""
    limit = min(len(a) - i, len(b) - j)
    n = 1
    while n < limit and n < _STRIDE and a[i + n] == b[j + n]:
        n += 1
    if n < _STRIDE:
        return n
    step = _STRIDE
    while n + step <= limit and a[i + n : i + n + step] == b[j + n : j + n + step]:
        n += step
        step *= 2
    while step > 1:
        step //= 2
        if n + step <= limit and a[i + n : i + n + step] == b[j + n : j + n + step]:
            n += step
    return n


_STRIDE = 8


def _resume(
    a: list[int], b: list[int], content: list[bool], x: int, y: int
) -> tuple[int, int] | None:
    """The nearest agreement after a mismatch, skipping at most GAP words on each side:
    fewest words skipped first, then fewest in a. Most walks end here with no word in common
    ahead, which one set test tells; otherwise the few agreeing words are tried in order."""
    ahead_a, ahead_b = a[x + 1 : x + GAP + 2], b[y + 1 : y + GAP + 2]
    if set(ahead_a).isdisjoint(ahead_b):
        return None
    na, nb = len(a), len(b)
    agreeing = sorted(
        (di + dj, di, dj)
        for di, word in enumerate(ahead_a, 1)
        for dj, other in enumerate(ahead_b, 1)
        if other == word and di + dj > 2
    )
    for _, di, dj in agreeing:
        i, j = x + di, y + dj
        if content[i] or (i + 1 < na and j + 1 < nb and a[i + 1] == b[j + 1]):
            return i, j
    return None


def _trim(da: Doc, runs: list[Run]) -> list[Run]:
    """Drop stray agreements at the ends: single words, or runs of function words only."""

    def weak(run: Run) -> bool:
        return run[2] < 2 or da.content_words(run[0], run[0] + run[2]) == 0

    lo, hi = 0, len(runs)
    while hi - lo > 1 and weak(runs[hi - 1]):
        hi -= 1
    while hi - lo > 1 and weak(runs[lo]):
        lo += 1
    return runs[lo:hi]


def _one_to_one(found: list[tuple[list[int], list[int]]]) -> list[tuple[list[int], list[int]]]:
    """Keep the longest passages; drop those that mostly re-align tokens already taken."""
    if len(found) < 2:
        return found
    kept: list[tuple[list[int], list[int]]] = []
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    for xs, ys in sorted(found, key=lambda p: (-len(p[0]), p[0][0], p[1][0])):
        clash = max(len(taken_a.intersection(xs)), len(taken_b.intersection(ys)))
        if clash > OVERLAP * len(xs):
            continue
        if clash:
            pairs = [
                (x, y) for x, y in zip(xs, ys, strict=True) if x not in taken_a and y not in taken_b
            ]
            if not pairs:
                continue
            xs, ys = [x for x, _ in pairs], [y for _, y in pairs]
        taken_a.update(xs)
        taken_b.update(ys)
        kept.append((xs, ys))
    return sorted(kept, key=lambda p: (p[0][0], p[1][0]))
