"""Worst-case texts for the analysis: each must analyse in time near linear in its size.

    python benchmarks/stress_texts.py [--quick]

Each case is a function returning the texts of a story's sources (pure: no I/O, the same
texts on every call), and `stress_story` makes them a story. The cases, at the sizes the
timings are reported for:

- `reordered_quote(16_000)`: a long statement, and a second outlet reprinting it with its
  words in another order (the paraphrase tier compares their word order);
- `many_quotes(5_000)`: one paragraph, one sentence, of thousands of short attributed
  quotes (every quote looks for its cue in the same sentence);
- `mixed_marks(120_000)`: 120 KB of words and quotation marks of every style, paired and
  unpaired, in long paragraphs;
- `huge_article(20_000_000)`: a 20 MB article of news-like paragraphs (names, titles,
  quotes, dates), one source.

`__main__` times `analyze` on each and prints seconds, peak traced memory and the stage
timings; `--quick` runs every case at a tenth of its size.
"""

from __future__ import annotations

import argparse
import random
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

from reader.analysis import analyze
from reader.model import Source, Story

_FIRST = "Anna Boris Carla David Elena Farid Grace Hiro Ines Jonas Keiko Liam Maya Noor".split()
_LAST = "Adler Brandt Costa Dubois Evans Fischer Garcia Haddad Ito Jensen Kowalski".split()
_TITLES = ("Senator", "Mayor", "Chief Executive", "spokeswoman", "Judge", "Minister")
_VERBS = ("said", "added", "told reporters", "wrote", "argued", "explained")
_WORDS = (
    "the city council voted on budget plan after months of debate over schools roads "
    "housing and taxes while residents asked for more time to review changes that would "
    "affect thousands of families across the region next year"
).split()
_MARKS = "\"“”‘’'«»„‚‹›"


def _name(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(count))


def reordered_quote(words: int = 16_000) -> list[str]:
    """Two sources: a statement of `words` words, and the same words in another order."""
    rng = random.Random(14)
    said = [rng.choice(_WORDS) + str(i % 97) for i in range(words)]
    shuffled = said[:]
    rng.shuffle(shuffled)
    return [
        f"Mayor Anna Adler said: “{' '.join(said)}.”\n",
        f"Mayor Anna Adler said: “{' '.join(shuffled)}.”\n",
    ]


def many_quotes(count: int = 5_000) -> list[str]:
    """One source whose single paragraph, one sentence long, holds `count` short attributed
    quotes (every quote looks for its cue in the same sentence)."""
    rng = random.Random(5)
    parts = []
    for _ in range(count):
        said = _words(rng, rng.randint(3, 9)).capitalize()
        parts.append(f"“{said},” {rng.choice(_VERBS)} {_name(rng)},")
    return [" ".join(parts)[:-1] + ".\n"]


def mixed_marks(size: int = 120_000) -> list[str]:
    """One source of about `size` characters mixing words with quotation marks of every
    style, opening and closing at random, in paragraphs of about 4 KB."""
    rng = random.Random(120)
    out: list[str] = []
    length = 0
    while length < size:
        paragraph = []
        for _ in range(600):
            word = rng.choice(_WORDS)
            if rng.random() < 0.3:
                mark = rng.choice(_MARKS)
                word = mark + word if rng.random() < 0.5 else word + mark
            if rng.random() < 0.03:
                word = rng.choice(_FIRST) + " " + word
            paragraph.append(word)
        text = " ".join(paragraph) + ".\n\n"
        out.append(text)
        length += len(text)
    return ["".join(out)]


def huge_article(size: int = 20_000_000) -> list[str]:
    """One source of about `size` characters of news-like paragraphs."""
    rng = random.Random(20)
    paragraphs = []
    length = 0
    day = 0
    while length < size:
        name, title = _name(rng), rng.choice(_TITLES)
        day += 1
        month = ("January", "March", "June", "October")[day % 4]
        kind = day % 3
        if kind == 0:
            text = (
                f"{title} {name} {rng.choice(_VERBS)} on {month} {day % 28 + 1} that "
                f"{_words(rng, 20)}."
            )
        elif kind == 1:
            text = f"“{_words(rng, 15).capitalize()},” {rng.choice(_VERBS)} {name}."
        else:
            text = (
                f"{name.split()[1]}, who {_words(rng, 6)}, {rng.choice(_VERBS)}: "
                f"“{_words(rng, 12).capitalize()}.” {_words(rng, 10).capitalize()}."
            )
        paragraphs.append(text)
        length += len(text) + 2
    return ["\n\n".join(paragraphs) + "\n"]


def stress_story(texts: Sequence[str], name: str = "stress") -> Story:
    """A story whose sources are `texts`."""
    sources = tuple(
        Source(id=f"s{i}", text=text, path=Path(f"/{name}/s{i}.txt"))
        for i, text in enumerate(texts)
    )
    return Story(id=name, path=Path(f"/{name}"), title=name, sources=sources)


CASES: dict[str, tuple[Callable[[int], list[str]], int]] = {
    "reordered quote, 16k words": (reordered_quote, 16_000),
    "5,000 quotes in a paragraph": (many_quotes, 5_000),
    "120 KB of mixed quote marks": (mixed_marks, 120_000),
    "20 MB article": (huge_article, 20_000_000),
}
"""Each case: its generator and the size the timings are reported for."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="every case at a tenth of its size")
    parser.add_argument("--no-memory", action="store_true", help="skip tracing memory (faster)")
    args = parser.parse_args()
    for label, (make, size) in CASES.items():
        story = stress_story(make(size // 10 if args.quick else size))
        if not args.no_memory:
            tracemalloc.start()
        started = time.perf_counter()
        analysis = analyze(story)
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] / 2**20 if not args.no_memory else 0.0
        tracemalloc.stop()
        stages = ", ".join(f"{k} {v:.2f}" for k, v in analysis.timings.items())
        print(f"{label:30} {seconds:7.2f} s  peak {peak:6.0f} MB  ({stages})", flush=True)


if __name__ == "__main__":
    main()
