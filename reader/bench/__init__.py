"""Measuring the analysis and the app: figures, synthetic and real stories, worst-case texts,
each measured in a process of its own, and the all-pairs baseline."""

from __future__ import annotations

from reader.bench.baseline import all_pairs_difflib
from reader.bench.corpus import (
    corpus_story,
    long_enough,
    multi_news_clusters,
    read_articles,
    read_corpus_story,
)
from reader.bench.isolated import Measurement, measure
from reader.bench.stress import (
    CASES,
    Case,
    long_article,
    mixed_marks,
    quotes_in_paragraph,
    reordered_quote,
)
from reader.bench.synthetic import Passage, synthetic_quotes, synthetic_story, synthetic_truth

__all__ = [
    "CASES",
    "Case",
    "Measurement",
    "Passage",
    "all_pairs_difflib",
    "corpus_story",
    "long_article",
    "long_enough",
    "measure",
    "mixed_marks",
    "multi_news_clusters",
    "quotes_in_paragraph",
    "read_articles",
    "read_corpus_story",
    "reordered_quote",
    "synthetic_quotes",
    "synthetic_story",
    "synthetic_truth",
]
