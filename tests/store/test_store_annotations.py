"""annotations.yaml: round trip, stable order, merges with concurrent edits, never clobbered."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.errors import ReaderError
from reader.model import Anchor, Annotation
from reader.store import load_annotations, render, update_annotations

SOURCES = ["000_43b94baa6551b378", "001_68c18a8236d82fe6", "002_fa2f828c7e6d5711"]


def note(ident: str, source: str = SOURCES[0], start: int = 0, **extra: str) -> Annotation:
    anchor = Anchor(
        source=source, exact="passage", prefix="", suffix="", start=start, end=start + 7
    )
    return Annotation(id=ident, anchor=anchor, **extra)  # type: ignore[arg-type]


@pytest.fixture
def story(tmp_path: Path, sample_path: Path) -> Path:
    folder = tmp_path / "story"
    shutil.copytree(sample_path, folder)
    return folder


def test_no_file_means_no_annotations(story: Path) -> None:
    assert load_annotations(story) == []


def test_file_format_leaves_out_empty_keys_and_uses_blocks(story: Path) -> None:
    annotation = note("a-1", note="line one\nline two\n", label="claim", date="2022-11-27")
    update_annotations(story, lambda _: [annotation])
    text = (story / "annotations.yaml").read_text("utf-8")
    assert text.startswith("annotations:\n- id: a-1\n  source: 000_43b94baa6551b378\n")
    assert "  note: |\n    line one\n    line two\n" in text
    assert "date: '2022-11-27'" in text
    assert "speaker" not in text and "same_as" not in text and "created" not in text
    assert load_annotations(story) == [annotation]


def test_order_is_story_source_order_then_start_then_id(story: Path) -> None:
    given_order = [
        note("z", SOURCES[2], 5),
        note("b", SOURCES[0], 50),
        note("c", SOURCES[0], 10),
        note("a", SOURCES[0], 10),
        note("y", SOURCES[1], 0),
    ]
    saved = update_annotations(story, lambda _: given_order)
    assert [a.id for a in saved] == ["a", "c", "b", "y", "z"]
    assert [a.id for a in load_annotations(story)] == ["a", "c", "b", "y", "z"]


def test_updates_apply_to_what_is_on_disk_now(story: Path) -> None:
    update_annotations(story, lambda current: [*current, note("first")])
    update_annotations(story, lambda current: [*current, note("second", start=9)])
    assert [a.id for a in load_annotations(story)] == ["first", "second"]


def test_a_concurrent_save_is_merged_not_clobbered(story: Path) -> None:
    calls: list[list[str]] = []

    def change(current: list[Annotation]) -> list[Annotation]:
        calls.append([a.id for a in current])
        if len(calls) == 1:  # another editor saves while this change is being made
            (story / "annotations.yaml").write_text(render([note("theirs")]), "utf-8")
        return [*current, note("mine", start=3)]

    update_annotations(story, change)
    assert calls == [[], ["theirs"]]
    assert [a.id for a in load_annotations(story)] == ["theirs", "mine"]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("annotations: [unclosed\n", "annotations.yaml:1:"),
        ("annotations:\n- id: a\n  source: s\n  start: -1\n  end: 2\n", "start"),
        ("annotations:\n- id: a\n  source: s\n  start: 1\n  end: 2\n  kind: joke\n", "kind"),
        ("annotations:\n- id: a\n  source: s\n  start: 1\n  end: 2\n  colour: red\n", "colour"),
        (
            "annotations:\n" + "- {id: a, source: s, start: 1, end: 2}\n" * 2,
            "twice",
        ),
        ("notes: []\n", "unknown key"),
    ],
)
def test_corrupt_annotations_raise_and_are_never_overwritten(
    story: Path, content: str, words: str
) -> None:
    path = story / "annotations.yaml"
    path.write_text(content, "utf-8")
    with pytest.raises(ReaderError, match=words):
        load_annotations(story)
    with pytest.raises(ReaderError):
        update_annotations(story, lambda current: [*current, note("new")])
    assert path.read_text("utf-8") == content


_TEXT = st.text(st.sampled_from(list("aZ0 é’“”\"'#:-|>&*!%@`{}[],?\t\u00a0\u2028")), max_size=30)
_MULTILINE = st.lists(_TEXT, max_size=3).map("\n".join)
_OPTIONAL = st.none() | _TEXT.filter(bool)


@st.composite
def annotations(draw: st.DrawFn) -> Annotation:
    start = draw(st.integers(0, 10_000))
    anchor = Anchor(
        source=draw(st.sampled_from(SOURCES)),
        exact=draw(_MULTILINE),
        prefix=draw(_TEXT),
        suffix=draw(_TEXT),
        start=start,
        end=start + draw(st.integers(0, 500)),
        source_hash=draw(st.sampled_from(["", "ab" * 32])),
    )
    return Annotation(
        id=f"a-{draw(st.integers(0, 0xFFFFFF)):06x}",
        anchor=anchor,
        kind=draw(st.sampled_from(["note", "speaker", "not-quote", "same-quote"])),
        label=draw(_OPTIONAL),
        speaker=draw(_OPTIONAL),
        note=draw(_MULTILINE),
        date=draw(st.sampled_from([None, "2022-11-27", "1999-01-01"])),
        same_as=draw(_OPTIONAL),
        created=draw(st.sampled_from(["", "2026-11-23T12:00:00Z"])),
        updated=draw(st.sampled_from(["", "2026-11-24T08:30:00Z"])),
    )


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items=st.lists(annotations(), max_size=6, unique_by=lambda a: a.id))
def test_annotations_round_trip_through_save_and_load(story: Path, items: list[Annotation]) -> None:
    saved = update_annotations(story, lambda _: items)
    assert sorted(saved, key=lambda a: a.id) == sorted(items, key=lambda a: a.id)
    assert load_annotations(story) == saved
