"""Synthetic stories for benchmarks and property tests: many outlets covering one made-up event.

Pure and deterministic for a given seed. Each source is news prose (`NewsWriter`: names,
titles, roles, dates, numbers) with quotes of a shared pool of statements: most reprinted
exactly, some lightly edited, some split around their cue, some quoted only in part; quotes
only that outlet has (from the story's cast or someone it alone interviewed), and now and
then a wire paragraph several outlets reprint. Quotes come
with their cue before, after or inside them, in curly or straight marks (one style an outlet),
and name their speaker in full, by surname or by pronoun as the article goes on.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from reader.bench.newswriter import NewsWriter, Person
from reader.model import Quote, Source, Story

__all__ = ["Passage", "synthetic_quotes", "synthetic_story", "synthetic_truth"]

Passage = tuple[str, int, int, str]
"""(source id, start, end, label)."""

_MARKS = (("“", "”"), ('"', '"'))
_LEAD_WORDS = 40
CUE = "c"
"""The label of a cue ("Thomas Hedana, a spokesman for the Dinu Foundation, said"): outlets
introducing the same person alike share such text without reprinting each other."""
_EDITABLE = 12
"""Words from which an outlet may alter a quote: one word changed in fewer is another quote."""
_SENTENCE_END = re.compile(r"(?<=[.?!]) ")


@dataclass(frozen=True)
class _Planted:
    """A passage put in a paragraph: its offsets there, its label, who said it (quotes)."""

    start: int
    end: int
    label: str
    speaker: str | None = None


def synthetic_story(n_sources: int, words: int = 800, seed: int = 0) -> Story:
    """A story of `n_sources` articles of about `words` words each."""
    return _generate(n_sources, words, seed)[0]


def synthetic_truth(n_sources: int, words: int = 800, seed: int = 0) -> list[Passage]:
    """What `synthetic_story` with the same arguments put where: every quote with its pool
    statement ("p3"; "f3" when only a fragment of it is quoted; "u…" for the quotes only that
    source has), every cue naming who spoke ("c") and every wire paragraph ("w1"). Narration
    is left out."""
    return [
        (s, start, end, label) for s, start, end, label, _ in _generate(n_sources, words, seed)[1]
    ]


def synthetic_quotes(n_sources: int, words: int = 800, seed: int = 0) -> list[Quote]:
    """The quotes `synthetic_story` with the same arguments planted, each with its speaker."""
    story, planted = _generate(n_sources, words, seed)
    texts = {s.id: s.text for s in story.sources}
    return [
        Quote(source, start, end, texts[source][start:end], speaker=who, speaker_confidence=0.9)
        for source, start, end, label, who in planted
        if label[0] in "pfu"
    ]


def _edit(rng: random.Random, text: str, writer: NewsWriter) -> str:
    """A small alteration an outlet might make: a word cut, added or swapped, or re-spelt."""
    words = text.split()
    at = rng.randrange(len(words) - 1)
    change = rng.randrange(4)
    if change == 0:
        del words[at]
    elif change == 1:
        words.insert(at, rng.choice(writer.vocabulary))
    elif change == 2:
        words[at], words[at + 1] = words[at + 1], words[at]
    else:
        words[at] = words[at].upper() if rng.random() < 0.5 else words[at] + " —"
    return " ".join(words)


class _Article:
    """One outlet's article as it is written, paragraph by paragraph: who was named already,
    who spoke last, and the passages planted so far."""

    def __init__(self, writer: NewsWriter, marks: tuple[str, str]) -> None:
        self.writer = writer
        self.rng = writer.rng
        self.open, self.close = marks
        self.named: set[Person] = set()
        self.last: Person | None = None

    def mention(self, person: Person) -> str:
        if person not in self.named:
            self.named.add(person)
            mention = person.first_mention()
        elif person is self.last and self.rng.random() < 0.5:
            mention = person.pronoun
        else:
            mention = person.later_mention()
        self.last = person
        return mention

    def quoted(self, text: str, label: str, person: Person) -> tuple[str, list[_Planted]]:
        """A paragraph quoting `text`, the cue before, after or between its sentences."""
        o, c = self.open, self.close
        roll = self.rng.random()
        first, _, rest = text.partition(". ")
        if roll < 0.15 and rest:
            cue = self.writer.cue(self.mention(person), False)
            return self._assemble(
                [o, (f"{first},", label), f"{c} ", (cue, CUE), f" {o}", (rest, label), c], person
            )
        if roll < 0.35:
            cue = self.writer.cue(self.mention(person), True)
            return self._assemble([(cue, CUE), f" {o}", (text, label), c], person)
        ending = text[:-1] + "," if text.endswith(".") else text
        cue = self.writer.cue(self.mention(person), False)
        return self._assemble([o, (ending, label), f"{c} ", (cue, CUE)], person)

    def partial(self, text: str, label: str, person: Person) -> tuple[str, list[_Planted]]:
        """A paragraph quoting a few words of `text` inside its own sentence."""
        rng = self.rng
        words = rng.choice(_SENTENCE_END.split(text)).rstrip(".?!").split()
        length = min(len(words), rng.randint(4, 9))
        at = rng.randrange(len(words) - length + 1)
        fragment = " ".join(words[at : at + length]).rstrip(".,?!")
        mention = self.mention(person)
        cue = f"{mention[0].upper()}{mention[1:]} {self.writer.partial_verb()}"
        after = f"{self.close}. {self.writer.sentence()}"
        return self._assemble([(cue, CUE), f" {self.open}", (fragment, label), after], person)

    def _assemble(
        self, pieces: list[str | tuple[str, str]], person: Person
    ) -> tuple[str, list[_Planted]]:
        """The paragraph of `pieces`, and where its labelled ones (quotes, cues) went."""
        text, planted = "", []
        for piece in pieces:
            if isinstance(piece, tuple):
                piece, label = piece
                speaker = None if label == CUE else person.name
                planted.append(_Planted(len(text), len(text) + len(piece), label, speaker))
            text += piece
        return text, planted


def _generate(
    n_sources: int, words: int, seed: int
) -> tuple[Story, list[tuple[str, int, int, str, str | None]]]:
    rng = random.Random(seed)
    writer = NewsWriter(rng, people=10 + n_sources // 10)
    pool = [(rng.choice(writer.people), writer.statement()) for _ in range(max(12, n_sources // 4))]
    wire = [writer.narration(rng.randint(3, 5)) for _ in range(max(3, n_sources // 20))]
    sources, planted = [], []
    for number in range(n_sources):
        article = _Article(writer, rng.choice(_MARKS))
        lead = f"{rng.choice(writer.places).upper()} — {writer.narration(2)}"
        paragraphs: list[tuple[str, list[_Planted]]] = [(lead, [])]
        for planned in _plan(rng, writer, number, words, pool, wire):
            paragraphs.append(_paragraph(article, planned, pool, wire))
        source_id = f"s{number:03d}"
        offset = 0
        for text, passages in paragraphs:
            for p in passages:
                planted.append((source_id, offset + p.start, offset + p.end, p.label, p.speaker))
            offset += len(text) + 2
        sources.append(
            Source(
                id=source_id,
                text="\n\n".join(text for text, _ in paragraphs),
                path=Path(f"synthetic/{source_id}.txt"),
                outlet=f"Outlet {number}",
            )
        )
    story = Story(
        id=f"synthetic-{n_sources}-{seed}",
        path=Path("synthetic"),
        title=f"Synthetic story ({n_sources} sources)",
        sources=tuple(sources),
    )
    return story, planted


Statement = tuple[Person, str]
Plan = list[tuple[str, int] | str]
"""An article's paragraphs after its lead: (kind, index) for a quote or wire paragraph yet to
be written ("p", "f", "u", "w"), or the text of a narration paragraph."""


def _plan(
    rng: random.Random,
    writer: NewsWriter,
    number: int,
    words: int,
    pool: list[Statement],
    wire: list[str],
) -> Plan:
    """Pool quotes, fragments (of statements the article does not quote in full), maybe a
    wire paragraph and a quote of its own, in random order, with narration slipped in between
    until the article has about `words` words."""
    chosen = rng.sample(range(len(pool)), k=rng.randint(3, 9))
    fragments = rng.randint(0, 2)
    quoted = [("f" if n < fragments else "p", item) for n, item in enumerate(chosen)]
    if rng.random() < 0.4:
        quoted.append(("w", rng.randrange(len(wire))))
    quoted += [("u", number)] * rng.randint(0, 3)
    rng.shuffle(quoted)
    estimate = {"f": 28, "u": 20}
    total = _LEAD_WORDS + sum(
        len(pool[i][1].split()) + 4
        if kind == "p"
        else len(wire[i].split())
        if kind == "w"
        else estimate[kind]
        for kind, i in quoted
    )
    plan: Plan = list(quoted)
    while total < words:
        text = writer.narration(rng.randint(2, 5))
        plan.insert(rng.randrange(len(plan) + 1), text)
        total += len(text.split())
    return plan


def _paragraph(
    article: _Article, planned: tuple[str, int] | str, pool: list[Statement], wire: list[str]
) -> tuple[str, list[_Planted]]:
    if isinstance(planned, str):
        return planned, []
    kind, item = planned
    rng, writer = article.rng, article.writer
    if kind == "w":
        return wire[item], [_Planted(0, len(wire[item]), f"w{item}")]
    if kind == "u":
        someone = writer.person() if rng.random() < 0.5 else rng.choice(writer.people)
        return article.quoted(writer.statement(), f"u{item}", someone)
    person, text = pool[item]
    if kind == "f":
        return article.partial(text, f"f{item}", person)
    if len(text.split()) >= _EDITABLE and rng.random() < 0.25:
        text = _edit(rng, text, writer)
    return article.quoted(text, f"p{item}", person)
