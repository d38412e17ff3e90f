"""How journalists attribute speech, one pattern at a time, on stories with no speaker list:
every speaker here is found in the text, as when a user imports real articles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.analysis.labels import has_verb
from reader.analysis.quotes import extract_quotes
from reader.analysis.speakers import attribute_speakers, discover_speakers
from reader.analysis.speech import alternation
from reader.analysis.timeline import extract_events
from reader.model import Quote, Source, Speaker, Story


def story_of(*texts: str) -> Story:
    sources = tuple(
        Source(id=f"s{i}", text=text, path=Path(f"s{i}.txt")) for i, text in enumerate(texts)
    )
    return Story(id="t", path=Path("."), title="t", sources=sources)


def raw(*texts: str) -> tuple[list[Speaker], list[Quote]]:
    story = story_of(*texts)
    found = [q for source in story.sources for q in extract_quotes(source)]
    speakers = discover_speakers(story, found)
    return speakers, attribute_speakers(story, found, speakers)


def speaker_of(text: str, phrase: str) -> str | None:
    _, quotes = raw(text)
    (quote,) = [q for q in quotes if phrase in q.text]
    return quote.speaker


@pytest.mark.parametrize(
    ("text", "phrase", "speaker"),
    [
        (
            "“We regret it,” John Doe, a spokesman for Acme News, said on Monday.",
            "regret",
            "John Doe",
        ),
        (
            "Acme News apologised on Monday. Acme’s statement said the ads were gone.\n\n"
            "“We are sorry,” the company said.",
            "sorry",
            "Acme News",
        ),
        (
            "In a statement, Acme News said:\n\nWe are reviewing every campaign we ran.",
            "reviewing",
            "Acme News",
        ),
        ("“I was wrong,” Mary Roe said. “I apologise.”", "apologise", "Mary Roe"),
        (
            "Mary Roe spoke outside the court for an hour.\n\n“I will appeal,” she told reporters.",
            "appeal",
            "Mary Roe",
        ),
        (
            "Mary Roe answered her critics on Sunday. “Enough,” she wrote on Instagram.",
            "Enough",
            "Mary Roe",
        ),
        (
            "Jane Poe said the vote was close. “We lost by a hair,” according to Jane Poe.",
            "hair",
            "Jane Poe",
        ),
        (
            "“I want to see it,” said Tom Ash in an interview on Monday, according to Acme News.",
            "see it",
            "Tom Ash",
        ),
        (
            "Tom Ash said the vote was close. Tom Ash released a statement late Tuesday saying: "
            "“We will win.”",
            "win",
            "Tom Ash",
        ),
        (
            "Tom Ash said little. Later Tom Ash chided the mayor for having “wasted a week.”",
            "wasted",
            "Tom Ash",
        ),
        (
            "Mary Roe and Liz Roe both spoke. Liz Roe was first. “No,” Roe said.",
            "No",
            "Liz Roe",
        ),
        ("Mary Roe spoke. “It is madness,” one commuter said.", "madness", None),
        ("“Nobody knows what happened,” the caption read.", "Nobody", None),
        (
            "The campaign relished it.\n\n“They lost,” said Acme campaign manager Jim Roe.",
            "lost",
            "Jim Roe",
        ),
    ],
    ids=[
        "apposed-role",
        "the-company",
        "statement-block",
        "paragraph-continues",
        "told-reporters",
        "wrote-on-instagram",
        "according-to",
        "said-in-an-interview",
        "saying-colon",
        "partial-quote",
        "shared-surname",
        "unknown-subject",
        "no-speaker",
        "title-before-name",
    ],
)
def test_attribution_patterns(text: str, phrase: str, speaker: str | None) -> None:
    assert speaker_of(text, phrase) == speaker


@pytest.mark.parametrize(
    ("text", "name", "role", "kind"),
    [
        ("Sen. Mary Roe said it was over.", "Mary Roe", "Sen.", "person"),
        ("U.S. Defense Secretary Tom Ash said no.", "Tom Ash", "U.S. Defense Secretary", "person"),
        ("Canadian-born Tom Ash said no. Ash is 40.", "Tom Ash", None, "person"),
        ("Now Acme News reported it. Acme News is big.", "Acme News", None, "organisation"),
        ("“Yes,” said Dear Tom Ash.", "Tom Ash", None, "person"),
        ("CNN’s Jane Poe reported the news.", "Jane Poe", "CNN", "person"),
        ("“No,” said Acme campaign manager Jim Roe.", "Jim Roe", "Acme campaign manager", "person"),
        (
            "John Doe, a spokesman for Acme News, said no.",
            "John Doe",
            "spokesman for Acme News",
            "person",
        ),
    ],
)
def test_speaker_names_are_canonical(text: str, name: str, role: str | None, kind: str) -> None:
    speakers, _ = raw(text)
    assert [(s.name, s.role, s.kind) for s in speakers] == [(name, role, kind)]


def test_forms_of_one_speaker_are_listed_once() -> None:
    speakers, _ = raw(
        "Michael Steele said no. Steele said it twice. Mr. Steele's office said nothing.",
        "Michael S. Steele said no. Acme News said yes. Acme said it again.",
    )
    assert [s.name for s in speakers] == ["Michael Steele", "Acme News"]
    assert "Acme" in speakers[1].aliases


@pytest.mark.parametrize(
    "text",
    [
        "The United States Constitution says nothing about it.",
        "Critics said it was wrong.",
        "The TIME reported it. It was the time of the year.",
        "Troops in Iran fought. Officials in Iran left. Iran said nothing.",
    ],
)
def test_things_places_and_common_words_are_no_speakers(text: str) -> None:
    speakers, _ = raw(text)
    assert speakers == []


def test_the_subject_before_he_said_is_found_as_a_speaker() -> None:
    speakers, quotes = raw("Tom Ash struck a hopeful tone.\n\n“We will win,” he said.")
    assert [s.name for s in speakers] == ["Tom Ash"]
    assert [q.speaker for q in quotes] == ["Tom Ash"]


def test_one_happening_told_a_day_apart_is_one_event() -> None:
    story = story_of(
        "On Thursday, November 24, 2022, Tom Ash resigned from the board of Acme News.",
        "Tom Ash resigned from the board of Acme News on Friday, November 25, 2022.",
    )
    events = extract_events(story)
    assert len(events) == 1
    assert {s.source for s in events[0].evidence} == {"s0", "s1"}


@pytest.mark.parametrize(
    ("label", "verb"),
    [
        ("Kardashian says she is re-evaluating her relationship", True),
        ("Balenciaga pulled the campaign", True),
        ("The brand takes responsibility", True),
        ("Balenciaga cut ties", True),
        ("Herman Cain", False),
        ("Told reporters", True),
        ("Earlier", False),
        ("A longtime ally of the sheriff", False),
    ],
)
def test_an_event_label_needs_a_verb(label: str, verb: bool) -> None:
    assert has_verb(label) is verb


def test_a_name_pattern_matches_the_longest_name_in_any_case_and_spacing() -> None:
    names = alternation(["Kim", "Kim Kardashian", "Kim K.", "the brand"])
    pattern = re.compile(rf"(?<![\w’'-])(?:{names})(?![\w-])", re.IGNORECASE)
    text = "Kim Kardashian, kim k. and THE  brand met Kimberly and Kim."
    assert pattern.findall(text) == ["Kim Kardashian", "kim k.", "THE  brand", "Kim"]


def test_the_name_after_the_verb_is_the_one_spoken_to() -> None:
    text = (
        "Tom Ash walked on.\n\nAnother man, not seen on camera, then tells Ash, "
        "“We're just here for a project.”"
    )
    assert speaker_of(text, "project") is None
