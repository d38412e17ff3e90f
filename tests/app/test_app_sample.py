"""Issue 4's acceptance, on the sample story with the real analysis (through the worker)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from app_story import no_blink  # noqa: F401 - autouse fixture
from rich.text import Text
from textual.content import Content
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widgets import DataTable, OptionList, Static

from reader.app import ReaderApp
from reader.app.coverage import CoverageScreen
from reader.app.help_screen import HelpScreen
from reader.app.messages import Jump
from reader.app.palette import PALETTE, contrast_ratio
from reader.app.quote_details import DELETED, INSERTED, QuoteDetailsScreen
from reader.app.reader_screen import ReaderScreen
from reader.app.side_pane import TimelineList
from reader.app.source_column import GUTTER, HEADING_CHROME
from reader.app.speaker_picker import SpeakerPicker
from reader.app.story_header import StoryHeader
from reader.report import render_html
from reader.store import load_story

ALTERED_SOURCE = "003_89cd16c0579f4fbc"
"""The seed that rewrites every quote with synonyms."""


async def opened(pilot: Pilot[None]) -> ReaderScreen:
    """The reader screen once the analysis worker is done."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ReaderScreen)
    assert screen.index is not None
    return screen


@pytest.fixture
def app(sample_path: Path) -> ReaderApp:
    return ReaderApp(load_story(sample_path))


async def test_three_outlets_side_by_side_with_distinct_colours(app: ReaderApp) -> None:
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await opened(pilot)
        assert screen.columns_view.shown() >= 3
        titles = [c.title for c in screen.columns[: screen.columns_view.shown()]]
        assert titles[0].startswith("WWD") and titles[1].startswith("OK!")
        index = screen.index
        assert index is not None and len(index.shared) >= 3
        colours = [PALETTE[index.colour_of[c.id]] for c in index.shared]
        assert len(set(colours)) == len(colours) == len(index.shared)  # one colour per quote
        report = render_html(index.story, index.analysis)
        for cluster, colour in zip(index.shared, colours, strict=True):
            assert f'style="--c:{colour}" title="{cluster.id} ' in report  # same as the report
        await pilot.press("n")
        column = screen.column
        painted = {
            segment.style.bgcolor.name
            for segment in column.render_line(column.cursor_row)
            if segment.style and segment.style.bgcolor
        }
        assert painted & {colour for colour in PALETTE}


async def test_timeline_tells_both_statements(app: ReaderApp) -> None:
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await opened(pilot)
        events = screen.query_one(TimelineList).events
        assert any(e.date == "2022-11-27" and "Kardashian" in e.label for e in events)
        assert any(e.date == "2022-11-28" and "Balenciaga" in e.label for e in events)


async def test_n_then_bracket_shows_the_quote_in_the_next_source(app: ReaderApp) -> None:
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await opened(pilot)
        await pilot.press("n")
        index = screen.index
        assert index is not None and screen.current in index.colour_of
        cluster = index.clusters[screen.current]
        first = screen.column_index
        await pilot.press("right_square_bracket")
        assert screen.column_index != first
        assert screen.current == cluster.id
        occurrence = cluster.occurrence(screen.column.source.id)
        assert occurrence is not None
        assert screen.column.cursor_line == screen.column.line_of(occurrence.start)


async def test_enter_shows_the_altered_version_and_its_diff(app: ReaderApp) -> None:
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await opened(pilot)
        index = screen.index
        assert index is not None
        altered = [
            (cluster, occurrence)
            for cluster in index.shared
            if (occurrence := cluster.occurrence(ALTERED_SOURCE)) and occurrence.match != "exact"
        ]
        assert altered, "seed 003 alters shared quotes"
        cluster, occurrence = altered[0]
        screen.jump_to(Jump(ALTERED_SOURCE, occurrence.start, cluster.id))
        await pilot.press("enter")
        details = pilot.app.screen
        assert isinstance(details, QuoteDetailsScreen)
        version = details.query_one(f"#version-{ALTERED_SOURCE}", Static).content
        assert isinstance(version, Text)
        styles = {span.style for span in version.spans}
        assert DELETED in styles or INSERTED in styles


async def test_details_name_sources_shortly(app: ReaderApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await opened(pilot)
        index = screen.index
        assert index is not None
        nameless = next(s.id for s in index.story.sources if not (s.outlet or s.title))
        cluster = next(c for c in index.shared if c.occurrence(nameless) is None)
        first = cluster.occurrences[0]
        screen.jump_to(Jump(first.source, first.start, cluster.id))
        await pilot.press("enter")
        details = pilot.app.screen
        assert isinstance(details, QuoteDetailsScreen)
        spread = str(details.query_one("#details-spread", Static).content)
        assert "left out by" in spread and index.names[nameless] in spread
        assert nameless not in spread  # never the raw id
        assert all(len(name) <= 22 for name in index.names.values())


async def test_speaker_picker_lists_the_three_speakers_and_filters(app: ReaderApp) -> None:
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await opened(pilot)
        await pilot.press("s")
        picker = pilot.app.screen
        assert isinstance(picker, SpeakerPicker)
        options = picker.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        for name in ("Kim Kardashian", "Balenciaga", "Gabriele Galimberti"):
            assert any(name in p and "quote" in p for p in prompts), name
        options.highlighted = next(i for i, p in enumerate(prompts) if "Kim Kardashian" in p)
        await pilot.press("enter")
        assert screen.speaker == "Kim Kardashian"
        await pilot.press("n")
        index = screen.index
        assert index is not None and screen.current is not None
        assert index.clusters[screen.current].speaker == "Kim Kardashian"


async def test_coverage_shows_carried_altered_and_left_out(app: ReaderApp) -> None:
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await opened(pilot)
        await pilot.press("c")
        coverage = pilot.app.screen
        assert isinstance(coverage, CoverageScreen)
        table = coverage.query_one("#coverage-quotes", DataTable)
        assert screen.index is not None and table.row_count == len(screen.index.shared)
        cells = {str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)[2:]}
        assert {"✓", "·"} <= cells and cells & {"~", "≈"}


async def test_coverage_speakers_count_each_kind_as_the_quote_table_does(app: ReaderApp) -> None:
    async with app.run_test(size=(160, 45)) as pilot:
        await opened(pilot)
        await pilot.press("c")
        coverage = pilot.app.screen
        assert isinstance(coverage, CoverageScreen)
        quotes = coverage.query_one("#coverage-quotes", DataTable)
        speakers = coverage.query_one("#coverage-speakers", DataTable)
        sources = [str(c.value) for c in list(quotes.columns)[2:]]
        paraphrased = 0
        for row in range(speakers.row_count):
            name, *cells = (str(cell) for cell in speakers.get_row_at(row))
            theirs = [
                quotes.get_row_at(r)
                for r in range(quotes.row_count)
                if str(quotes.get_row_at(r)[1]).rstrip("?") == name
            ]
            for column, cell in enumerate(cells):
                marks = Counter(str(quote[2 + column]) for quote in theirs)
                expected = " ".join(f"{n}{m}" for m, n in marks.items())
                assert sorted(cell.split()) == sorted(expected.split()), (name, sources[column])
                paraphrased += marks["≈"]
        assert paraphrased  # the sample has paraphrases to count


@pytest.mark.parametrize(
    ("size", "more"), [((160, 45), 2), ((80, 24), 1), ((60, 20), 1), ((60, 20), 4)]
)
async def test_column_headings_fit_and_differ(
    app: ReaderApp, size: tuple[int, int], more: int
) -> None:
    async with app.run_test(size=size) as pilot:
        screen = await opened(pilot)
        await pilot.press(*["plus"] * more)
        await pilot.pause()
        shown = [c for c in screen.columns if c.display]
        assert len(shown) >= 2
        headings = [Content.from_markup(str(c.border_title)).plain.strip() for c in shown]
        widths = [c.outer_size.width for c in shown]
        assert all(len(h) + HEADING_CHROME <= w for h, w in zip(headings, widths, strict=True)), (
            headings,
            widths,
        )
        assert len(set(headings)) == len(headings), headings
        assert not any("_" in h for h in headings)  # never a raw id


def legibility(strip: Strip) -> list[float]:
    """The contrast of every visible piece of text on a rendered line."""
    return [
        contrast_ratio(seg.style.color.get_truecolor().hex, seg.style.bgcolor.get_truecolor().hex)
        for seg in strip
        if seg.text.strip() and seg.style and seg.style.color and seg.style.bgcolor
    ]


@pytest.mark.parametrize("size", [(160, 45), (80, 24), (60, 20)])
async def test_mouse_selection_keeps_the_text_legible(
    app: ReaderApp, size: tuple[int, int]
) -> None:
    async with app.run_test(size=size) as pilot:
        screen = await opened(pilot)
        await pilot.press("n")  # a shared quote under the cursor, so highlights are selected too
        column = screen.column
        row = column.cursor_row
        await pilot.press("j", "j")  # the cursor away from the rows compared below
        before = [column.render_line(y) for y in (row, row + 1)]
        # region offsets: the border, then the gutter, then the text
        await pilot.mouse_down(column, offset=(1 + GUTTER, 1 + row))
        await pilot.hover(column, offset=(1 + GUTTER + 12, 2 + row))
        await pilot.pause()
        dragging = [column.render_line(y) for y in (row, row + 1)]
        await pilot.mouse_up(column, offset=(1 + GUTTER + 12, 2 + row))
        await pilot.pause()
        selected = [column.render_line(y) for y in (row, row + 1)]
        for after in (dragging, selected):
            assert [b.text for b in before] == [a.text for a in after]
            assert before != after  # the selection shows
            text = [c for strip in after for c in legibility(strip.crop(0, column.size.width - 2))]
            assert min(text) >= 3, text


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (160, 45)])
async def test_search_shows_the_match_after_the_panes_moved(
    app: ReaderApp, size: tuple[int, int]
) -> None:
    async with app.run_test(size=size) as pilot:
        screen = await opened(pilot)
        await pilot.press("l", "t", "escape", "slash", *"Kering", "enter")
        await pilot.pause()
        hit = screen.search_hits[screen.search_at]
        column = screen.column
        assert column.source.id == hit.source and column.display
        line = column.line_of(hit.start)
        assert column.cursor_line == line
        assert 0 <= column.cursor_row < column.size.height  # on screen without F3
        header = screen.query_one(StoryHeader)
        line = header.render()
        assert isinstance(line, Content) and line.cell_length <= header.size.width
        assert f"“Kering”: {screen.search_at + 1}/{len(screen.search_hits)}" in line.plain


async def test_help_lists_the_keys_and_q_quits(app: ReaderApp) -> None:
    async with app.run_test(size=(160, 45)) as pilot:
        await opened(pilot)
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape", "q")
        await pilot.pause()
        assert not app.is_running


async def test_usable_at_80_by_24(app: ReaderApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await opened(pilot)
        assert screen.columns_view.shown() == 2
        assert not screen.query_one("#side-pane").display
        await pilot.press("n")
        assert screen.current is not None
        assert 0 <= screen.column.cursor_row < screen.column.page_height
