"""The reader's keys, driven through Textual's pilot on a hand-made story."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_story import (  # noqa: F401 - no_blink is an autouse fixture
    STATEMENT,
    build_analysis,
    build_story,
    no_blink,
    reader,
)
from rich.text import Text
from textual import events
from textual.content import Content
from textual.widgets import DataTable, Input, Label, OptionList, Static

from reader.analysis import analyze
from reader.app import ReaderApp
from reader.app.coverage import CoverageScreen
from reader.app.help_screen import HelpScreen, key_rows
from reader.app.key_bar import KeyBar, KeyLabel, fit
from reader.app.keys import KEYS
from reader.app.legend import MARKS, Legend
from reader.app.quote_details import DELETED, INSERTED, QuoteDetailsScreen
from reader.app.reader_screen import ReaderScreen
from reader.app.side_pane import TimelineList
from reader.app.source_column import SourceColumn
from reader.app.speaker_picker import SpeakerPicker
from reader.app.story_header import StoryHeader
from reader.store import load_story, sample_story

SIZE = (160, 45)


def make_app() -> ReaderApp:
    story = build_story()
    return ReaderApp(story, build_analysis(story))


def occurrence_line(column: SourceColumn, cluster_id: str) -> int:
    index = column.index
    assert index is not None
    occurrence = index.clusters[cluster_id].occurrence(column.source.id)
    assert occurrence is not None
    return column.line_of(occurrence.start)


async def test_columns_side_by_side_with_outlets() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        assert screen.columns_view.shown() == 3
        titles = [column.title for column in screen.columns]
        assert titles[:2] == ["Outlet A · 2022-11-28", "Outlet B · 2022-11-28"]
        assert "Outlet A" in str(screen.columns[0].border_title)
        assert screen.query_one("#side-pane").display
        header = str(screen.query_one(StoryHeader).content)
        assert "Campaign row" in header and "4 sources" in header and "3 shared quotes" in header


async def test_narrow_terminal_shows_two_columns_and_hides_the_side_pane() -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = reader(pilot)
        await pilot.pause()
        assert screen.columns_view.shown() == 2
        assert not screen.query_one("#side-pane").display
        await pilot.press("p")
        assert screen.query_one("#side-pane").display


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["l"], 1),
        (["right", "right"], 2),
        (["l", "l", "h"], 1),
        (["left"], 0),
        (["l", "l", "l", "l", "l"], 3),
    ],
)
async def test_left_right_move_between_columns(keys: list[str], expected: int) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        await pilot.press(*keys)
        screen = reader(pilot)
        assert screen.column_index == expected
        assert screen.columns[expected].active
        assert sum(column.active for column in screen.columns) == 1


async def test_cursor_keys_move_the_cursor_line() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        column = reader(pilot).column
        await pilot.press("j", "j", "down")
        assert column.cursor_line == 3
        await pilot.press("k", "up")
        assert column.cursor_line == 1
        await pilot.press("pagedown")
        assert column.cursor_line == 1 + column.page_height
        assert column.scroll_y > 0
        await pilot.press("pageup")
        assert column.cursor_line == 1
        await pilot.press("G")
        assert column.cursor_line == len(column.wrapped) - 1
        assert column.cursor_row == column.page_height - 1  # last line at the bottom
        await pilot.press("g")
        assert (column.cursor_line, column.scroll_y) == (0, 0)


async def test_n_walks_the_shared_quotes_of_the_focused_source() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        column = screen.column
        await pilot.press("n")
        assert screen.current == "q1"
        assert column.cursor_line == occurrence_line(column, "q1")
        await pilot.press("n")
        assert screen.current == "q2"
        assert column.cursor_line == occurrence_line(column, "q2")
        await pilot.press("n")  # only two shared quotes in A: wraps around
        assert screen.current == "q1"
        await pilot.press("N")
        assert screen.current == "q2"


async def test_bracket_shows_the_same_quote_in_the_next_source_aligned() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("n")  # q1 in A
        row = screen.column.cursor_row
        await pilot.press("right_square_bracket")
        assert screen.column_index == 1
        assert screen.columns[1].active
        assert screen.current == "q1"
        b = screen.columns[1]
        assert b.cursor_line == occurrence_line(b, "q1")
        rows = {occurrence_line(c, "q1") - c.scroll_y for c in screen.columns}
        assert rows == {min(row, *(occurrence_line(c, "q1") for c in screen.columns))}
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert screen.column_index == 3
        await pilot.press("left_square_bracket")
        assert screen.column_index == 2
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert screen.column_index == 0  # wraps to the first source that has it


async def test_bracket_is_hidden_without_a_shared_quote_under_the_cursor() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        assert screen.current is None
        assert screen.check_action("same_quote", (1,)) is False
        await pilot.press("right_square_bracket")
        assert screen.column_index == 0


async def test_enter_opens_the_quote_details_with_a_word_diff() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        await pilot.press("n", "enter")
        details = pilot.app.screen
        assert isinstance(details, QuoteDetailsScreen)
        assert details.cluster.id == "q1"
        variant = details.query_one("#version-c", Static).content
        assert isinstance(variant, Text)
        styled = {variant.plain[span.start : span.end]: span.style for span in variant.spans}
        assert styled["with"] == DELETED and DELETED.strike
        assert styled["in"] == INSERTED
        assert "variant, similarity 93%" in variant.plain
        paraphrase = details.query_one("#version-d", Static).content
        assert "Paraphrase" in str(paraphrase)
        assert "esc: close" in str(details.query_one("#details-dialog").border_subtitle)
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, ReaderScreen)


async def test_speaker_filter_keeps_one_speaker_and_s_upper_clears_it() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("s")
        picker = pilot.app.screen
        assert isinstance(picker, SpeakerPicker)
        options = picker.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("Gabriele Galimberti" in p and "1 quote" in p for p in prompts)
        galimberti = next(i for i, p in enumerate(prompts) if "Galimberti" in p)
        options.highlighted = galimberti
        await pilot.press("enter")
        assert screen.speaker == "Gabriele Galimberti"
        assert "Gabriele Galimberti" in str(screen.query_one(StoryHeader).content)
        assert [e.label for e in screen.query_one(TimelineList).events] == [
            "Galimberti shoots the series"
        ]
        await pilot.press("l", "n")  # in B, the only shared quote left is Galimberti's
        assert screen.current == "q3"
        await pilot.press("S")
        assert screen.speaker is None
        assert len(screen.query_one(TimelineList).events) == 3


async def test_timeline_enter_scrolls_to_the_evidence_and_flashes_it() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("t")
        timeline = screen.query_one(TimelineList)
        assert pilot.app.focused is timeline
        assert [e.date for e in timeline.events] == ["2021", "2022-11-27", "2022-11-28"]
        await pilot.press("down", "enter")  # 2022-11-27: evidence in A and B
        a, b = screen.columns[0], screen.columns[1]
        evidence = {s.source: s for s in timeline.events[1].evidence}
        assert a.cursor_line == a.line_of(evidence["a"].start)
        assert b.cursor_line == b.line_of(evidence["b"].start)
        assert a.cursor_row == b.cursor_row
        assert a.overlays.flash == ((evidence["a"].start, evidence["a"].end),)
        await pilot.press("t")
        assert pilot.app.focused is screen.columns_view
        assert a.active


async def test_coverage_shows_the_matrix_and_enter_jumps() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("c")
        coverage = pilot.app.screen
        assert isinstance(coverage, CoverageScreen)
        quotes = coverage.query_one("#coverage-quotes", DataTable)
        assert quotes.row_count == 3
        assert [str(c) for c in quotes.get_row("q1")[2:]] == ["✓", "✓", "~", "≈"]
        assert [str(c) for c in quotes.get_row("q2")[2:]] == ["✓", "·", "✓", "·"]
        speakers = coverage.query_one("#coverage-speakers", DataTable)
        assert speakers.row_count == 3
        quotes.cursor_coordinate = quotes.get_cell_coordinate("q1", "d")
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, ReaderScreen)
        assert screen.column_index == 3
        assert screen.current == "q1"
        assert screen.column.cursor_line == occurrence_line(screen.column, "q1")


@pytest.mark.parametrize("previous", ["shift+f3", "f15"])  # f15: shift+F3 in most terminals
async def test_search_finds_matches_across_sources_and_f3_walks_them(previous: str) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("slash")
        assert isinstance(pilot.app.focused, Input)
        await pilot.press(*"highest")
        assert {hit.source for hit in screen.search_hits} == {"a", "b", "c", "d"}
        assert screen.columns[1].overlays.search
        await pilot.press("enter")
        assert not screen.query_one("#search-bar").display
        assert screen.search_at == 0
        first = screen.search_hits[0]
        assert screen.column.source.id == first.source
        await pilot.press("f3")
        assert screen.search_at == 1
        assert screen.column.source.id == screen.search_hits[1].source
        await pilot.press(previous)
        assert screen.search_at == 0
        await pilot.press("escape")
        assert screen.search_hits == []
        assert not screen.columns[1].overlays.search


@pytest.mark.parametrize("size", [(160, 45), (80, 24), (60, 20)])
async def test_coverage_fits_a_narrow_screen(size: tuple[int, int]) -> None:
    async with make_app().run_test(size=size) as pilot:
        await pilot.press("c")
        await pilot.pause()
        coverage = pilot.app.screen
        assert isinstance(coverage, CoverageScreen)
        legend = coverage.query_one("#coverage-legend", Label)
        assert legend.region.right <= size[0]
        shown = "".join(legend.render_line(y).text for y in range(legend.size.height))
        assert "escape: back" in " ".join(shown.split())  # wrapped, never cut
        quotes = coverage.query_one("#coverage-quotes", DataTable)
        assert quotes.fixed_columns == 2  # the quote and its speaker stay as sources scroll
        quote = quotes.get_row("q1")[0]
        assert isinstance(quote, Text) and quote.cell_len <= max(18, size[0] // 3 + 2)


async def test_coverage_scrolls_to_the_speakers_table_below_many_quotes() -> None:
    story = load_story(sample_story())
    async with ReaderApp(story, analyze(story)).run_test(size=(60, 20)) as pilot:
        await pilot.press("c", "tab")
        coverage = pilot.app.screen
        assert isinstance(coverage, CoverageScreen)
        speakers = coverage.query_one("#coverage-speakers", DataTable)
        assert coverage.focused is speakers
        shown_at = speakers.region  # empty when off the screen
        assert shown_at.height >= 2 and shown_at.bottom <= 19  # above the key bar


async def test_shift_f3_read_as_a_cursor_position_report_steps_back() -> None:
    """xterm and tmux send shift+F3 as ESC[1;2R, which Textual parses as a cursor report."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("slash", *"highest", "enter", "f3")
        assert screen.search_at == 1
        app.post_message(events.CursorPosition(1, 0))
        await pilot.pause()
        assert screen.search_at == 0
        app.post_message(events.CursorPosition(5, 3))  # any other report is no key
        await pilot.pause()
        assert screen.search_at == 0


async def test_palette_jumps_to_a_speaker() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"speaker: Galim")
        await pilot.pause(0.2)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.speaker == "Gabriele Galimberti"


def test_help_names_each_key_once_by_the_name_on_the_key_bar() -> None:
    rows = dict((what, keys) for keys, what in key_rows(lambda b: b.key, KEYS))
    assert rows["Previous search match"] == "⇧F3"  # not "shift+f3 / f15"
    assert rows["Next search match"] == "F3"
    assert rows["Focus the source column on the right"] == "right / l"


async def test_help_lists_every_key() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        help_screen = pilot.app.screen
        assert isinstance(help_screen, HelpScreen)
        described = {what for _, what in help_screen.rows}
        for binding in ReaderScreen.BINDINGS:
            assert binding.tooltip in described  # type: ignore[union-attr]
        marks = str(help_screen.query_one("#help-marks", Static).content)
        assert all(glyph in marks for glyph in "~≈✎┊▌?") and "L" in marks
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, ReaderScreen)


async def test_plus_minus_change_how_many_columns_show() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("plus")
        await pilot.pause()
        assert screen.columns_view.shown() == 4
        assert screen.check_action("more_columns", (1,)) is False  # all four show
        await pilot.press("minus", "minus")
        await pilot.pause()
        assert screen.columns_view.shown() == 2
        assert screen.columns[0].outer_size.width == screen.columns_view.size.width // 2


async def test_q_quits() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


@pytest.mark.parametrize("key", ["s", "c", "A", "question_mark", "x"])
async def test_a_key_typed_just_after_q_opens_nothing_and_the_reader_quits_cleanly(
    key: str,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for typed in ("q", key):  # in the same instant, as a fast typist's keys arrive
            app.post_message(events.Key(typed, None))
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running
    assert not [s for s in app.screen_stack if s.is_modal]


async def test_article_text_is_data_not_markup() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        b = reader(pilot).columns[1]
        b.move_to_offset(b.source.text.index("[light]"))
        shown = b.render_line(b.cursor_row).text + b.render_line(b.cursor_row + 1).text
        assert "[light]" in shown
        assert "\x1b" not in shown
        assert "\u241b[31mred" in shown  # the escape shown as a symbol


@pytest.mark.parametrize("size", [(160, 45), (80, 24), (60, 20)])
@pytest.mark.parametrize("select", [False, True])
async def test_help_quit_and_the_search_count_always_show(
    size: tuple[int, int], select: bool
) -> None:
    async with make_app().run_test(size=size) as pilot:
        screen = reader(pilot)
        await pilot.press("slash", *"the", "enter", "n", *(["v"] if select else []))
        await pilot.pause()
        assert screen.current is not None and screen.search_at >= 0
        bar = screen.query_one(KeyBar)
        keys = bar.render()
        assert keys.cell_length <= bar.size.width  # nothing cut off
        assert " ? " in keys.plain and " q " in keys.plain
        assert " F3 " in keys.plain and " ⇧F3 " in keys.plain  # while a search is on
        header = screen.query_one(StoryHeader)
        line = header.render()
        assert isinstance(line, Content) and line.cell_length <= header.size.width
        assert f"{screen.search_at + 1}/{len(screen.search_hits)}" in line.plain


@pytest.mark.parametrize("size", [(160, 45), (80, 24), (60, 20)])
async def test_while_a_passage_is_selected_the_key_bar_keeps_the_keys_for_it(
    size: tuple[int, int],
) -> None:
    async with make_app().run_test(size=size) as pilot:
        screen = reader(pilot)
        await pilot.press("v")
        await pilot.pause()
        assert screen.annotator.selection is not None
        bar = screen.query_one(KeyBar)
        keys = bar.render()
        assert keys.cell_length <= bar.size.width
        for key in (" a ", " esc ", " ? ", " q "):
            assert key in keys.plain, key


async def test_the_key_bar_takes_a_new_themes_colours() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        app = pilot.app
        bar = reader(pilot).query_one(KeyBar)
        for theme in ("textual-light", "nord"):
            app.theme = theme
            await pilot.pause()
            key = app.get_css_variables()["footer-key-foreground"]
            spans = bar.render().spans
            assert spans and all(key in str(span.style) for span in spans[::2]), theme


def test_the_key_bar_shortens_labels_before_dropping_keys() -> None:
    labels = [
        KeyLabel(Content("long one"), Content("one")),
        KeyLabel(Content("long two"), Content("two")),
        KeyLabel(Content("help"), Content("help"), pinned=True),
        KeyLabel(Content("long three"), Content("three")),
    ]
    assert fit(labels, 40).plain == "long one long two help long three"
    assert fit(labels, 30).plain == "long one long two help three"  # one short label
    assert fit(labels, 20).plain == "one two help three"
    assert fit(labels, 12).plain == "one two help"
    assert fit(labels, 4).plain == "help"  # pinned: kept even when nothing else fits


def legend_text(legend: Legend) -> str:
    return "\n".join(legend.render_line(y).text for y in range(legend.outer_size.height))


@pytest.mark.parametrize(("size", "pane"), [((80, 24), False), ((160, 45), True)])
async def test_l_shows_what_the_marks_mean_in_the_side_pane(
    size: tuple[int, int], pane: bool
) -> None:
    async with make_app().run_test(size=size) as pilot:
        screen = reader(pilot)
        side_pane = screen.query_one("#side-pane")
        legend = screen.query_one(Legend)
        await pilot.pause()
        assert not legend.display and side_pane.display == pane
        await pilot.press("L")
        await pilot.pause()
        assert legend.display and side_pane.display  # the pane opens for it if need be
        shown = legend_text(legend)
        for mark in MARKS:
            assert mark.meaning in shown and mark.glyph in shown
        assert "Name?" in shown
        await pilot.press("L")
        await pilot.pause()
        assert not legend.display and side_pane.display == pane  # as it was


def test_the_readme_explains_every_mark() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for glyph in "~≈✎┊▌":
        assert f"`{glyph}`" in readme
    for looks in ("solid colour", "underlined", "italic", "reversed", "dim italic", "shaded"):
        assert f"| {looks}" in readme


@pytest.mark.parametrize("keys", [["L"], ["p"], ["L", "L"]])
async def test_a_column_given_a_new_width_keeps_its_cursor_on_screen(keys: list[str]) -> None:
    async with make_app().run_test(size=(60, 20)) as pilot:
        screen = reader(pilot)
        await pilot.press("n", "n")
        await pilot.pause()
        column, current = screen.column, screen.current
        offset = column.cursor_span[0]
        row = column.cursor_row
        await pilot.press(*keys)
        await pilot.pause()
        assert column.cursor_span[0] <= offset < column.cursor_span[1]  # the same text
        assert 0 <= column.cursor_row < column.page_height  # on screen
        assert column.cursor_row == min(row, column.page_height - 1)  # where the eye was
        assert screen.current == current
