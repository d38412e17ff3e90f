"""Atomic saves: the old version survives a crash, is kept as .bak, and is never clobbered."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.store import ABSENT, ChangedOnDisk, atomic, atomic_write, backup_path, file_stamp


def test_write_creates_then_keeps_previous_version(tmp_path: Path) -> None:
    path = tmp_path / "annotations.yaml"
    atomic_write(path, "first\n")
    assert path.read_text("utf-8") == "first\n"
    assert not backup_path(path).exists()
    atomic_write(path, "second ✓\n")
    assert path.read_text("utf-8") == "second ✓\n"
    assert backup_path(path).read_text("utf-8") == "first\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "annotations.yaml",
        "annotations.yaml.bak",
    ]


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_interrupted_save_leaves_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    path = tmp_path / "story.yaml"
    path.write_text("title: old\n", "utf-8")
    calls = {"n": 0}
    real = getattr(os, failing)

    def crash_on_the_target(*args: object) -> None:
        calls["n"] += 1
        target = args[1] if failing == "replace" else None
        if failing == "fsync" or Path(str(target)) == path:
            raise OSError("disk full")
        real(*args)

    monkeypatch.setattr(atomic.os, failing, crash_on_the_target)
    with pytest.raises(OSError, match="disk full"):
        atomic_write(path, "title: new\n")
    assert calls["n"] >= 1
    assert path.read_text("utf-8") == "title: old\n"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_refuses_a_file_changed_since_it_was_loaded(tmp_path: Path) -> None:
    path = tmp_path / "annotations.yaml"
    path.write_text("mine\n", "utf-8")
    stamp = file_stamp(path)
    path.write_text("someone else's edit\n", "utf-8")
    with pytest.raises(ChangedOnDisk, match="changed on disk"):
        atomic_write(path, "mine, edited\n", expected=stamp)
    assert path.read_text("utf-8") == "someone else's edit\n"


def test_accepts_the_file_as_loaded(tmp_path: Path) -> None:
    path = tmp_path / "annotations.yaml"
    path.write_text("mine\n", "utf-8")
    new_stamp = atomic_write(path, "mine, edited\n", expected=file_stamp(path))
    assert new_stamp == file_stamp(path)


def test_absent_stamp_refuses_a_file_that_appeared(tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    assert file_stamp(path) == ABSENT
    path.write_text("created meanwhile\n", "utf-8")
    with pytest.raises(ChangedOnDisk):
        atomic_write(path, "x\n", expected=ABSENT)


def test_keeps_the_file_mode(tmp_path: Path) -> None:
    path = tmp_path / "story.yaml"
    path.write_text("a\n", "utf-8")
    path.chmod(0o640)
    atomic_write(path, "b\n")
    assert path.stat().st_mode & 0o777 == 0o640


def test_a_name_near_the_length_limit_still_saves(tmp_path: Path) -> None:
    path = tmp_path / ("r" * 245 + ".html")
    atomic_write(path, "report")
    assert path.read_text("utf-8") == "report"


def test_a_save_removes_what_a_killed_save_left_behind(tmp_path: Path) -> None:
    path = tmp_path / "story.yaml"
    old = tmp_path / ".story.yaml.abcd1234.tmp"
    old.write_text("half a save")
    os.utime(old, (1, 1))
    fresh = tmp_path / ".story.yaml.efgh5678.tmp"
    fresh.write_text("a save under way")
    atomic_write(path, "title: T\n")
    assert not old.exists()
    assert fresh.exists()
