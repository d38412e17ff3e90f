"""From aligned units to clusters: links, grouping with one occurrence per source, canonical
text, exact / variant / paraphrase, and the speaker voted across occurrences.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.analysis.diff import Judgement, judge
from reader.analysis.shingles import Doc, K
from reader.analysis.units import PARTIAL_COVER, Unit, Units
from reader.model import Occurrence, Quote

__all__ = ["Grouping", "Link", "Piece", "as_piece", "describe", "lexical_links", "vote"]

Link = tuple[float, int, int, int]
"""(-score, -aligned words, unit, unit): sorting puts the strongest link first."""


@dataclass(frozen=True, slots=True)
class Piece:
    """A span of a source as a cluster or reuse member."""

    doc: int
    lo: int
    hi: int
    start: int
    end: int


class Grouping:
    """Union-find where a group never holds two items of the same source."""

    def __init__(self, docs_of: Sequence[int]) -> None:
        self.parent = list(range(len(docs_of)))
        self.docs: list[set[int]] = [{d} for d in docs_of]

    def add(self, doc: int) -> int:
        """A new item of source `doc`, alone in its group."""
        self.parent.append(len(self.parent))
        self.docs.append({doc})
        return len(self.parent) - 1

    def alone(self, item: int) -> bool:
        return len(self.docs[self.find(item)]) == 1

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, a: int, b: int) -> bool:
        """Merge the groups of a and b unless they share a source; True if merged."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb or self.docs[ra] & self.docs[rb]:
            return False
        if len(self.docs[ra]) < len(self.docs[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.docs[ra] |= self.docs[rb]
        return True

    def join_all(self, links: Iterable[Link]) -> None:
        for _, _, a, b in sorted(links):
            self.join(a, b)

    def groups(self) -> list[list[int]]:
        members: dict[int, list[int]] = defaultdict(list)
        for item in range(len(self.parent)):
            members[self.find(item)].append(item)
        return list(members.values())


def lexical_links(docs: Sequence[Doc], found: Units) -> list[Link]:
    """Unit pairs aligned enough to be one statement, and short quotes equal word for word.

    A unit with fewer than K content words never links by alignment to a longer one (a
    one-word quote inside a long statement is not that statement), but equal short quotes in
    several sources ("reevaluating") do form a shared quote of their own.
    """
    units = found.units
    links: list[Link] = []
    for (ua, ub), o in found.overlaps.items():
        na, nb = units[ua].hi - units[ua].lo, units[ub].hi - units[ub].lo
        if o.content >= K and o.words >= PARTIAL_COVER * min(na, nb):
            links.append((-2 * o.words / (na + nb), -o.words, ua, ub))
    first: dict[tuple[int, ...], int] = {}
    for number, unit in enumerate(units):
        doc = docs[unit.doc]
        if unit.quote is None or unit.hi == unit.lo or doc.content_words(unit.lo, unit.hi) >= K:
            continue
        key = tuple(doc.ids[unit.lo : unit.hi])
        if key in first:
            links.append((-1.0, -len(key), first[key], number))
        else:
            first[key] = number
    return links


def describe(
    docs: Sequence[Doc], pieces: Sequence[Piece], rewritten: dict[int, float]
) -> tuple[str, tuple[Occurrence, ...]]:
    """Canonical text and occurrences of a group of pieces, in source order.

    The canonical version is the one most pieces share word for word, the longest on a tie
    (Quotebank keeps the longest variant; a majority first resists one outlet's long
    misquote). Pieces in `rewritten` were linked as paraphrases: they never decide the
    canonical text, and keep their paraphrase score when the words show a rewrite.
    """
    order = sorted(range(len(pieces)), key=lambda i: (pieces[i].doc, pieces[i].start))
    words = [tuple(docs[p.doc].norms[p.lo : p.hi]) for p in pieces]
    lexical = [i for i in order if i not in rewritten] or order
    votes = Counter(words[i] for i in lexical)
    best = max(lexical, key=lambda i: (votes[words[i]], len(words[i]), -order.index(i)))
    canon = pieces[best]
    occurrences = []
    judged: dict[tuple[str, ...], tuple[Judgement, float]] = {}
    """Versions word for word alike are judged once: most occurrences repeat a few."""
    for i in order:
        p = pieces[i]
        text = docs[p.doc].source.text[p.start : p.end]
        if words[i] not in judged:
            judged[words[i]] = judge(words[best], words[i])
        match, similarity = judged[words[i]]
        if i in rewritten and match == "paraphrase":
            similarity = rewritten[i]
        occurrences.append(
            Occurrence(docs[p.doc].source.id, p.start, p.end, text, match, similarity)
        )
    return docs[canon.doc].source.text[canon.start : canon.end], tuple(occurrences)


def vote(quotes: Iterable[Quote | None]) -> tuple[str | None, float]:
    """The speaker most occurrences name, weighted by confidence, and that confidence."""
    weights: dict[str, float] = defaultdict(float)
    voters = 0
    for q in quotes:
        if q is not None and q.speaker:
            weights[q.speaker] += max(q.speaker_confidence, 0.05)
            voters += 1
    if not weights:
        return None, 0.0
    speaker = max(sorted(weights), key=lambda s: weights[s])
    return speaker, round(min(1.0, weights[speaker] / voters), 3)


def as_piece(unit: Unit) -> Piece:
    return Piece(unit.doc, unit.lo, unit.hi, unit.start, unit.end)
