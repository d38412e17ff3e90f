"""Candidate stage: sources as word-id sequences and an inverted index of content shingles.

A shingle is K consecutive *content* words (function words skipped), so "basing it off"
and "basing off", or "never to happen" and "to never happen", give the same shingles.
Words are compared by their normalised form from `reader.text` (`token_gaps`, the same
words as `tokens`). Only shingles held by
two or more sources produce seeds, and a shingle shared by many sources is paired through a
few hub sources rather than all pairs, so the work grows with the text, not with the square
of the number of sources.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain, compress, product, repeat
from operator import add

from reader.model import Source
from reader.text import FUNCTION_WORDS, token_gaps

__all__ = ["Doc", "Seeds", "prepare", "seed_pairs"]

K = 3
"""Content words per shingle."""
ALL_PAIRS_UP_TO = 4
"""A shingle in at most this many sources pairs them all; beyond, only through hubs."""
HUBS = 1
MAX_REPEATS = 3
"""A shingle repeated more often than this in one source is a refrain, not evidence."""

_BREAK = re.compile(r"[.!?;:…]|\n")

Shingle = int
"""K consecutive content words, see `_codes`."""
Seeds = dict[tuple[int, int], list[tuple[int, int]]]
"""(doc a, doc b) with a < b → seed positions (token in a, token in b), each once: a token
begins one shingle, and a pair of sources meets once among a shingle's holders."""


@dataclass(frozen=True, slots=True)
class Doc:
    """One source as parallel token arrays; `ids` are normalised words as integers."""

    index: int
    source: Source
    starts: list[int]
    ends: list[int]
    ids: list[int]
    norms: list[str]
    content: list[bool]
    sentence_starts: list[int]
    """Tokens that begin a sentence or clause (after . ! ? ; : or a line break), in order."""
    cumulative_content: list[int]
    """Content words before each token, so any span's count is one subtraction."""
    ids_reversed: list[int]
    content_reversed: list[bool]
    """The same, back to front, so that alignment walks backward as it walks forward."""
    vocabulary: int
    """Words in the id table all the story's docs share: every id is below it."""

    def content_words(self, lo: int, hi: int) -> int:
        return self.cumulative_content[hi] - self.cumulative_content[lo]

    def char_span(self, lo: int, hi: int) -> tuple[int, int]:
        """Characters of tokens lo..hi-1, keeping sentence punctuation that closes the span."""
        end = self.ends[hi - 1]
        text = self.source.text
        while end < len(text) and text[end] in ".!?…":
            end += 1
        return self.starts[lo], end


def prepare(sources: Sequence[Source]) -> list[Doc]:
    """Tokenise every source once, with one shared word-id table."""
    columns = [token_gaps(source.text) for source in sources]
    words = list(dict.fromkeys(chain.from_iterable(norms for _, _, norms, _ in columns)))
    vocabulary = dict(zip(words, range(len(words)), strict=True))
    is_content = [word not in FUNCTION_WORDS for word in words]
    docs = []
    for index, (source, (starts, ends, norms, gaps)) in enumerate(
        zip(sources, columns, strict=True)
    ):
        ids = list(map(vocabulary.__getitem__, norms))
        content = list(map(is_content.__getitem__, ids))
        docs.append(
            Doc(
                index=index,
                source=source,
                starts=starts,
                ends=ends,
                ids=ids,
                norms=norms,
                content=content,
                sentence_starts=_sentence_starts(gaps),
                cumulative_content=[0, *accumulate(content)],
                ids_reversed=ids[::-1],
                content_reversed=content[::-1],
                vocabulary=len(words),
            )
        )
    return docs


def _sentence_starts(gaps: list[str]) -> list[int]:
    """Words after a gap that holds a sentence or clause break. Break marks are never part
    of a word, and most gaps are one of a few strings (" ", ". ", ", "), each tested once."""
    if len(gaps) < 2:
        return []
    breaking = {gap for gap in set(gaps) if _BREAK.search(gap)}
    inner = gaps[1:-1]
    return [0, *compress(range(1, len(gaps) - 1), map(breaking.__contains__, inner))]


def _codes(ids: list[int], places: list[list[int]]) -> list[Shingle]:
    """Each K-gram of word ids as one number whose digits are its words (`places[k][w]` is
    word w at digit k): an int hashes and compares faster than a tuple, and the lists are
    combined in C."""
    codes = ids[K - 1 :]
    for k, place in enumerate(places):
        codes = list(map(add, map(place.__getitem__, ids[k:]), codes))
    return codes


def seed_pairs(docs: Sequence[Doc]) -> Seeds:
    """Seeds for every pair of sources that shares at least one content shingle. A source's
    positions of each shared shingle are gathered before they join the index, so refrains
    drop out there. Outlets reprint wire copy verbatim: a source identical to an earlier one
    is read once, and a pair of identical sources gets a single seed (their alignment is
    their whole text, see `align`)."""
    first: dict[tuple[int, ...], int] = {}
    twin = [first.setdefault(tuple(doc.ids), doc.index) for doc in docs]
    size = max(1, docs[0].vocabulary) if docs else 1  # a range step is never 0
    places = [list(range(0, size ** (K - k), size ** (K - 1 - k))) for k in range(K - 1)]
    shingles: dict[int, tuple[list[Shingle], list[int]]] = {}
    seen: set[Shingle] = set()
    shared: set[Shingle] = set()
    for doc in docs:
        if twin[doc.index] != doc.index:
            shared |= set(shingles[twin[doc.index]][0])
            continue
        positions = list(compress(range(len(doc.ids)), doc.content))
        keys = _codes(list(compress(doc.ids, doc.content)), places)
        mine = set(keys)
        shared |= mine & seen
        seen |= mine
        shingles[doc.index] = (keys, positions)
    gathered: dict[int, tuple[list[Shingle], list[list[int]]]] = {}
    index: dict[Shingle, list[tuple[int, list[int]]]] = defaultdict(list)
    for doc in docs:
        original = twin[doc.index]
        if original not in gathered:
            keys, positions = shingles[original]
            kept = list(map(shared.__contains__, keys))
            gathered[original] = _gathered(list(compress(keys, kept)), compress(positions, kept))
        keys, ats = gathered[original]
        for key, holder in zip(keys, zip(repeat(doc.index), ats), strict=True):
            index[key].append(holder)
    seeds: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for holders in index.values():
        hubs = holders if len(holders) <= ALL_PAIRS_UP_TO else holders[:HUBS]
        for h, (a, at_a) in enumerate(hubs):
            for b, at_b in holders[h + 1 :]:
                if twin[a] != twin[b]:
                    seeds[a, b].extend(product(at_a, at_b))
                elif (a, b) not in seeds:
                    seeds[a, b] = [(at_a[0], at_b[0])]
    return dict(seeds)


def _gathered(
    keys: list[Shingle], positions: Iterable[int]
) -> tuple[list[Shingle], list[list[int]]]:
    """Each shingle of a source once, in order, with its positions; a shingle repeated more
    than `MAX_REPEATS` times (a refrain) is left out. Most sources repeat none: then the
    lists are built in C."""
    if len(set(keys)) == len(keys):
        return keys, list(map(list, zip(positions)))
    where: dict[Shingle, list[int]] = defaultdict(list)
    for key, at in zip(keys, positions, strict=True):
        where[key].append(at)
    kept = [key for key, ats in where.items() if len(ats) <= MAX_REPEATS]
    return kept, [where[key] for key in kept]
