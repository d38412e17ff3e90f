"""Making, editing, deleting and placing annotations, as a UI or a script does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.annotations import (
    adding,
    check_date,
    cluster_of,
    deleting,
    edit_annotation,
    editing,
    new_annotation,
    placements,
    resolve_all,
    timestamp,
    touching,
)
from reader.errors import ReaderError
from reader.model import Analysis, Cluster, Occurrence, Source, Story

A_TEXT = 'The brand said: "We strongly condemn child abuse." Then it sued.'
B_TEXT = 'In a statement, "we strongly condemn child abuse," Balenciaga wrote.'
NOON = dt.datetime(2024, 5, 1, 12, 0, 0, 123, tzinfo=dt.UTC)


def src(source_id: str, text: str) -> Source:
    return Source(id=source_id, text=text, path=Path(f"{source_id}.txt"))


STORY = Story(
    id="story",
    path=Path("story"),
    title="Story",
    sources=(src("a", A_TEXT), src("b", B_TEXT)),
)


def span_of(text: str, passage: str) -> tuple[int, int]:
    start = text.index(passage)
    return start, start + len(passage)


def shared_cluster() -> Cluster:
    a = span_of(A_TEXT, "We strongly condemn child abuse.")
    b = span_of(B_TEXT, "we strongly condemn child abuse,")
    return Cluster(
        id="q1",
        text="We strongly condemn child abuse.",
        speaker=None,
        occurrences=(
            Occurrence("a", *a, A_TEXT[slice(*a)]),
            Occurrence("b", *b, B_TEXT[slice(*b)], "variant", 0.97),
        ),
    )


def test_a_new_annotation_is_anchored_and_stamped() -> None:
    start, end = span_of(A_TEXT, "Then it sued.")
    made = new_annotation(STORY.sources[0], start, end, label="claim", note="check", now=NOON)
    assert made.anchor.exact == "Then it sued."
    assert made.anchor.source == "a"
    assert made.created == made.updated == "2024-05-01T12:00:00Z"
    assert made.id.startswith("a-")
    assert (made.kind, made.label, made.note) == ("note", "claim", "check")


def test_new_ids_avoid_the_taken_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    draws = iter(["0000beef", "0000beef", "0000cafe"])
    monkeypatch.setattr("reader.annotations.edits.secrets.token_hex", lambda _n: next(draws))
    first = new_annotation(STORY.sources[0], 0, 3)
    second = new_annotation(STORY.sources[0], 0, 3, taken={first.id})
    assert (first.id, second.id) == ("a-0000beef", "a-0000cafe")


@pytest.mark.parametrize("date", ["2022-13-01", "2022-02-30", "Nov 28", "2022-13", "22", "2022-1"])
def test_a_date_must_be_real_at_its_precision(date: str) -> None:
    with pytest.raises(ReaderError, match="date"):
        check_date(date)


def test_a_same_quote_annotation_needs_the_other_passage() -> None:
    with pytest.raises(ReaderError, match="same-quote"):
        new_annotation(STORY.sources[0], 0, 3, kind="same-quote")


def test_editing_changes_fields_and_restamps_only_when_something_changed() -> None:
    made = new_annotation(STORY.sources[0], 0, 9, note="first", now=NOON)
    later = dt.datetime(2024, 5, 2, 8, 30, tzinfo=dt.UTC)
    edited = edit_annotation(made, later, note="second", speaker="Balenciaga")
    assert (edited.note, edited.speaker) == ("second", "Balenciaga")
    assert edited.created == made.created
    assert edited.updated == "2024-05-02T08:30:00Z"
    assert edit_annotation(made, later, note="first") is made
    with pytest.raises(ValueError):
        edit_annotation(made, later, anchor="elsewhere")
    with pytest.raises(ReaderError):
        edit_annotation(made, later, date="soon")


def test_changes_apply_to_what_is_on_disk_now() -> None:
    first = new_annotation(STORY.sources[0], 0, 9, now=NOON)
    second = new_annotation(STORY.sources[1], 0, 4, now=NOON)
    on_disk = adding(second)(adding(first)([]))
    assert [a.id for a in on_disk] == [first.id, second.id]
    edited = editing(first.id, note="seen")(on_disk)
    assert [a.note for a in edited] == ["seen", ""]
    assert deleting(first.id)(edited) == [edited[1]]
    assert deleting(first.id)(deleting(first.id)(edited)) == [edited[1]]
    with pytest.raises(ReaderError, match="no longer exists"):
        editing(first.id, note="x")(deleting(first.id)(edited))
    with pytest.raises(ReaderError, match="taken"):
        adding(first)(on_disk)


def test_resolve_all_orphans_annotations_of_a_missing_source() -> None:
    gone = Story(id="story", path=Path("story"), title="Story", sources=(STORY.sources[1],))
    made = new_annotation(STORY.sources[0], 0, 9)
    other = new_annotation(STORY.sources[1], 0, 4)
    assert [r.status for r in resolve_all([made, other], gone)] == ["orphaned", "anchored"]


def test_an_annotation_on_a_shared_quote_shows_on_every_copy() -> None:
    analysis = Analysis(story="story", clusters=(shared_cluster(),))
    start, end = span_of(A_TEXT, "condemn child abuse")
    made = new_annotation(STORY.sources[0], start, end, note="statement of 28 Nov")
    resolved = resolve_all([made], STORY)
    assert cluster_of(resolved[0], analysis) == shared_cluster()
    placed = placements(resolved, analysis)
    assert [(p.span.source, p.via) for p in placed] == [("a", None), ("b", "q1")]
    in_b = touching(placed, "b", *span_of(B_TEXT, "child abuse"))
    assert [p.span.text for p in in_b] == ["we strongly condemn child abuse,"]
    assert touching(placed, "b", 0, 5) == []
    cursor = B_TEXT.index("abuse")
    assert len(touching(placed, "b", cursor, cursor)) == 1


def test_an_annotation_off_any_shared_quote_stays_on_its_own_passage() -> None:
    single = Cluster("q2", "x", None, (shared_cluster().occurrences[0],))
    analysis = Analysis(story="story", clusters=(single,))
    made = new_annotation(STORY.sources[0], *span_of(A_TEXT, "condemn"))
    resolved = resolve_all([made], STORY)
    assert cluster_of(resolved[0], analysis) is None
    assert [p.via for p in placements(resolved, analysis)] == [None]


def test_orphaned_annotations_are_placed_nowhere() -> None:
    made = new_annotation(STORY.sources[0], *span_of(A_TEXT, "Then it sued."))
    edited = Story(
        id="story",
        path=Path("story"),
        title="Story",
        sources=(src("a", A_TEXT.replace("Then it sued.", "")), STORY.sources[1]),
    )
    resolved = resolve_all([made], edited)
    assert resolved[0].status == "orphaned"
    assert placements(resolved, Analysis(story="story")) == []


def test_timestamps_are_utc_to_the_second() -> None:
    paris = dt.timezone(dt.timedelta(hours=2))
    assert timestamp(dt.datetime(2024, 5, 1, 14, 0, 59, 999, tzinfo=paris)) == (
        "2024-05-01T12:00:59Z"
    )
