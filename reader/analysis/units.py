"""Quote units: the pieces of speech that clusters are made of.

A unit starts as one extracted quote. Aligned passages that carry a quote of one source onto
unmarked text of another add a unit there too (the extractor missed it, or the outlet dropped
the marks). When one source prints as one block what another splits into several quotes, the
block is cut where the other's quotes begin and end, snapped to sentence starts; a quote that
another source prints only in part loses the whole sentences that source left out. Rounds
repeat until nothing changes: clusters are built at the finest grain the sources agree on.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from reader.analysis.align import GAP, Segment
from reader.analysis.shingles import Doc, K
from reader.model import Quote

__all__ = [
    "Block",
    "Overlap",
    "Owners",
    "Unit",
    "Units",
    "blocks",
    "build_units",
    "merge_spans",
    "pieces",
    "sentences",
]

NEST_SHARE = 0.7
"""A unit nests in another when this share of its aligned words falls inside it."""
PARTIAL_COVER = 0.5
"""A unit aligned over this share of its words is a quote of its own, whole or partial."""
MIN_PIECE = 3
"""Words; a cut that would leave a shorter piece is not made."""
IMPLICIT_MIN = 6
IMPLICIT_ENOUGH = 12
MAX_ROUNDS = 8


@dataclass(frozen=True, slots=True)
class Unit:
    """Tokens lo..hi-1 of one source; `quote` is None for speech found only by alignment."""

    doc: int
    lo: int
    hi: int
    start: int
    end: int
    quote: Quote | None


@dataclass(slots=True)
class Overlap:
    """How two units of different sources align: words, content words, and where."""

    words: int = 0
    content: int = 0
    a_lo: int = 1 << 62
    a_hi: int = -1
    b_lo: int = 1 << 62
    b_hi: int = -1


@dataclass(frozen=True, slots=True)
class Owners:
    """Which unit owns each token of each source (-1 for none), and where units begin and
    end, in order, per source."""

    token: list[list[int]]
    edges: list[list[int]]


Block = tuple[int, int, int, int]
"""(unit in a or -1, unit in b or -1, first pair, last pair + 1) of a segment."""


@dataclass
class Units:
    """The final units, which unit owns each token, how unit pairs align, and, per segment,
    the stretches of pairs (first, last + 1) that no unit owns on either side."""

    units: list[Unit]
    owners: Owners
    overlaps: dict[tuple[int, int], Overlap]
    free: list[list[tuple[int, int]]]


def build_units(docs: Sequence[Doc], quotes: Sequence[Quote], segments: Sequence[Segment]) -> Units:
    """Units for the quotes, plus projections onto unmarked text, split to the finest grain.

    A round recomputes only the passages that reach into a unit made or cut in the round
    before, and counts there only how the new units align: a pair of units that were not
    cut aligns as it did. The blocks of the other passages keep the unit numbers of the
    round that computed them; past that round only their stretches without units are read."""
    units = _quote_units(docs, quotes)
    owners = _owners(docs, units)
    spans = [blocks(seg, owners) for seg in segments]
    implicit = _projections(docs, units, owners, segments, spans)
    units += implicit
    changed = [(u.doc, u.lo, u.hi) for u in implicit]
    renumber = list(range(len(units)))
    fresh = [True] * len(units)
    overlaps: dict[tuple[int, int], Overlap] = {}
    reach: list[list[tuple[int, int, int]]] = [[] for _ in docs]
    for i, seg in enumerate(segments):
        reach[seg.a].append((i, seg.xs[0], seg.xs[-1]))
        reach[seg.b].append((i, seg.ys[0], seg.ys[-1]))
    for step in range(MAX_ROUNDS + 1):  # the last round only counts: its units stay whole
        owners = _owners(docs, units)
        touched = _reaching(reach, changed)
        for i in touched:
            spans[i] = blocks(segments[i], owners)
        overlaps = {
            (renumber[a], renumber[b]): o
            for (a, b), o in overlaps.items()
            if renumber[a] >= 0 and renumber[b] >= 0
        }
        overlaps |= _overlaps(segments, spans, touched if step else range(len(segments)), fresh)
        split = _split(docs, units, overlaps) if step < MAX_ROUNDS else None
        if split is None:
            break
        new_units, renumber = split
        changed = [(u.doc, u.lo, u.hi) for u, n in zip(units, renumber, strict=True) if n < 0]
        fresh = [True] * len(new_units)
        for n in renumber:
            if n >= 0:
                fresh[n] = False
        units = new_units
    free = [[(s, e) for ua, ub, s, e in found if ua < 0 and ub < 0] for found in spans]
    return Units(units, owners, overlaps, free)


def _reaching(
    reach: list[list[tuple[int, int, int]]], changed: list[tuple[int, int, int]]
) -> list[int]:
    """The segments, in order, whose aligned tokens from first to last reach into a changed
    span (source, lo, hi): only there can a unit's edges or its tokens' owner have moved.
    `reach[doc]` holds (segment, first, last) for each segment on that source."""
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for doc, lo, hi in changed:
        spans[doc].append((lo, hi))
    found = set()
    for doc, inside in spans.items():
        merged = merge_spans(inside)
        los = [lo for lo, _ in merged]
        his = [hi for _, hi in merged]
        for i, first, last in reach[doc]:
            k = bisect_right(los, last)
            if k and his[k - 1] > first:
                found.add(i)
    return sorted(found)


def _quote_units(docs: Sequence[Doc], quotes: Sequence[Quote]) -> list[Unit]:
    """One unit per quote, owning every word it touches (quote boundaries are the weak
    spot); a quote nested in an earlier one keeps no words of its own."""
    by_id = {d.source.id: d for d in docs}
    units = []
    last: dict[int, int] = defaultdict(int)
    known = (q for q in quotes if q.source in by_id)
    for q in sorted(known, key=lambda q: (by_id[q.source].index, q.start, -q.end)):
        doc = by_id[q.source]
        lo = bisect_right(doc.ends, q.start)
        hi = bisect_left(doc.starts, q.end) if q.end > q.start else lo
        lo = max(lo, last[doc.index])
        hi = max(lo, hi)
        last[doc.index] = max(last[doc.index], hi)
        units.append(Unit(doc.index, lo, hi, q.start, q.end, q))
    return units


def _owners(docs: Sequence[Doc], units: Sequence[Unit]) -> Owners:
    token = [[-1] * len(d.ids) for d in docs]
    edges: list[set[int]] = [set() for _ in docs]
    for number, unit in enumerate(units):
        token[unit.doc][unit.lo : unit.hi] = [number] * (unit.hi - unit.lo)
        edges[unit.doc].update((unit.lo, unit.hi))
    return Owners(token, [sorted(e) for e in edges])


def blocks(seg: Segment, owners: Owners) -> list[Block]:
    """(unit in a, unit in b, first, last + 1): stretches of the segment's pairs whose
    tokens belong to the same two units (-1 for none). Units are contiguous, so ownership
    can only change where a unit begins or ends."""
    xs, ys = seg.xs, seg.ys
    edges_a, edges_b = owners.edges[seg.a], owners.edges[seg.b]
    ia, ja = bisect_right(edges_a, xs[0]), bisect_right(edges_a, xs[-1])
    ib, jb = bisect_right(edges_b, ys[0]), bisect_right(edges_b, ys[-1])
    own_a, own_b = owners.token[seg.a], owners.token[seg.b]
    if ia == ja and ib == jb:
        return [(own_a[xs[0]], own_b[ys[0]], 0, len(xs))]
    cuts = {0, len(xs)}
    cuts.update(bisect_left(xs, edge) for edge in edges_a[ia:ja])
    cuts.update(bisect_left(ys, edge) for edge in edges_b[ib:jb])
    bounds = sorted(cuts)
    return [(own_a[xs[s]], own_b[ys[s]], s, e) for s, e in pairwise(bounds)]


def _overlaps(
    segments: Sequence[Segment], spans: list[list[Block]], which: Iterable[int], fresh: list[bool]
) -> dict[tuple[int, int], Overlap]:
    """How the units of the `which` segments align, from their blocks, for the pairs where
    at least one unit is fresh."""
    overlaps: dict[tuple[int, int], Overlap] = defaultdict(Overlap)
    for i in which:
        seg = segments[i]
        xs, ys, content = seg.xs, seg.ys, seg.cumulative_content
        for ua, ub, s, e in spans[i]:
            if ua < 0 or ub < 0 or not (fresh[ua] or fresh[ub]):
                continue
            o = overlaps[ua, ub]
            o.words += e - s
            o.content += content[e] - content[s]
            if xs[s] < o.a_lo:
                o.a_lo = xs[s]
            if xs[e - 1] >= o.a_hi:
                o.a_hi = xs[e - 1] + 1
            if ys[s] < o.b_lo:
                o.b_lo = ys[s]
            if ys[e - 1] >= o.b_hi:
                o.b_hi = ys[e - 1] + 1
    return dict(overlaps)


def _projections(
    docs: Sequence[Doc],
    units: list[Unit],
    owners: Owners,
    segments: Sequence[Segment],
    spans: list[list[Block]],
) -> list[Unit]:
    """Units on unmarked text that a quote of another source aligns onto."""
    landed: dict[tuple[int, int], list[int]] = defaultdict(list)
    for seg, found in zip(segments, spans, strict=True):
        for ua, ub, s, e in found:
            if ua >= 0 and ub < 0:
                landed[seg.b, ua].extend(seg.ys[s:e])
            elif ub >= 0 and ua < 0:
                landed[seg.a, ub].extend(seg.xs[s:e])
    made: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for (doc, unit), positions in landed.items():
        size = units[unit].hi - units[unit].lo
        for run in _runs(sorted(positions), owners.token[doc]):
            hi = run[-1] + 1
            enough = len(run) >= IMPLICIT_ENOUGH or 2 * len(run) >= size
            if len(run) >= IMPLICIT_MIN and enough and docs[doc].content_words(run[0], hi) >= K:
                made[doc].append((run[0], hi))
    implicit = []
    for doc in sorted(made):
        for lo, hi in merge_spans(made[doc]):
            start, end = docs[doc].char_span(lo, hi)
            implicit.append(Unit(doc, lo, hi, start, end, None))
    return implicit


def _runs(positions: list[int], owner: list[int]) -> list[list[int]]:
    """Positions close together with no unit's word between them."""
    runs: list[list[int]] = []
    for p in positions:
        last = runs[-1][-1] if runs else -(GAP + 9)
        if p - last <= GAP + 1 and all(o < 0 for o in owner[last:p]):
            runs[-1].append(p)
        else:
            runs.append([p])
    return runs


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping token spans merged into one."""
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if merged and lo < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _split(
    docs: Sequence[Doc], units: list[Unit], overlaps: dict[tuple[int, int], Overlap]
) -> tuple[list[Unit], list[int]] | None:
    """Units cut around the units of another source nested in them, and where each old unit
    went (-1 if cut); None if nothing is cut."""
    doc_of = [u.doc for u in units]
    size = [u.hi - u.lo for u in units]
    width = len(docs)
    totals: dict[int, int] = defaultdict(int)  # unit * width + other source → aligned words
    for (ua, ub), o in overlaps.items():
        totals[ua * width + doc_of[ub]] += o.words
        totals[ub * width + doc_of[ua]] += o.words
    nested: dict[tuple[int, int], list[tuple[int, int, bool]]] = defaultdict(list)
    for (ua, ub), o in overlaps.items():
        if o.content < K:
            continue
        words = o.words
        if words >= NEST_SHARE * totals[ua * width + doc_of[ub]]:
            nested[ub, doc_of[ua]].append((o.b_lo, o.b_hi, words >= PARTIAL_COVER * size[ua]))
        if words >= NEST_SHARE * totals[ub * width + doc_of[ua]]:
            nested[ua, doc_of[ub]].append((o.a_lo, o.a_hi, words >= PARTIAL_COVER * size[ub]))
    cuts: dict[int, set[int]] = defaultdict(set)
    for (outer, _), spans in nested.items():
        unit = units[outer]
        if len(spans) == 1:
            lo, hi, whole = spans[0]
            if not whole or (lo <= unit.lo and hi >= unit.hi):
                continue
        cuts[outer].update(_cuts(docs[unit.doc], unit, [(lo, hi) for lo, hi, _ in spans]))
    if not any(cuts.values()):
        return None
    out: list[Unit] = []
    renumber = []
    for number, unit in enumerate(units):
        parts = pieces(docs[unit.doc], unit, cuts[number]) if number in cuts else [unit]
        renumber.append(len(out) if len(parts) == 1 else -1)
        out.extend(parts)
    return (out, renumber) if len(out) > len(units) else None


def _cuts(doc: Doc, unit: Unit, spans: list[tuple[int, int]]) -> set[int]:
    """Where to cut a unit around the spans other units occupy in it, at sentence starts."""
    kept: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if not kept or lo >= kept[-1][1]:
            kept.append((lo, hi))
    starts = doc.sentence_starts[
        bisect_right(doc.sentence_starts, unit.lo) : bisect_left(doc.sentence_starts, unit.hi)
    ]
    if not starts and len(kept) == 1:
        return set()
    cuts = set()
    lead = [i for i in starts if i <= kept[0][0]]
    if lead:
        cuts.add(lead[-1])
    for (_, end), (begin, _) in pairwise(kept):
        inside = [i for i in starts if end <= i <= begin]
        cuts.update((inside[0], inside[-1]) if inside else (begin,))
    trail = [i for i in starts if i >= kept[-1][1]]
    if trail:
        cuts.add(trail[0])
    return cuts


def pieces(doc: Doc, unit: Unit, cuts: set[int]) -> list[Unit]:
    """The unit cut at `cuts` (token indices), skipping cuts that leave a tiny piece."""
    bounds = [unit.lo]
    for cut in sorted(c for c in cuts if unit.lo < c < unit.hi):
        if cut - bounds[-1] >= MIN_PIECE:
            bounds.append(cut)
    if len(bounds) > 1 and unit.hi - bounds[-1] < MIN_PIECE:
        bounds.pop()
    bounds.append(unit.hi)
    if len(bounds) == 2:
        return [unit]
    pieces = []
    for lo, hi in pairwise(bounds):
        start, end = doc.char_span(lo, hi)
        if lo == unit.lo:
            start = unit.start
        if hi == unit.hi:
            end = unit.end
        pieces.append(Unit(unit.doc, lo, hi, start, end, unit.quote))
    return pieces


def sentences(doc: Doc, unit: Unit) -> list[Unit]:
    """The unit cut at every sentence start."""
    inside = doc.sentence_starts[
        bisect_right(doc.sentence_starts, unit.lo) : bisect_left(doc.sentence_starts, unit.hi)
    ]
    return pieces(doc, unit, set(inside))
