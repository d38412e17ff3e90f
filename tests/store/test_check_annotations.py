"""`reader check` reads annotations.yaml like every other file of the story."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_store_loader import make_story

from reader.store import check_story

ENTRY = """annotations:
- id: a-1
  source: {source}
  exact: Some
  start: {start}
  end: 4
  kind: {kind}
{extra}"""


def _check(
    tmp_path: Path, source: str = "a", start: str = "0", kind: str = "note", extra: str = ""
) -> list[str]:
    folder = make_story(tmp_path / "s")
    text = ENTRY.format(source=source, start=start, kind=kind, extra=extra)
    (folder / "annotations.yaml").write_text(text, "utf-8")
    return [str(p) for p in check_story(folder)]


def test_a_sound_annotation_is_no_problem(tmp_path: Path) -> None:
    assert _check(tmp_path) == []


@pytest.mark.parametrize("start", ["-5", "0x10", "1:30", "1.5", "'3'"])
def test_an_offset_that_is_not_a_plain_whole_number_is_a_problem(
    tmp_path: Path, start: str
) -> None:
    problems = _check(tmp_path, start=start)
    assert any("annotations.yaml:5:" in p and "start" in p for p in problems), problems


def test_same_as_naming_itself_or_nothing_is_a_problem(tmp_path: Path) -> None:
    itself = _check(tmp_path / "1", kind="same-quote", extra="  same_as: a-1\n")
    assert any("same_as names the annotation itself" in p for p in itself), itself
    nothing = _check(tmp_path / "2", kind="same-quote", extra="  same_as: a-9\n")
    assert any("same_as names no annotation ('a-9')" in p for p in nothing), nothing


def test_an_annotation_on_an_unknown_source_is_a_problem(tmp_path: Path) -> None:
    problems = _check(tmp_path, source="gone")
    assert any("no source 'gone'" in p for p in problems), problems
