"""Quotes and speakers listed by hand, on the sample story and on a small invented story.

Each expected quote is a distinctive phrase of it (quotation marks included where a word
alone is ambiguous) and its speaker; a quote is found when an extracted quote covers the
phrase's first word. Phrases are searched in the stored text, never located by offset.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis import MARKS, attribute_speakers, discover_speakers, extract_quotes
from reader.ingest import import_files
from reader.model import Quote, Story
from reader.store import load_story

KIM, BAL, GAL, CBS = "Kim Kardashian", "Balenciaga", "Gabriele Galimberti", "CBS News"
KOW, COUNCIL, BRANDT = "Anna Kowalski", "City Council", "Thomas Brandt"

SAMPLE: list[tuple[str, str, str | None]] = [
    ("000", "“reevaluating”", KIM),
    ("000", "it to be included in our narrative", BAL),
    ("000", "The two separate ad campaigns in question", BAL),
    ("000", "laying the groundwork", BAL),
    ("000", "As a mother of four", KIM),
    ("000", "The safety of children must be held", KIM),
    ("000", "I am currently reevaluating", KIM),
    ("000", "I have been quiet", KIM),
    ("000", "I appreciate Balenciaga’s removal", KIM),
    ("000", "The first campaign, the Gift collection", BAL),
    ("000", "Our plush bear bags and the Gift collection", BAL),
    ("000", "The second, separate campaign", BAL),
    ("000", "validation steps", BAL),
    ("001", "We would like to address", BAL),
    ("001", "The first campaign, the gift collection", BAL),
    ("001", "The second, separate campaign", BAL),
    ("001", "We want to learn from our mistakes", BAL),
    ("001", "I have been quiet", KIM),
    ("001", "As a mother of four", KIM),
    ("001", "The safety of children must be held", KIM),
    ("001", "I am currently re-evaluating", KIM),
    ("002", '"disturbing"', KIM),
    ("002", "The ads, which were said", CBS),
    ("002", "The bears, however", CBS),
    ("002", "In one of the pictures", CBS),
    ("002", "I have been quiet", KIM),
    ("002", "As a mother of four", KIM),
    ("002", "The safety of children must be held", KIM),
    ("002", "I appreciate Balenciaga's removal", KIM),
    ("002", "In speaking with them", KIM),
    ("002", "As for my future with Balenciaga", KIM),
    ("002", "was not entitled in whatsoever manner", GAL),
    ("002", "As a photographer, I was only", GAL),
    ("002", "As usual for a commercial shooting", GAL),
    ("002", "We sincerely apologize", BAL),
    ("002", "Our plush bear bags should not", BAL),
    ("002", "abuse of children in any form", BAL),
    ("003", "“re-evaluating”", KIM),
    ("003", "not because I haven’t been horrified", KIM),
    ("003", "the frightening sights", KIM),
    ("003", "“shaken.”", KIM),
    ("003", "The protection of children", KIM),
    ("003", "I appreciate Balenciaga’s apologies", KIM),
    ("003", "currently re-evaluating my relationship", KIM),
    ("003", "basing it off their willingness", KIM),
    ("003", "We deeply apologize", BAL),
    ("003", "In this advertisement, youngsters", BAL),
    ("003", "not entitled in any way", GAL),
    ("003", "unsettling documents", BAL),
    ("003", "take legal action against", BAL),
    ("003", "No link with the photo", GAL),
    ("004", "We sincerely apologize", BAL),
    ("004", "I have been quiet", KIM),
    ("004", "As for my future with Balenciaga", KIM),
]
SAMPLE_NOT_QUOTES = [
    ("000", "United States v. Williams"),
    ("001", "United States v. Williams"),
    ("003", "The Kardashians'"),
    ("003", "Toy Stories"),
    ("004", "caution tape dress"),
]

BRIDGE: list[tuple[str, str, str | None]] = [
    ("gazette", "We cannot take any risks", KOW),
    ("gazette", "The bridge will stay shut", KOW),
    ("gazette", "a painful but necessary decision", KOW),
    ("gazette", "the cracks are older", BRANDT),
    ("gazette", "three separate warnings", BRANDT),
    ("gazette", "We acted as soon as", COUNCIL),
    ("gazette", "I cross that bridge", "Joan Miller"),
    ("courier", "not going to gamble", KOW),
    ("courier", "I know this hurts", KOW),
    ("courier", "But I would rather", KOW),
    ("courier", "We will have a plan", KOW),
    ("courier", "Frankly, it should have been closed", BRANDT),
    ("courier", "The inspection found corrosion", COUNCIL),
    ("courier", "Nobody asked us", "Peter Okafor"),
    ("courier", "We found out from the news", "Peter Okafor"),
    ("tribune", "Safety remains our first concern", COUNCIL),
    ("tribune", "A good compromise", KOW),
    ("tribune", "One lane is still", BRANDT),
    ("tribune", "It's madness", None),
]
BRIDGE_NOT_QUOTES = [
    ("gazette", "Bridges of Britain"),
    ("tribune", "Elm Street saga"),
    ("tribune", "The Iron Mayor"),
]
BRIDGE_PATH = Path(__file__).parents[1] / "stories" / "bridge-closure"


def analysed(path: Path) -> tuple[Story, list[Quote]]:
    story = load_story(path)
    found = [q for source in story.sources for q in extract_quotes(source)]
    return story, attribute_speakers(story, found)


def covering(story: Story, quotes: list[Quote], prefix: str, phrase: str) -> list[Quote]:
    """The quotes of the source whose id starts with `prefix` covering `phrase`."""
    (source,) = [s for s in story.sources if s.id.startswith(prefix)]
    at = source.text.index(phrase)
    at += len(phrase) - len(phrase.lstrip(MARKS))
    return [q for q in quotes if q.source == source.id and q.start <= at < q.end]


def scores(
    story: Story, quotes: list[Quote], expected: list[tuple[str, str, str | None]]
) -> tuple[float, float, float]:
    """Recall of the expected quotes, speaker accuracy on those found, and precision."""
    found = {
        prefix + phrase: covering(story, quotes, prefix, phrase) for prefix, phrase, _ in expected
    }
    hits = [(found[p + phrase][0], who) for p, phrase, who in expected if found[p + phrase]]
    recall = len(hits) / len(expected)
    accuracy = sum(q.speaker == who for q, who in hits) / len(hits)
    matched = {id(q) for q, _ in hits}
    precision = len(matched) / len(quotes)
    return recall, accuracy, precision


@pytest.mark.parametrize(
    ("path", "expected"),
    [(None, SAMPLE), (BRIDGE_PATH, BRIDGE)],
    ids=["sample", "bridge"],
)
def test_recall_speaker_accuracy_and_precision(
    path: Path | None, expected: list[tuple[str, str, str | None]], sample_path: Path
) -> None:
    story, quotes = analysed(path or sample_path)
    recall, accuracy, precision = scores(story, quotes, expected)
    assert recall >= 0.95
    assert accuracy >= 0.90
    assert precision >= 0.90


@pytest.mark.parametrize(
    ("path", "not_quotes"),
    [(None, SAMPLE_NOT_QUOTES), (BRIDGE_PATH, BRIDGE_NOT_QUOTES)],
    ids=["sample", "bridge"],
)
def test_titles_and_names_are_not_quotes_of_their_own(
    path: Path | None, not_quotes: list[tuple[str, str]], sample_path: Path
) -> None:
    story, quotes = analysed(path or sample_path)
    for prefix, phrase in not_quotes:
        assert all(q.text != phrase.strip("'") for q in covering(story, quotes, prefix, phrase))


def test_sample_kinds(sample_path: Path) -> None:
    story, quotes = analysed(sample_path)
    kind = {(p, phrase): covering(story, quotes, p, phrase)[0].kind for p, phrase, _ in SAMPLE}
    assert kind[("002", "abuse of children in any form")] == "partial"
    assert kind[("000", "“reevaluating”")] == "partial"
    assert {
        kind[("004", phrase)] for phrase in ("We sincerely apologize", "I have been quiet")
    } == {"block"}
    assert kind[("002", "The ads, which were said")] == "marked"


def test_bridge_kinds_and_proposed_speakers() -> None:
    story, quotes = analysed(BRIDGE_PATH)
    (unclosed,) = covering(story, quotes, "courier", "We found out from the news")
    assert unclosed.kind == "unclosed"
    assert unclosed.text == "We found out from the news."
    (block,) = covering(story, quotes, "courier", "The inspection found corrosion")
    assert block.kind == "block"
    proposed = [s.name for s in discover_speakers(story, quotes) if s.proposed]
    assert proposed == ["Joan Miller", "Peter Okafor"]


def test_sample_proposes_no_speaker_beyond_the_story(sample_path: Path) -> None:
    story, quotes = analysed(sample_path)
    found = discover_speakers(story, quotes)
    assert [s.name for s in found] == [s.name for s in story.speakers]
    assert {s.name: s.kind for s in found}[KIM] == "person"
    assert {s.name: s.kind for s in found}[BAL] == "organisation"


def test_raw_import_of_the_sample_finds_its_speakers(tmp_path: Path) -> None:
    """The sample articles imported as a new user would, with no speaker list: the speakers
    are found in the text, and the hand-listed quotes go to them."""
    seeds = sorted((Path(__file__).parents[1] / "fixtures" / "seeds").glob("*.txt"))
    import_files(tmp_path / "raw", seeds)
    story = load_story(tmp_path / "raw")
    assert story.speakers == ()
    found = [q for source in story.sources for q in extract_quotes(source)]
    speakers = discover_speakers(story, found)
    assert {KIM, BAL, GAL, CBS} <= {s.name for s in speakers}
    assert {s.name: s.kind for s in speakers}[KIM] == "person"
    quotes = attribute_speakers(story, found, speakers)
    recall, accuracy, _ = scores(story, quotes, SAMPLE)
    assert recall >= 0.95
    assert accuracy >= 0.90
    statements = [(p, phrase) for p, phrase, who in SAMPLE if who == BAL]
    right = sum(q.speaker == BAL for p, ph in statements for q in covering(story, quotes, p, ph))
    assert right >= 0.9 * len(statements)
