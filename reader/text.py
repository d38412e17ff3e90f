"""Word tokens with offsets, normalised so that spelling noise does not hide text reuse.

Matching, paraphrase scoring, speakers, the timeline and anchoring all read words through
this module, so "re-evaluating" / "reevaluating", "haven’t" / "haven't" and "&" / "and"
are the same word everywhere.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from itertools import accumulate

_WORD = re.compile(r"[^\W_]++(?:['’‘\-‐‑][^\W_]++)*+|&")
"""A word, with inner apostrophes and hyphens. Possessive (`++`, `*+`): nothing follows
that could make a word give letters back, so the engine keeps no state to backtrack to,
which makes tokenising a tenth faster and matches exactly what the greedy form does."""
_JOINERS = re.compile(r"['’‘\-‐‑]")

FUNCTION_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself
    yourselves""".split()
)


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the text: its span and its normalised form."""

    start: int
    end: int
    norm: str


def normalize_word(word: str) -> str:
    """Lower-case, accents kept, apostrophes and hyphens dropped; "&" reads as "and"."""
    if word == "&":
        return "and"
    return _JOINERS.sub("", word).casefold()


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of `text[start:end]` with offsets into `text`."""
    stop = len(text) if end is None else end
    return [
        Token(m.start(), m.end(), normalize_word(m.group()))
        for m in _WORD.finditer(text, start, stop)
    ]


def fold(text: str) -> str:
    """Unicode NFC with curly quotes made straight and every dash a hyphen, same length."""
    text = unicodedata.normalize("NFC", text)
    return text.translate(_FOLD)


_FOLD = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "«": '"',
        "»": '"',
        "‹": "'",
        "›": "'",
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
    }
)


def content_hash(text: str) -> str:
    """A stable fingerprint of a text, for caches and anchors."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_WORD_SPLIT = re.compile(f"({_WORD.pattern})")
_WORD_SPLIT_PLAIN = re.compile("({})".format(_WORD.pattern.replace(r"[^\W_]", r"\w")))
"""The same split for text without an underscore, where `\\w` is `[^\\W_]`: the regex engine
tests a bare category much faster than a negated set, and most texts have no underscore."""
_NORMALIZED: dict[str, str] = {}
_KNOWN_WORDS = 1 << 16
"""Normalised forms kept between calls: a story's vocabulary, most of the time."""


def token_columns(text: str) -> tuple[list[int], list[int], list[str]]:
    """The words of `tokens(text)` as parallel lists of starts, ends and normalised forms,
    for code that scans many long texts and cannot afford an object per word."""
    starts, ends, norms, _ = token_gaps(text)
    return starts, ends, norms


def token_gaps(text: str) -> tuple[list[int], list[int], list[str], list[str]]:
    """`token_columns` and the text between words: gap i comes before word i, and the last
    gap after the last word."""
    parts = (_WORD_SPLIT if "_" in text else _WORD_SPLIT_PLAIN).split(text)
    offsets = list(accumulate(map(len, parts)))
    return offsets[0:-1:2], offsets[1::2], _normalized(parts[1::2]), parts[0::2]


def _normalized(words: list[str]) -> list[str]:
    """The normalised form of each word. Most texts are read again (quotes, then matching),
    so all their words are known already: looking them up costs less than first finding
    which ones are missing."""
    known = _NORMALIZED
    try:
        return list(map(known.__getitem__, words))
    except KeyError:
        pass
    missing = set(words).difference(known)
    if len(known) + len(missing) <= _KNOWN_WORDS:
        known.update({w: normalize_word(w) for w in missing})
        table = known
    else:
        table = {w: known.get(w) or normalize_word(w) for w in set(words)}
    return list(map(table.__getitem__, words))
