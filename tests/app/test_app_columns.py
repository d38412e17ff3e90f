"""Many sources, the mouse, the side pane's speaker list and the palette's sources."""

from __future__ import annotations

from app_story import STATEMENT, build_analysis, build_story, no_blink, wide_story  # noqa: F401
from textual.widgets import OptionList

from reader.app import ReaderApp
from reader.app.reader_screen import ReaderScreen
from reader.app.side_pane import SpeakerList

SIZE = (160, 45)


async def test_fifty_sources_show_a_window_that_follows_the_active_column() -> None:
    story, analysis = wide_story(50)
    app = ReaderApp(story, analysis)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
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


async def test_clicking_a_column_makes_it_active() -> None:
    story = build_story()
    async with ReaderApp(story, build_analysis(story)).run_test(size=SIZE) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, ReaderScreen)
        await pilot.click(screen.columns[2], offset=(10, 5))
        assert screen.column_index == 2
        assert screen.columns[2].active and not screen.columns[0].active
        assert screen.columns[2].cursor_line == screen.columns[2].scroll_y + 4  # below the border


async def test_choosing_in_the_speaker_list_filters() -> None:
    story = build_story()
    async with ReaderApp(story, build_analysis(story)).run_test(size=SIZE) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, ReaderScreen)
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
        screen = pilot.app.screen
        assert isinstance(screen, ReaderScreen)
        await pilot.press("ctrl+p", *"source: Outlet D")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.column_index == 3
        assert screen.columns_view.shows(3)
        assert not isinstance(pilot.app.focused, OptionList)
