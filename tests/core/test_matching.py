"""Shared quotes across sources: each tolerance the matcher promises, clusters, reuse, speakers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.analysis import match_quotes
from reader.model import Cluster, Quote, Reuse, Source, Story

NARRATION = [
    "The council met on a rainy evening in the old town hall to hear residents.",
    "Several neighbours arrived late because the bridge over the river was closed again.",
    "A spokesperson for the mayor declined to answer further questions after the meeting.",
    "Local traders have complained for months about deliveries blocked by roadworks.",
]
STATEMENT = (
    "We will rebuild the harbour wall before winter and nobody will lose their mooring "
    "because of the storm damage."
)
_MARKED = re.compile(r"[“\"]([^”\"]+)[”\"]")


def story(*texts: str) -> Story:
    sources = tuple(Source(f"s{i}", text, Path(f"s{i}.txt")) for i, text in enumerate(texts))
    return Story("test", Path("test"), "Test", sources=sources)


def marked_quotes(story: Story, speaker: str | None = "Ana Ruiz") -> list[Quote]:
    """Whatever stands between double quotation marks, attributed to `speaker`."""
    return [
        Quote(s.id, m.start(1), m.end(1), m.group(1), speaker=speaker, speaker_confidence=0.8)
        for s in story.sources
        for m in _MARKED.finditer(s.text)
    ]


def article(quote: str, n: int = 0) -> str:
    """A quote between two narration sentences, rotated so articles differ around it."""
    before, after = NARRATION[n % 4], NARRATION[(n + 1) % 4]
    return f"{before} “{quote}” the mayor said. {after}"


def shared(clusters: list[Cluster]) -> list[Cluster]:
    return [c for c in clusters if c.shared]


def only_shared(texts: list[str]) -> Cluster:
    s = story(*texts)
    clusters, _ = match_quotes(s, marked_quotes(s))
    found = shared(clusters)
    assert len(found) == 1, [c.text for c in found]
    return found[0]


def test_identical_quotes_in_two_sources_form_one_exact_cluster() -> None:
    cluster = only_shared([article(STATEMENT, 0), article(STATEMENT, 2)])
    assert [o.source for o in cluster.occurrences] == ["s0", "s1"]
    assert {o.match for o in cluster.occurrences} == {"exact"}
    assert cluster.text == STATEMENT


@pytest.mark.parametrize(
    "altered",
    [
        STATEMENT.upper(),
        STATEMENT.replace(",", "").replace(" and ", ", and ").replace(".", "!"),
        STATEMENT.replace("before winter", "before winter —"),
        STATEMENT.replace("and nobody", "& nobody"),
        STATEMENT.replace("harbour wall", "harbour-wall"),
    ],
    ids=["case", "punctuation", "dash", "ampersand", "hyphenation"],
)
def test_spelling_noise_is_still_an_exact_match(altered: str) -> None:
    cluster = only_shared([article(STATEMENT, 0), article(altered, 1)])
    assert [o.match for o in cluster.occurrences] == ["exact", "exact"]


def test_curly_and_straight_marks_and_apostrophes_match() -> None:
    curly = "We won’t rebuild the harbour wall before winter unless the ministry pays."
    straight = curly.replace("’", "'")
    cluster = only_shared(
        [f"{NARRATION[0]} “{curly}” she said.", f'{NARRATION[1]} "{straight}" she said.']
    )
    assert [o.match for o in cluster.occurrences] == ["exact", "exact"]


def test_reevaluating_and_re_evaluating_are_the_same_word() -> None:
    a = "I am currently reevaluating my relationship with the brand after these images."
    cluster = only_shared([article(a, 0), article(a.replace("reevaluating", "re-evaluating"), 1)])
    assert {o.match for o in cluster.occurrences} == {"exact"}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("basing it off their willingness", "basing off their willingness"),
        ("measures for this never to happen again", "measures for this to never happen again"),
        ("should have no place in our society.", "should have no place in our society — period."),
    ],
    ids=["word cut", "words swapped", "words added"],
)
def test_small_insertions_and_cuts_are_variants(first: str, second: str) -> None:
    head = "The brand must accept accountability for something that went wrong, "
    cluster = only_shared([article(head + first, 0), article(head + second, 1)])
    matches = [o.match for o in cluster.occurrences]
    assert "variant" in matches
    assert all(0.8 < o.similarity <= 1.0 for o in cluster.occurrences)
    assert "paraphrase" not in matches


def test_occurrence_text_is_the_source_slice_without_marks() -> None:
    s = story(article(STATEMENT, 0), article(STATEMENT, 3))
    clusters, _ = match_quotes(s, marked_quotes(s))
    for cluster in clusters:
        for o in cluster.occurrences:
            assert o.text == s.source(o.source).text[o.start : o.end]
            assert o.text[0] not in "“”\"' " and o.text[-1] not in "“”\"' "


def test_quotes_in_a_different_order_still_pair_up() -> None:
    one = "The harbour wall will be rebuilt before winter with money from the ministry."
    two = "Fishermen should never have waited three months for a simple answer from us."
    three = "Every damaged mooring will be repaired at the council's expense this year."
    a = " ".join(f"{NARRATION[i]} “{q}” she said." for i, q in enumerate((one, two, three)))
    b = " ".join(f"“{q}” she added. {NARRATION[3 - i]}" for i, q in enumerate((three, one, two)))
    s = story(a, b)
    clusters, _ = match_quotes(s, marked_quotes(s))
    texts = sorted(c.occurrences[0].text for c in shared(clusters))
    assert texts == sorted((one, two, three))
    assert all(len(c.occurrences) == 2 for c in shared(clusters))


def test_a_block_split_elsewhere_into_quotes_clusters_at_the_finer_grain() -> None:
    parts = [
        "I have been quiet for the past few days because I wanted to speak to the builders.",
        "As a mother of four I have been shaken by the flooded streets near the harbour.",
        "The safety of our children must be held with the highest regard by the council.",
    ]
    block = f"{NARRATION[0]} She said:\n\n{' '.join(parts)}\n\n{NARRATION[1]}"
    split = f"{NARRATION[2]} “{parts[0]}” she wrote. “{parts[1]}” she added. “{parts[2]}”"
    s = story(block, split)
    start = s.sources[0].text.index(parts[0])
    end = s.sources[0].text.index(parts[2]) + len(parts[2])
    block_quote = Quote("s0", start, end, s.sources[0].text[start:end], "block")
    clusters, _ = match_quotes(s, [block_quote, *marked_quotes(s)])
    found = shared(clusters)
    assert [c.occurrence("s1").text for c in found if c.occurrence("s1")] == parts
    assert [c.occurrence("s0").text for c in found if c.occurrence("s0")] == parts
    assert all(o.match == "exact" for c in found for o in c.occurrences)


def test_a_long_partial_quote_joins_the_statement_it_is_part_of() -> None:
    full = STATEMENT
    part = "nobody will lose their mooring because of the storm damage"
    cluster = only_shared([article(full, 0), f"{NARRATION[2]} She promised “{part}.”"])
    assert cluster.text == full
    assert cluster.occurrence("s1") is not None
    assert cluster.occurrence("s1").match == "variant"  # type: ignore[union-attr]


def test_a_one_word_partial_quote_is_its_own_shared_quote() -> None:
    texts = [
        f"{NARRATION[i]} The mayor is “reevaluating” the plan. “{STATEMENT}” he said."
        for i in range(3)
    ]
    texts[1] = texts[1].replace("reevaluating", "re-evaluating")
    s = story(*texts)
    clusters, _ = match_quotes(s, marked_quotes(s))
    word = [c for c in clusters if c.text.lower() == "reevaluating"]
    assert len(word) == 1 and len(word[0].occurrences) == 3
    statement = [c for c in clusters if c.text == STATEMENT]
    assert len(statement) == 1 and len(statement[0].occurrences) == 3
    assert all("reevaluating" not in o.text for o in statement[0].occurrences)


def test_every_unshared_quote_gets_a_singleton_cluster_in_reading_order() -> None:
    a = f"{NARRATION[0]} “Alpha beta gamma delta.” he said. “{STATEMENT}” he added."
    b = f"“Completely different words from another person here.” {NARRATION[1]} “{STATEMENT}”"
    s = story(a, b)
    quotes = marked_quotes(s)
    clusters, _ = match_quotes(s, quotes)
    assert [c.id for c in clusters] == [f"q{i}" for i in range(1, len(clusters) + 1)]
    firsts = [(int(c.occurrences[0].source[1:]), c.occurrences[0].start) for c in clusters]
    assert firsts == sorted(firsts)
    covered = {(o.source, o.start) for c in clusters for o in c.occurrences}
    assert all((q.source, q.start) in covered for q in quotes)
    assert len([c for c in clusters if not c.shared]) == 2


def test_matching_is_deterministic() -> None:
    s = story(*(article(STATEMENT, i) for i in range(4)))
    assert match_quotes(s, marked_quotes(s)) == match_quotes(s, marked_quotes(s))


def test_a_source_contributes_at_most_one_occurrence_per_cluster() -> None:
    twice = f"“{STATEMENT}” he said. {NARRATION[1]} Again: “{STATEMENT}”"
    s = story(article(STATEMENT, 0), twice)
    clusters, _ = match_quotes(s, marked_quotes(s))
    for cluster in clusters:
        sources = [o.source for o in cluster.occurrences]
        assert len(sources) == len(set(sources))
    assert len(shared(clusters)) == 1
    assert len(clusters) == 2  # the repeat stays a quote of its own


def test_canonical_text_is_the_majority_version() -> None:
    altered = STATEMENT.replace("before winter", "before the winter")
    cluster = only_shared([article(altered, 0), article(STATEMENT, 1), article(STATEMENT, 2)])
    assert cluster.text == STATEMENT
    assert [o.match for o in cluster.occurrences] == ["variant", "exact", "exact"]


def test_speaker_is_voted_across_occurrences_by_confidence() -> None:
    s = story(*(article(STATEMENT, i) for i in range(3)))
    quotes = marked_quotes(s)
    votes = [("Ana Ruiz", 0.9), ("Ana Ruiz", 0.6), ("Ben Ode", 0.4)]
    quotes = [
        Quote(q.source, q.start, q.end, q.text, speaker=name, speaker_confidence=conf)
        for q, (name, conf) in zip(quotes, votes, strict=True)
    ]
    cluster = shared(match_quotes(s, quotes)[0])[0]
    assert cluster.speaker == "Ana Ruiz"
    assert 0.0 < cluster.speaker_confidence <= 1.0
    nobody = [Quote(q.source, q.start, q.end, q.text) for q in quotes]
    assert shared(match_quotes(s, nobody)[0])[0].speaker is None


def test_narration_sharing_a_quotes_words_is_no_occurrence_of_it() -> None:
    """Only quoted text is a quote: one outlet's narration that tells the statement in the
    same words is not shown as a copy of it."""
    unmarked = f"{NARRATION[2]} The mayor wrote that {STATEMENT[0].lower()}{STATEMENT[1:]}"
    s = story(article(STATEMENT, 0), unmarked)
    quotes = [q for q in marked_quotes(s) if q.source == "s0"]
    clusters = match_quotes(s, quotes)[0]
    assert any("harbour wall" in c.text for c in clusters)
    assert shared(clusters) == []
    assert all(o.source == "s0" for c in clusters for o in c.occurrences)


WIRE = (
    "Heavy rain flooded the coastal road on Tuesday night, cutting off three villages "
    "and forcing the ferry company to suspend its morning crossings until further notice."
)


def test_wire_copy_is_reuse_and_never_a_quote() -> None:
    texts = [f"{NARRATION[i]} {WIRE} “{STATEMENT}” he said." for i in range(3)]
    s = story(*texts)
    quotes = marked_quotes(s)
    clusters, reuse = match_quotes(s, quotes)
    assert len(reuse) == 1 and isinstance(reuse[0], Reuse)
    assert [o.source for o in reuse[0].occurrences] == ["s0", "s1", "s2"]
    assert all(o.text == WIRE.rstrip(".") for o in reuse[0].occurrences)
    for cluster in clusters:
        assert all("coastal road" not in o.text for o in cluster.occurrences)
    quote_spans = {(q.source, q.start, q.end) for q in quotes}
    for o in reuse[0].occurrences:
        assert all(not (src == o.source and a < o.end and o.start < b) for src, a, b in quote_spans)


def test_short_shared_narration_is_not_reuse() -> None:
    texts = [f"{NARRATION[i]} The ferry was late on Tuesday." for i in range(2)]
    assert match_quotes(story(*texts), [])[1] == []


def test_no_quotes_and_empty_sources_are_fine() -> None:
    s = story("", "   ", "Just one word")
    assert match_quotes(s, []) == ([], [])
