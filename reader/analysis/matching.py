"""Statements shared across sources: candidates from an index, then alignment.

The pipeline: tokenise every source once (`shingles.prepare`), seed source pairs that share
content shingles (`shingles.seed_pairs`), grow the seeds into aligned passages
(`align.align`), turn quotes and the passages they touch into units at the finest grain the
sources agree on (`units.build_units`), group linked units with one occurrence per source
(`clusters`), link rewritten quotes as paraphrases (`rewrites`, scored by `paraphrase`), and
report aligned text outside every quote as reuse (`reuse.find_reuse`).

Choices, where the product description leaves room:
- One source's block and another's separate quotes give one cluster per separate quote
  (the finer grain); a quote printed only in part elsewhere loses the sentences left out.
- A partial quote joins the larger statement only when it holds at least three content
  words; shorter ones ("reevaluating") form a shared quote of their own when several sources
  quote the same words.
- The canonical text is the version most occurrences share word for word, the longest on a
  tie. A source never has two occurrences in one cluster: the better aligned one stays, the
  other becomes a cluster of its own.
- Every quote ends up in a cluster, a singleton when no other source has it; ids q1, q2… run
  in reading order (source order, then offset), reuse ids r1, r2… likewise.
- An occurrence that swaps a sizeable share of the content words for others is reported as
  "paraphrase" (`diff.judge`), never merged as exact; quotes no source shares word for word
  are linked by the paraphrase tier, only to a statement of the same or an unknown speaker.
- Reuse is aligned text of at least eight words outside every quote, on both sides.
- Only quoted text is an occurrence: one outlet's narration that shares a quote's words is
  no copy of the quote (nor is it reuse, which is narration on both sides).
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.analysis.align import align
from reader.analysis.clusters import Grouping, as_piece, describe, lexical_links, vote
from reader.analysis.reuse import find_reuse
from reader.analysis.rewrites import link_rewrites
from reader.analysis.shingles import Doc, prepare, seed_pairs
from reader.analysis.units import Unit, build_units
from reader.model import Cluster, Quote, Reuse, Story

__all__ = ["match_quotes"]


def match_quotes(story: Story, quotes: Sequence[Quote]) -> tuple[list[Cluster], list[Reuse]]:
    """Clusters covering every quote (singletons when unshared) and shared non-speech text."""
    docs = prepare(story.sources)
    segments = align(docs, seed_pairs(docs))
    found = build_units(docs, quotes, segments)
    units = list(found.units)
    grouping = Grouping([u.doc for u in units])
    grouping.join_all(lexical_links(docs, found))
    rewritten, replaced = link_rewrites(docs, units, grouping)
    clusters = _clusters(docs, units, grouping, rewritten, replaced)
    return clusters, find_reuse(docs, found, segments)


def _clusters(
    docs: Sequence[Doc],
    units: list[Unit],
    grouping: Grouping,
    rewritten: dict[int, float],
    replaced: set[int],
) -> list[Cluster]:
    groups = [
        sorted((i for i in g if units[i].quote), key=lambda i: (units[i].doc, units[i].start))
        for g in grouping.groups()
        if any(units[i].quote for i in g) and not replaced.intersection(g)
    ]
    groups.sort(key=lambda g: (units[g[0]].doc, units[g[0]].start, units[g[0]].end))
    clusters = []
    for number, group in enumerate(groups, 1):
        pieces = [as_piece(units[i]) for i in group]
        scores = {k: rewritten[i] for k, i in enumerate(group) if i in rewritten}
        text, occurrences = describe(docs, pieces, scores)
        speaker, confidence = vote(units[i].quote for i in group)
        clusters.append(Cluster(f"q{number}", text, speaker, occurrences, confidence))
    return clusters
