"""Units: however many splitting rounds a story needs, what `build_units` returns describes
its final units."""

from __future__ import annotations

import pytest

from reader.analysis import extract_quotes
from reader.analysis import units as units_module
from reader.analysis.align import align
from reader.analysis.shingles import prepare, seed_pairs
from reader.analysis.units import build_units
from reader.store import load_story, sample_story


@pytest.mark.parametrize("rounds", [1, 2, units_module.MAX_ROUNDS])
def test_the_owners_and_overlaps_are_those_of_the_units_returned(
    rounds: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sample needs two splitting rounds: with fewer allowed, the rounds run out, and
    the owners and overlaps must still be counted for the units the last round left."""
    monkeypatch.setattr(units_module, "MAX_ROUNDS", rounds)
    story = load_story(sample_story())
    quotes = [q for source in story.sources for q in extract_quotes(source)]
    docs = prepare(story.sources)
    found = build_units(docs, quotes, align(docs, seed_pairs(docs)))
    for doc, owners in enumerate(found.owners.token):
        for token, number in enumerate(owners):
            if number >= 0:
                unit = found.units[number]
                assert unit.doc == doc and unit.lo <= token < unit.hi
    for a, b in found.overlaps:
        assert found.units[a].doc != found.units[b].doc
        assert {a, b} <= {n for owners in found.owners.token for n in owners}
