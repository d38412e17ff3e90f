"""The paraphrase tier: quotes rewritten with other words, linked to what they rewrite."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.analysis import THRESHOLD, match_quotes, paraphrase, similarity, stems
from reader.analysis.paraphrase import Candidate, Statements, Target
from reader.model import Quote, Source, Story
from reader.text import tokens

ORIGINAL = (
    "In speaking with them, I believe they understand the seriousness of the issue and will "
    "take the necessary measures for this never to happen again."
)
REWRITE = (
    "After speaking to them, I have faith that they recognize the gravity of the situation "
    "and that they will take the necessary steps to ensure that it never occurs again."
)


def words(text: str) -> tuple[str, ...]:
    return stems([t.norm for t in tokens(text)])


@pytest.mark.parametrize(
    "group",
    [
        ["apologies", "apologize", "apology"],
        ["children", "kids", "youngsters"],
        ["images", "photos", "pictures"],
        ["re-evaluating", "reevaluating", "reevaluate"],
        ["said", "stated"],
    ],
)
def test_stems_and_synonyms_meet(group: list[str]) -> None:
    assert len({words(w) for w in group}) == 1


def test_function_words_are_not_compared() -> None:
    assert words("the of and to it") == ()


def test_a_rewrite_with_synonyms_scores_above_the_threshold() -> None:
    assert similarity(words(REWRITE), words(ORIGINAL)) >= THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The ads, which were said to be to promote Balenciaga's plush bear bags, were part "
            "of the brand's holiday campaign.",
            "Our plush bear bags should not have been featured with children in this campaign.",
        ),
        (
            "We want to learn from our mistakes and identify ways we can contribute.",
            "We sincerely apologize for any offense our holiday campaign may have caused.",
        ),
    ],
    ids=["topic words only", "nothing in common"],
)
def test_statements_that_only_share_the_topic_do_not_qualify(a: str, b: str) -> None:
    assert similarity(words(a), words(b)) < THRESHOLD


def test_word_order_counts() -> None:
    forward = words("council rebuild harbour wall before winter storm")
    assert similarity(forward, forward) > similarity(forward, tuple(reversed(forward)))


def two_sources(first: str, second: str) -> Story:
    texts = [f"Residents met the mayor. “{first}” she said.", f"“{second}” she told us later."]
    sources = tuple(Source(f"s{i}", t, Path(f"s{i}.txt")) for i, t in enumerate(texts))
    return Story("p", Path("p"), "P", sources=sources)


def quotes_of(story: Story, speakers: tuple[str | None, str | None]) -> list[Quote]:
    out = []
    for source, speaker in zip(story.sources, speakers, strict=True):
        start = source.text.index("“") + 1
        end = source.text.index("”")
        out.append(Quote(source.id, start, end, source.text[start:end], "marked", speaker, 0.9))
    return out


@pytest.mark.parametrize("speakers", [("Kim", "Kim"), ("Kim", None), (None, None)])
def test_a_rewritten_quote_joins_its_original_as_a_paraphrase(
    speakers: tuple[str | None, str | None],
) -> None:
    story = two_sources(ORIGINAL, REWRITE)
    clusters, _ = match_quotes(story, quotes_of(story, speakers))
    assert len(clusters) == 1
    rewritten = clusters[0].occurrence("s1")
    assert rewritten is not None
    assert rewritten.match == "paraphrase"
    assert THRESHOLD <= rewritten.similarity <= 1.0
    assert clusters[0].text == ORIGINAL


def test_another_speaker_s_words_are_never_a_paraphrase() -> None:
    speakers = ("Kim", "The brand")
    story = two_sources(ORIGINAL, REWRITE)
    clusters, _ = match_quotes(story, quotes_of(story, speakers))
    assert len(clusters) == 2
    assert not any(c.shared for c in clusters)


def test_a_quote_rewriting_two_statements_is_cut_between_them() -> None:
    first = "Our plush bear bags should not have been featured with children in this campaign."
    second = "We have immediately removed the campaign from all platforms."
    rewrite = (
        "In this advertisement, youngsters should not have been shown holding our plush bear "
        "backpacks. The campaign was promptly taken off from all sites."
    )
    texts = [
        f"The brand said: “{first}” Later it added: “{second}”",
        f"A statement read “{rewrite}” and nothing more.",
    ]
    sources = tuple(Source(f"s{i}", t, Path(f"s{i}.txt")) for i, t in enumerate(texts))
    story = Story("p", Path("p"), "P", sources=sources)
    quotes = [
        Quote(s.id, s.text.index(q), s.text.index(q) + len(q), q, "marked", "Brand", 0.9)
        for s, qs in zip(sources, [[first, second], [rewrite]], strict=True)
        for q in qs
    ]
    clusters, _ = match_quotes(story, quotes)
    pairs = {c.occurrences[0].text: c.occurrence("s1") for c in clusters if c.shared}
    assert set(pairs) == {first, second}
    assert pairs[first] is not None and pairs[first].text.startswith("In this advertisement")
    assert pairs[second] is not None and pairs[second].text.startswith("The campaign was")
    assert all(o.match == "paraphrase" for o in pairs.values() if o)


@given(
    st.lists(st.sampled_from("abcdefgh"), max_size=40),
    st.lists(st.sampled_from("abcdefgh"), max_size=40),
)
def test_long_texts_are_ordered_fast_and_never_above_the_exact_count(
    a: list[str], b: list[str]
) -> None:
    assert paraphrase._in_order(a, b) <= paraphrase._lcs(a, b)


@given(st.permutations(list(range(60))))
def test_without_repeated_words_the_fast_order_is_exact(order: list[int]) -> None:
    a = [f"w{i}" for i in range(60)]
    b = [f"w{i}" for i in order]
    assert paraphrase._in_order(a, b) == paraphrase._lcs(a, b)


_WORDS = st.lists(
    st.sampled_from("court judge ruling appeal law state vote said".split()), max_size=12
)
_SPEAKERS = st.sampled_from([None, "Kim", "Lee"])
_TARGETS = st.lists(
    st.builds(
        lambda docs, versions, speaker: (frozenset(docs), tuple(map(tuple, versions)), speaker),
        st.sets(st.integers(0, 3), min_size=1, max_size=2),
        st.lists(_WORDS, min_size=1, max_size=3),
        _SPEAKERS,
    ),
    max_size=12,
)
_CANDIDATES = st.lists(st.tuples(st.integers(0, 3), _WORDS, _SPEAKERS), max_size=8)


@given(_TARGETS, _CANDIDATES)
def test_the_index_finds_every_link_that_scoring_every_pair_finds(
    targets: list[tuple[frozenset[int], tuple[tuple[str, ...], ...], str | None]],
    candidates: list[tuple[int, list[str], str | None]],
) -> None:
    statements = Statements(
        [Target(100 + i, docs, versions, who) for i, (docs, versions, who) in enumerate(targets)]
    )
    asked = [Candidate(i, doc, tuple(words), who) for i, (doc, words, who) in enumerate(candidates)]
    every_pair = []
    for cand in asked:
        uncommon = {w for w in cand.words if statements.held[w] <= statements.limit}
        for target, words in zip(statements.targets, statements.words, strict=True):
            if cand.doc in target.docs or len(uncommon & words) < paraphrase.PROPOSE:
                continue
            if cand.speaker and target.speaker and cand.speaker != target.speaker:
                continue
            score = max(similarity(cand.words, v) for v in target.versions)
            if score >= THRESHOLD:
                every_pair.append((score, cand.item, target.item))
    assert statements.links(asked) == sorted(every_pair, key=lambda x: (-x[0], x[1], x[2]))


@given(st.data())
def test_two_texts_with_a_similarity_share_a_word_among_their_prefixes(data: st.DataObject) -> None:
    b = data.draw(st.lists(st.sampled_from("court judge ruling appeal law".split()), min_size=3))
    kept = data.draw(st.permutations(b))[: data.draw(st.integers(len(b) // 2, len(b)))]
    a = kept + data.draw(st.lists(st.sampled_from("state vote said".split()), max_size=6))
    a = data.draw(st.permutations(a))
    other = data.draw(_WORDS)
    statements = Statements([Target(0, frozenset({0}), (tuple(other), tuple(b)), None)])
    if paraphrase._similarity(a, Counter(a), b, Counter(b)) > 0:
        assert statements._prefix(a) & statements._prefix(b)
