"""Annotating in the reader, by keyboard and by mouse, on a copy of the sample story.

The user's story: select a passage, annotate it, see it marked, quit, come back and find it
marked and listed, edit and delete it; edit the source in an editor and still find it; a
corrupt annotations.yaml is reported and never overwritten.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from annotating_app import SIZE, form, ready, settle, still_cursors  # noqa: F401
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Button, DataTable, Input, Label, Select, TextArea

from reader.app import ReaderApp
from reader.app.annotations_screen import AnnotationsScreen
from reader.app.confirm_screen import ConfirmScreen
from reader.app.detail_bar import DetailBar
from reader.app.reader_screen import ReaderScreen
from reader.app.selection import sentence_spans
from reader.app.source_column import GUTTER, SourceColumn
from reader.store import ANNOTATIONS_FILE, load_annotations, load_story

NOTE = "Checked against the Instagram post"


@pytest.fixture
def notices(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """(title, message) of every notification the app shows."""
    shown: list[tuple[str, str]] = []
    notify = App.notify

    def record(self: App[None], message: str, **kwargs: Any) -> None:
        shown.append((kwargs.get("title", ""), message))
        notify(self, message, **kwargs)

    monkeypatch.setattr(App, "notify", record)
    return shown


@pytest.fixture
def story_path(tmp_path: Path, sample_path: Path) -> Path:
    """A copy of the sample story: the repository's is never written."""
    folder = tmp_path / "balenciaga-2022"
    shutil.copytree(sample_path, folder)
    return folder


def open_app(story_path: Path) -> ReaderApp:
    return ReaderApp(load_story(story_path))


def gutter(column: SourceColumn, line: int) -> str:
    """The gutter cells of a line as the column draws them."""
    row = line - round(column.scroll_y)
    return "".join(segment.text for segment in column.render_line(row))[:GUTTER]


def first_sentences(screen: ReaderScreen, count: int) -> tuple[int, int]:
    text = screen.column.source.text
    spans = sentence_spans(text)
    return spans[0][0], spans[count - 1][1]


async def annotate_by_keyboard(pilot: Pilot[None], screen: ReaderScreen) -> tuple[int, int]:
    """v, j (two sentences), a; label from the suggestions, a note; ctrl+s."""
    await pilot.press("v", "j")
    assert screen.selection is not None
    span = screen.selection.span
    await pilot.press("a")
    entry = form(pilot)
    await pilot.press(*NOTE)
    entry.query_one("#annotation-label", Input).focus()
    await pilot.press("c", "l", "a", "right")  # accept the suggestion "claim"
    await pilot.press("ctrl+s")
    await settle(pilot)
    return span


async def test_keyboard_annotate_survives_a_restart_then_edit_and_delete(
    story_path: Path,
) -> None:
    async with open_app(story_path).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        span = await annotate_by_keyboard(pilot, screen)
        assert span == first_sentences(screen, 2)
        assert isinstance(pilot.app.screen, ReaderScreen)
        [saved] = load_annotations(story_path)
        text = screen.column.source.text
        assert (saved.anchor.exact, saved.note, saved.label) == (text[slice(*span)], NOTE, "claim")
        assert screen.selection is None
        column = screen.column
        assert column.overlays.notes == (span,)
        assert gutter(column, column.line_of(span[0]))[1] == "✎"
        assert gutter(column, column.line_of(span[0]) + 1)[1] == "┊"
        await pilot.press("q")

    async with open_app(story_path).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        assert screen.column.overlays.notes == (span,)
        await pilot.press("G", "A")
        listing = pilot.app.screen
        assert isinstance(listing, AnnotationsScreen)
        row = [str(cell) for cell in listing.query_one(DataTable).get_row_at(0)]
        assert row[1:4] == ["anchored", "note", "claim"] and NOTE in row[6]
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, ReaderScreen)
        start, end = screen.column.cursor_span
        assert start <= span[0] < max(end, start + 1)
        assert NOTE in str(screen.query_one(DetailBar).note_line)

        await pilot.press("e")
        entry = form(pilot)
        assert entry.query_one("#annotation-note", TextArea).text == NOTE
        await pilot.press(*"Edited: ", "ctrl+s")
        await settle(pilot)
        [edited] = load_annotations(story_path)
        assert edited.id == saved.id and edited.note == "Edited: " + NOTE

        await pilot.press("d")
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("n")
        assert len(load_annotations(story_path)) == 1
        await pilot.press("d", "y")
        await settle(pilot)
        assert load_annotations(story_path) == []
        assert screen.column.overlays.notes == ()
        assert screen.check_action("edit_annotation", ()) is False


async def test_mouse_selection_is_annotated(story_path: Path) -> None:
    async with open_app(story_path).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        column = screen.columns[1]
        first_line, last_line = 2, 4
        start = column.line_span(first_line)[0] + 4
        end = column.line_span(last_line)[0] + 7
        # region offsets: the border, then the gutter, then the text
        await pilot.mouse_down(column, offset=(1 + GUTTER + 4, 1 + first_line))
        await pilot.hover(column, offset=(1 + GUTTER + 6, 1 + last_line))
        await pilot.mouse_up(column, offset=(1 + GUTTER + 6, 1 + last_line))
        await pilot.pause()
        assert screen.selection is not None
        assert screen.selection.source == column.source.id
        expected = column.source.text[start:end].strip()
        assert column.source.text[slice(*screen.selection.span)] == expected
        assert screen.column is column
        await pilot.press("a")
        await pilot.press(*"by mouse", "ctrl+s")
        await settle(pilot)
        [saved] = load_annotations(story_path)
        assert (saved.anchor.source, saved.anchor.exact, saved.note) == (
            column.source.id,
            expected,
            "by mouse",
        )
        assert column.overlays.notes == ((saved.anchor.start, saved.anchor.end),)


async def test_annotation_follows_its_passage_when_the_source_is_edited(
    story_path: Path,
) -> None:
    async with open_app(story_path).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        span = await annotate_by_keyboard(pilot, screen)
        source = screen.column.source
        passage = source.text[slice(*span)]

    inserted = "An editor's note added at the top of the article.\n\n"
    source.path.write_text(inserted + source.path.read_text("utf-8"), "utf-8")

    async with open_app(story_path).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        moved = (span[0] + len(inserted), span[1] + len(inserted))
        assert screen.column.overlays.notes == (moved,)
        assert screen.column.source.text[slice(*moved)] == passage
        await pilot.press("A")
        listing = pilot.app.screen
        assert isinstance(listing, AnnotationsScreen)
        assert str(listing.query_one(DataTable).get_row_at(0)[1]) == "moved"


async def test_a_corrupt_file_is_reported_kept_and_the_typing_is_not_lost(
    story_path: Path, notices: list[tuple[str, str]]
) -> None:
    corrupt = b"annotations:\n  - id: [unclosed\n"
    (story_path / ANNOTATIONS_FILE).write_bytes(corrupt)
    async with open_app(story_path).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        assert "Annotations not applied" in [title for title, _ in notices]
        await pilot.press("v", "a", *"my careful note", "ctrl+s")
        await settle(pilot)
        entry = form(pilot)  # still open
        assert entry.query_one("#annotation-note", TextArea).text == "my careful note"
        assert "annotations.yaml" in str(entry.query_one("#annotation-error").render())
        [message] = [message for title, message in notices if title == "Annotation not saved"]
        assert "annotations.yaml:2" in message
        assert (story_path / ANNOTATIONS_FILE).read_bytes() == corrupt
        assert screen.workspace is not None and screen.workspace.annotations == ()


async def test_the_form_fits_a_small_terminal(story_path: Path) -> None:
    async with open_app(story_path).run_test(size=(60, 20)) as pilot:
        await ready(pilot)
        await pilot.press("n", "a")
        entry = form(pilot)
        speaker = entry.query_one("#annotation-speaker", Select)
        typed = entry.query_one("#annotation-new-speaker", Input)
        assert speaker.size.width >= 24 and speaker.size.height == 1  # the prompt on one line
        assert typed.size.width >= 24
        save = entry.query_one("#annotation-save-button", Button)
        assert entry.query_one("#annotation-dialog").region.contains_region(save.region)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_a_bad_date_says_why_in_view(story_path: Path, size: tuple[int, int]) -> None:
    async with open_app(story_path).run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.press("n", "a")
        entry = form(pilot)
        entry.query_one("#annotation-date", Input).focus()
        await pilot.press(*"2022-13-45", "ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, type(entry))  # not saved
        error = entry.query_one("#annotation-error", Label)
        assert "2022-13-45" in str(error.render())
        dialog = entry.query_one("#annotation-dialog")
        assert error.region.height and dialog.region.contains_region(error.region)
