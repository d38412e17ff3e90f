"""Paraphrase tier: link a quote rewritten with other words to the statement it rewrites.

No lexical alignment sees "horrified and angered" in "disgusted and outraged", so quotes
left unshared after alignment are compared with the story's other statements on their
content words: crudely stemmed (common suffixes cut, then the first six letters), mapped
through a small table of synonyms common in news rewriting, with their order (LCS) and the
length ratio. Topic words too common in the story's statements do not propose candidates.
Only statements of the same or an unknown speaker qualify, and a link is always reported
as a paraphrase with its score.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reader.text import FUNCTION_WORDS

__all__ = ["Candidate", "Statements", "Target", "similarity", "stems"]

THRESHOLD = 0.5
MIN_SHARED = 3
"""Distinct shared content stems below which no link is considered."""
COVER = 0.5
"""Share of each side's content words that must be matched."""
COMMON = 0.1
"""A stem in more than this share of the statements is too common to find candidates by."""
PROPOSE = 2
"""Uncommon stems a statement must share with a quote to be scored against it."""

_SYNONYMS = (
    "said stated told remarked noted",
    "image images photo photos picture pictures photograph photographs",
    "child children kid kids youngster youngsters minor minors",
    "disgusted appalled horrified sickened revolted",
    "outraged angered angry furious enraged incensed",
    "disturbing frightening unsettling troubling alarming upsetting shocking",
    "safety protection security welfare",
    "regard esteem respect",
    "kind type sort",
    "believe think trust faith",
    "understand recognize realize comprehend grasp",
    "seriousness gravity severity",
    "issue situation matter problem",
    "measures steps actions",
    "happen occur",
    "begin start commence",
    "immediately promptly quickly swiftly instantly",
    "remove withdraw delete retract",
    "platform site channel",
    "campaign advertising advertisement ad ads marketing commercial",
    "apologize apology",
    "sincerely deeply truly genuinely",
    "company firm business",
    "help assist aid",
    "big large huge",
    "important significant crucial vital",
    "show shown display depict exhibit feature featured",
    "create develop produce build",
    "include contain comprise",
    "unapproved unauthorized unsanctioned",
    "item product object",
    "mistake error blunder",
    "try attempt seek",
    "ask request",
    "choose select pick",
    "get obtain receive",
    "recent latest",
    "currently presently",
    "reevaluate reassess reconsider rethink",
    "relationship partnership collaboration",
    "law statute legislation",
    "people individuals persons",
    "stop halt cease",
    "end finish conclude",
    "buy purchase",
    "answer reply respond response",
    "quiet silent",
    "opportunity chance",
    "speak talk",
    "reveal disclose",
    "need require",
    "allow permit",
    "worried concerned anxious",
    "happy glad pleased delighted",
    "sad unhappy upset",
    "afraid scared frightened",
    "tell inform",
    "hurt harm damage injure",
    "kill murder",
    "die perish",
    "lawsuit suit",
    "fast rapid quick",
)
"""Groups of words news rewriting swaps for one another; each maps to its first word."""
_SUFFIXES = (
    *("ations", "ation", "ments", "ment", "nesses", "ness", "ings", "ing", "ities", "ity"),
    *("ies", "ied", "ers", "er", "ed", "es", "ly", "al", "ion", "s", "e"),
)
"""Tried in order, longest first where one ends another; the first that fits is cut."""


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:6]


_CLASS = {_stem(word): group.split()[0] for group in _SYNONYMS for word in group.split()}


def stems(norms: Sequence[str]) -> tuple[str, ...]:
    """The content words of a normalised text, stemmed and mapped to synonym classes."""
    out = []
    for norm in norms:
        if norm not in FUNCTION_WORDS:
            s = _stem(norm)
            out.append(_CLASS.get(s, s))
    return tuple(out)


EXACT_ORDER_CELLS = 250_000
"""Word pairs up to which the order of shared words is measured exactly (every real quote);
past it a long reprinted text is measured in O(n log n), so it cannot stall the analysis."""


def _lcs(a: Sequence[str], b: Sequence[str]) -> int:
    """How many words `a` and `b` share in the same order."""
    if len(a) * len(b) > EXACT_ORDER_CELLS:
        return _in_order(a, b)
    row = [0] * (len(b) + 1)
    for x in a:
        previous = 0
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], previous + 1 if x == y else max(row[j], row[j - 1])
    return row[-1]


def _in_order(a: Sequence[str], b: Sequence[str]) -> int:
    """A near-LCS in O(n log n), exact when no word repeats: the k-th use of each word in `a`
    paired with its k-th use in `b`, and the longest run of pairs in increasing order."""
    places: dict[str, list[int]] = defaultdict(list)
    for j, word in enumerate(b):
        places[word].append(j)
    used: Counter[str] = Counter()
    tails: list[int] = []
    for word in a:
        k, used[word] = used[word], used[word] + 1
        if k < len(places.get(word, ())):
            at = bisect.bisect_left(tails, places[word][k])
            tails[at : at + 1] = [places[word][k]]
    return len(tails)


def similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """How likely two stem sequences say the same thing in other words, in 0..1.

    Both must have at least half their content words in common (after stems and synonyms):
    statements that merely share the story's topic words never qualify. The score is the
    Dice overlap (which also weighs the length ratio), discounted when the shared words come
    in another order. Overlap is not weighted by rarity: within one story every statement
    shares the topic words, and a rewrite swaps the distinctive words for synonyms, so
    rarity would discount exactly the evidence a rewrite leaves.
    """
    return _similarity(a, Counter(a), b, Counter(b))


def _similarity(
    a: Sequence[str], count_a: Counter[str], b: Sequence[str], count_b: Counter[str]
) -> float:
    """`similarity` with each side's word counts already made."""
    if len(a) < COVER * len(b) or len(b) < COVER * len(a):
        return 0.0  # fewer words on one side than the other must have in common
    if len(count_a) > len(count_b):
        count_a, count_b = count_b, count_a
    shared = {w: min(n, count_b[w]) for w, n in count_a.items() if w in count_b}
    matched = sum(shared.values())
    if len(shared) < MIN_SHARED or matched < COVER * len(a) or matched < COVER * len(b):
        return 0.0
    order = _lcs([w for w in a if w in shared], [w for w in b if w in shared]) / matched
    return round(2 * matched / (len(a) + len(b)) * (0.6 + 0.4 * order), 3)


@dataclass(frozen=True)
class Candidate:
    """A quote no other source carries word for word."""

    item: int
    doc: int
    words: tuple[str, ...]
    speaker: str | None


@dataclass(frozen=True)
class Target:
    """A statement (shared or not) a candidate may rewrite: its distinct versions."""

    item: int
    docs: frozenset[int]
    versions: tuple[tuple[str, ...], ...]
    speaker: str | None


class Statements:
    """The statements a quote may rewrite, indexed by their words: built once and asked about
    any number of quotes (both passes of `rewrites` ask about the same statements when the
    first pass cuts nothing).

    A statement is scored against a quote when they share PROPOSE of the quote's uncommon
    words, and only when the two can have the COVER share of each other's words that a
    similarity above zero needs. Prefixes tell which can: with the words of a text ordered
    rarest first, repeats kept, its prefix is its first words up to where fewer than the
    COVER share are left (`_prefix`). Two texts sharing that share of each one's words share
    the rarest of the words they share, and it stands in both prefixes. So each statement is
    filed under the words of its versions' prefixes only, and a quote looks up those of its
    own: the index gives the statements worth scoring, and the work does not grow with
    quotes × statements.
    """

    def __init__(self, targets: Sequence[Target]) -> None:
        self.targets = targets
        self.held: Counter[str] = Counter()  # how many targets hold each word
        self.words = [frozenset(w for v in target.versions for w in v) for target in targets]
        for words in self.words:
            self.held.update(words)
        ordered = sorted(self.held, key=lambda w: (self.held[w], w))
        self.rank = {word: rank for rank, word in enumerate(ordered)}
        """Each word's place in the order of prefixes, rarest first; a word no statement
        holds comes before all, and never matches."""
        self.shared: dict[int, list[int]] = defaultdict(list)
        """Each word's statements of several sources: listed once rather than once per
        source."""
        self.single: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        """Each word's statements of one source, filed under it, so the quote's own source,
        which it never links to, costs nothing to pass over."""
        for number, target in enumerate(targets):
            ranks = set().union(*(self._prefix(version) for version in target.versions))
            if len(target.docs) > 1:
                for rank in ranks:
                    self.shared[rank].append(number)
            else:
                (doc,) = target.docs
                for rank in ranks:
                    self.single[rank][doc].append(number)
        self.limit = max(10, COMMON * len(targets))
        self.counts: dict[int, list[tuple[tuple[str, ...], Counter[str]]]] = {}

    def links(self, candidates: Sequence[Candidate]) -> list[tuple[float, int, int]]:
        """(score, candidate item, target item) above the threshold, best first."""
        links = []
        for cand in candidates:
            uncommon = {w for w in cand.words if self.held[w] <= self.limit}
            if len(uncommon) < PROPOSE:
                continue
            count = Counter(cand.words)
            for number in self._sharing_a_prefix(cand):
                target = self.targets[number]
                if cand.speaker and target.speaker and cand.speaker != target.speaker:
                    continue
                if cand.doc in target.docs or len(uncommon & self.words[number]) < PROPOSE:
                    continue
                score = max(_similarity(cand.words, count, v, n) for v, n in self._counted(number))
                if score >= THRESHOLD:
                    links.append((score, cand.item, target.item))
        return sorted(links, key=lambda link: (-link[0], link[1], link[2]))

    def _counted(self, number: int) -> list[tuple[tuple[str, ...], Counter[str]]]:
        """The versions of a target with their word counts, made once however many quotes
        it is scored with."""
        counted = self.counts.get(number)
        if counted is None:
            counted = self.counts[number] = [(v, Counter(v)) for v in self.targets[number].versions]
        return counted

    def _prefix(self, words: Sequence[str]) -> set[int]:
        """The ranks of the words of `words`' prefix."""
        ranks = sorted([self.rank.get(word, -1) for word in words])
        return set(ranks[: len(ranks) - math.ceil(COVER * len(ranks)) + 1])

    def _sharing_a_prefix(self, cand: Candidate) -> set[int]:
        """The targets of other sources with a version whose prefix shares a word with the
        candidate's: every target that can score above zero, and few others."""
        found: set[int] = set()
        for rank in self._prefix(cand.words):
            found.update(self.shared.get(rank, ()))
            for doc, numbers in self.single.get(rank, {}).items():
                if doc != cand.doc:
                    found.update(numbers)
        return found
