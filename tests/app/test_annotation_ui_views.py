"""Annotations seen everywhere at once, on the hand-made story: every copy of a shared quote,
the detail bar, the timeline, the speakers; corrections from the quote details; the keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotating_app import SIZE, form, ready, settle, still_cursors  # noqa: F401
from app_story import ASIDE, DENIAL, STATEMENT, build_analysis, build_story
from textual.pilot import Pilot
from textual.widgets import Input, RadioSet, Select

from reader.app import ReaderApp
from reader.app.detail_bar import DetailBar
from reader.app.help_screen import HelpScreen
from reader.app.quote_details import QuoteDetailsScreen
from reader.app.reader_screen import ReaderScreen
from reader.app.side_pane import SpeakerList, TimelineList
from reader.store import load_annotations


@pytest.fixture
def app(tmp_path: Path) -> ReaderApp:
    """The hand-made story, its folder in tmp_path so annotations.yaml can be written."""
    story = build_story(tmp_path)
    return ReaderApp(story, build_analysis(story))


async def save(pilot: Pilot[None]) -> None:
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ReaderScreen)


def span_of(screen: ReaderScreen, source: str, text: str) -> tuple[int, int]:
    start = screen.story.source(source).text.index(text)
    return start, start + len(text)


async def to_quote(pilot: Pilot[None], screen: ReaderScreen, cluster: str) -> None:
    for _ in range(10):
        if screen.current == cluster:
            return
        await pilot.press("n")
    raise AssertionError(f"{cluster} not reached")


async def test_a_dated_note_on_a_shared_quote_shows_everywhere(app: ReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await to_quote(pilot, screen, "q1")
        await pilot.press("a")  # nothing selected: the quote under the cursor
        entry = form(pilot)
        await pilot.press(*"Posted on Instagram")
        entry.query_one("#annotation-date", Input).value = "2022-11-27"
        await save(pilot)
        [saved] = load_annotations(app.story.path)  # type: ignore[union-attr]
        assert (saved.anchor.exact, saved.date) == (STATEMENT, "2022-11-27")
        for column in screen.columns:
            occurrence = screen.index.clusters["q1"].occurrence(column.source.id)  # type: ignore[union-attr]
            assert occurrence is not None
            assert (occurrence.start, occurrence.end) in column.overlays.notes
        await pilot.press("right_square_bracket")
        assert screen.column.source.id == "b"
        line = str(screen.query_one(DetailBar).note_line)
        assert "Posted on Instagram" in line and "annotation via Outlet A" in line
        events = screen.query_one(TimelineList).events
        assert any(e.origin == "annotation" and e.date == "2022-11-27" for e in events)


async def keep_kind(pilot: Pilot[None]) -> None:
    """Enter on the Kind selector picks the highlighted kind: the one the form opened with."""
    entry = form(pilot)
    kind = entry.kind
    entry.query_one("#annotation-kind", RadioSet).focus()
    await pilot.press("enter")
    await pilot.pause()
    assert entry.kind == kind


async def test_set_the_speaker_from_the_quote_details(app: ReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("l")
        await to_quote(pilot, screen, "q3")
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, QuoteDetailsScreen)
        await pilot.click("#correct-speaker")
        entry = form(pilot)
        assert entry.kind == "speaker"
        await keep_kind(pilot)
        entry.query_one("#annotation-new-speaker", Input).focus()
        await pilot.press(*"Jane Doe")
        await save(pilot)
        assert screen.index is not None
        assert screen.index.clusters["q3"].speaker == "Jane Doe"
        counts = {c.name: (c.quotes, c.shared) for c in screen.index.speakers}
        assert counts["Jane Doe"] == (1, 1) and "Gabriele Galimberti" not in counts
        options = screen.query_one(SpeakerList)
        assert any(
            options.get_option_at_index(i).id == "Jane Doe" for i in range(options.option_count)
        )


async def test_not_a_quote_from_the_quote_details(app: ReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await to_quote(pilot, screen, "q1")
        await pilot.press("enter")
        await pilot.click("#correct-not-quote")
        assert form(pilot).kind == "not-quote"
        await keep_kind(pilot)
        await save(pilot)
        assert screen.index is not None
        assert screen.index.clusters["q1"].occurrence("a") is None
        assert screen.index.clusters["q1"].occurrence("b") is not None


async def test_same_quote_as_another_source_merges_them(app: ReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        start, _ = span_of(screen, "a", ASIDE)
        screen.column.move_to_offset(start)
        await pilot.press("v", "a")
        entry = form(pilot)
        await pilot.click("#kind-same-quote")
        assert entry.query_one("#annotation-same-row").display
        [target] = [
            i
            for i, (_, p) in enumerate(entry.targets)
            if p.source == "b" and p.text(screen.story) == DENIAL
        ]
        entry.query_one("#annotation-same-as", Select).value = target
        await save(pilot)
        assert screen.index is not None
        merged = [c for c in screen.index.shared if c.occurrence("a") and c.occurrence("b")]
        assert any(c.occurrence("b").text == DENIAL for c in merged)  # type: ignore[union-attr]
        assert len(load_annotations(screen.story.path)) == 2


async def test_selection_keys_apply_only_while_selecting(app: ReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        assert not screen.check_action("extend", (1,))
        await pilot.press("j")
        assert screen.column.cursor_line == 1  # j moves the cursor
        await pilot.press("v")
        first = screen.selection
        assert first is not None and screen.check_action("extend", (1,))
        await pilot.press("j")
        assert screen.selection is not None and screen.selection.span[1] > first.span[1]
        await pilot.press("shift+down")
        grown = screen.selection
        assert grown is not None and grown.span[1] > first.span[1]
        assert "Selected:" in str(screen.query_one(DetailBar).note_line)
        await pilot.press("escape")
        assert screen.selection is None
        assert screen.column.overlays.extra == ()


async def test_copy_the_selection_or_the_quote_under_the_cursor(app: ReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await to_quote(pilot, screen, "q1")
        await pilot.press("y")
        assert pilot.app.clipboard == STATEMENT
        await pilot.press("v", "y")
        assert screen.selection is not None
        assert pilot.app.clipboard == screen.story.source("a").text[slice(*screen.selection.span)]


async def test_help_lists_the_annotation_keys(app: ReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        help_screen = pilot.app.screen
        assert isinstance(help_screen, HelpScreen)
        rows = dict(help_screen.rows)
        assert rows["v"].startswith("Select the sentence under the cursor")
        assert rows["a"].startswith("Annotate the selection")
        assert rows["A"].startswith("Every annotation of the story")
        assert any("extend the selection by a sentence" in what for _, what in help_screen.rows)


async def test_selection_keys_leave_the_search_box_alone(app: ReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("v")
        selected = screen.selection
        await pilot.press("slash", *"jk")
        assert screen.query_one("#search-input", Input).value == "jk"
        assert screen.selection == selected
        await pilot.press("escape")  # closes the search box, keeps the selection
        assert screen.selection == selected
        await pilot.press("escape")
        assert screen.selection is None


async def test_moving_to_another_column_drops_the_selection(app: ReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("v", "j")
        assert screen.selection is not None
        await pilot.press("l")
        assert screen.selection is None
        assert all(column.overlays.extra == () for column in screen.columns)
