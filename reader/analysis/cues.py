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
_SEPARATORS = re.compile(r"[\s,—–-]*")
_ACCORDING = re.compile(r"\baccording\s+to\s+", re.IGNORECASE)
_OWNER_LEAD = re.compile(rf"\s+{_OWNER}", re.IGNORECASE)
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
        self._joined: dict[str, re.Pattern[str]] = {}
        if not _plain(lexicon):
            self._joined = {
                "according": re.compile(rf"{_ACCORDING.pattern}{subject}", flags),
                "owner": re.compile(rf"{_OWNER_LEAD.pattern}{subject}", flags),
                "anchored": re.compile(rf"{_SEPARATORS.pattern}{self.forward.pattern}", flags),
            }
        inverting = rf"(?:{alternation(INVERTING_VERBS)})(?![\w-])"
        titles = rf"(?:(?:{alternation(TITLE_WORDS - {'the'})}|(?-i:[A-Z][\w’'-]*))\s+){{0,4}}?"
        self.inverted = re.compile(
            rf"[\s,—–-]*{inverting}\s+{titles}{subject}(?=\s*[.,;:!?\n(—–]|\s+{_OWNER}|\s+{_SETTING}|$)",
            flags,
        )
        phrase = r"(?:[\w’'.-]+\s+){1,5}?"
        self.any_after = re.compile(
            rf"[\s,—–-]*(?:{phrase}{verbs}|{verbs}\s+(?:[\w’'.-]+\s+){{0,4}}[\w’'.-]+"
            rf"(?=\s*[.,;!?\n]|$))",
            flags,
        )

    def after(self, masked: str, at: int, end: int) -> Cue | None:
        """A cue right after a quote's closing mark: `,” the brand said` or `,” said Smith`."""
        found = self._anchored(masked, at, end)
        if found:
            return _cue(masked, at, found)
        inverted = self.inverted.match(masked, at, end)
        return _cue(masked, inverted.start(), inverted) if inverted else None

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
        forward = ((f.start(), f) for f in self.forward.finditer(masked, start, end))
        for found in (*forward, *self._according(masked, start, end)):
            if best is None or found[1].end() > best[1].end():
                best = found
        return _cue(masked, *best) if best else None

    def first_after(self, masked: str, start: int, end: int) -> Cue | None:
        """The first cue in `masked[start:end]`."""
        forward = self.forward.search(masked, start, end)
        according = next(self._according(masked, start, end), None)
        if according and (forward is None or according[0] < forward.start()):
            return _cue(masked, *according)
        return _cue(masked, forward.start(), forward) if forward else None

    def first_subject(self, masked: str, start: int, end: int) -> Cue | None:
        """The first name, pronoun or description in `masked[start:end]`."""
        found = self.subject.search(masked, start, end)
        return _cue(masked, found.start(), found) if found else None

    def owner_of(self, masked: str, cue: Cue) -> Cue | None:
        """Who a description speaks for: "a spokesperson for the company", "a statement from X"."""
        at = cue.subject_start + len(cue.subject)
        found = self._owner(masked, at)
        return _cue(masked, at, found) if found else None

    def subjects(self, masked: str, start: int, end: int) -> Iterator[Cue]:
        """Every name, pronoun or description in `masked[start:end]`, found as they are
        asked for."""
        return (_cue(masked, f.start(), f) for f in self.subject.finditer(masked, start, end))

    def subject_at(self, masked: str, start: int, end: int) -> Cue | None:
        """A name, pronoun or description starting the passage `masked[start:end]`."""
        lead = _CONNECTIVES.match(masked, start, end)
        found = self.subject.match(masked, lead.end() if lead else start, end)
        return _cue(masked, found.start(), found) if found else None

    def _according(self, masked: str, start: int, end: int) -> Iterator[tuple[int, re.Match[str]]]:
        """The "according to X" cues of `masked[start:end]`, in order, as (start, the match
        whose groups hold the subject): what `finditer` of the whole pattern finds."""
        joined = self._joined.get("according")
        if joined:
            yield from ((f.start(), f) for f in joined.finditer(masked, start, end))
            return
        after = start
        for lead in _ACCORDING.finditer(masked, start, end):
            if lead.start() >= after:
                found = self.subject.match(masked, lead.end(), end)
                if found:
                    yield lead.start(), found
                    after = found.end()

    def _owner(self, masked: str, at: int) -> re.Match[str] | None:
        """A subject after "for", "of", "from"… at `at`: the match whose groups hold it."""
        joined = self._joined.get("owner")
        if joined:
            return joined.match(masked, at)
        lead = _OWNER_LEAD.match(masked, at)
        return self.subject.match(masked, lead.end()) if lead else None

    def _anchored(self, masked: str, at: int, end: int) -> re.Match[str] | None:
        """A forward cue after the separators at `at` (commas, dashes, blanks)."""
        joined = self._joined.get("anchored")
        if joined:
            return joined.match(masked, at, end)
        skip = _SEPARATORS.match(masked, at, end)
        return self.forward.match(masked, skip.end() if skip else at, end)


def _starts_a_subject(phrase: str) -> bool:
    """Whether a phrase can open a subject: "one commuter said", not "and claimed"."""
    first = phrase.lstrip(" \t\n,—–-").split(maxsplit=1)[0].lower()
    return first in _DETERMINERS or first not in FUNCTION_WORDS


def _cue(masked: str, start: int, found: re.Match[str]) -> Cue:
    """The cue of a match starting at `start` (whose groups hold the subject): its span
    without leading separators, and its subject."""
    text = masked[start : found.end()]
    lead = len(text) - len(text.lstrip(" \t\n,—–-"))
    how = next(h for h in ("name", "pronoun", "description") if found.group(h))
    return Cue(start + lead, found.end(), found.group(how), how, found.start(how))


def _plain(lexicon: Lexicon) -> bool:
    """Whether every name of the lexicon starts with a letter or digit, never a blank, comma
    or dash (nor is empty). Then a subject never starts at a separator, so "separators then
    a cue" is the cue tried where the separators end, and a cue after "according to" or
    "for" is a subject tried where the lead ends: one compiled pattern serves several,
    and compiling is most of a small story's attribution time."""
    forms = [*lexicon.forms, *lexicon.surnames]
    return all(form.split() and form.split()[0][0] not in ",—–-" for form in forms)
