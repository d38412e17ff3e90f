"""Links out of a story folder are refused: a shared story never reads files elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_store_loader import make_story

from reader.errors import ReaderError
from reader.store import check_story, load_annotations, load_story, update_annotations


def _secret(tmp_path: Path) -> Path:
    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("private words\n", "utf-8")
    return secret


def test_a_source_linked_to_a_file_elsewhere_is_refused(tmp_path: Path) -> None:
    folder = make_story(tmp_path / "s", "title: T\nsources:\n- a\n- leak\n")
    (folder / "sources" / "leak.txt").symlink_to(_secret(tmp_path))
    (folder / "sources" / "leak.yaml").write_text("id: leak\n", "utf-8")
    problems = [str(p) for p in check_story(folder)]
    assert any("leak.txt" in p and "outside the story folder" in p for p in problems), problems
    with pytest.raises(ReaderError):
        load_story(folder)


def test_a_sources_folder_linked_elsewhere_is_refused(tmp_path: Path) -> None:
    folder = make_story(tmp_path / "s")
    elsewhere = tmp_path / "other"
    (folder / "sources").rename(elsewhere)
    (folder / "sources").symlink_to(elsewhere, target_is_directory=True)
    problems = [str(p) for p in check_story(folder)]
    assert any("sources" in p and "outside the story folder" in p for p in problems), problems


def test_a_link_inside_the_story_is_fine(tmp_path: Path) -> None:
    folder = make_story(tmp_path / "s")
    (folder / "sources" / "a.txt").rename(folder / "a-text.txt")
    (folder / "sources" / "a.txt").symlink_to(folder / "a-text.txt")
    assert [s.id for s in load_story(folder).sources] == ["a"]


def test_annotations_linked_elsewhere_are_neither_read_nor_written(tmp_path: Path) -> None:
    folder = make_story(tmp_path / "s")
    secret = _secret(tmp_path)
    (folder / "annotations.yaml").symlink_to(secret)
    with pytest.raises(ReaderError, match="outside the story folder"):
        load_annotations(folder)
    with pytest.raises(ReaderError, match="outside the story folder"):
        update_annotations(folder, lambda current: current)
    assert secret.read_text("utf-8") == "private words\n"
