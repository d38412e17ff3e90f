"""Matching never crashes, and what it reports always slices the stored text."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.analysis import match_quotes
from reader.analysis.shingles import prepare
from reader.model import Quote, Source, Story
from reader.text import token_columns, token_gaps, tokens

WORDS = ["harbour", "wall", "winter", "the", "and", "of", "re-evaluating", "&", "storm", "it"]
MARKS = [" ", " ", " ", ". ", ", ", " — ", "\n\n", " “", "” ", "'", "-"]

word = st.sampled_from(WORDS) | st.text(min_size=1, max_size=6)
chunk = st.lists(st.tuples(word, st.sampled_from(MARKS)), min_size=1, max_size=30).map(
    lambda pairs: "".join(w + m for w, m in pairs)
)


@st.composite
def stories(draw: st.DrawFn) -> tuple[Story, list[Quote]]:
    """A few sources mixing shared chunks and random text, with random spans as quotes."""
    pool = draw(st.lists(chunk, min_size=1, max_size=4))
    sources = []
    quotes = []
    for n in range(draw(st.integers(1, 4))):
        parts = draw(st.lists(st.sampled_from(pool) | chunk, max_size=6))
        text = " ".join(parts)
        sources.append(Source(f"s{n}", text, Path(f"s{n}.txt")))
        for _ in range(draw(st.integers(0, 5))):
            start = draw(st.integers(0, len(text)))
            end = draw(st.integers(start, min(len(text), start + 300)))
            speaker = draw(st.sampled_from([None, "A", "B"]))
            confidence = draw(st.floats(0, 1))
            quotes.append(
                Quote(f"s{n}", start, end, text[start:end], "marked", speaker, confidence)
            )
    return Story("prop", Path("prop"), "Prop", sources=tuple(sources)), quotes


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories())
def test_matching_reports_true_slices_and_one_occurrence_per_source(
    case: tuple[Story, list[Quote]],
) -> None:
    story, quotes = case
    clusters, reuse = match_quotes(story, quotes)
    assert (clusters, reuse) == match_quotes(story, quotes)
    for group in [*clusters, *reuse]:
        sources = [o.source for o in group.occurrences]
        assert len(sources) == len(set(sources))
        for o in group.occurrences:
            text = story.source(o.source).text
            assert 0 <= o.start <= o.end <= len(text)
            assert o.text == text[o.start : o.end]
            assert 0.0 <= o.similarity <= 1.0
    for q in quotes:
        assert any(
            (o.source == q.source and o.start < q.end and q.start < o.end)
            or (o.source, o.start, o.end) == (q.source, q.start, q.end)
            for c in clusters
            for o in c.occurrences
        ), q
    for group in reuse:  # never a word of a quote
        for o in group.occurrences:
            text = story.source(o.source).text
            for t in tokens(text, o.start, o.end):
                assert not any(
                    q.source == o.source and t.start < q.end and q.start < t.end and q.start < q.end
                    for q in quotes
                )
    assert [c.id for c in clusters] == [f"q{i}" for i in range(1, len(clusters) + 1)]


@given(st.text(max_size=400) | chunk)
def test_token_columns_are_the_tokens(text: str) -> None:
    words = tokens(text)
    assert token_columns(text) == (
        [t.start for t in words],
        [t.end for t in words],
        [t.norm for t in words],
    )


GREEDY_WORD = re.compile(r"[^\W_]+(?:['’‘\-‐‑][^\W_]+)*|&")
"""The word pattern in its plain greedy form: the possessive one must find the same."""


@given(st.text(alphabet=st.sampled_from("ab_'’-‑&é1 .\n"), max_size=60) | chunk)
def test_the_possessive_word_pattern_finds_what_the_greedy_one_does(text: str) -> None:
    assert [(t.start, t.end) for t in tokens(text)] == [
        m.span() for m in GREEDY_WORD.finditer(text)
    ]


@given(st.text(max_size=400) | chunk)
def test_words_and_gaps_rebuild_the_text(text: str) -> None:
    starts, ends, _, gaps = token_gaps(text)
    assert len(gaps) == len(starts) + 1
    bounds = [0, *(x for span in zip(starts, ends, strict=True) for x in span), len(text)]
    assert gaps == [text[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2)]


@given(st.text(max_size=400) | chunk)
def test_sentences_start_after_a_break_mark(text: str) -> None:
    (doc,) = prepare([Source("s", text, Path("s.txt"))])
    words = tokens(text)
    assert doc.sentence_starts == [
        i
        for i, t in enumerate(words)
        if i == 0 or any(c in ".!?;:…\n" for c in text[words[i - 1].end : t.start])
    ]


passage = st.lists(
    st.sampled_from(["ferry", "council", "mooring", "rebuild", "promise", "river", "bridge"]),
    min_size=4,
    max_size=7,
    unique=True,
).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(passage, st.lists(st.tuples(chunk, chunk), min_size=2, max_size=4))
def test_a_passage_quoted_in_every_source_lands_in_one_cluster(
    words: str, surroundings: list[tuple[str, str]]
) -> None:
    texts = [f"{before} “{words}” {after}" for before, after in surroundings]
    sources = tuple(Source(f"s{n}", t, Path(f"s{n}.txt")) for n, t in enumerate(texts))
    story = Story("prop", Path("prop"), "Prop", sources=sources)
    quotes = [Quote(s.id, s.text.index(f"“{words}”") + 1, 0, "") for s in sources]
    quotes = [Quote(q.source, q.start, q.start + len(words), words) for q in quotes]
    clusters, _ = match_quotes(story, quotes)
    holding = [c for c in clusters if any(o.text == words for o in c.occurrences)]
    assert any(len(c.occurrences) == len(sources) for c in holding), holding
