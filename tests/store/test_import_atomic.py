"""An import is all or nothing: whatever fails midway, the story is exactly as it was."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from reader.errors import Problem, ReaderError
from reader.ingest import ImportOptions, import_files
from reader.store import ChangedOnDisk, check_story, load_story

SEEDS = sorted((Path(__file__).parents[1] / "fixtures" / "seeds").glob("*.txt"))


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below the folder, with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def story(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    import_files(folder, SEEDS[:2])
    return folder


def _fail_on_call(monkeypatch: pytest.MonkeyPatch, target: str, n: int) -> None:
    """Make the n-th call of `target` fail as a full disk would."""
    real = getattr(os, target)
    calls = iter(range(1, 1_000))

    def failing(*args: object, **kwargs: object) -> object:
        if next(calls) == n:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(*args, **kwargs)

    monkeypatch.setattr(f"reader.store.file_set.os.{target}", failing)


@pytest.mark.parametrize("n", [1, 2, 4, 7])
def test_a_full_disk_midway_leaves_the_story_as_it_was(
    story: Path, monkeypatch: pytest.MonkeyPatch, n: int
) -> None:
    before = snapshot(story)
    _fail_on_call(monkeypatch, "replace", n)
    with pytest.raises(OSError):
        import_files(story, SEEDS[2:5])
    assert snapshot(story) == before
    assert check_story(story) == []


def test_a_failed_replace_keeps_the_old_source(
    story: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(story)
    _fail_on_call(monkeypatch, "replace", 3)
    options = ImportOptions(id=SEEDS[0].stem, replace=True)
    with pytest.raises(OSError):
        import_files(story, SEEDS[3:4], options)
    assert snapshot(story) == before


def test_story_yaml_edited_during_the_import_leaves_the_sources_untouched(
    story: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(story)

    def edited_meanwhile(path: Path, text: str, expected: object = None) -> None:
        raise ChangedOnDisk([Problem(path, None, "changed on disk since it was loaded")])

    monkeypatch.setattr("reader.store.file_set.atomic_write", edited_meanwhile)
    with pytest.raises(ReaderError, match="changed on disk"):
        import_files(story, SEEDS[2:5])
    assert snapshot(story) == before
    assert [s.id for s in load_story(story).sources] == [p.stem for p in SEEDS[:2]]


def test_a_failed_first_import_leaves_no_story_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fail_on_call(monkeypatch, "replace", 2)
    with pytest.raises(OSError):
        import_files(tmp_path / "new", SEEDS[:2])
    assert not (tmp_path / "new").exists()


def test_the_import_after_a_failed_one_succeeds(
    story: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patched:
        _fail_on_call(patched, "replace", 2)
        with pytest.raises(OSError):
            import_files(story, SEEDS[2:5])
    import_files(story, SEEDS[2:5])
    assert [s.id for s in load_story(story).sources] == [p.stem for p in SEEDS]


def test_check_fix_lists_orphans_and_removes_staging_leftovers(story: Path) -> None:
    from reader.ingest import adopt_orphans

    (story / "sources" / "orphan.txt").write_text("Text someone copied in.\n", "utf-8")
    (story / "sources" / "orphan.yaml").write_text("id: orphan\n", "utf-8")
    (story / "sources" / ".import-x1y2").mkdir()
    assert any("not listed" in str(p) for p in check_story(story))
    done = adopt_orphans(story)
    assert any("listed orphan" in line for line in done)
    assert any(".import-x1y2" in line for line in done)
    assert check_story(story) == []
    assert [s.id for s in load_story(story).sources][-1] == "orphan"
    assert adopt_orphans(story) == []
