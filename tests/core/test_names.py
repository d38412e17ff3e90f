"""Short source names tell a story's columns apart in tight spaces."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.model import Source
from reader.report import short_names, shorten
from reader.report.names import _shared_lead


def source(sid: str, outlet: str | None = None, title: str | None = None) -> Source:
    return Source(id=sid, text="", path=Path(f"{sid}.txt"), outlet=outlet, title=title)


def test_outlets_first_then_distinct_titles_then_ids_without_hashes() -> None:
    sources = [
        source("000_43b94baa6551b378", outlet="WWD", title="Kim Kardashian Reevaluating Ties"),
        source("002_fa2f828c7e6d5711", title="Kim Kardashian 'Re-Evaluating' Partnership"),
        source("003_89cd16c0579f4fbc", title="Kim Kardashian Condemns Balenciaga"),
        source("004_bd387176dcec0e57"),
    ]
    names = short_names(sources)
    assert list(names.values()) == ["WWD", "Partnership", "Condemns Balenciaga", "source 004"]


@pytest.mark.parametrize("width", [8, 12, 22])
def test_names_are_unique_and_short_at_any_width(width: int) -> None:
    sources = [
        source("a", title="Kim Kardashian breaks her silence on the campaign"),
        source("b", title="Kim Kardashian breaks her silence on the brand"),
        source("c", outlet="CNN"),
        source("d", outlet="CNN"),
        source("e", title="Kim Kardashian breaks her silence on the campaign"),
        source("f", outlet="https://www.nytimes.com/"),
        source("g", outlet="The Hollywood Reporter Magazine"),
    ]
    names = short_names(sources, width)
    assert len(set(names.values())) == len(sources)
    assert all(len(name) <= width for name in names.values()), names
    assert names["f"] == "nytimes"
    assert names["c"] == "CNN" and names["d"].startswith("CNN")
    assert names["a"] == "campaign" and names["e"].startswith("campa")


def test_long_titles_are_cut_at_a_word() -> None:
    assert shorten("Balenciaga Sues Production Company Over Ads", 22) == "Balenciaga Sues…"
    assert shorten("Supercalifragilistic", 8) == "Superca…"
    assert shorten("  two\nlines  ", 22) == "two lines"


def test_plain_ids_stay_as_they_are() -> None:
    names = short_names([source("bbc-2022-11-28"), source("guardian")])
    assert names == {"bbc-2022-11-28": "bbc-2022-11-28", "guardian": "guardian"}


@given(st.lists(st.lists(st.sampled_from(["Kim", "kim", "Says", "Brand", "Ad"]), max_size=4)))
def test_the_shared_lead_of_a_title_is_found_among_its_sorted_neighbours(
    titles: list[list[str]],
) -> None:
    texts = [" ".join(words) for words in titles if words]
    lead = _shared_lead(texts)
    for text in texts:
        mine = text.casefold().split()
        common = [
            next(
                (i for i, (a, b) in enumerate(zip(mine, theirs, strict=False)) if a != b),
                min(len(mine), len(theirs)),
            )
            for other in texts
            if (theirs := other.casefold().split()) != mine
        ]
        assert lead[text] == max(common, default=0)
