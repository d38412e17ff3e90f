"""Who a source names where: the lookups attribution makes for every quote."""

from __future__ import annotations

from pathlib import Path

from reader.analysis import attribute_speakers, extract_quotes
from reader.analysis.mentions import Kind
from reader.analysis.named import Named
from reader.model import Source, Speaker, Story

KINDS: dict[str, Kind] = {"Ann Lee": "person", "Acme": "org", "Bo": "unknown"}


def named() -> Named:
    found = Named([(40, "Acme"), (10, "Ann Lee"), (25, ""), (60, "Bo")], KINDS)
    found.quoted(50, "Ann Lee")
    return found


def test_someone_who_is_no_speaker_is_found_only_between_the_given_places() -> None:
    assert named().someone_between(20, 30)
    assert not named().someone_between(26, 100)
    assert not named().someone_between(0, 25)


def test_people_come_in_text_order_with_the_quoted_speakers() -> None:
    assert list(named().people(0, 100)) == ["Ann Lee", "", "Acme", "Ann Lee", "Bo"]
    assert list(named().people(30, 55)) == ["Acme", "Ann Lee"]


def test_the_most_recent_speaker_of_a_kind_and_who_stands_in_between() -> None:
    assert named().recent(45, frozenset({"org"}), stop_at_others=False) == (40, "Acme")
    assert named().recent(30, frozenset({"person"}), stop_at_others=True) == (25, "")
    assert named().recent(55, frozenset({"person"}), stop_at_others=True) == (50, "Ann Lee")
    assert named().recent(10, frozenset({"person"}), stop_at_others=True) is None
    assert named().last_said(50) is None
    assert named().last_said(51) == "Ann Lee"


def test_each_quote_of_a_sentence_without_end_keeps_its_own_speaker() -> None:
    speakers = (Speaker("Ann Lee"), Speaker("Bo Ray"))
    parts = [f"“Point {i},” said {('Ann Lee', 'Bo Ray')[i % 2]}," for i in range(400)]
    text = " ".join(parts)[:-1] + ".\n"
    source = Source(id="s", text=text, path=Path("s.txt"))
    story = Story(id="t", path=Path("."), title="t", speakers=speakers, sources=(source,))
    quotes = attribute_speakers(story, extract_quotes(source))
    assert len(quotes) == 400
    assert [q.speaker for q in quotes] == [("Ann Lee", "Bo Ray")[i % 2] for i in range(400)]
