"""Golden tests on the sample story (the five Balenciaga articles), from a hand reading.

QUOTES lists the quotes of each source as the words between the marks (block quotes without
marks too), with the speaker the text gives them; `quotes_for` locates them in a source's
text, so the matcher is measured apart from the quote extractor, and then with it.

SHARED lists every statement two or more sources carry, with where each source carries it.
A pair is two sources' occurrences of one statement; it is found when both land in one
cluster (occurrences are matched to statements by overlap). Left out on purpose: partial
quotes of fewer than three content words (003's “the frightening sights” / “shaken.” /
“unsettling documents.”, 000's “it to be included in our narrative.”) — too short to tie to a
larger statement, by design; 003's first counts as a missed rewrite below.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from pathlib import Path

import pytest

from reader.analysis import analyze, match_quotes
from reader.model import Cluster, Quote, Source, Story

KIM = "Kim Kardashian"
BAL = "Balenciaga"
GAL = "Gabriele Galimberti"
CBS = "CBS News"

Where = str | tuple[str, str]
"""A fragment, or the fragments that begin and end a passage."""

QUOTES: dict[str, list[tuple[Where, str | None]]] = {
    "000": [
        ("reevaluating", KIM),
        ("it to be included in our narrative.", BAL),
        ("The two separate ad campaigns in question reflect a series of grievous errors", BAL),
        ("laying the groundwork with organizations who specialize in child protection", BAL),
        ("As a mother of four, I have been shaken by the disturbing images,", KIM),
        ("The safety of children must be held with the highest regard", KIM),
        ("I have been quiet for the past few days", KIM),
        ("I appreciate Balenciaga’s removal of the campaigns and apology.", KIM),
        ("The first campaign, the Gift collection campaign", BAL),
        ("Our plush bear bags and the Gift collection", BAL),
        ("United States v. Williams", None),
        ("validation steps.", BAL),
    ],
    "001": [
        ("We would like to address the controversies", BAL),
        ("The first campaign, the gift collection campaign", BAL),
        ("The second, separate campaign for spring 2023", BAL),
        ("United States v. Williams", None),
        ("We want to learn from our mistakes", BAL),
        ("I have been quiet for the past few days", KIM),
        ("As a mother of four, I have been shaken by the disturbing images,", KIM),
        ("The safety of children must be held", KIM),
        ("I am currently re-evaluating my relationship", KIM),
    ],
    "002": [
        ("disturbing", KIM),
        ("The ads, which were said to be to promote", CBS),
        ("The bears, however, are wearing BDSM gear", CBS),
        ("In one of the pictures, a child is also surrounded", CBS),
        ("I have been quiet for the past few days", KIM),
        ("As a mother of four, I have been shaken by the disturbing images.", KIM),
        ("The safety of children must be held", KIM),
        ("I appreciate Balenciaga's removal of the campaigns and apology.", KIM),
        ("In speaking with them, I believe", KIM),
        ("As for my future with Balenciaga", KIM),
        ("was not entitled in whatsoever manner", GAL),
        ("As a photographer, I was only and solely requested", GAL),
        ("As usual for a commercial shooting", GAL),
        ("We sincerely apologize for any offense our holiday campaign many have caused.", BAL),
        ("Our plush bear bags should not have been featured with children in this campaign.", BAL),
        ("abuse of children in any form.", BAL),
    ],
    "003": [
        ("re-evaluating", KIM),
        ("not because I haven’t been horrified and angered", KIM),
        ("the frightening sights", KIM),
        ("shaken.", KIM),
        (("The protection of children", "— period."), KIM),
        ("I appreciate Balenciaga’s apologies and removal of the advertising.", KIM),
        ("currently re-evaluating my relationship with the brand", KIM),
        ("basing it off their willingness", KIM),
        ("We deeply apologize for any offense our holiday marketing may have caused.", BAL),
        ("In this advertisement, youngsters should not", BAL),
        ("not entitled in any way to neither choose (sic)", GAL),
        ("unsettling documents.", BAL),
        ("take legal action against the parties responsible", BAL),
        ("No link with the photo where a Supreme Court document appears,", GAL),
    ],
    "004": [
        ("We sincerely apologize for any offense our holiday campaign may have caused.", BAL),
        ("I have been quiet for the past few days", KIM),
        ("As for my future with Balenciaga", KIM),
    ],
}
"""Where each quote starts: it runs to its closing mark (for the block quotes of 004, to the
end of the paragraph), or it is given whole (003's unclosed quote)."""

SHARED: dict[str, dict[str, Where]] = {
    "reevaluating (one word)": {"000": "“reevaluating”", "003": "“re-evaluating”"},
    "two separate ad campaigns": {
        "000": ("The two separate ad", "takes responsibility."),
        "001": ("The two separate ad", "takes responsibility,"),
    },
    "first campaign": {
        "000": ("The first campaign", "with Balenciaga alone."),
        "001": ("The first campaign", "with Balenciaga alone."),
    },
    "second campaign": {
        "000": ("The second, separate", "things differently."),
        "001": ("The second, separate", "things differently."),
    },
    "quiet": {
        "000": ("I have been quiet", "could have happened,"),
        "001": ("I have been quiet", "could have happened,"),
        "002": ("I have been quiet", "could have happened."),
        "003": ("not because I haven’t been horrified", "recent Balenciaga campaigns."),
        "004": ("I have been quiet", "could have happened."),
    },
    "mother of four": {
        k: ("As a mother of four", "disturbing images") for k in ("000", "001", "002", "004")
    },
    "safety of children": {
        "000": ("The safety of children", "in our society"),
        "001": ("The safety of children", "in our society"),
        "002": ("The safety of children", "in our society"),
        "003": ("The protection of children", "in our society"),
        "004": ("The safety of children", "in our society"),
    },
    "appreciate": {
        "000": ("I appreciate", "campaigns and apology."),
        "002": ("I appreciate", "campaigns and apology."),
        "003": ("I appreciate", "removal of the advertising."),
        "004": ("I appreciate", "campaigns and apology."),
    },
    "in speaking with them": {
        "000": ("In speaking with them", "happen again."),
        "002": ("In speaking with them", "happen again."),
        "003": ("After speaking to them", "never occurs again."),
        "004": ("In speaking with them", "happen again."),
    },
    "reevaluating my relationship": {
        "000": ("I am currently reevaluating", "with the brand"),
        "001": ("I am currently re-evaluating", "with the brand"),
        "002": ("As for my future with Balenciaga", "with the brand"),
        "003": ("currently re-evaluating my relationship", "with the brand"),
        "004": ("As for my future with Balenciaga", "with the brand"),
    },
    "basing it off": {
        "000": ("basing it off", "protect children"),
        "001": ("basing it off", "protect children"),
        "002": ("basing off", "protect children"),
        "003": ("basing it off", "protect children"),
        "004": ("basing it off", "protect children"),
    },
    "sincerely apologize": {
        "002": ("We sincerely apologize", "have caused."),
        "003": ("We deeply apologize", "have caused."),
        "004": ("We sincerely apologize", "have caused."),
    },
    "plush bear bags (first apology)": {
        "002": ("Our plush bear bags should not", "in this campaign."),
        "003": ("In this advertisement, youngsters", "plush bear backpacks."),
        "004": ("Our plush bear bags should not", "in this campaign."),
    },
    "campaign removed": {
        "003": ("The campaign was promptly taken off", "from all sites."),
        "004": ("We have immediately removed", "from all platforms."),
    },
    "condemn abuse": {
        "002": "abuse of children in any form.",
        "004": ("We strongly condemn abuse", "in any form."),
    },
    "not entitled": {
        "002": ("was not entitled in whatsoever", "combination of the same."),
        "003": ("not entitled in any way", "combination of the same."),
    },
    "legal action": {
        "003": ("take legal action", "unauthorized products."),
        "004": ("We take this matter", "campaign photoshoot."),
    },
}
"""Statement → seed number → where that source carries it. "I am currently reevaluating …
basing it off …" counts as two statements because 003 quotes its halves separately. The
sentence "Our plush bear bags … should not have been featured with children" is in both of
Balenciaga's statements (the first apology, and the Nov 28 statement 000 and 001 quote):
two statements, by date, however alike."""


def span_of(text: str, where: Where) -> tuple[int, int]:
    """Characters of a SHARED entry in a source's text."""
    first, last = (where, where) if isinstance(where, str) else where
    start = text.index(first)
    return start, text.index(last, start) + len(last)


def quotes_for(source: Source) -> list[Quote]:
    """The hand-listed quotes of a sample source (ids start with the seed number), located
    in its text."""
    text = source.text
    quotes = []
    at = 0
    for where, speaker in QUOTES[source.id[:3]]:
        if isinstance(where, str):
            start = text.index(where, at)
            end = _closing(text, start)
        else:
            start, end = span_of(text[at:], where)
            start, end = start + at, end + at
        confidence = 0.9 if speaker else 0.0
        quotes.append(Quote(source.id, start, end, text[start:end], "marked", speaker, confidence))
        at = start + 1
    return quotes


def _closing(text: str, start: int) -> int:
    """End of the quote opening at `start`: its closing mark, or the end of its paragraph
    when the next paragraph does not continue it."""
    single = start > 0 and text[start - 1] in "‘'"
    for i in range(start, len(text)):
        if single and text[i] in "’'" and not text[i + 1 : i + 2].isalpha():
            return i
        if not single and text[i] in '”"':
            return i
        if text.startswith("\n\n", i) and not text.startswith("\n\n“", i):
            return i
    return len(text)


REWRITES_003: dict[str, Where] = {
    "quiet": "horrified and angered",
    "mother of four": "the frightening sights",
    "safety of children": "The protection of children",
    "appreciate": "apologies and removal of the advertising",
    "in speaking with them": "After speaking to them",
    "sincerely apologize": "We deeply apologize",
    "plush bear bags (first apology)": "youngsters should not have been shown",
    "campaign removed": "The campaign was promptly taken off",
    "not entitled": "not entitled in any way",
    "legal action": "take legal action",
}
"""Seed 003's quotes that rewrite a statement another source prints (statement → where)."""

PAIR_RECALL = 0.95
PAIR_PRECISION = 0.90


@pytest.fixture
def sample(sample_path: Path) -> Story:
    if not sample_path.is_dir():
        pytest.skip("the sample story is not in the store yet")
    store = pytest.importorskip("reader.store.stories")
    story: Story = store.load_story(sample_path)
    return story


def _statement(story: Story, source: str, start: int, end: int) -> str | None:
    """The hand-listed statement an occurrence overlaps most, if any."""
    best, found = 0, None
    for name, where in SHARED.items():
        at = where.get(source[:3])
        if at is None:
            continue
        lo, hi = span_of(story.source(source).text, at)
        if min(hi, end) - max(lo, start) > best:
            best, found = min(hi, end) - max(lo, start), name
    return found


def pair_scores(story: Story, clusters: Sequence[Cluster]) -> tuple[float, float]:
    """Pair recall and precision of the clusters against SHARED."""
    ids = {s.id[:3]: s.id for s in story.sources}
    wanted = {
        (name, ids[a], ids[b]) for name, where in SHARED.items() for a, b in combinations(where, 2)
    }
    found: set[tuple[str, str, str]] = set()
    wrong = 0
    for cluster in clusters:
        named = [
            (o.source, _statement(story, o.source, o.start, o.end)) for o in cluster.occurrences
        ]
        for (sa, na), (sb, nb) in combinations(named, 2):
            if na is not None and na == nb:
                found.add((na, sa, sb))
            else:
                wrong += 1
    return len(found & wanted) / len(wanted), len(found) / max(1, len(found) + wrong)


def rewrites_linked(story: Story, clusters: Sequence[Cluster]) -> float:
    """Share of 003's rewritten quotes that sit in a cluster with the statement they rewrite."""
    linked = 0
    text = next(s for s in story.sources if s.id.startswith("003")).text
    for name, where in REWRITES_003.items():
        lo, hi = span_of(text, where)
        for cluster in clusters:
            mine = [o for o in cluster.occurrences if o.source.startswith("003")]
            if mine and mine[0].start < hi and lo < mine[0].end:
                others = [o for o in cluster.occurrences if not o.source.startswith("003")]
                linked += any(_statement(story, o.source, o.start, o.end) == name for o in others)
    return linked / len(REWRITES_003)


def test_hand_listed_quotes_cluster_as_read(sample: Story) -> None:
    quotes = [q for source in sample.sources for q in quotes_for(source)]
    clusters, reuse = match_quotes(sample, quotes)
    recall, precision = pair_scores(sample, clusters)
    assert recall >= PAIR_RECALL
    assert precision >= PAIR_PRECISION
    assert rewrites_linked(sample, clusters) >= 0.6
    assert reuse == []  # the five outlets share no wire copy


def test_with_the_story_s_own_quote_extraction(sample: Story) -> None:
    analysis = analyze(sample)
    if not analysis.quotes:
        pytest.skip("quote extraction is not in yet")
    recall, precision = pair_scores(sample, analysis.clusters)
    assert recall >= PAIR_RECALL
    assert precision >= PAIR_PRECISION
    assert rewrites_linked(sample, analysis.clusters) >= 0.6
