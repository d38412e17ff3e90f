"""Real articles to time the analysis on: a folder of `.txt` files or a Multi-News `.jsonl`.

Reading is the bench's I/O; the analysis then gets an in-memory story. Only articles of
`MIN_WORDS` words or more count: shorter texts in scraped news are captions, bylines and
cookie notices, not articles, and would make a story of N articles smaller than it says.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from reader.errors import ReaderError
from reader.model import Source, Story

__all__ = [
    "MIN_WORDS",
    "corpus_story",
    "long_enough",
    "multi_news_clusters",
    "read_articles",
    "read_corpus_story",
]

MIN_WORDS = 150
_PASSAGE = re.compile(r"^Passage \d+:\n", re.MULTILINE)
_LINE_BREAK = re.compile(r"[ \t]*NEWLINE_CHAR[ \t]*")


def read_articles(path: Path) -> list[str]:
    """The articles of `path` in a stable order: `*.txt` files sorted by name, or the
    passages of each Multi-News cluster (one JSON object a line, its `context` holding
    `Passage 1:` … with `NEWLINE_CHAR` for line breaks), in file order."""
    if path.is_dir():
        texts = [
            file.read_text(encoding="utf-8", errors="replace")
            for file in sorted(path.glob("*.txt"))
        ]
    elif path.suffix == ".jsonl" and path.exists():
        texts = [passage for cluster in multi_news_clusters(path) for passage in cluster]
    elif path.exists():
        raise ReaderError(f"{path}: not a folder of .txt articles nor a .jsonl file")
    else:
        raise FileNotFoundError(2, "No such file or directory", str(path))
    found = long_enough(texts)
    if not found:
        raise ReaderError(f"{path}: no article of {MIN_WORDS} words or more")
    return found


def long_enough(texts: Iterable[str]) -> list[str]:
    """The texts long enough to be articles (`MIN_WORDS` words or more), stripped."""
    return [text.strip() for text in texts if len(text.split()) >= MIN_WORDS]


def multi_news_clusters(path: Path) -> Iterator[list[str]]:
    """The passages of each Multi-News cluster (one line of `path`), in file order, read as
    they are asked for, so a caller wanting the first few clusters reads no further."""
    with path.open(encoding="utf-8", errors="replace") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                context = json.loads(line)["context"]
            except (ValueError, KeyError, TypeError) as error:
                raise ReaderError(f"{path}:{number}: not a Multi-News line ({error})") from None
            if not isinstance(context, str):
                raise ReaderError(f"{path}:{number}: `context` is not text")
            text = _LINE_BREAK.sub("\n", context)
            yield [p for p in _PASSAGE.split(text) if p.strip()]


def corpus_story(articles: Sequence[str], n_articles: int) -> Story:
    """A story of the first `n_articles` articles, starting over from the first when there
    are fewer, so a story larger than the corpus can still be timed."""
    sources = tuple(
        Source(
            id=f"a{number:04d}",
            text=articles[number % len(articles)],
            path=Path(f"corpus/a{number:04d}.txt"),
            outlet=f"Article {number}",
        )
        for number in range(n_articles)
    )
    return Story(
        id=f"corpus-{n_articles}",
        path=Path("corpus"),
        title=f"Corpus ({n_articles} articles)",
        sources=sources,
    )


def read_corpus_story(path: str, n_articles: int) -> Story:
    """`corpus_story` of the articles at `path`: what a measuring process builds."""
    return corpus_story(read_articles(Path(path)), n_articles)
