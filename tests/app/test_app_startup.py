"""Start-up: `reader`, `reader STORY`, `reader open STORY`, the picker, the analysis worker."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from app_story import no_blink  # noqa: F401 - autouse fixture
from textual.widgets import Label, OptionList

from reader.analysis import analyze
from reader.app import ReaderApp, loading
from reader.app.reader_screen import ReaderScreen
from reader.app.story_header import StoryHeader
from reader.app.story_picker import StoryPicker
from reader.cli import main
from reader.store import ANNOTATIONS_FILE, load_story
from reader.workspace import store_analysis


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[ReaderApp]:
    """The apps `reader` would have run (run() itself is replaced)."""
    apps: list[ReaderApp] = []
    monkeypatch.setattr(ReaderApp, "run", lambda self, *a, **k: apps.append(self))
    return apps


def store_with(tmp_path: Path, sample_path: Path, names: list[str]) -> Path:
    root = tmp_path / "stories"
    root.mkdir()
    for name in names:
        shutil.copytree(sample_path, root / name)
    return root


@pytest.mark.parametrize("argv", [["open", "balenciaga-2022"], ["balenciaga-2022"]])
def test_reader_story_opens_that_story(
    argv: list[str], opened: list[ReaderApp], sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READER_STORIES", str(sample_path.parent))
    assert main(argv) == 0
    assert opened[0].story is not None and opened[0].story.id == "balenciaga-2022"


def test_reader_alone_without_a_store_opens_the_sample_copied_into_the_store(
    opened: list[ReaderApp], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READER_STORIES", str(tmp_path / "nothing-here"))
    told: list[str] = []
    monkeypatch.setattr(ReaderApp, "notify", lambda self, message, **_: told.append(message))
    assert main([]) == 0
    story = opened[0].story
    assert story is not None and story.id == "balenciaga-2022"
    assert story.path == tmp_path / "nothing-here" / "balenciaga-2022"  # annotated there
    assert len(told) == 1 and str(story.path) in told[0]


def test_reader_alone_opens_the_only_story(
    opened: list[ReaderApp], tmp_path: Path, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READER_STORIES", str(store_with(tmp_path, sample_path, ["mine"])))
    assert main([]) == 0
    assert opened[0].story is not None and opened[0].story.path.name == "mine"


def test_reader_alone_with_several_stories_offers_a_picker(
    opened: list[ReaderApp], tmp_path: Path, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READER_STORIES", str(store_with(tmp_path, sample_path, ["one", "two"])))
    assert main([]) == 0
    assert opened[0].story is None
    assert [p.name for p in opened[0].stories] == ["one", "two"]


def test_a_bad_story_is_a_clear_error(
    opened: list[ReaderApp], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["open", str(tmp_path / "missing")]) == 1
    error = capsys.readouterr().err
    assert error.startswith("reader: ") and "missing" in error
    assert "Traceback" not in error
    assert opened == []


async def test_the_picker_opens_the_chosen_story(tmp_path: Path, sample_path: Path) -> None:
    root = store_with(tmp_path, sample_path, ["one", "two"])
    app = ReaderApp(stories=[root / "one", root / "two"])
    async with app.run_test(size=(160, 45)) as pilot:
        assert isinstance(app.screen, StoryPicker)
        options = app.screen.query_one(OptionList)
        assert options.option_count == 2
        assert "Balenciaga" in str(options.get_option_at_index(1).prompt)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.story.path == root / "two"


async def test_escape_goes_back_to_the_picker_and_q_still_quits(
    tmp_path: Path, sample_path: Path
) -> None:
    root = store_with(tmp_path, sample_path, ["one", "two"])
    app = ReaderApp(stories=[root / "one", root / "two"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("t", "escape")  # the first escape gives the keys back to the columns
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("escape")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, StoryPicker)
        assert picker.query_one(OptionList).highlighted == 1  # on the story just read
        await pilot.press("up", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.story.path == root / "one"
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_escape_keeps_a_story_opened_directly(sample_path: Path) -> None:
    app = ReaderApp(load_story(sample_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.is_running


async def test_columns_show_at_once_and_highlights_follow_the_worker(sample_path: Path) -> None:
    app = ReaderApp(load_story(sample_path))
    async with app.run_test(size=(160, 45)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert screen.columns[0].title.startswith("WWD")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.index is not None
        assert not screen.query_one("#side-pane").loading
        assert "shared quotes" in str(screen.query_one(StoryHeader).content)


async def test_a_cached_story_opens_highlighted_in_its_first_frame(sample_path: Path) -> None:
    story = load_story(sample_path)
    store_analysis(story, analyze(story))
    app = ReaderApp(story)
    async with app.run_test(size=(160, 45)):
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert screen.index is not None and screen.columns[0].index is screen.index
        assert not screen.query_one("#side-pane").loading
        assert screen.background is None  # no worker: nothing was left to load


async def test_a_cached_story_with_unreadable_annotations_says_so_in_its_first_frame(
    sample_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "story"
    shutil.copytree(sample_path, folder)
    (folder / ANNOTATIONS_FILE).write_text("annotations:\n  - id: [unclosed\n")
    story = load_story(folder)
    store_analysis(story, analyze(story))
    titles: list[str] = []

    def notify(self: ReaderScreen, *_: object, title: str = "", **__: object) -> None:
        titles.append(title)

    monkeypatch.setattr(ReaderScreen, "notify", notify)
    app = ReaderApp(story)
    async with app.run_test(size=(160, 45)):
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and screen.background is None
        assert titles == ["Annotations not applied"]


async def test_a_cache_too_large_to_read_at_once_is_read_by_the_worker(
    sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = load_story(sample_path)
    store_analysis(story, analyze(story))
    monkeypatch.setattr(loading, "READ_AT_ONCE", 100)
    app = ReaderApp(story)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert screen.background is not None  # the worker reads it (soon done: it is small)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.index is not None


async def test_a_story_without_sources_opens_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "story.yaml").write_text("title: Empty\nsources: []\n")
    app = ReaderApp(load_story(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("n", "l", "j", "right_square_bracket", "enter", "t", "escape")
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert "no sources yet" in str(screen.query_one("#no-sources", Label).content)
