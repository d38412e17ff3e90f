"""Anchoring annotations to source text, and finding them again after the text changed.

An anchor is the W3C Web Annotation pair of a TextQuoteSelector (exact passage with a little
prefix and suffix context) and a TextPositionSelector (offsets, only a hint). Resolving tries,
in order: the stored offsets, the exact passage with the best-matching context (nearest to the
old offset on a tie), then a fuzzy match found through the passage's rarest words and scored by
the similarity of passage and context. Anything below `MIN_PASSAGE_SIMILARITY` / `MIN_SCORE` is
reported orphaned rather than attached to the wrong words.

Comparison happens on a normalised view of the text (line endings made `\\n`, Unicode NFC);
offsets handed back always index the source text as stored.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reader.model import Anchor, AnchorStatus, Annotation, Resolved, Source, Span
from reader.text import Token, content_hash, fold, tokens

__all__ = [
    "CONTEXT_CHARS",
    "MIN_PASSAGE_SIMILARITY",
    "MIN_SCORE",
    "find_passage",
    "make_anchor",
    "normalize",
    "passage_similarity",
    "resolve",
]

CONTEXT_CHARS = 32
MIN_PASSAGE_SIMILARITY = 0.75
"""A fuzzy candidate's own text must be at least this close to the stored passage."""
MIN_SCORE = 0.75
"""...and passage and context together must score at least this."""

_CONTEXT_WEIGHT = 0.25
_MAX_POSTINGS = 4000
_MAX_REGIONS = 6
_EDGE_BLOCKS = 4
_CHAR_RATIO_LIMIT = 4000


@dataclass(frozen=True)
class _View:
    """A normalised copy of a text and, per normalised character, its span in the original."""

    text: str
    begin: tuple[int, ...] | None = None
    finish: tuple[int, ...] | None = None

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the normalised span `[start, end)` (non-empty)."""
        if self.begin is None or self.finish is None:
            return start, end
        return self.begin[start], self.finish[end - 1]


@lru_cache(maxsize=16)
def _view(text: str) -> _View:
    """Line endings as `\\n` and NFC, keeping a map back to the original offsets.

    Cached: resolving all of a story's annotations normalises each source once.
    """
    if "\r" not in text and unicodedata.is_normalized("NFC", text):
        return _View(text)
    chunks: list[tuple[int, int]] = []  # original [start, end) of each unit normalised alone
    i = 0
    while i < len(text):
        j = i + 2 if text.startswith("\r\n", i) else i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        if chunks and text[i] != "\r" and _composes(text, chunks[-1], (i, j)):
            chunks[-1] = (chunks[-1][0], j)
        else:
            chunks.append((i, j))
        i = j
    parts: list[str] = []
    begin: list[int] = []
    finish: list[int] = []
    for start, end in chunks:
        raw = text[start:end]
        part = "\n" if raw in ("\r\n", "\r") else unicodedata.normalize("NFC", raw)
        parts.append(part)
        begin.extend([start] * len(part))
        finish.extend([end] * len(part))
    return _View("".join(parts), tuple(begin), tuple(finish))


def _composes(text: str, left: tuple[int, int], right: tuple[int, int]) -> bool:
    """Whether two neighbouring units change when normalised together (Hangul, Indic vowels)."""
    a, b = text[left[0] : left[1]], text[right[0] : right[1]]
    if a.endswith("\r"):
        return False
    joined = unicodedata.normalize("NFC", a + b)
    return joined != unicodedata.normalize("NFC", a) + unicodedata.normalize("NFC", b)


def normalize(text: str) -> str:
    """The form passages are compared in: `\\n` line endings, Unicode NFC."""
    return _view(text).text


def make_anchor(source: Source, start: int, end: int) -> Anchor:
    """An anchor for `source.text[start:end]` with up to 32 characters of context each side."""
    if not 0 <= start < end <= len(source.text):
        raise ValueError(f"passage {start}..{end} is not a non-empty span of {source.id}")
    text = source.text
    return Anchor(
        source=source.id,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
        start=start,
        end=end,
        source_hash=content_hash(text),
    )


def find_passage(source: Source, passage: str) -> list[tuple[int, int]]:
    """Every (start, end) in the stored text where `passage` occurs, compared normalised."""
    view = _view(source.text)
    return [view.original(s, e) for s, e in _occurrences(view.text, normalize(passage))]


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    if not needle:
        return found
    at = text.find(needle)
    while at >= 0:
        found.append((at, at + len(needle)))
        at = text.find(needle, at + 1)
    return found


def resolve(annotation: Annotation, source: Source | None) -> Resolved:
    """Place the annotation on the current text of its source: anchored, moved or orphaned."""
    anchor = annotation.anchor
    exact = normalize(anchor.exact)
    if source is None or not exact.strip():
        return Resolved(annotation, "orphaned", None)
    view = _view(source.text)
    prefix, suffix = normalize(anchor.prefix), normalize(anchor.suffix)
    exact_hits = _occurrences(view.text, exact)
    if exact_hits:
        best = max(
            exact_hits,
            key=lambda hit: (
                _context_overlap(view.text, hit, prefix, suffix),
                -abs(view.original(*hit)[0] - anchor.start),
            ),
        )
        span = view.original(*best)
        status: AnchorStatus = "anchored" if span == (anchor.start, anchor.end) else "moved"
        return Resolved(annotation, status, _span(source, span))
    fuzzy = _fuzzy(view, exact, prefix, suffix, anchor.start)
    if fuzzy is None:
        return Resolved(annotation, "orphaned", None)
    return Resolved(annotation, "moved", _span(source, view.original(*fuzzy)))


def _span(source: Source, span: tuple[int, int]) -> Span:
    start, end = span
    return Span(source.id, start, end, source.text[start:end])


def _context_overlap(text: str, hit: tuple[int, int], prefix: str, suffix: str) -> int:
    """Characters of stored context that still surround `hit` exactly."""
    before = text[max(0, hit[0] - len(prefix)) : hit[0]]
    after = text[hit[1] : hit[1] + len(suffix)]
    matched = 0
    while matched < len(before) and before[-1 - matched] == prefix[-1 - matched]:
        matched += 1
    ahead = 0
    while ahead < len(after) and after[ahead] == suffix[ahead]:
        ahead += 1
    return matched + ahead


def _comparable(text: str) -> str:
    return " ".join(fold(text).casefold().split())


def passage_similarity(a: str, b: str) -> float:
    """How alike two passages read (0..1), ignoring case, spacing, quote and dash styles."""
    left, right = _comparable(a), _comparable(b)
    if not left or not right:
        return 1.0 if left == right else 0.0
    if max(len(left), len(right)) > _CHAR_RATIO_LIMIT:
        left_words = [t.norm for t in tokens(left)]
        right_words = [t.norm for t in tokens(right)]
        return difflib.SequenceMatcher(None, left_words, right_words, autojunk=False).ratio()
    return difflib.SequenceMatcher(None, left, right, autojunk=False).ratio()


def _score(text: str, span: tuple[int, int], exact: str, prefix: str, suffix: str) -> float:
    """Similarity of passage and context at `span`; 0 when the passage itself is too far off."""
    start, end = span
    passage = passage_similarity(exact, text[start:end])
    if passage < MIN_PASSAGE_SIMILARITY:
        return 0.0
    weights = len(prefix) + len(suffix)
    if not weights:
        return passage
    context = (
        len(prefix) * passage_similarity(prefix, text[max(0, start - len(prefix)) : start])
        + len(suffix) * passage_similarity(suffix, text[end : end + len(suffix)])
    ) / weights
    return (1 - _CONTEXT_WEIGHT) * passage + _CONTEXT_WEIGHT * context


def _fuzzy(
    view: _View, exact: str, prefix: str, suffix: str, old_start: int
) -> tuple[int, int] | None:
    """The best-scoring span near the passage's surviving words, if it passes `MIN_SCORE`."""
    text = view.text
    words, postings = _index(text)
    wanted = tokens(exact)
    if not wanted or not words:
        return None
    best: tuple[float, int, tuple[int, int]] | None = None
    for low, high in _regions(postings, wanted, tokens(prefix), tokens(suffix)):
        for span in _candidates(text, words[low:high], exact, wanted):
            score = _score(text, span, exact, prefix, suffix)
            if score < MIN_SCORE:
                continue
            key = (score, -abs(view.original(*span)[0] - old_start), span)
            if best is None or key[:2] > best[:2]:
                best = key
    return None if best is None else best[2]


@lru_cache(maxsize=16)
def _index(text: str) -> tuple[tuple[Token, ...], dict[str, tuple[int, ...]]]:
    """The words of a text and, per normalised word, where it occurs (shared: do not mutate)."""
    words = tuple(tokens(text))
    postings: dict[str, list[int]] = defaultdict(list)
    for index, word in enumerate(words):
        postings[word.norm].append(index)
    return words, {norm: tuple(hits) for norm, hits in postings.items()}


def _regions(
    postings: dict[str, tuple[int, ...]],
    wanted: list[Token],
    before: list[Token],
    after: list[Token],
) -> list[tuple[int, int]]:
    """Token windows of the text where the passage most likely sits now.

    Each shared word votes for an alignment (text position minus passage position); rare
    words first and common ones only while the vote budget lasts, so long texts stay cheap.
    """
    size = len(wanted)
    query = [(i - len(before), t.norm, 0.5) for i, t in enumerate(before)]
    query += [(i, t.norm, 1.0) for i, t in enumerate(wanted)]
    query += [(size + i, t.norm, 0.5) for i, t in enumerate(after)]
    query = [q for q in query if q[1] in postings]
    query.sort(key=lambda q: (len(postings[q[1]]), q[0]))
    votes: dict[int, float] = defaultdict(float)
    spent = 0
    for position, norm, weight in query:
        hits = postings[norm]
        if spent and spent + len(hits) > _MAX_POSTINGS:
            break
        spent += len(hits)
        for index in hits:
            votes[index - position] += weight / len(hits)
    reach = max(2, min(size // 3, 16))
    smoothed = {d: sum(votes.get(d + k, 0.0) for k in range(-reach, reach + 1)) for d in votes}
    slack = max(4, size // 2)
    chosen: list[int] = []
    for diagonal in sorted(smoothed, key=lambda d: (-smoothed[d], d)):
        if all(abs(diagonal - other) > size for other in chosen):
            chosen.append(diagonal)
        if len(chosen) == _MAX_REGIONS:
            break
    return [(max(0, d - slack), d + size + slack) for d in chosen]


def _candidates(
    text: str, region: Sequence[Token], exact: str, wanted: list[Token]
) -> list[tuple[int, int]]:
    """Spans from one of the first matched words to one of the last, trimmed of stray matches."""
    matcher = difflib.SequenceMatcher(
        None, [t.norm for t in wanted], [t.norm for t in region], autojunk=False
    )
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return []
    lead = exact[: wanted[0].start]
    trail = exact[wanted[-1].end :]
    spans = set()
    for first in blocks[:_EDGE_BLOCKS]:
        for last in blocks[-_EDGE_BLOCKS:]:
            if last.b + last.size <= first.b:
                continue
            start = region[first.b].start
            end = region[last.b + last.size - 1].end
            if lead and text[max(0, start - len(lead)) : start] == lead:
                start -= len(lead)
            if trail and text[end : end + len(trail)] == trail:
                end += len(trail)
            spans.add((start, end))
    return sorted(spans)
