"""Synthetic stories for benchmarks and property tests: many outlets, shared quotes, wire copy.

Pure and deterministic for a given seed. Each source mixes random narration from a made-up
vocabulary with quotes drawn from a shared pool (most copied exactly, some lightly edited,
some split in two) and, now and then, a wire paragraph several outlets reprint.
"""

from __future__ import annotations

import random
import re
from itertools import accumulate
from pathlib import Path

from reader.model import Quote, Source, Speaker, Story
from reader.text import FUNCTION_WORDS

__all__ = ["Passage", "synthetic_quotes", "synthetic_story", "synthetic_truth"]

_SYLLABLES = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"] + ["ar", "en", "is", "on", "ul"]
_FUNCTION = sorted(FUNCTION_WORDS)
_CUES = ("{name} said.", "said {name}.", "{name} told reporters.", "according to {name}.")
_QUOTED = re.compile(r"“([^“”]+)”")

Passage = tuple[str, int, int, str]
"""(source id, start, end, label)."""


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(syllables))


class _Writer:
    """Sentences from a Zipf-like vocabulary, so some words are common and most are rare."""

    def __init__(self, rng: random.Random, size: int = 4000) -> None:
        self.rng = rng
        self.vocabulary = sorted({_word(rng, rng.randint(2, 4)) for _ in range(size)})
        rng.shuffle(self.vocabulary)
        self.cumulative = list(
            accumulate(1.0 / (rank + 20) for rank in range(len(self.vocabulary)))
        )

    def sentence(self, low: int = 8, high: int = 18) -> str:
        rng = self.rng
        words = [
            rng.choice(_FUNCTION)
            if rng.random() < 0.4
            else rng.choices(self.vocabulary, cum_weights=self.cumulative)[0]
            for _ in range(rng.randint(low, high))
        ]
        return " ".join(words).capitalize() + "."

    def passage(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))


def _edit(rng: random.Random, text: str, writer: _Writer) -> str:
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


def _quote(rng: random.Random, text: str, name: str) -> str:
    return f"“{text}” " + rng.choice(_CUES).format(name=name)


def synthetic_story(n_sources: int, words: int = 800, seed: int = 0) -> Story:
    """A story of `n_sources` articles of about `words` words each."""
    return _generate(n_sources, words, seed)[0]


def synthetic_truth(n_sources: int, words: int = 800, seed: int = 0) -> list[Passage]:
    """What `synthetic_story` with the same arguments put where: every quote paragraph with
    its pool statement ("p3", or "u…" for a quote only that source has) and every wire
    paragraph ("w1"). Narration is left out."""
    return _generate(n_sources, words, seed)[1]


def _generate(n_sources: int, words: int, seed: int) -> tuple[Story, list[Passage]]:
    rng = random.Random(seed)
    writer = _Writer(rng)
    names = [f"{_word(rng, 2).title()} {_word(rng, 3).title()}" for _ in range(8)]
    pool = [
        (rng.choice(names), writer.passage(rng.randint(1, 3)))
        for _ in range(max(12, n_sources // 4))
    ]
    wire = [writer.passage(rng.randint(3, 5)) for _ in range(max(3, n_sources // 20))]
    sources, truth = [], []
    for number in range(n_sources):
        paragraphs: list[tuple[str, str | None]] = []
        for item in rng.sample(range(len(pool)), k=rng.randint(3, 6)):
            name, text = pool[item]
            roll = rng.random()
            if roll < 0.2:
                text = _quote(rng, _edit(rng, text, writer), name)
            elif roll < 0.3 and text.count(". ") >= 1:
                first, rest = text.split(". ", 1)
                text = f"“{first}.” {name} said. “{rest}”"
            else:
                text = _quote(rng, text, name)
            paragraphs.append((text, f"p{item}"))
        if rng.random() < 0.4:
            item = rng.randrange(len(wire))
            paragraphs.append((wire[item], f"w{item}"))
        if rng.random() < 0.3:
            text = _quote(rng, writer.passage(1), rng.choice(names))
            paragraphs.append((text, f"u{number}"))
        while sum(len(p.split()) for p, _ in paragraphs) < words:
            at = rng.randrange(len(paragraphs) + 1)
            paragraphs.insert(at, (writer.passage(rng.randint(2, 5)), None))
        source_id = f"s{number:03d}"
        offset = 0
        for text, label in paragraphs:
            if label:
                truth.append((source_id, offset, offset + len(text), label))
            offset += len(text) + 2
        sources.append(
            Source(
                id=source_id,
                text="\n\n".join(p for p, _ in paragraphs),
                path=Path(f"synthetic/{source_id}.txt"),
                outlet=f"Outlet {number}",
            )
        )
    story = Story(
        id=f"synthetic-{n_sources}-{seed}",
        path=Path("synthetic"),
        title=f"Synthetic story ({n_sources} sources)",
        speakers=tuple(Speaker(name) for name in names),
        sources=tuple(sources),
    )
    return story, truth


def synthetic_quotes(story: Story) -> list[Quote]:
    """The quotes of a synthetic story, found by its curly marks (they are always balanced),
    each with the speaker its cue names."""
    quotes = []
    for source in story.sources:
        for m in _QUOTED.finditer(source.text):
            cue = source.text[m.end() : m.end() + 60].split(".", 1)[0]
            speaker = next((s.name for s in story.speakers if s.name in cue), None)
            quotes.append(
                Quote(
                    source.id,
                    m.start(1),
                    m.end(1),
                    m.group(1),
                    speaker=speaker,
                    speaker_confidence=0.9 if speaker else 0.0,
                )
            )
    return quotes
