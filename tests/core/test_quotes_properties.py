"""Extraction and attribution never crash, and every span slices its own text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import attribute_speakers, discover_speakers, extract_quotes
from reader.model import Source, Speaker, Story

MARKY = st.text(
    alphabet=st.sampled_from(list("\"'“”‘’«»‹›„‚ \n:,.—aeI sShe said wrote Smith")),
    max_size=300,
)
WORDY = st.lists(
    st.sampled_from(
        [
            "said",
            "she",
            "Smith",
            "the",
            "brand",
            "statement",
            ":",
            "\n\n",
            "\n",
            '"',
            "“",
            "”",
            "‘",
            "’",
            "'",
            "«",
            "»",
            "I",
            "we",
            "apologize",
            ".",
            ",",
            "wrote",
            "according",
            "to",
            "Kim",
            "Kardashian",
            "it",
            "they",
            "He",
            "continued",
        ]
    ),
    max_size=80,
).map(" ".join)
SPEAKERS = (
    Speaker("Kim Kardashian", ("Kardashian", "the reality star"), "reality TV star"),
    Speaker("Balenciaga", ("the brand",), "fashion house"),
)


def _story(text: str) -> Story:
    source = Source(id="s", text=text, path=Path("s.txt"))
    return Story(id="t", path=Path("."), title="t", speakers=SPEAKERS, sources=(source,))


def _check(text: str) -> None:
    story = _story(text)
    found = extract_quotes(story.sources[0])
    assert [q.start for q in found] == sorted(q.start for q in found)
    for quote in found:
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
    attributed = attribute_speakers(story, found)
    assert len(attributed) == len(found)
    for quote in attributed:
        assert 0.0 <= quote.speaker_confidence <= 1.0
        assert (quote.speaker is None) == (quote.speaker_confidence == 0.0)
        if quote.cue is not None:
            assert 0 <= quote.cue[0] < quote.cue[1] <= len(text)
    names = [s.name for s in discover_speakers(story, found)]
    assert names[: len(SPEAKERS)] == [s.name for s in SPEAKERS]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text(text: str) -> None:
    _check(text)


@settings(max_examples=400, deadline=None)
@given(MARKY)
def test_text_thick_with_quotation_marks(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None)
@given(WORDY)
def test_text_made_of_attribution_words(text: str) -> None:
    _check(text)
