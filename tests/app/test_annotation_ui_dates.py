"""An annotation's date has a timeline event's precisions: a year, a month or a day."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.annotations import check_date, new_annotation
from reader.errors import ReaderError
from reader.store import ANNOTATIONS_FILE, load_annotations, load_story, update_annotations
from reader.workspace import load_workspace


@pytest.fixture
def story_path(tmp_path: Path, sample_path: Path) -> Path:
    folder = tmp_path / "story"
    shutil.copytree(sample_path, folder)
    return folder


@pytest.mark.parametrize("date", ["2021", "2022-07", "2022-11-27", "2024-02-29"])
def test_every_precision_is_a_date(date: str) -> None:
    assert check_date(date) == date


@pytest.mark.parametrize("date", ["2022-00", "2023-02-29", "0000", "2022-11-27T10:00"])
def test_impossible_dates_are_refused(date: str) -> None:
    with pytest.raises(ReaderError, match="2022-11"):
        check_date(date)


@pytest.mark.parametrize("date", ["2021", "2022-07", "2022-11-27"])
def test_dates_round_trip_and_reach_the_timeline(story_path: Path, date: str) -> None:
    story = load_story(story_path)
    source = story.sources[0]
    made = new_annotation(source, 0, 20, note="Dated by hand", date=date)
    update_annotations(story_path, lambda current: [*current, made])
    assert [a.date for a in load_annotations(story_path)] == [date]
    events = load_workspace(story).analysis.events
    assert any(e.date == date and e.label == "Dated by hand" for e in events)


@pytest.mark.parametrize(("written", "read"), [("2021", "2021"), ("2022-11-27", "2022-11-27")])
def test_unquoted_dates_written_by_hand_are_read(story_path: Path, written: str, read: str) -> None:
    (story_path / ANNOTATIONS_FILE).write_text(
        "annotations:\n- id: a-1\n  source: s\n  exact: x\n  start: 0\n  end: 1\n"
        f"  date: {written}\n",
        "utf-8",
    )
    assert load_annotations(story_path)[0].date == read


def test_a_bad_date_in_the_file_names_its_line(story_path: Path) -> None:
    (story_path / ANNOTATIONS_FILE).write_text(
        "annotations:\n- id: a-1\n  source: s\n  exact: x\n  start: 0\n  end: 1\n  date: 2022-13\n",
        "utf-8",
    )
    with pytest.raises(ReaderError, match="7: date must be like 2022, 2022-11"):
        load_annotations(story_path)
