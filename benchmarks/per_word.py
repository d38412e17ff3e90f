"""Does the synthetic story cost the analysis what real news does, word for word?

    python benchmarks/per_word.py PATH_TO/multi_news.jsonl [--sizes 50 200] [--runs 3]

PATH is what `reader bench --corpus` takes (a Multi-News `.jsonl` or a folder of `.txt`
articles). For each size, a story of that many real articles and the synthetic story of as
many sources are analysed cold, each in a fresh process (the fastest of `--runs`), and the
seconds per 1,000 words of each are printed with their ratio. The synthetic generator is
meant to land within 0.5–2× of real text, so the bench's synthetic figures stand for real ones.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.bench import Measurement, read_articles, read_corpus_story, synthetic_story
from reader.bench.figures import fastest
from reader.errors import ReaderError

LIMIT = 600.0
"""Seconds an analysis may run: these figures are per word, not against a time target."""


def per_thousand(run: Measurement) -> float:
    return run.seconds / run.words * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, metavar="DATA_PATH")
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    read_articles(args.corpus)  # says what is wrong with the path before any process starts
    print(f"{'articles':>8}  {'real s/1k words':>15}  {'synthetic s/1k words':>20}  {'ratio':>5}")
    for n in args.sizes:
        try:
            real = fastest(args.runs, read_corpus_story, str(args.corpus), n, limit=LIMIT)
            synthetic = fastest(args.runs, synthetic_story, n, limit=LIMIT)
        except ReaderError as error:
            raise SystemExit(f"per_word.py: {error}") from None
        if real.stopped or synthetic.stopped:
            raise SystemExit(f"per_word.py: an analysis of {n} articles ran past {LIMIT:g} s")
        ratio = per_thousand(synthetic) / per_thousand(real)
        print(
            f"{n:>8}  {per_thousand(real):>15.4f}  {per_thousand(synthetic):>20.4f}  "
            f"{ratio:>4.2f}×   ({real.words:,} and {synthetic.words:,} words)"
        )


if __name__ == "__main__":
    main()
