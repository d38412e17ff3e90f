"""The sample story's dated events, listed by hand from the five articles.

Each golden event names its date and, per source, a phrase that the evidence telling it
must contain. The score is the share of golden events found with the right date and every
piece of evidence; the issue asks for at least 85 %.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis import extract_events
from reader.model import Event, Story
from reader.store import load_story

WWD, OK, S003, S004 = (
    "000_43b94baa6551b378",
    "001_68c18a8236d82fe6",
    "003_89cd16c0579f4fbc",
    "004_bd387176dcec0e57",
)

# (date, words the label must contain, [(source, phrase in that source's evidence)])
GOLDEN: list[tuple[str, tuple[str, ...], list[tuple[str, str]]]] = [
    (
        "2008",
        ("United States v. Williams",),
        [(WWD, "United States v. Williams"), (OK, "United States v. Williams")],
    ),
    (
        "2021",
        ("Met Gala",),
        [(WWD, "Met Gala in 2021"), (S003, "Met Gala 2021"), (S004, "2021 Met Gala")],
    ),
    (
        "2022-07",
        (),
        [
            (WWD, "couture week in July"),
            (S003, "Paris Fashion Week in July"),
            (S004, "this year’s Paris Fashion Week"),
        ],
    ),
    ("2022-10", ("ties",), [(S003, "cut ties with him last month")]),
    ("2022-11", ("campaign",), [(S003, "days after the business retracted")]),
    (
        "2022-11-21",
        ("week of",),
        [(WWD, "pulled the controversial campaign from all platforms last week")],
    ),
    ("2022-11-23", ("Galimberti",), [(S003, "statement on Wednesday, Galimberti")]),
    ("2022-11-24", (), [(S003, "season finale on Thursday")]),
    (
        "2022-11-27",
        ("Kardashian",),
        [
            (WWD, "via Instagram Stories late Sunday"),
            (WWD, "Kardashian wrote on Sunday"),
            (OK, "one day after Kim Kardashian broke her silence"),
            (OK, "she wrote on Sunday, November 27"),
            (S003, "finally spoke out on Sunday"),
            (S003, "Twitter followers on Sunday"),
            (S003, "follow-up post on Sunday"),
            (S004, "on November 27, Kim Kardashian released a statement"),
        ],
    ),
    (
        "2022-11-28",
        ("Balenciaga",),
        [
            (WWD, "on Monday issued another statement"),
            (WWD, "In its statement Monday"),
            (OK, "Balenciaga spoke out on Monday, November 28"),
        ],
    ),
]


@pytest.fixture(scope="module")
def story() -> Story:
    return load_story(Path(__file__).resolve().parents[2] / "stories" / "balenciaga-2022")


@pytest.fixture(scope="module")
def events(story: Story) -> list[Event]:
    return extract_events(story)


def _told(event: Event, source: str, phrase: str) -> bool:
    return any(s.source == source and phrase in s.text for s in event.evidence)


def _find(events: list[Event], date: str, evidence: list[tuple[str, str]]) -> Event | None:
    for event in events:
        if event.date == date and all(_told(event, s, p) for s, p in evidence):
            return event
    return None


def test_at_least_85_percent_of_the_dated_events_are_found(events: list[Event]) -> None:
    found = [_find(events, date, evidence) for date, _, evidence in GOLDEN]
    pairs = sum(
        1
        for date, _, evidence in GOLDEN
        for source, phrase in evidence
        if any(e.date == date and _told(e, source, phrase) for e in events)
    )
    total_pairs = sum(len(evidence) for _, _, evidence in GOLDEN)
    score = sum(f is not None for f in found) / len(GOLDEN)
    print(f"timeline: {score:.0%} of golden events, {pairs}/{total_pairs} evidence passages")
    assert score >= 0.85
    assert pairs / total_pairs >= 0.85


def test_each_event_is_told_once(events: list[Event]) -> None:
    """One event per happening: no golden event split over two timeline entries."""
    for date, _, evidence in GOLDEN:
        holders = {id(e) for e in events for s, p in evidence if e.date == date and _told(e, s, p)}
        assert len(holders) == 1, date
    matched = {id(_find(events, date, evidence)) for date, _, evidence in GOLDEN}
    assert len([e for e in events if id(e) not in matched]) <= 1


@pytest.mark.parametrize(("date", "words", "evidence"), GOLDEN, ids=[g[0] for g in GOLDEN])
def test_labels_are_short_and_say_what_happened(
    events: list[Event], date: str, words: tuple[str, ...], evidence: list[tuple[str, str]]
) -> None:
    event = _find(events, date, evidence)
    assert event is not None
    assert 3 <= len(event.label) <= 80
    assert event.label[0].isupper()
    last = event.label.removesuffix(" (week of)").split()[-1].lower()
    assert last not in {"a", "the", "on", "of", "to", "after", "with", "and"}
    for word in words:
        assert word in event.label


def test_story_yaml_events_merge_with_the_text(story: Story, events: list[Event]) -> None:
    for written in story.events:
        [merged] = [e for e in events if e.label == written.label]
        assert merged.origin == "story" and merged.date == written.date
        assert len({s.source for s in merged.evidence}) >= 2


def test_evidence_slices_the_stored_text(story: Story, events: list[Event]) -> None:
    for event in events:
        for span in event.evidence:
            assert story.source(span.source).text[span.start : span.end] == span.text


def test_events_are_in_date_order(events: list[Event]) -> None:
    assert [e.date for e in events] == sorted(e.date for e in events)


def test_an_undated_source_borrows_the_storys_date(story: Story, events: list[Event]) -> None:
    assert story.source(WWD).date is None
    [statement] = [e for e in events if _told(e, WWD, "on Monday issued another statement")]
    assert statement.date == "2022-11-28"
