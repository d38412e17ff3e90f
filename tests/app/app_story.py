"""A small hand-made story and analysis for the reader's tests.

Hand-made so the widget tests are deterministic whatever the analysis finds: four outlets,
three shared quotes (exact, variant and paraphrase copies), a one-source quote, reprinted
wire copy, dated events, and text that must never be read as markup or escape codes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from reader.app.reader_screen import ReaderScreen
from reader.model import (
    Analysis,
    Cluster,
    Event,
    Match,
    Occurrence,
    Reuse,
    Source,
    Span,
    Speaker,
    Story,
)

STATEMENT = "The safety of children must be held with the highest regard."
STATEMENT_VARIANT = "The safety of children must be held in the highest regard."
STATEMENT_PARAPHRASE = "The protection of children must be kept in the highest esteem."
APOLOGY = "We sincerely apologize for any offense our holiday campaign may have caused."
DENIAL = "I was not entitled to choose the products, nor the models."
ASIDE = "We are reviewing every campaign this season."
WIRE = "The brand pulled the campaign from all platforms last week."


def _filler(outlet: str, count: int) -> str:
    lines = [
        f"{outlet} paragraph {n}: the fashion house faced questions from customers, "
        "critics and partners about how the images were chosen and approved."
        for n in range(1, count + 1)
    ]
    return "\n\n".join(lines)


TEXTS = {
    "a": (
        "Outlet A",
        f"{_filler('A', 2)}\n\nKardashian wrote: “{STATEMENT}”\n\n"
        f"The company said “{APOLOGY}”\n\n{_filler('A', 6)}\n\n"
        f"A spokesperson added: “{ASIDE}”\n\nShe spoke late Sunday, November 27.\n\n"
        f"{_filler('A', 8)}",
    ),
    "b": (
        "Outlet B",
        f"{_filler('B', 9)}\n\nShe posted: “{STATEMENT}”\n\n{WIRE}\n\n"
        f"Galimberti said “{DENIAL}”\n\nThe light was [light] and \x1b[31mred\x1b[0m.\n\n"
        f"{_filler('B', 3)}",
    ),
    "c": (
        "Outlet C",
        f"{_filler('C', 4)}\n\nThe statement: “{APOLOGY}”\n\n{_filler('C', 3)}\n\n"
        f"Kardashian wrote “{STATEMENT_VARIANT}”\n\nOn November 28 the brand spoke again.\n\n"
        f"{_filler('C', 5)}",
    ),
    "d": (
        "Outlet D",
        f"{_filler('D', 1)}\n\nShe said: “{STATEMENT_PARAPHRASE}”\n\n{WIRE}\n\n"
        f"The photographer said “{DENIAL}” He shot the series in 2021.\n\n{_filler('D', 7)}",
    ),
}


def build_story(root: Path = Path("/tmp/reader-test-story")) -> Story:
    """Four sources in order a, b, c, d."""
    sources = tuple(
        Source(
            id=source_id,
            text=text,
            path=root / "sources" / f"{source_id}.txt",
            outlet=outlet,
            title=f"{outlet} on the campaign",
            date=dt.date(2022, 11, 28),
        )
        for source_id, (outlet, text) in TEXTS.items()
    )
    return Story(
        id="test-story",
        path=root,
        title="Campaign row",
        speakers=(
            Speaker("Kim Kardashian", aliases=("Kardashian",)),
            Speaker("Balenciaga", aliases=("the brand",)),
            Speaker("Gabriele Galimberti", aliases=("Galimberti",)),
        ),
        sources=sources,
    )


def _occurrence(
    story: Story, source_id: str, passage: str, match: Match = "exact", similarity: float = 1.0
) -> Occurrence:
    text = story.source(source_id).text
    start = text.index(passage)
    return Occurrence(source_id, start, start + len(passage), passage, match, similarity)


def _span(story: Story, source_id: str, passage: str) -> Span:
    start = story.source(source_id).text.index(passage)
    return Span(source_id, start, start + len(passage), passage)


def build_analysis(story: Story) -> Analysis:
    """Clusters, reuse and events placed on `build_story()`'s texts."""
    statement = Cluster(
        "q1",
        STATEMENT,
        "Kim Kardashian",
        (
            _occurrence(story, "a", STATEMENT),
            _occurrence(story, "b", STATEMENT),
            _occurrence(story, "c", STATEMENT_VARIANT, "variant", 0.93),
            _occurrence(story, "d", STATEMENT_PARAPHRASE, "paraphrase", 0.62),
        ),
        speaker_confidence=0.9,
    )
    apology = Cluster(
        "q2",
        APOLOGY,
        "Balenciaga",
        (_occurrence(story, "a", APOLOGY), _occurrence(story, "c", APOLOGY)),
        speaker_confidence=0.95,
    )
    denial = Cluster(
        "q3",
        DENIAL,
        "Gabriele Galimberti",
        (_occurrence(story, "b", DENIAL), _occurrence(story, "d", DENIAL)),
        speaker_confidence=0.4,
    )
    aside = Cluster("q4", ASIDE, None, (_occurrence(story, "a", ASIDE),))
    wire = Reuse("r1", WIRE, (_occurrence(story, "b", WIRE), _occurrence(story, "d", WIRE)))
    events = (
        Event("2022-11-28", "Balenciaga statement", (_span(story, "c", "On November 28"),)),
        Event("2021", "Galimberti shoots the series", (_span(story, "d", "in 2021"),)),
        Event(
            "2022-11-27",
            "Kardashian statement",
            (_span(story, "a", "late Sunday, November 27"), _span(story, "b", "She posted")),
        ),
    )
    return Analysis(
        story=story.id,
        clusters=(statement, apology, denial, aside),
        reuse=(wire,),
        events=events,
        speakers=story.speakers,
    )


@pytest.fixture(autouse=True)
def no_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """Freeze the text cursors so screenshots do not depend on timing."""
    monkeypatch.setattr(Input, "cursor_blink", False)


def wide_story(count: int) -> tuple[Story, Analysis]:
    """`count` sources that all carry one statement, at different depths in the text."""
    sources = tuple(
        Source(
            id=f"s{n:02d}",
            text=f"{_filler(f'S{n}', n % 7 + 1)}\n\nShe said: “{STATEMENT}”\n\n{_filler('x', 5)}",
            path=Path(f"/tmp/wide/s{n:02d}.txt"),
            outlet=f"Outlet {n}",
        )
        for n in range(count)
    )
    story = Story(id="wide", path=Path("/tmp/wide"), title="Wide", sources=sources)
    cluster = Cluster(
        "q1",
        STATEMENT,
        "Kim Kardashian",
        tuple(_occurrence(story, s.id, STATEMENT) for s in sources),
        speaker_confidence=0.9,
    )
    return story, Analysis(story=story.id, clusters=(cluster,))


def reader(pilot: Pilot[None]) -> ReaderScreen:
    """The reader screen the pilot's app shows."""
    screen = pilot.app.screen
    assert isinstance(screen, ReaderScreen)
    return screen
