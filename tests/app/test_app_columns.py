"""Many sources, the mouse, the side pane's speaker list and the palette's sources."""

from __future__ import annotations

from typing import Any

import pytest
from app_story import (  # noqa: F401 - no_blink is an autouse fixture
    STATEMENT,
    build_analysis,
    build_story,
    no_blink,
    reader,
    wide_story,
)
from textual.geometry import Size
from textual.pilot import Pilot
from textual.widgets import OptionList

from reader.analysis import analyze
from reader.app import ReaderApp, columns_view, source_column
from reader.app.columns_view import ColumnsView
from reader.app.reader_screen import ReaderScreen
from reader.app.side_pane import SpeakerList, TimelineList
from reader.app.source_column import SourceColumn
from reader.app.story_header import StoryHeader
from reader.store import load_story, sample_story

SIZE = (160, 45)


async def test_fifty_sources_show_a_window_that_follows_the_active_column() -> None:
    story, analysis = wide_story(50)
    app = ReaderApp(story, analysis)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        view = screen.columns_view
        shown = view.shown()
        assert [c.display for c in screen.columns].count(True) == shown
        await pilot.press("n", "right_square_bracket")
        assert screen.column_index == 1
        for _ in range(shown):
            await pilot.press("right_square_bracket")
        assert screen.column_index == shown + 1
        assert view.first == screen.column_index - shown + 1  # shifted just enough
        assert screen.columns[screen.column_index].display
        assert not screen.columns[0].display
        row = screen.column.cursor_row
        for index in range(view.first, view.first + shown):
            column = screen.columns[index]
            quote = column.line_of(column.source.text.index(STATEMENT))
            assert quote - column.scroll_y == row, column.source.id  # all lined up
        await pilot.press("left_square_bracket")
        assert screen.column_index == shown


@pytest.mark.parametrize(("size", "window"), [((160, 45), "2–4 of 8"), ((60, 20), "2 of 8")])
async def test_the_header_says_which_columns_show(size: tuple[int, int], window: str) -> None:
    story, analysis = wide_story(8)
    async with ReaderApp(story, analysis).run_test(size=size) as pilot:
        for _ in range(reader(pilot).columns_view.shown()):
            await pilot.press("l")
        assert reader(pilot).query_one(StoryHeader).window == window


async def test_the_header_follows_the_columns_in_the_same_frame() -> None:
    """Moving past the shown columns updates the header before anything else runs: no
    frame shows the new columns under the old "showing" line."""
    story, analysis = wide_story(8)
    async with ReaderApp(story, analysis).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        for _ in range(screen.columns_view.shown()):
            screen.action_column(1)
        assert screen.query_one(StoryHeader).window == "2–4 of 8"


@pytest.mark.parametrize("size", [(160, 45), (80, 24), (60, 20)])
async def test_the_columns_are_laid_out_before_the_first_layout_at_the_size_it_gives(
    size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the screen expects for the columns is what the layout gives them, so the first
    frame shows them as they stay."""
    expected: list[Size] = []
    expect = ColumnsView.expect

    def spy(view: ColumnsView, room: Size) -> None:
        expected.append(room)
        expect(view, room)

    monkeypatch.setattr(ColumnsView, "expect", spy)
    story, analysis = wide_story(8)
    async with ReaderApp(story, analysis).run_test(size=size) as pilot:
        await pilot.pause()
        assert expected == [reader(pilot).columns_view.size]


@pytest.fixture
def no_mounting_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    """Columns are mounted only when shown (the app mounts the others soon after)."""
    monkeypatch.setattr(columns_view, "AHEAD_SECONDS", 3600)


@pytest.mark.usefixtures("no_mounting_ahead")
async def test_many_sources_mount_the_shown_columns_first_and_keep_each_cursor() -> None:
    story, analysis = wide_story(30)
    async with ReaderApp(story, analysis).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        view = screen.columns_view
        assert len(view.query(SourceColumn)) == view.shown() < len(screen.columns)
        lines = {0: 3, 1: 5, len(screen.columns) - 1: 2}
        for index in range(len(screen.columns)):
            await pilot.press(*["j"] * lines.get(index, 0))
            if index < len(screen.columns) - 1:
                await pilot.press("l")
        assert len(view.query(SourceColumn)) == len(screen.columns)  # mounted on the way
        assert [c.source.id for c in view.query(SourceColumn)] == [s.id for s in story.sources]
        last = screen.columns[-1]
        assert last.index is screen.index  # a column mounted late has the highlights
        for _ in screen.columns[1:]:
            await pilot.press("h")
        assert screen.column_index == 0 and view.first == 0
        assert {i: screen.columns[i].cursor_line for i in lines} == lines


async def test_the_columns_not_shown_are_mounted_soon_after_in_story_order() -> None:
    story, analysis = wide_story(30)
    async with ReaderApp(story, analysis).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        view = screen.columns_view
        for _ in range(100):  # a few columns a round
            if len(view.query(SourceColumn)) == len(screen.columns):
                break
            await pilot.pause(columns_view.AHEAD_SECONDS)
        assert [c.source.id for c in view.query(SourceColumn)] == [s.id for s in story.sources]
        assert [c.display for c in screen.columns] == [view.shows(i) for i in range(30)]
        assert screen.columns[-1].index is screen.index


def calls_of(monkeypatch: pytest.MonkeyPatch, method: str) -> list[str]:
    """The source ids of the columns `SourceColumn.<method>` is called on, one per call."""
    called: list[str] = []
    original = getattr(SourceColumn, method)

    def spy(column: SourceColumn, *args: Any) -> Any:
        called.append(column.source.id)
        return original(column, *args)

    monkeypatch.setattr(SourceColumn, method, spy)
    return called


@pytest.fixture
def painted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The source ids of the columns whose lines the screen draws, one entry per line."""
    return calls_of(monkeypatch, "render_line")


@pytest.mark.usefixtures("no_mounting_ahead")
async def test_a_column_mounted_ahead_redraws_no_column_on_screen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drawn = calls_of(monkeypatch, "render_lines")
    story, analysis = wide_story(12)
    async with ReaderApp(story, analysis).run_test(size=SIZE) as pilot:
        view = reader(pilot).columns_view
        await pilot.pause()
        mounted = len(view.query(SourceColumn))
        drawn.clear()
        view._mount_ahead()
        await pilot.pause()
        assert len(view.query(SourceColumn)) == mounted + columns_view.AHEAD
        assert drawn == []  # the screen took no column's lines again


async def test_moving_to_a_shown_column_repaints_the_headings_not_the_columns(
    painted: list[str],
) -> None:
    story, analysis = wide_story(8)
    async with ReaderApp(story, analysis).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.pause()
        painted.clear()
        await pilot.press("l")
        assert screen.column_index == 1 and screen.columns_view.first == 0
        assert sorted(painted) == sorted(c.source.id for c in screen.columns[:2])  # cursors
        for column, look in ((screen.columns[0], "title"), (screen.columns[1], "title_active")):
            x, y = column.region.x + 4, column.region.y  # a letter of its heading, on its border
            assert screen.get_style_at(x, y) == getattr(column._look(), look), column.source.id


async def at_the_last_shown_column(
    pilot: Pilot[None],
) -> tuple[ReaderScreen, ColumnsView, int]:
    """The screen, its columns and how many show, the last of them active: one `l` more
    moves the window."""
    screen = reader(pilot)
    shown = screen.columns_view.shown()
    await pilot.press(*["l"] * (shown - 1))
    return screen, screen.columns_view, shown


@pytest.mark.usefixtures("no_mounting_ahead")
async def test_moving_the_window_lays_out_only_the_columns_it_shows_or_hides(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    laid_out = calls_of(monkeypatch, "lay_out")
    story, analysis = wide_story(30)
    async with ReaderApp(story, analysis).run_test(size=SIZE) as pilot:
        screen, view, shown = await at_the_last_shown_column(pilot)
        laid_out.clear()
        await pilot.press("l")  # the window moves one column on
        assert view.first == 1
        assert sorted(set(laid_out)) == [c.source.id for c in screen.columns[: shown + 1]]
        laid_out.clear()
        await pilot.resize_terminal(SIZE[0], SIZE[1] - 5)  # every column's hint changes
        await pilot.pause()
        assert set(laid_out) == {c.source.id for c in screen.columns}


@pytest.mark.usefixtures("no_mounting_ahead")
async def test_a_column_mounted_ahead_is_wrapped_before_it_shows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    story, analysis = wide_story(12)
    async with ReaderApp(story, analysis).run_test(size=SIZE) as pilot:
        screen, view, shown = await at_the_last_shown_column(pilot)
        view._mount_ahead()
        await pilot.pause()
        wrapped: list[int] = []
        wrap = source_column.wrap
        monkeypatch.setattr(source_column, "wrap", lambda *a: wrapped.append(1) or wrap(*a))
        await pilot.press("l")
        assert screen.columns[shown].display
        assert wrapped == []  # wrapped while hidden, at the width it shows at
        assert screen.columns[shown].wrapped.width == screen.columns[shown].text_width


@pytest.mark.usefixtures("no_mounting_ahead")
async def test_search_finds_and_shows_a_match_in_a_column_not_shown_yet() -> None:
    story, analysis = wide_story(30)
    async with ReaderApp(story, analysis).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        far = screen.columns[-1]
        assert far.parent is None  # not mounted
        await pilot.press("slash", *"S29 paragraph 2", "enter")
        assert [hit.source for hit in screen.search_hits] == [far.source.id]
        assert screen.column is far and far.parent is screen.columns_view
        assert screen.columns_view.shows(len(screen.columns) - 1) and far.display
        start, end = far.cursor_span
        assert start <= far.source.text.index("S29 paragraph 2") < end
        assert 0 <= far.cursor_row < far.page_height  # on screen
        assert far.overlays.search


async def test_clicking_a_column_makes_it_active() -> None:
    story = build_story()
    async with ReaderApp(story, build_analysis(story)).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.click(screen.columns[2], offset=(10, 5))
        assert screen.column_index == 2
        assert screen.columns[2].active and not screen.columns[0].active
        assert screen.columns[2].cursor_line == screen.columns[2].scroll_y + 4  # below the border


async def test_moving_along_the_columns_leaves_the_side_lists_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Showing other columns lays the screen out again, which must not repaint the side
    pane's scrollbar: the list did not change."""
    story = load_story(sample_story())
    async with ReaderApp(story, analyze(story)).run_test(size=(160, 24)) as pilot:
        screen = reader(pilot)
        timeline = screen.query_one(TimelineList)
        assert timeline.show_vertical_scrollbar  # more events than the pane shows
        repainted: list[str] = []
        monkeypatch.setattr(
            timeline.vertical_scrollbar, "refresh", lambda *_, **__: repainted.append("bar")
        )
        for _ in range(screen.columns_view.shown()):
            await pilot.press("l")
        assert screen.columns_view.first == 1
        assert repainted == []
        timeline.highlighted = len(timeline.options) - 1  # the list itself scrolls
        await pilot.pause()
        assert repainted


async def test_the_side_lists_render_once_on_opening_and_again_for_a_new_width(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each widget's first resize comes after the first frame, at the size it drew: the
    lists must not drop their rendered options for it, but must for a new width. (Counted
    where Textual's option list drops them, as it has no public hook for it.)"""
    dropped: list[int] = []
    drop = OptionList._clear_caches

    def counted(self: OptionList) -> None:
        if isinstance(self, TimelineList):
            dropped.append(self.scrollable_content_region.width)
        drop(self)

    monkeypatch.setattr(OptionList, "_clear_caches", counted)
    story = load_story(sample_story())
    async with ReaderApp(story, analyze(story)).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert dropped == []
        timeline = reader(pilot).query_one(TimelineList)
        width = timeline.scrollable_content_region.width
        timeline.styles.width = timeline.size.width - 4
        await pilot.pause()
        assert len(dropped) == 1 and dropped[0] < width  # dropped once, at the new width


async def test_choosing_in_the_speaker_list_filters() -> None:
    story = build_story()
    async with ReaderApp(story, build_analysis(story)).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        speakers = screen.query_one(SpeakerList)
        speakers.focus()
        speakers.highlighted = 0
        await pilot.press("enter")
        assert screen.speaker == "Balenciaga"
        await pilot.press("enter")  # the same speaker again clears it
        assert screen.speaker is None


async def test_palette_jumps_to_a_source() -> None:
    story = build_story()
    async with ReaderApp(story, build_analysis(story)).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("ctrl+p", *"source: Outlet D")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.column_index == 3
        assert screen.columns_view.shows(3)
        assert not isinstance(pilot.app.focused, OptionList)
