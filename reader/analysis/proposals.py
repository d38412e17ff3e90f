"""Speakers the story does not list yet: capitalised names next to a speech verb.

Conservative on purpose: a name must sit right before a speech verb ("CBS News reported",
"Smith, 42, said") or right after one at the end of an attribution ("said Smith."), outside
quotes. Days, months and platforms never count; a single word must also be capitalised in
the middle of a sentence somewhere in the story (so "Critics said" at a sentence start does
not make "Critics" a speaker), and grows to the fullest name the story gives it
("Galimberti" → "Gabriele Galimberti").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from reader.analysis.mentions import HONORIFICS, Lexicon
from reader.analysis.speech import INVERTING_VERBS, NOT_NAMES, SPEECH_VERBS, TITLE_WORDS
from reader.model import Speaker
from reader.text import FUNCTION_WORDS

_LEADING = FUNCTION_WORDS | HONORIFICS | TITLE_WORDS
_VERBS = SPEECH_VERBS | {"according to"}
_INVERTING = INVERTING_VERBS | {"according to"}
_PREPOSITIONS = frozenset("of for with by at in on from to about into onto like than".split())
_TOKEN = r"(?:[A-Z][\w’'-]*\w|[A-Z]\.)"
_NAME = rf"{_TOKEN}(?:[ ]{_TOKEN}){{0,5}}"
_BEFORE_VERB = re.compile(
    rf"(?<![\w’'-])(?=[A-Z])(?P<name>{_NAME})(?:,[^,.;:\n_]{{1,60}},|,)?(?:\s+(?:has|had|have|also|\w+ly))*"
    r"\s+(?P<verb>[a-z]+)\b"
)
_HONORIFIC = rf"\b(?i:{'|'.join(sorted(HONORIFICS))})"
_TITLE = rf"(?:(?i:{'|'.join(sorted(TITLE_WORDS))})\s+)*"
_AFTER_VERB = re.compile(
    rf"\b(?P<verb>[a-z]+(?: to)?)\s+{_TITLE}(?P<name>{_NAME})(?=\s*[.,;!?\n]|$)"
)
"""Verbs are checked against the word list after matching: one alternation of every speech
verb tried at each word would make these scans ten times slower."""


def propose_speakers(texts: Iterable[str], lexicon: Lexicon) -> list[Speaker]:
    """New speakers found in `texts` (narration with quotes masked), in order of appearance."""
    texts = list(texts)
    corpus = "\n".join(texts)
    found: dict[str, Speaker] = {}
    grown: dict[str, str | None] = {}
    for text in texts:
        candidates = [*_BEFORE_VERB.finditer(text), *_AFTER_VERB.finditer(text)]
        for match in sorted(candidates, key=lambda m: m.start()):
            verbs = _INVERTING if match.re is _AFTER_VERB else _VERBS
            if match.group("verb") not in verbs:
                continue
            name = _clean(match.group("name"))
            if name is None or lexicon.knows(name) or _after_preposition(text, match):
                continue
            if " " not in name:
                if name not in grown:
                    mid = _capitalised_mid_sentence(name, corpus)
                    grown[name] = _fullest(name, corpus) if mid else None
                if grown[name] is None:
                    continue
                name = grown[name] or name
            if name.casefold() not in {n.casefold() for n in found}:
                found[name] = Speaker(name, proposed=True)
    return _merge_surnames(found.values())


def _after_preposition(text: str, match: re.Match[str]) -> bool:
    """A name after "of", "with"… is not the subject of the verb that follows."""
    before = text[max(0, match.start() - 12) : match.start()].split()
    return bool(before) and before[-1].lower() in _PREPOSITIONS


def _clean(name: str) -> str | None:
    parts = name.split()
    while parts and parts[0].lower().strip(".") in NOT_NAMES | _LEADING:
        parts.pop(0)
    if not parts or any(p.lower().strip(".") in NOT_NAMES for p in parts):
        return None
    if any(p.lower() in FUNCTION_WORDS for p in parts):
        return None
    return " ".join(parts)


def _capitalised_mid_sentence(word: str, corpus: str) -> bool:
    pattern = rf"(?:[\w,;’'\-—–)]|{_HONORIFIC}\.) +{re.escape(word)}\b"
    return re.search(pattern, corpus) is not None


def _fullest(word: str, corpus: str) -> str:
    """The longest capitalised name in the corpus that ends with `word`."""
    best = word
    for match in re.finditer(rf"((?:{_TOKEN} ){{1,2}}){re.escape(word)}\b", corpus):
        parts = match.group().split()
        while parts and parts[0].lower().strip(".") in NOT_NAMES | _LEADING:
            parts.pop(0)
        if len(parts) > len(best.split()):
            best = " ".join(parts)
    return best


def _merge_surnames(speakers: Iterable[Speaker]) -> list[Speaker]:
    """Drop a proposal that is only the surname of another proposal."""
    listed: Sequence[Speaker] = list(speakers)
    fuller = {s.name.split()[-1] for s in listed if " " in s.name}
    return [s for s in listed if " " in s.name or s.name not in fuller]
