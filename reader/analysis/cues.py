"""The attribution phrases around a quote: "Kardashian wrote", "said the brand", "she added".

A cue is a subject next to a speech verb. The subject is a speaker's name or alias, a
pronoun, or a description ("the fashion house", "the Hulu reality star", "the statement",
"a Balenciaga spokesperson"); an apposition may sit between subject and verb ("the
statement, which was posted on Instagram, began"; "Smith, 42, said").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from reader.analysis.mentions import HONORIFICS, Lexicon
from reader.analysis.speech import (
    APPOSED,
    INVERTING_VERBS,
    ORG_NOUNS,
    PERSON_NOUNS,
    SPEECH_VERBS,
    STATEMENT_NOUNS,
    TITLE_WORDS,
    alternation,
)
from reader.text import FUNCTION_WORDS

_PRONOUNS = "she|he|they|it"
_ADVERBS = (
    r"(?:\s+(?:also|then|later|previously|first|further|finally|again|once|recently"
    r"|has|had|have|would|\w+ly))*"
)
_OWNER = r"(?:for|of|at|from|by)\s+"
_SETTING = r"(?:in|on|during|after|before|while|when|who|as|to|via|told|through)\b"
"""Words that may follow "said Smith": where and when he said it ("said Trump in an interview")."""
_DETERMINERS = frozenset("the a an this that his her their its another".split())
_CONNECTIVES = re.compile(
    r"(?:(?:and|but|so|then|finally|later|also|first|next|meanwhile|however|still)\W+)*",
    re.IGNORECASE,
)
_APPOSITION = rf"(?:\s*,{APPOSED}{{1,80}},|\s*[—–][^—–\n_]{{1,80}}[—–]|\s+\([^()\n_]{{1,80}}\))?"


@dataclass(frozen=True, slots=True)
class Cue:
    """A subject found in the text, how it refers (name, pronoun, description), its span."""

    start: int
    end: int
    subject: str
    how: str
    """"name", "pronoun" or "description"."""
    subject_start: int = 0


class CuePatterns:
    """The cue regexes of one story, built once from its speakers' names and roles."""

    def __init__(self, lexicon: Lexicon) -> None:
        heads = {*ORG_NOUNS, *PERSON_NOUNS, *STATEMENT_NOUNS}
        for role in lexicon.roles.values():
            heads |= role
        statements = alternation(STATEMENT_NOUNS)
        description = (
            rf"(?:the|a|an|this|that|its|their|her|his)\s+(?:[\w’'-]+\s+){{0,3}}?"
            rf"(?:{alternation(heads)})(?:['’]s\s+(?:{statements}))?"
        )
        honorific = rf"(?:(?:{alternation(HONORIFICS)})\.?\s+)?"
        subject = (
            rf"(?<![\w’'-])(?:{honorific}(?P<name>{lexicon.pattern})(?:['’]s\s+(?:{statements}))?"
            rf"|(?P<pronoun>{_PRONOUNS})|(?P<description>{description}))(?![\w-])"
        )
        verbs = rf"(?:{alternation(SPEECH_VERBS)})(?![\w-])"
        flags = re.IGNORECASE
        self.subject = re.compile(subject, flags)
        self.forward = re.compile(rf"{subject}{_APPOSITION}{_ADVERBS}\s+{verbs}", flags)
        self.according = re.compile(rf"\baccording\s+to\s+{subject}", flags)
        inverting = rf"(?:{alternation(INVERTING_VERBS)})(?![\w-])"
        titles = rf"(?:(?:{alternation(TITLE_WORDS - {'the'})}|(?-i:[A-Z][\w’'-]*))\s+){{0,4}}?"
        self.inverted = re.compile(
            rf"[\s,—–-]*{inverting}\s+{titles}{subject}(?=\s*[.,;:!?\n(—–]|\s+{_OWNER}|\s+{_SETTING}|$)",
            flags,
        )
        self.owner = re.compile(rf"\s+{_OWNER}{subject}", flags)
        self.anchored = re.compile(rf"[\s,—–-]*{subject}{_APPOSITION}{_ADVERBS}\s+{verbs}", flags)
        phrase = r"(?:[\w’'.-]+\s+){1,5}?"
        self.any_after = re.compile(
            rf"[\s,—–-]*(?:{phrase}{verbs}|{verbs}\s+(?:[\w’'.-]+\s+){{0,4}}[\w’'.-]+"
            rf"(?=\s*[.,;!?\n]|$))",
            flags,
        )

    def after(self, masked: str, at: int, end: int) -> Cue | None:
        """A cue right after a quote's closing mark: `,” the brand said` or `,” said Smith`."""
        for pattern in (self.anchored, self.inverted):
            found = pattern.match(masked, at, end)
            if found:
                return _cue(found)
        return None

    def anyone(self, masked: str, closing: int, opening: int, start: int, end: int) -> bool:
        """Whether a speech verb right before or after the quote has a subject of its own,
        known or not ("one commuter said"): then no other cue may claim the quote."""
        after = self.any_after.match(masked, closing, end)
        if after and _starts_a_subject(after.group()):
            return True
        before = masked[max(start, opening - 40) : opening].rstrip(" \t\n,:").split()
        return (
            len(before) >= 2
            and before[-1].lower() in SPEECH_VERBS
            and before[-2].isalpha()
            and before[-2].lower() not in FUNCTION_WORDS
        )

    def last_before(self, masked: str, start: int, end: int) -> Cue | None:
        """The cue nearest to the end of `masked[start:end]`."""
        best = None
        for pattern in (self.forward, self.according):
            for found in pattern.finditer(masked, start, end):
                if best is None or found.end() > best.end():
                    best = found
        return _cue(best) if best else None

    def first_after(self, masked: str, start: int, end: int) -> Cue | None:
        """The first cue in `masked[start:end]`."""
        found = [f for p in (self.forward, self.according) if (f := p.search(masked, start, end))]
        return _cue(min(found, key=lambda f: f.start())) if found else None

    def first_subject(self, masked: str, start: int, end: int) -> Cue | None:
        """The first name, pronoun or description in `masked[start:end]`."""
        found = self.subject.search(masked, start, end)
        return _cue(found) if found else None

    def owner_of(self, masked: str, cue: Cue) -> Cue | None:
        """Who a description speaks for: "a spokesperson for the company", "a statement from X"."""
        found = self.owner.match(masked, cue.subject_start + len(cue.subject))
        return _cue(found) if found else None

    def subjects(self, masked: str, start: int, end: int) -> Iterator[Cue]:
        """Every name, pronoun or description in `masked[start:end]`, found as they are
        asked for."""
        return (_cue(found) for found in self.subject.finditer(masked, start, end))

    def subject_at(self, masked: str, start: int, end: int) -> Cue | None:
        """A name, pronoun or description starting the passage `masked[start:end]`."""
        lead = _CONNECTIVES.match(masked, start, end)
        found = self.subject.match(masked, lead.end() if lead else start, end)
        return _cue(found) if found else None


def _starts_a_subject(phrase: str) -> bool:
    """Whether a phrase can open a subject: "one commuter said", not "and claimed"."""
    first = phrase.lstrip(" \t\n,—–-").split(maxsplit=1)[0].lower()
    return first in _DETERMINERS or first not in FUNCTION_WORDS


def _cue(found: re.Match[str]) -> Cue:
    """The cue of a match: its span without leading separators, and its subject."""
    lead = len(found.group()) - len(found.group().lstrip(" \t\n,—–-"))
    how = next(h for h in ("name", "pronoun", "description") if found.group(h))
    return Cue(found.start() + lead, found.end(), found.group(how), how, found.start(how))
