"""Measuring the analysis and the app: figures, synthetic stories and the all-pairs baseline."""

from __future__ import annotations

from reader.bench.baseline import all_pairs_difflib
from reader.bench.synthetic import Passage, synthetic_quotes, synthetic_story, synthetic_truth

__all__ = ["Passage", "all_pairs_difflib", "synthetic_quotes", "synthetic_story", "synthetic_truth"]
