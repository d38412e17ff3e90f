"""`x` and the palette export the story in the format the user picks."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from app_story import (  # noqa: F401 - no_blink is an autouse fixture
    STATEMENT,
    build_analysis,
    build_story,
    no_blink,
)
from textual.command import CommandList
from textual.widgets import Input, OptionList

from reader.app import ReaderApp
from reader.app.export_chooser import ExportChooser
from reader.app.reader_screen import ReaderScreen

SIZE = (160, 45)


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """What the reader notified. It runs in `elsewhere`, which must stay empty."""
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    messages: list[str] = []
    monkeypatch.setattr(ReaderScreen, "notify", lambda self, message, **_: messages.append(message))
    return messages


def make_app(root: Path) -> ReaderApp:
    """The hand-made story, in the folder `root / "story"`."""
    story = build_story(root / "story")
    (root / "story").mkdir()
    return ReaderApp(story, build_analysis(story))


@pytest.mark.parametrize(("presses", "suffix"), [((), "html"), (("down", "down"), "csv")])
async def test_x_offers_the_formats_and_writes_the_chosen_one_beside_the_story(
    told: list[str], tmp_path: Path, presses: tuple[str, ...], suffix: str
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        assert isinstance(app.screen, ExportChooser)
        options = app.screen.query_one(OptionList)
        assert [options.get_option_at_index(i).id for i in range(options.option_count)] == [
            "html",
            "markdown",
            "csv",
            "json",
        ]
        await pilot.press(*presses, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
    report = tmp_path / "story" / "reports" / f"test-story-report.{suffix}"
    assert told == [str(report)]  # says where
    assert list((tmp_path / "elsewhere").iterdir()) == []  # nothing where the reader was run
    text = report.read_text(encoding="utf-8")
    if suffix == "csv":
        rows = list(csv.DictReader(text.splitlines()))
        assert STATEMENT in {row["quote"] for row in rows}
    else:
        assert STATEMENT in text


async def test_escape_leaves_the_chooser_without_writing(told: list[str], tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        assert isinstance(app.screen, ExportChooser)
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)
    assert told == [] and list((tmp_path / "story").iterdir()) == []


async def test_palette_exports_json(told: list[str], tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"export: JSON")
        found = app.screen.query_one(CommandList)
        for _ in range(500):  # the palette searches in a worker: wait for its hits
            if found.option_count:
                break
            await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    report = tmp_path / "story" / "reports" / "test-story-report.json"
    assert told == [str(report)]
    document = json.loads(report.read_text(encoding="utf-8"))
    assert STATEMENT in {quote["text"] for quote in document["quotes"]}


async def test_x_writes_into_the_folder_the_user_types(told: list[str], tmp_path: Path) -> None:
    app = make_app(tmp_path)
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        folder = app.screen.query_one("#export-folder", Input)
        assert folder.value == str(tmp_path / "story" / "reports")  # the default, shown
        await pilot.press("down", "tab")  # Markdown, then the folder box
        assert app.focused is folder
        folder.value = ""
        await pilot.press(*str(chosen), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
    report = chosen / "test-story-report.md"
    assert told == [str(report)] and STATEMENT in report.read_text(encoding="utf-8")
    assert not (tmp_path / "story" / "reports").exists()
