"""Stepping through search matches, and the key table the screen, key bar and help share."""

from __future__ import annotations

import pytest
from app_story import build_story

from reader.app.keys import ANNOTATING, KEYS
from reader.app.search import Search


def test_search_steps_from_the_cursor_and_wraps_around() -> None:
    story = build_story()
    search = Search(story)
    spans = search.find("we sincerely apologize")
    assert {source: len(found) for source, found in spans.items()} == {
        "a": 1,
        "b": 0,
        "c": 1,
        "d": 0,
    }
    assert search.status() == "search “we sincerely apologize”: 2 matches"
    first = search.step(1, (1, 0))  # from source b: the next match is in c
    assert first is not None and first.source == "c"
    assert search.status() == "search “we sincerely apologize”: 2/2"
    wrapped = search.step(1, (1, 0))
    assert wrapped is not None and wrapped.source == "a"


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("  ", ""),
        ("zebra crossing", "search “zebra crossing”: no match"),
        ("zebra crossing at the corner", "search “zebra crossing at the…”: no match"),
    ],
)
def test_search_status_without_matches(query: str, status: str) -> None:
    search = Search(build_story())
    search.find(query)
    assert search.step(1, (0, 0)) is None
    assert search.status() == status


def test_every_key_has_a_unique_id_and_says_what_it_does() -> None:
    ids = [binding.id for binding in KEYS]
    assert None not in ids
    assert len(set(ids)) == len(ids)
    assert all(binding.tooltip for binding in KEYS)
    assert {binding.id for binding in ANNOTATING} <= set(ids)
