"""Shared quotes get colours by conflicts: own colours while the palette lasts, and never
the colour of a quote printed near them."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.model import Analysis, Cluster, Occurrence, Source, Story
from reader.report import PALETTE, assign_colours
from reader.report.colours import ALIKE, NEAR, colour_difference, conflicts


def story_of(sources: int) -> Story:
    return Story(
        id="s",
        path=Path("s"),
        title="S",
        sources=tuple(Source(id=f"s{i}", text="", path=Path(f"s{i}.txt")) for i in range(sources)),
    )


def cluster(name: str, *where: tuple[str, int]) -> Cluster:
    occurrences = tuple(Occurrence(src, start, start + 50, "x" * 50) for src, start in where)
    return Cluster(id=name, text="x", speaker=None, occurrences=occurrences)


def spaced(count: int, gap: int) -> Analysis:
    """`count` quotes shared by two sources, `gap` characters apart in both."""
    return Analysis(
        story="s",
        clusters=tuple(
            cluster(f"q{i}", ("s0", i * gap), ("s1", i * gap + 7)) for i in range(count)
        ),
    )


def test_eighteen_quotes_get_eighteen_colours() -> None:
    colours = assign_colours(story_of(2), spaced(18, 100), palette_size=18)
    assert sorted(colours.values()) == list(range(18))
    assert len(PALETTE) >= 18


@pytest.mark.parametrize(("count", "palette"), [(30, 12), (40, 6), (25, 18)])
def test_quotes_near_each_other_never_share_a_colour(count: int, palette: int) -> None:
    analysis = spaced(count, NEAR // 3)  # each quote is near two on either side
    colours = assign_colours(story_of(2), analysis, palette_size=palette)
    near = conflicts(analysis.shared)
    assert near  # the test has conflicts to respect
    for first, neighbours in near.items():
        assert all(colours[first] != colours[second] for second in neighbours)
    assert len(set(colours.values())) == palette  # the whole palette is used


def test_quotes_far_apart_reuse_colours_only_after_the_palette_is_spent() -> None:
    analysis = spaced(5, NEAR * 3)
    colours = assign_colours(story_of(2), analysis, palette_size=3)
    assert [colours[f"q{i}"] for i in range(3)] == [0, 1, 2]
    assert set(colours.values()) == {0, 1, 2}


def test_conflicts_come_from_any_source_and_one_source_quotes_get_none() -> None:
    far_in_one_near_in_other = Analysis(
        story="s",
        clusters=(
            cluster("a", ("s0", 0), ("s1", 0)),
            cluster("b", ("s0", NEAR * 10), ("s2", 100)),
            cluster("c", ("s1", NEAR * 20), ("s2", 200)),
            cluster("solo", ("s0", 60)),
        ),
    )
    near = conflicts(far_in_one_near_in_other.shared)
    assert set(near) == {"b", "c"} and set(near["b"]) == {"c"}
    colours = assign_colours(story_of(3), far_in_one_near_in_other, palette_size=2)
    assert "solo" not in colours
    assert colours["b"] != colours["c"]


def test_colours_follow_reading_order_not_analysis_order() -> None:
    backwards = Analysis(
        story="s", clusters=(cluster("late", ("s0", 900), ("s1", 900)), *spaced(2, 100).clusters)
    )
    colours = assign_colours(story_of(2), backwards)
    assert (colours["q0"], colours["q1"], colours["late"]) == (0, 1, 2)


def test_neighbours_get_colours_that_do_not_look_alike_while_others_are_left() -> None:
    analysis = spaced(len(PALETTE), NEAR // 6)  # each quote near five on either side
    colours = assign_colours(story_of(2), analysis)
    near = conflicts(analysis.shared)

    def alike(colour_of: dict[str, int]) -> int:
        return sum(
            colour_difference(colour_of[a], colour_of[b]) < ALIKE
            for a in near
            for b in near[a]
            if a < b
        )

    in_palette_order = {f"q{i}": i for i in range(len(PALETTE))}
    assert sorted(colours.values()) == list(range(len(PALETTE)))
    assert [colours[f"q{i}"] for i in range(3)] == [0, 1, 2]  # palette order while unalike
    assert alike(colours) < alike(in_palette_order)
    teal, sea_green = PALETTE.index("#76b7b2"), PALETTE.index("#86bcb6")
    assert colour_difference(teal, sea_green) < ALIKE <= colour_difference(0, 1)
