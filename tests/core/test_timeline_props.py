"""Timeline extraction on arbitrary text: it never crashes and its evidence slices the text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import extract_events
from reader.model import Event, Source, Speaker, Story

PIECES = st.sampled_from(
    [
        "on Monday",
        "late Sunday",
        "last week",
        "last month",
        "in July",
        "in 2021",
        "November 27",
        "2022-11-28",
        "Nov. 27, 2022",
        "days after",
        "one day after",
        "yesterday",
        "earlier this year",
        "spring 2023 show",
        "Met Gala 2021",
        "she said",
        "Kardashian wrote",
        "“",
        "”",
        '"',
        "—",
        ", ",
        ". ",
        "\n",
        "the brand",
        "Balenciaga",
        "'s",
        "(",
        ")",
        "v.",
        "42",
        "74.2 million",
        "’",
        "which",
        "after",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40).map(" ".join),
)
SPEAKERS = (
    Speaker("Kim Kardashian", ("Kardashian", "the reality star")),
    Speaker("Balenciaga", ("the brand",), role="fashion house"),
)


def story_of(texts: list[str], dates: list[dt.date | None]) -> Story:
    sources = tuple(
        Source(f"s{i}", text, Path(f"s{i}.txt"), date=date)
        for i, (text, date) in enumerate(zip(texts, dates, strict=False))
    )
    return Story("t", Path("."), "t", speakers=SPEAKERS, sources=sources)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(TEXTS, min_size=1, max_size=3),
    st.lists(
        st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))),
        min_size=3,
        max_size=3,
    ),
)
def test_extraction_never_crashes_and_evidence_slices(
    texts: list[str], dates: list[dt.date | None]
) -> None:
    story = story_of(texts, dates)
    events = extract_events(story)
    for event in events:
        assert len(event.date) in {4, 7, 10}
        assert event.label
        for span in event.evidence:
            assert story.source(span.source).text[span.start : span.end] == span.text
    assert [e.date for e in events] == sorted(e.date for e in events)
    assert extract_events(story) == events


def test_the_same_event_in_two_sources_is_one_event() -> None:
    story = story_of(
        [
            "Balenciaga issued a statement on Monday about the campaign.",
            "On Monday, Balenciaga issued a new statement.",
        ],
        [dt.date(2022, 11, 28), dt.date(2022, 11, 29)],
    )
    [event] = extract_events(story)
    assert event.date == "2022-11-28"
    assert {s.source for s in event.evidence} == {"s0", "s1"}


def test_story_yaml_events_merge_and_keep_their_wording() -> None:
    written = Event("2022-11-27", "Kardashian breaks her silence", origin="story")
    base = story_of(["Kardashian wrote on Sunday that she was shaken."], [dt.date(2022, 11, 28)])
    story = Story(
        base.id, base.path, base.title, speakers=SPEAKERS, events=(written,), sources=base.sources
    )
    [event] = extract_events(story)
    assert (event.label, event.origin) == ("Kardashian breaks her silence", "story")
    assert [s.source for s in event.evidence] == ["s0"]


def test_different_happenings_stay_apart() -> None:
    story = story_of(
        ["Balenciaga pulled the campaign last week. Kardashian wrote on Sunday."],
        [dt.date(2022, 11, 28)],
    )
    assert [e.date for e in extract_events(story)] == ["2022-11-21", "2022-11-27"]


def test_without_any_date_only_full_dates_remain() -> None:
    story = story_of(["She spoke on Monday. The ruling came on November 27, 2022."], [None])
    assert [e.date for e in extract_events(story)] == ["2022-11-27"]


def test_a_dateline_is_not_an_event() -> None:
    story = story_of([" date 2022-11-28 Balenciaga sues a production company."], [None])
    assert extract_events(story) == []


def test_a_pronoun_subject_becomes_the_speaker() -> None:
    story = story_of(
        ["Kim Kardashian is reevaluating her ties. She wrote a long post on Sunday."],
        [dt.date(2022, 11, 28)],
    )
    [event] = extract_events(story)
    assert event.label.startswith("Kim Kardashian wrote")
