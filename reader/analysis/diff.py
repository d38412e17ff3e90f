"""Word-level difference between a canonical quote and one outlet's version.

Words are compared by their normalised form (case, apostrophes, hyphens and "&" do not count
as changes) and shown as each text writes them, punctuation inside a run included.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Literal

from reader.text import FUNCTION_WORDS, tokens

__all__ = ["DiffOp", "Judgement", "judge", "opcodes", "word_diff"]

DiffOp = Literal["equal", "delete", "insert"]
Judgement = Literal["exact", "variant", "paraphrase"]

FUNCTION_WEIGHT = 0.25
"""Function words count this much in the similarity, content words 1."""
REWRITE_SHARE = 0.15
"""A version that swaps this share of its content words for others (at least two) is a
rewrite; words only cut (a partial quote) or only added ("— period") make a variant."""


def opcodes(a: Sequence[str], b: Sequence[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib's edit script between two word sequences, where a replacement that only moves
    a word break ("harbour wall" / "harbour-wall", read "harbourwall") counts as equal."""
    script = difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
    return [
        (
            "equal" if tag == "replace" and "".join(a[i1:i2]) == "".join(b[j1:j2]) else tag,
            i1,
            i2,
            j1,
            j2,
        )
        for tag, i1, i2, j1, j2 in script
    ]


def word_diff(canonical: str, text: str) -> list[tuple[DiffOp, str]]:
    """Runs of equal, deleted (only in canonical) and inserted (only in text) words."""
    a, b = tokens(canonical), tokens(text)
    ops: list[tuple[DiffOp, str]] = []
    for tag, i1, i2, j1, j2 in opcodes([t.norm for t in a], [t.norm for t in b]):
        if tag == "equal":
            _append(ops, "equal", text[b[j1].start : b[j2 - 1].end])
            continue
        if i2 > i1:
            _append(ops, "delete", canonical[a[i1].start : a[i2 - 1].end])
        if j2 > j1:
            _append(ops, "insert", text[b[j1].start : b[j2 - 1].end])
    return ops


def _append(ops: list[tuple[DiffOp, str]], op: DiffOp, words: str) -> None:
    """Add a run, merged with the previous one when it is of the same kind."""
    if ops and ops[-1][0] == op:
        ops[-1] = (op, f"{ops[-1][1]} {words}")
    else:
        ops.append((op, words))


def _weight(words: Sequence[str]) -> float:
    return sum(FUNCTION_WEIGHT if w in FUNCTION_WORDS else 1.0 for w in words)


def judge(canonical: Sequence[str], version: Sequence[str]) -> tuple[Judgement, float]:
    """How a version departs from the canonical words, and their similarity in 0..1.

    The same letters → exact (case, punctuation, dashes, quote marks, "&", hyphens and word
    breaks are spelling, not change). Words cut or added (a partial quote, "— period") →
    variant. Content words replaced by others ("horrified and angered" for "disgusted and
    outraged") in a sizeable share → paraphrase: the statement was rewritten, not trimmed.
    """
    if "".join(canonical) == "".join(version):
        return "exact", 1.0
    same = 0.0
    for tag, i1, i2, j1, j2 in opcodes(canonical, version):
        if tag == "equal":
            same += (_weight(canonical[i1:i2]) + _weight(version[j1:j2])) / 2
    had = {w for w in canonical if w not in FUNCTION_WORDS}
    has = {w for w in version if w not in FUNCTION_WORDS}
    swapped = min(len(had - has), len(has - had))  # words lost *and* words brought in
    total = _weight(canonical) + _weight(version)
    similarity = round(2 * same / total, 3) if total else 0.0
    if swapped >= 2 and swapped >= REWRITE_SHARE * (swapped + len(had & has)):
        return "paraphrase", similarity
    return "variant", similarity
