"""Dated events the articles mention, merged with the story's own.

Each date expression (see `dates`) gives a candidate event: its date, a label made from the
clause around it (see `labels`) and the sentence as evidence; a label without a verb (a bare
name, a place, an adverb), without a subject, or told in the first person is no event.
Candidates with compatible dates (equal, one a coarser form of the other, or a day apart)
and shared content words are one event told several times; its label is the candidate
whose words the others share most, unless story.yaml names the event, whose wording wins.
A source without a date reads its relative dates against the story's most common source
date (the latest on a tie).
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.analysis.dates import MONTHS, WEEKDAYS, DateMention, find_dates
from reader.analysis.labels import has_verb, make_label, sentences
from reader.analysis.mentions import Lexicon, lexicon_of
from reader.model import Event, EventOrigin, Source, Span, Speaker, Story
from reader.text import FUNCTION_WORDS, token_columns

MAX_EVIDENCE = 300
"""Longer sentences give the clause around the date as evidence instead."""

CONTEXT_SENTENCES = 20
"""How far back a pronoun looks for the speaker it stands for."""

_DATELINE_KINDS = frozenset({"iso", "month_day", "day_month"})
"""A full date opening the text is the article's dateline, not an event."""
_DATELINE = re.compile(r"(?i)\s*(?:date|published|updated|posted)?:?\s*")
_NOT_EVENT_WORDS = (
    FUNCTION_WORDS
    | frozenset(w.lower() for w in (*MONTHS, *WEEKDAYS))
    | {
        "week",
        "month",
        "year",
        "day",
        "days",
        "last",
        "late",
        "early",
        "earlier",
        "yesterday",
        "today",
    }
)
"""Words that do not tell one event from another: function words and words of dates."""


@dataclass
class _Candidate:
    """One telling of an event, or a group of them once merged."""

    date: str
    label: str
    words: frozenset[str]
    evidence: list[Span] = field(default_factory=list)
    origin: EventOrigin = "text"
    members: list[tuple[str, frozenset[str]]] = field(default_factory=list)
    order: tuple[int, int] = (0, 0)


def extract_events(story: Story, speakers: Sequence[Speaker] | None = None) -> list[Event]:
    """Events from the text and from story.yaml, one per happening, in date order.

    `speakers` (default the story's) name the subjects that pronouns in labels stand for."""
    fallback = reference_date(story.sources)
    lexicon = lexicon_of(tuple(story.speakers if speakers is None else speakers))
    candidates: list[_Candidate] = []
    for index, source in enumerate(story.sources):
        candidates.extend(_source_events(source, index, source.date or fallback, lexicon))
    for event in story.events:
        candidates.append(
            _Candidate(
                event.date,
                event.label,
                _content_words(event.label),
                list(event.evidence),
                event.origin,
                order=(len(story.sources), 0),
            )
        )
    groups = _merge(candidates)
    return [_event(group) for group in sorted(groups, key=lambda g: (g.date, g.order, g.label))]


def reference_date(sources: Sequence[Source]) -> dt.date | None:
    """The date an undated source borrows: the most common source date, the latest on a tie."""
    counts = Counter(s.date for s in sources if s.date is not None)
    if not counts:
        return None
    return max(counts, key=lambda d: (counts[d], d))


def _source_events(
    source: Source, index: int, reference: dt.date | None, lexicon: Lexicon
) -> list[_Candidate]:
    text = source.text
    found: list[_Candidate] = []
    ranges = sentences(text)
    starts = [r[0] for r in ranges]
    for mention in find_dates(text, reference, breaks=starts):
        if mention.kind in _DATELINE_KINDS and _DATELINE.fullmatch(text, 0, mention.start):
            continue
        number = max(0, bisect.bisect_right(starts, mention.start) - 1)
        sentence = ranges[number]
        context = ranges[max(0, number - CONTEXT_SENTENCES) : number]
        label = make_label(text, sentence, mention, lexicon, context)
        if not label.named and not (
            label.subject and has_verb(label.text) and _third_person(label.text)
        ):
            continue
        start, end = _evidence_range(sentence, mention, label.start, label.end)
        words = _content_words(text[label.start : label.end]) | _content_words(label.text)
        span = Span(source.id, start, end, text[start:end])
        found.append(_Candidate(mention.date, label.text, words, [span], order=(index, start)))
    return found


def _third_person(label: str) -> bool:
    """A label told by a speaker ("I said", "We will…") names nobody: it is no event."""
    return label.split()[0].lower() not in {"i", "we", "you"}


def _evidence_range(
    sentence: tuple[int, int], mention: DateMention, start: int, end: int
) -> tuple[int, int]:
    if sentence[1] - sentence[0] <= MAX_EVIDENCE:
        return sentence
    return min(start, mention.start), max(end, mention.end)


def _content_words(text: str) -> frozenset[str]:
    return frozenset(
        _stem(norm)
        for norm in token_columns(text)[2]
        if norm not in _NOT_EVENT_WORDS and not norm.isdigit()
    )


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _compatible(a: str, b: str) -> bool:
    """Equal dates, one a coarser form of the other, or days next to each other: "Thursday
    night" in one time zone is Friday in another, and outlets date a statement either way."""
    if a.startswith(b) or b.startswith(a):
        return True
    if len(a) != 10 or len(b) != 10:
        return False
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) == 1


def _similar(a: _Candidate, b: _Candidate) -> bool:
    """Same date and a shared word, or a coarser date and clearly the same words."""
    shared = max((len(w & b.words) for _, w in a.members or [(a.label, a.words)]), default=0)
    if a.date == b.date:
        return shared >= 1
    smallest = min(len(a.words), len(b.words)) or 1
    return shared >= 2 and shared / smallest >= 0.5


def _merge(candidates: Sequence[_Candidate]) -> list[_Candidate]:
    """Each candidate joins the first event it is compatible and similar with, else starts
    one; the events are looked up by date and word (see `_Events`), not scanned."""
    events = _Events()
    for candidate in candidates:
        number = events.first_joined_by(candidate)
        if number is None:
            candidate.members = [(candidate.label, candidate.words)]
            events.add(candidate)
            continue
        target = events.groups[number]
        target.members.append((candidate.label, candidate.words))
        target.words |= candidate.words
        target.evidence.extend(candidate.evidence)
        if len(candidate.date) > len(target.date):
            target.date = candidate.date
        if candidate.origin != "text":
            target.origin = candidate.origin
            target.label = candidate.label
        target.order = min(target.order, candidate.order)
        events.index(number)
    for group in events.groups:
        if group.origin == "text":
            group.label = _consensus_label(group.members)
    return events.groups


class _Events:
    """The events merged so far, indexed by (date, word): a candidate can only join an event
    of a compatible date (the same, coarser, finer or a day apart) that shares one of its
    words, so only those are compared with it, first made first."""

    def __init__(self) -> None:
        self.groups: list[_Candidate] = []
        self._postings: dict[tuple[str, str, str], list[int]] = defaultdict(list)

    def add(self, group: _Candidate) -> None:
        self.groups.append(group)
        self.index(len(self.groups) - 1)

    def index(self, number: int) -> None:
        """File event `number` under its date as it is now and every word it has."""
        group = self.groups[number]
        date = group.date
        keys = [("=", date)] + [("<", date[:size]) for size in (4, 7) if size < len(date)]
        for how, when in keys:
            for word in group.words:
                found = self._postings[how, when, word]
                at = bisect.bisect_left(found, number)
                if at == len(found) or found[at] != number:
                    found.insert(at, number)

    def first_joined_by(self, candidate: _Candidate) -> int | None:
        """The number of the first event `candidate` joins, if any."""
        date = candidate.date
        keys = [("=", date[:size]) for size in (4, 7) if size < len(date)]
        keys += [("=", date), ("<", date)]
        if len(date) == 10:
            day = dt.date.fromisoformat(date)
            keys += [("=", (day + dt.timedelta(days=d)).isoformat()) for d in (-1, 1)]
        postings = [
            self._postings.get((how, when, word), [])
            for how, when in keys
            for word in candidate.words
        ]
        tried = -1
        for number in heapq.merge(*postings):
            group = self.groups[number]
            if number != tried and _compatible(group.date, date) and _similar(group, candidate):
                return number
            tried = number
        return None


def _consensus_label(members: Sequence[tuple[str, frozenset[str]]]) -> str:
    """The label whose words most tellings share; shorter, then earlier, on a tie."""
    frequency = Counter(w for _, words in members for w in words)

    def score(item: tuple[int, tuple[str, frozenset[str]]]) -> tuple[int, int, int]:
        position, (label, _) = item
        return (sum(frequency[w] for w in _content_words(label)), -len(label), -position)

    return max(enumerate(members), key=score)[1][0]


def _event(group: _Candidate) -> Event:
    seen: dict[tuple[str, int, int], Span] = {}
    for span in group.evidence:
        seen.setdefault((span.source, span.start, span.end), span)
    return Event(group.date, group.label, tuple(seen.values()), group.origin)
