"""The sentence of context around a quote, as the exports show it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis import SentenceContext, extract_quotes
from reader.model import Source, Story


def story_of(text: str) -> Story:
    return Story("s", Path("."), "T", sources=(Source("a", text, Path("a.txt")),))


def context_of(text: str, passage: str) -> str:
    story = story_of(text)
    quotes = extract_quotes(story.sources[0])
    start = text.index(passage)
    around = SentenceContext(story, quotes).around("a", start, start + len(passage))
    assert around.text == text[around.start : around.end]
    assert around.start <= start and start + len(passage) <= around.end
    return around.text


@pytest.mark.parametrize(
    ("text", "passage", "expected"),
    [
        (
            'It rained. "We will stay. We must," the mayor said on Monday. Then it stopped.',
            "We will stay. We must,",
            '"We will stay. We must," the mayor said on Monday.',
        ),
        (
            "First line.\n\nMr. Smith said the plan “is dead” today. Next one.",
            "is dead",
            "Mr. Smith said the plan “is dead” today.",
        ),
        (
            "Headline\n\n“Go now,” she wrote.\n\nAnother paragraph here.",
            "Go now,",
            "“Go now,” she wrote.",
        ),
        ("No sentence end at all and a “short quote” inside", "short quote", None),
    ],
)
def test_context_is_the_sentence_around_the_quote(
    text: str, passage: str, expected: str | None
) -> None:
    assert context_of(text, passage) == (expected if expected is not None else text)


def test_a_passage_over_two_sentences_gets_both() -> None:
    text = "One here. Two there. Three everywhere."
    assert context_of(text, "here. Two") == "One here. Two there."


def test_an_unknown_source_gives_the_passage_back() -> None:
    around = SentenceContext(story_of("Some text."), ()).around("zz", 2, 5)
    assert (around.source, around.start, around.end, around.text) == ("zz", 2, 5, "")
