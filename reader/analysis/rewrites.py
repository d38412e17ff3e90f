"""Linking rewritten quotes: what the paraphrase tier does with the units left unshared.

Two passes. First, a lone quote whose sentences (at most SENTENCES of them) rewrite two or
more different statements is cut into its sentences (003 rewrites "I appreciate …" and "In
speaking with them …" as one quote). Then every lone quote, whole, joins the statement it
rewrites best, as a paraphrase.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.analysis.clusters import Grouping, vote
from reader.analysis.paraphrase import Candidate, Statements, Target, stems
from reader.analysis.shingles import Doc, K
from reader.analysis.units import Unit, sentences

__all__ = ["link_rewrites"]

VERSIONS = 4
"""Distinct versions of a statement a paraphrase is compared with."""
SENTENCES = 40
"""A statement of more sentences is compared whole, never sentence by sentence: quotes run
to a dozen sentences, and comparing each sentence of a reprinted speech with each sentence
of another would grow with the square of its length."""


def link_rewrites(
    docs: Sequence[Doc], units: list[Unit], grouping: Grouping
) -> tuple[dict[int, float], set[int]]:
    """Paraphrase scores of the units joined to a statement, and the units replaced by their
    sentences (appended to `units` and `grouping`). The statements and lone quotes are read
    again for the second pass only when the first cut some: otherwise they are the same."""
    words = _Stems(docs)
    targets, lone = _inputs(docs, units, grouping, set(), words)
    statements = Statements(targets)
    replaced = _cut(units, grouping, words, statements, lone)
    if replaced:
        targets, lone = _inputs(docs, units, grouping, replaced, words)
        statements = Statements(targets)
    return _join(units, grouping, words, statements, lone), replaced


class _Stems:
    """The stems of each unit's words, made once: both passes read the same units."""

    def __init__(self, docs: Sequence[Doc]) -> None:
        self.docs = docs
        self.made: dict[tuple[int, int, int], tuple[str, ...]] = {}

    def __call__(self, unit: Unit) -> tuple[str, ...]:
        key = (unit.doc, unit.lo, unit.hi)
        if key not in self.made:
            self.made[key] = stems(self.docs[unit.doc].norms[unit.lo : unit.hi])
        return self.made[key]


def _inputs(
    docs: Sequence[Doc], units: list[Unit], grouping: Grouping, replaced: set[int], words: _Stems
) -> tuple[list[Target], dict[int, list[Unit]]]:
    """Every statement as a target (with its sentences), and every lone quote long enough to
    judge, with its sentences when it has several."""
    targets: list[Target] = []
    lone: dict[int, list[Unit]] = {}
    for group in grouping.groups():
        quotes = [units[i].quote for i in group]
        if not any(quotes) or replaced.intersection(group):
            continue
        unit = units[group[0]]
        split = sentences(docs[unit.doc], unit)
        split = split if 1 < len(split) <= SENTENCES else []
        versions = [words(units[i]) for i in group[:VERSIONS]]
        versions += [words(s) for s in split]
        speaker, _ = vote(quotes)
        docs_in = frozenset(units[i].doc for i in group)
        targets.append(Target(group[0], docs_in, tuple(dict.fromkeys(versions)), speaker))
        if len(group) == 1 and docs[unit.doc].content_words(unit.lo, unit.hi) >= K:
            lone[group[0]] = [unit, *split]
    return targets, lone


def _speaker(units: list[Unit], item: int) -> str | None:
    quote = units[item].quote
    return quote.speaker if quote else None


def _cut(
    units: list[Unit],
    grouping: Grouping,
    words: _Stems,
    statements: Statements,
    lone: dict[int, list[Unit]],
) -> set[int]:
    candidates: list[Candidate] = []
    owners: list[int] = []
    for item, parts in lone.items():
        for part in parts[1:]:
            candidates.append(Candidate(len(owners), part.doc, words(part), _speaker(units, item)))
            owners.append(item)
    rewrites: dict[int, set[int]] = {}
    seen: set[int] = set()
    for _, key, target in statements.links(candidates):
        if key not in seen:  # each sentence counts for its best statement only
            seen.add(key)
            rewrites.setdefault(owners[key], set()).add(target)
    replaced = {item for item, found in rewrites.items() if len(found) >= 2}
    for item in sorted(replaced):
        for part in lone[item][1:]:
            units.append(part)
            grouping.add(part.doc)
    return replaced


def _join(
    units: list[Unit],
    grouping: Grouping,
    words: _Stems,
    statements: Statements,
    lone: dict[int, list[Unit]],
) -> dict[int, float]:
    candidates = [
        Candidate(item, parts[0].doc, words(parts[0]), _speaker(units, item))
        for item, parts in lone.items()
    ]
    best: dict[int, tuple[float, int]] = {}
    for score, item, target in statements.links(candidates):
        best.setdefault(item, (score, target))
    rewritten: dict[int, float] = {}
    # Best first; on a tie (two lone quotes rewriting each other) the later source rewrites.
    order = sorted(best.items(), key=lambda b: (-b[1][0], -units[b[0]].doc, b[0]))
    for item, (score, target) in order:
        if grouping.alone(item) and grouping.join(item, target):
            rewritten[item] = score
    return rewritten
