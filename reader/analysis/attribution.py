"""Who said each quote of one source, decided from the words around it.

Quotes are read in text order, keeping track of who was last mentioned (names outside
quotes, and the speakers of quotes already attributed). For each quote, first match wins:

1. a cue right after the closing mark (`,” the brand said`, `,” said Smith`); after a quote
   ending in a full stop, the cue before it in its sentence comes first;
2. the nearest cue before the quote in its sentence (`Kardashian said, “…`);
3. a cue later in its sentence (`is “reevaluating” her relationship…, she announced`);
4. a clause ending in a speech verb that hands over to the quote ("Romney released a
   statement saying: “…”", "Biden was quick to retort: “…”"): the sentence's subject;
   — a speech verb next to the quote with a subject nobody knows ("one aide said") stops
   here: the speaker is unknown, never borrowed from a neighbour;
5. the previous quote of the paragraph, when no one else is mentioned between its
   attribution sentence and this quote (`“…,” she said. “…”`), or the quote this
   paragraph continues;
6. for a paragraph that opens with the quote: an introducing paragraph ending in a colon
   (its cue, else its first subject, else the last speaker), a previous paragraph ending
   in an attributed quote, or one whose last sentence starts with a subject ("She
   followed with…");
7. a speaker named earlier in a sentence that speaks of speech ("issued a statement");
8. for a few quoted words inside narration, the sentence's subject, shown as uncertain.

A quote running over paragraphs with its cue in the last one takes that cue's speaker.

Names resolve through the story's speakers. "He" and "she" stand for the subject of the
sentence before, as journalists write (a quote's speaker names its sentence's subject),
never for a named person who is no speaker ("President Joe Biden … he said" stays None);
"it", "they" and descriptions for the most recent compatible speaker, with lower
confidence; "the statement" for the most recent speaker whose kind fits the quote's voice
(we → organisation, I → person). Unknown stays None.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from reader.analysis.cues import Cue, CuePatterns
from reader.analysis.mentions import Kind, Lexicon, follows_another_name, other_people
from reader.analysis.named import Named
from reader.analysis.passages import (
    Span,
    masked_text,
    paragraphs,
    sentence_at,
    sentences,
)
from reader.analysis.quotemarks import MARKS
from reader.analysis.speech import (
    INTRODUCING,
    ORG_NOUNS,
    PERSON_NOUNS,
    STATEMENT_NOUNS,
    mentions_speech,
    voice,
)
from reader.analysis.speech import words as words_of
from reader.model import Quote

CONFIDENCE = {
    "name": 0.9,
    "surname": 0.85,
    "described": 0.75,
    "description": 0.6,
    "pronoun": 0.65,
    "it": 0.55,
}
"""How sure each way of naming a speaker is; under 0.6 the reader marks it uncertain: "it"
and "they" stand for whatever organisation was named last, and may be a document."""
_ROLE_MATCH = 0.75
_STATEMENT = 0.55
_INHERITED = 0.9
_NEARBY = 0.5
_PARTIAL = 0.55
_APPOSITION_REACH = 60
"""How far after a description its apposed name may end ("The photographer—Jane Doe—")."""
_LOOK_BACK = 4
"""Sentences a he or she may look back for the person it stands for."""
_REACH = 1_000
"""Characters of a sentence read on either side of a quote (or before a pronoun). Cues sit
within a few hundred characters of their quote; past this a "sentence" is a list or a run
of quotes with no full stop, and reading all of it for each quote would make the work grow
with the square of its length."""
_FINAL = frozenset(".!?…")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_TAG_END = re.compile(
    r"\s*(?:[.,;:!?\n]|$|(?:in|on|via|to|during|at|after|before|late|earlier|last|this)\b)"
)
"""After a quote closed by a full stop, "she said." is its tag; "she said it was…" is not."""
_VISIBLE = re.compile(r"\S")
_APPOSED = re.compile(r"\s*[,—–(]\s*")
"""Between a description and the name that follows it: "the company’s CEO, John Doe, said"."""
_PROXIES = frozenset("spokesperson spokesman spokeswoman representative rep".split())


@dataclass(frozen=True, slots=True)
class Verdict:
    """A speaker (or None), how sure, and the span of the words that decided."""

    speaker: str | None
    confidence: float
    cue: tuple[int, int] | None
    direct: bool = False
    """Decided by a cue of the quote's own, not borrowed from its neighbours."""


_UNKNOWN = Verdict(None, 0.0, None)


class SourceAttribution:
    """The attribution of the quotes of one source."""

    def __init__(self, text: str, quotes: list[Quote], lexicon: Lexicon, cues: CuePatterns):
        self.text = text
        self.quotes = sorted(quotes, key=lambda q: q.start)
        self.lexicon = lexicon
        self.cues = cues
        self.masked = masked_text(text, self.quotes)
        self.paras = paragraphs(text)
        self.para_starts = [p[0] for p in self.paras]
        self.sentences = {p: sentences(self.masked, *p) for p in self.paras}
        self.flat = [span for p in self.paras for span in self.sentences[p]]
        self.flat_starts = [span[0] for span in self.flat]
        spoken = lexicon.mentions(self.masked)
        self.named = Named(
            [(m.start, m.name) for m in spoken]
            + [(at, "") for at in other_people(self.masked, lexicon, spoken)],
            lexicon.kinds,
        )
        self.verdicts: list[Verdict] = []

    def run(self) -> list[Quote]:
        """The quotes with speaker, confidence and cue set, in text order."""
        for index, quote in enumerate(self.quotes):
            verdict = self._decide(index, quote)
            self.verdicts.append(verdict)
            if verdict.speaker:
                self.named.quoted(quote.start, verdict.speaker)
        for index in range(len(self.quotes) - 2, -1, -1):
            later = self.verdicts[index + 1]
            if not self.verdicts[index].direct and later.direct and self._runs_on(index):
                self.verdicts[index] = replace(later, confidence=later.confidence * _INHERITED)
        return [
            replace(q, speaker=v.speaker, speaker_confidence=round(v.confidence, 3), cue=v.cue)
            for q, v in zip(self.quotes, self.verdicts, strict=True)
        ]

    def _runs_on(self, index: int) -> bool:
        """Whether quote `index` runs on into the next paragraph's quote (no closing mark)."""
        quote, following = self.quotes[index], self.quotes[index + 1]
        para, next_para = self._paragraph(quote.start), self._paragraph(following.start)
        opening = following.start - 1
        return (
            not _VISIBLE.search(self.text, quote.end, para[1])
            and next_para[0] == opening
            and self.text[opening] in MARKS
            and self._previous(next_para) == para
        )

    def _decide(self, index: int, quote: Quote) -> Verdict:
        para = self._paragraph(quote.start)
        whole = sentence_at(self.sentences[para], quote.start)
        opening = quote.start - (quote.start > para[0] and self.text[quote.start - 1] in MARKS)
        closing = min(quote.end + (self.masked[quote.end : quote.end + 1] == "_"), para[1])
        sentence = (max(whole[0], opening - _REACH), min(whole[1], closing + _REACH))
        final = quote.text[-1:] in _FINAL
        after = self.cues.after(self.masked, closing, para[1])
        if after and final and not _TAG_END.match(self.masked, after.end):
            after = None
        if final or not after:
            before = self.cues.last_before(self.masked, sentence[0], opening)
            own = (before or after) if final else before
        else:
            own = after
        own = own or self.cues.first_after(self.masked, closing, max(closing, sentence[1]))
        if own:
            verdict = self._resolve(own, quote)
            if verdict.speaker:
                return replace(verdict, direct=True)
        introduced = self._introduced(whole[0], sentence, opening, quote)
        if introduced:
            return replace(introduced, direct=True)
        if quote.kind != "partial" and self.cues.anyone(
            self.masked, closing, opening, para[0], para[1]
        ):
            return _UNKNOWN
        return (
            self._inherit(index, para, opening)
            or self._from_previous_paragraph(index, quote, para, opening)
            or self._nearby(sentence, opening)
            or (
                self._subject_of(whole[0], sentence, opening, quote)
                if quote.kind == "partial"
                else None
            )
            or _UNKNOWN
        )

    def _introduced(self, start: int, sentence: Span, opening: int, quote: Quote) -> Verdict | None:
        """A quote after a speech verb that ends its clause ("Biden was quick to retort:",
        "released a statement saying:", "he told CNN,"): the sentence's subject said it, or
        when the sentence opens otherwise ("Asked whether…, Mr. Santorum did not back down,
        saying,"), the speaker named last before the verb ("tells Etheridge," is no cue).
        `start` is where the sentence starts, `sentence` the part of it near the quote."""
        lead = self.masked[sentence[0] : opening].rstrip(" \t\n")
        if not lead.endswith((":", ",")) or quote.kind == "partial":
            return None
        found = words_of(lead[-40:])
        if not found or not any(w in INTRODUCING for w in found[-3:]):
            return None
        subject = self.cues.subject_at(self.masked, start, opening)
        if subject is not None and subject.how != "description":
            verdict = self._resolve(subject, quote)
            return verdict if verdict.speaker else None
        verb = max(m.start() for m in _WORD.finditer(lead) if m.group().lower() in INTRODUCING)
        named = self.lexicon.mentions(self.masked, sentence[0], sentence[0] + verb)
        if not named or self.named.someone_between(named[-1].end, opening):
            return None
        return Verdict(
            named[-1].name, CONFIDENCE["name"] * _INHERITED, (named[-1].start, named[-1].end)
        )

    def _subject_of(self, start: int, sentence: Span, opening: int, quote: Quote) -> Verdict | None:
        """A few quoted words inside narration are the words of the sentence's subject
        ("Boehner chided Obama for having “wasted another week.”"), said less surely.
        `start` is where the sentence starts, `sentence` the part of it near the quote."""
        subject = self.cues.subject_at(self.masked, start, opening)
        if subject is None or subject.subject.lower() in {"it", "they"}:
            named = self.lexicon.mentions(self.masked, sentence[0], opening)
            first = named[0] if named else None
            if first is None or self.named.someone_between(sentence[0], first.start):
                return None
            return Verdict(first.name, _PARTIAL, (first.start, first.end))
        verdict = self._resolve(subject, quote)
        if verdict.speaker is None:
            return None
        return replace(verdict, confidence=min(verdict.confidence, _PARTIAL))

    def _paragraph(self, offset: int) -> Span:
        return self.paras[max(0, bisect.bisect_right(self.para_starts, offset) - 1)]

    def _previous(self, para: Span) -> Span | None:
        at = bisect.bisect_left(self.para_starts, para[0])
        return self.paras[at - 1] if at > 0 else None

    def _inherit(self, index: int, para: Span, opening: int) -> Verdict | None:
        """The previous quote's speaker when this one plainly goes on with it."""
        if index == 0:
            return None
        previous, verdict = self.quotes[index - 1], self.verdicts[index - 1]
        if verdict.speaker is None:
            return None
        if previous.start >= para[0]:
            gap_start = previous.end
            if verdict.cue and verdict.cue[0] >= previous.end:
                gap_start = sentence_at(self.sentences[para], verdict.cue[0])[1]
            if self._someone_else(gap_start, opening, verdict.speaker):
                return None
            return Verdict(verdict.speaker, verdict.confidence * _INHERITED, verdict.cue)
        if self._runs_on(index - 1):
            return Verdict(verdict.speaker, verdict.confidence * _INHERITED, verdict.cue)
        return None

    def _someone_else(self, start: int, end: int, speaker: str) -> bool:
        """Whether `masked[start:end]` mentions anyone but `speaker`."""
        if any(m.name != speaker for m in self.lexicon.mentions(self.masked, start, end)):
            return True
        for found in self.cues.subjects(self.masked, start, end):
            other = self._resolve(found, Quote("", 0, 0, "")).speaker
            if other is not None and other != speaker:
                return True
        return False

    def _from_previous_paragraph(
        self, index: int, quote: Quote, para: Span, opening: int
    ) -> Verdict | None:
        """For a paragraph that opens with the quote: what the paragraph before says."""
        before = self._previous(para)
        if opening != para[0] or before is None:
            return None
        last = self.sentences[before][-1]
        if self.text[before[0] : before[1]].endswith(":"):
            cue = self.cues.last_before(self.masked, *last) or self.cues.first_subject(
                self.masked, *last
            )
            if cue:
                return self._resolve(cue, quote)
            return self._last_speaker(quote.start, _NEARBY)
        previous = self.verdicts[index - 1] if index else _UNKNOWN
        if previous.speaker and self.quotes[index - 1].end >= last[0]:
            return Verdict(previous.speaker, previous.confidence * _INHERITED * 0.9, previous.cue)
        subject = self.cues.last_before(self.masked, *last) or self.cues.subject_at(
            self.masked, *last
        )
        if subject:
            verdict = self._resolve(subject, quote)
            return replace(verdict, confidence=min(verdict.confidence, _NEARBY))
        return None

    def _nearby(self, sentence: Span, opening: int) -> Verdict | None:
        """A speaker named earlier in a sentence that talks about speech."""
        if not mentions_speech(self.masked[sentence[0] : sentence[1]]):
            return None
        found = self.lexicon.mentions(self.masked, sentence[0], opening)
        if not found:
            return None
        return Verdict(found[0].name, _NEARBY * 0.9, (found[0].start, found[0].end))

    def _last_speaker(self, before: int, confidence: float) -> Verdict | None:
        name = self.named.last_said(before)
        return Verdict(name, confidence, None) if name else None

    def _resolve(self, cue: Cue, quote: Quote) -> Verdict:
        """The speaker a cue's subject stands for."""
        span = (cue.start, cue.end)
        if cue.how == "name":
            named = self.lexicon.canonical(_strip_possessive(cue.subject), self.masked, cue.start)
            if named is None or (
                named[1] == "surname" and follows_another_name(self.masked, cue.start)
            ):
                return _UNKNOWN
            return Verdict(named[0], CONFIDENCE[named[1]], span)
        if cue.how == "pronoun":
            pronoun = cue.subject.lower()
            if pronoun in {"he", "she"}:
                name = self._antecedent(cue.start, quote)
                return Verdict(name, CONFIDENCE["pronoun"], span) if name else _UNKNOWN
            name = self._recent(cue.start, _PRONOUN_KINDS[pronoun])
            return Verdict(name, CONFIDENCE["it"], span) if name else _UNKNOWN
        return self._describe(cue, quote, span)

    def _describe(self, cue: Cue, quote: Quote, span: tuple[int, int]) -> Verdict:
        subject_end = cue.subject_start + len(cue.subject)
        reach = min(len(self.masked), max(cue.end, subject_end + _APPOSITION_REACH))
        named = self.lexicon.mentions(self.masked, cue.subject_start, reach)
        apposed = [m for m in named if _APPOSED.fullmatch(self.masked, subject_end, m.start)]
        inner = apposed or [m for m in named if m.start < subject_end]
        if inner:
            return Verdict(inner[0].name, CONFIDENCE["name"] - 0.1, span)
        owner_cue = self.cues.owner_of(self.masked, cue)
        if owner_cue and owner_cue.how != "pronoun":
            owned = self._resolve(owner_cue, quote)
            if owned.speaker:
                return replace(owned, cue=span)
        parts = words_of(cue.subject)
        possessor = next((w for w in parts if w.endswith(("'s", "’s"))), None)
        head = possessor[:-2] if possessor else parts[-1]
        owner = self.lexicon.by_role(head)
        if owner:
            return Verdict(owner, _ROLE_MATCH, span)
        if head in STATEMENT_NOUNS:
            kinds, confidence = _VOICE_KINDS[voice(quote.text)], _STATEMENT
        elif head in ORG_NOUNS or head in _PROXIES:
            kinds, confidence = _ORG, CONFIDENCE["description"]
        elif head in PERSON_NOUNS:
            kinds, confidence = _PERSON, CONFIDENCE["description"]
        else:
            return _UNKNOWN
        name = self._recent(cue.start, kinds)
        return Verdict(name, confidence, span) if name else _UNKNOWN

    def _antecedent(self, at: int, quote: Quote) -> str | None:
        """The person "he" or "she" at `at` stands for, as a journalist writes: the subject of
        the sentence before, else the first person the nearest sentence names or quotes. A
        he, she or unresolved description of a person as subject carries the same person on;
        an organisation as subject is passed over; a person who is no speaker gives None.
        A speaker of unknown kind is taken only when no person turns up; past a few
        sentences, the person last mentioned."""
        number = bisect.bisect_right(self.flat_starts, at) - 1
        fallback: str | None = None
        for back in range(number, max(-1, number - _LOOK_BACK), -1):
            start, end = self.flat[back][0], min(self.flat[back][1], at)
            subject = self.cues.subject_at(self.masked, start, end)
            start = max(start, end - _REACH)
            subject = subject or self._described(start, end)
            if subject and subject.how == "pronoun" and subject.subject.lower() in {"he", "she"}:
                continue
            if subject and subject.how != "pronoun":
                found = self._resolve(subject, quote).speaker
                kind = self.lexicon.kinds.get(found) if found else None
                if kind == "person":
                    return found
                fallback = fallback or (found if kind == "unknown" else None)
                if found is None and set(words_of(subject.subject)) & _PERSONAL_HEADS:
                    continue
            for name in self._people(start, end):
                if not name:
                    return fallback
                if self.lexicon.kinds.get(name) == "person":
                    return name
                fallback = fallback or name
        return fallback or self._recent(at, _PERSON)

    def _described(self, start: int, end: int) -> Cue | None:
        """A description of a person in `masked[start:end]`, as subject after an opening
        clause ("As OK! reported, the reality star, 42, took to social media")."""
        for found in self.cues.subjects(self.masked, start, end):
            if found.how == "description" and set(words_of(found.subject)) & _PERSONAL_HEADS:
                return found
        return None

    def _people(self, start: int, end: int) -> Iterator[str]:
        """The people and speakers of unknown kind named or quoted in `masked[start:end]`, in
        order; "" for someone who is no speaker."""
        for name in self.named.people(start, end):
            if not name or self.lexicon.kinds.get(name) in _PERSON_OR_UNKNOWN:
                yield name

    def _recent(self, before: int, kinds: tuple[frozenset[Kind], ...]) -> str | None:
        """The most recently mentioned speaker of the first group of `kinds` that has one;
        None when the most recent person is someone who is no speaker."""
        for group in kinds:
            found = self.named.recent(before, group, stop_at_others=group == _PERSON[0])
            if found is not None:
                return found[1] or None
        return None


_PERSON: tuple[frozenset[Kind], ...] = (frozenset({"person"}), frozenset({"unknown"}))
_PERSON_OR_UNKNOWN = frozenset({"person", "unknown"})
_PERSONAL_HEADS = PERSON_NOUNS | frozenset(
    "congressman congresswoman senator lawmaker candidate nominee sheriff".split()
)
_ORG: tuple[frozenset[Kind], ...] = (frozenset({"org"}), frozenset({"unknown"}))
_ANY: tuple[frozenset[Kind], ...] = (frozenset({"person", "org", "unknown"}),)
_PRONOUN_KINDS: dict[str, tuple[frozenset[Kind], ...]] = {
    "she": _PERSON,
    "he": _PERSON,
    "it": _ORG,
    "they": (*_ORG, frozenset({"person"})),
}
_VOICE_KINDS: dict[str | None, tuple[frozenset[Kind], ...]] = {
    "plural": (*_ORG, frozenset({"person"})),
    "singular": _PERSON,
    None: _ANY,
}


def _strip_possessive(subject: str) -> str:
    for mark in ("'s ", "’s "):
        if mark in subject:
            return subject.split(mark)[0]
    return subject
