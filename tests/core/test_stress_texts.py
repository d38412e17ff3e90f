"""The worst-case texts of `reader bench --stress`: the sizes and shapes they promise."""

from __future__ import annotations

import re

import pytest

from reader.analysis import MARKS, extract_quotes
from reader.bench import (
    CASES,
    long_article,
    mixed_marks,
    quotes_in_paragraph,
    reordered_quote,
)
from reader.model import Story

_QUOTED = re.compile(r"“([^“”]*)”")


@pytest.mark.parametrize("build", [reordered_quote, quotes_in_paragraph, mixed_marks, long_article])
def test_each_text_is_the_same_for_a_seed_and_another_for_another(build: object) -> None:
    assert callable(build)
    size = 3000 if build in (mixed_marks, long_article) else 40
    assert build(size) == build(size)
    assert build(size) != build(size, seed=1)


def test_the_reordered_quote_is_the_same_words_in_another_order() -> None:
    story = reordered_quote(300)
    original, reprint = (_QUOTED.findall(s.text)[0].split() for s in story.sources)
    assert len(original) == len(reprint) == 300
    assert sorted(original) == sorted(reprint) and original != reprint
    cue = re.search(r"\n\n(.+) said: “", story.sources[1].text)
    assert cue and story.sources[0].text.endswith(f"” {cue.group(1)} said.")


def test_the_quotes_are_all_in_one_paragraph_and_each_is_found() -> None:
    story = quotes_in_paragraph(40)
    (source,) = story.sources
    assert "\n" not in source.text
    assert len(_QUOTED.findall(source.text)) == 40
    assert len(extract_quotes(source)) == 40


def test_the_marks_text_is_one_paragraph_of_the_size_with_every_kind_of_mark() -> None:
    (source,) = mixed_marks(20_000).sources
    assert 20_000 <= len(source.text.encode()) < 20_100
    assert "\n" not in source.text
    assert set(MARKS) <= set(source.text)


def test_the_long_article_is_one_source_of_news_paragraphs_of_the_size() -> None:
    story: Story = long_article(200_000)
    (source,) = story.sources
    size = len(source.text.encode())
    assert 200_000 <= size < 205_000
    assert source.text.count("\n\n") > 50 and " said" in source.text


def test_the_bench_runs_the_sizes_that_once_hung_the_analysis_slowest_last() -> None:
    sizes = [(case.build, case.size) for case in CASES]
    assert sizes == [
        (reordered_quote, 1_000),
        (reordered_quote, 4_000),
        (reordered_quote, 16_000),
        (quotes_in_paragraph, 1_000),
        (quotes_in_paragraph, 5_000),
        (mixed_marks, 120_000),
        (long_article, 20_000_000),
    ]
    assert len({case.name for case in CASES}) == len(CASES)
    assert all(case.seconds <= 5 for case in CASES[:-1])
