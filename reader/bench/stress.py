"""Worst-case texts for `reader bench --stress`: what once made the analysis hang.

Each builder takes a size and a seed and returns a story, pure and deterministic: a long
quote reprinted with its words reordered (an alignment of every word with every word),
thousands of quotes in one sentence of one paragraph (a scan of it for each quote's cue), a
paragraph of mixed and unbalanced quotation marks (pairing them), and one enormous article.
`CASES` lists the sizes the bench runs, each with the time it must stay under.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.analysis import MARKS
from reader.bench.newswriter import NewsWriter
from reader.bench.synthetic import synthetic_story
from reader.model import Source, Story

__all__ = [
    "CASES",
    "Case",
    "long_article",
    "mixed_marks",
    "quotes_in_paragraph",
    "reordered_quote",
]


def reordered_quote(words: int, seed: int = 0) -> Story:
    """Two outlets quoting one statement of `words` words, the second with the same words in
    a shuffled order: a rewrite no alignment lines up, left to the paraphrase tier."""
    rng = random.Random(seed)
    writer = NewsWriter(rng)
    quote = _statement(writer, words)
    shuffled = quote.split()
    rng.shuffle(shuffled)
    speaker = writer.people[0].name
    return _story(
        f"reordered-{words}",
        [
            f"{writer.narration(2)}\n\n“{quote}” {speaker} said.",
            f"{writer.narration(2)}\n\n{speaker} said: “{' '.join(shuffled)}”",
        ],
    )


def quotes_in_paragraph(count: int, seed: int = 0) -> Story:
    """One article whose single paragraph, a single sentence, holds `count` short quotes, each
    with its cue ("Name said" or "said Name"): every quote looks for its cue in one sentence."""
    rng = random.Random(seed)
    writer = NewsWriter(rng, people=200)

    def quote() -> str:
        name = rng.choice(writer.people).name
        cue = f"{name} said" if rng.random() < 0.5 else f"said {name}"
        return f"“{' '.join(writer.words(rng.randint(3, 12)))},” {cue}"

    return _story(f"quotes-{count}", [", ".join(quote() for _ in range(count)) + "."])


def mixed_marks(size: int, seed: int = 0) -> Story:
    """One paragraph of about `size` bytes (UTF-8) of words among every kind of quotation mark,
    opening, closing and stray, balanced or not."""
    rng = random.Random(seed)
    writer = NewsWriter(rng)

    def pieces() -> Iterator[str]:
        while True:
            for word in writer.words(64):
                roll = rng.random()
                mark = rng.choice(MARKS)
                yield f"{mark}{word}" if roll < 0.15 else f"{word}{mark}" if roll < 0.3 else word

    return _story(f"marks-{size}", [_up_to(size, pieces(), " ")])


def long_article(size: int, seed: int = 0) -> Story:
    """One article of about `size` bytes (UTF-8): paragraphs of a synthetic story (quotes,
    cues, names, dates) of one outlet per 100 KB, up to 200, drawn at random until it is that
    long."""
    rng = random.Random(seed)
    outlets = min(200, max(2, size // 100_000))
    paragraphs = [
        p for s in synthetic_story(outlets, seed=seed).sources for p in s.text.split("\n\n")
    ]
    return _story(
        f"article-{size}", [_up_to(size, iter(lambda: rng.choice(paragraphs), None), "\n\n")]
    )


def _statement(writer: NewsWriter, words: int) -> str:
    """Statements of one speaker run together, cut at `words` words, ending a sentence."""
    said: list[str] = []
    while len(said) < words:
        said += writer.statement().split()
    return " ".join(said[:words]).rstrip(".,?!") + "."


def _up_to(size: int, pieces: Iterator[str], separator: str) -> str:
    """`pieces` joined until the text reaches `size` bytes in UTF-8."""
    taken, total, step = [], 0, len(separator.encode())
    while total < size:
        piece = next(pieces)
        taken.append(piece)
        total += len(piece.encode()) + step
    return separator.join(taken)


def _story(name: str, texts: list[str]) -> Story:
    sources = tuple(
        Source(f"s{n}", text, Path(f"stress/s{n}.txt"), outlet=f"Outlet {n}")
        for n, text in enumerate(texts)
    )
    return Story(f"stress-{name}", Path("stress"), f"Worst case: {name}", sources=sources)


@dataclass(frozen=True)
class Case:
    """One worst-case text the bench analyses, and the time it must stay under."""

    name: str
    build: Callable[[int], Story]
    size: int
    seconds: float


CASES = (
    Case("reordered quote, 1,000 words", reordered_quote, 1_000, 5.0),
    Case("reordered quote, 4,000 words", reordered_quote, 4_000, 5.0),
    Case("reordered quote, 16,000 words", reordered_quote, 16_000, 5.0),
    Case("1,000 quotes in one paragraph", quotes_in_paragraph, 1_000, 5.0),
    Case("5,000 quotes in one paragraph", quotes_in_paragraph, 5_000, 5.0),
    Case("120 KB of mixed quote marks", mixed_marks, 120_000, 5.0),
    Case("a 20 MB article", long_article, 20_000_000, 60.0),
)
"""Sizes of the worst cases found so far; the slowest runs last."""
