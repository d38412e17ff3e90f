"""The annotation UI's pure parts: selecting by unit, marks and glyphs, drafts to changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_story import APOLOGY, ASIDE, DENIAL, STATEMENT, build_analysis, build_story
from rich.style import Style

from reader.annotations import Placement, new_annotation
from reader.app.annotation_edits import Draft, Passage, commit, creating, problems, revising
from reader.app.annotation_marks import NOTE_LINE, NOTE_START, note_glyph, note_marks, notes_of
from reader.app.selection import begin, extend, from_cells, sentence_spans, trim, unit_at
from reader.model import Anchor, Annotation, Resolved, Span
from reader.store import load_annotations
from reader.workspace import Workspace, build_workspace

TEXT = "First one. Second one here.\n\nThird, a new paragraph. Fourth!"
FIRST, SECOND, THIRD, FOURTH = sentence_spans(TEXT)


def words(span: tuple[int, int]) -> str:
    return TEXT[span[0] : span[1]]


def test_sentences_are_trimmed_and_split_by_paragraph() -> None:
    assert [words(s) for s in sentence_spans(TEXT)] == [
        "First one.",
        "Second one here.",
        "Third, a new paragraph.",
        "Fourth!",
    ]


@pytest.mark.parametrize(
    ("offset", "expected"), [(0, FIRST), (10, SECOND), (27, THIRD), (500, FOURTH)]
)
def test_the_unit_at_an_offset_or_the_next_one(offset: int, expected: tuple[int, int]) -> None:
    assert unit_at(sentence_spans(TEXT), offset) == expected


def test_selection_grows_down_then_shrinks_back_and_grows_up() -> None:
    units = sentence_spans(TEXT)
    selection = begin("s", units, SECOND[0])
    assert selection.span == SECOND
    down = extend(extend(selection, units, 1), units, 1)
    assert down.span == (SECOND[0], FOURTH[1])
    assert down.cursor == FOURTH[1] - 1
    back = extend(extend(down, units, -1), units, -1)
    assert back.span == SECOND
    up = extend(back, units, -1)
    assert up.span == (FIRST[0], SECOND[1])
    assert up.cursor == FIRST[0]
    assert extend(up, units, -1) == up  # nothing before the first sentence


def test_selection_made_of_sentences_extends_by_lines() -> None:
    lines = [(0, 10), (11, 27), (29, 52), (53, 60)]
    selection = extend(begin("s", sentence_spans(TEXT), 0), lines, 1)
    assert selection.span == (0, 27)


def test_mouse_cells_map_to_characters_and_clamp_to_the_line() -> None:
    lines = [(0, 10), (11, 27)]
    assert from_cells(TEXT, lines, (6, 0), (6, 1)) == (6, 17)
    assert from_cells(TEXT, lines, (6, 1), (6, 0)) == (6, 17)  # dragged upwards
    assert from_cells(TEXT, lines, (3, 0), (99, 0)) == (3, 10)  # past the line's end
    assert from_cells(TEXT, lines, (10, 0), (0, 1)) is None  # only a blank


def test_trim_drops_blanks_at_both_ends() -> None:
    assert trim("  ab \n", 0, 6) == (2, 4)


def placement(start: int, end: int, via: str | None = None) -> Placement:
    annotation = Annotation("a-1", Anchor("s", "", "", "", start, end))
    span = Span("s", start, end, "x" * (end - start))
    return Placement(Resolved(annotation, "anchored", span), span, via)


PLAIN, ON_QUOTE = Style(underline=True, color="blue"), Style(underline=True)


def test_marks_colour_only_outside_the_quote_highlights() -> None:
    marks = note_marks([placement(0, 30)], [(5, 10), (20, 40)], PLAIN, ON_QUOTE)
    assert sorted(marks, key=lambda m: m[0]) == [
        (0, 5, PLAIN),
        (5, 10, ON_QUOTE),
        (10, 20, PLAIN),
        (20, 30, ON_QUOTE),
    ]


@pytest.mark.parametrize(
    ("line", "glyph"), [((0, 10), NOTE_START), ((10, 20), NOTE_LINE), ((30, 40), " ")]
)
def test_gutter_glyph_starts_and_follows_the_passage(line: tuple[int, int], glyph: str) -> None:
    assert note_glyph([(5, 25)], line) == glyph


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    story = build_story(tmp_path)
    return build_workspace(story, build_analysis(story), ())


def passage_of(workspace: Workspace, source: str, text: str) -> Passage:
    start = workspace.story.source(source).text.index(text)
    return Passage(source, start, start + len(text))


def test_a_note_on_a_shared_quote_shows_on_every_copy(workspace: Workspace) -> None:
    made, change = creating(
        workspace, passage_of(workspace, "a", STATEMENT), Draft(label="claim", note="n")
    )
    saved = commit(workspace, change, made)
    notes = notes_of(saved.workspace)
    assert [p.via for p in notes.of("a")] == [None]
    assert [p.via for p in notes.of("b")] == ["q1"]
    b_start = workspace.story.source("b").text.index(STATEMENT)
    under = notes.under("b", b_start, b_start + 5)
    assert [p.resolved.annotation.id for p in under] == [made]
    assert load_annotations(workspace.story.path)[0].label == "claim"


def test_same_quote_makes_a_partner_pointing_back(workspace: Workspace) -> None:
    target = passage_of(workspace, "b", DENIAL)
    made, change = creating(
        workspace, passage_of(workspace, "a", ASIDE), Draft(kind="same-quote", same_as=target)
    )
    saved = commit(workspace, change, made)
    on_disk = {a.id: a for a in load_annotations(workspace.story.path)}
    partner = on_disk[made].same_as
    assert partner is not None and on_disk[partner].same_as == made
    merged = [c for c in saved.workspace.analysis.clusters if c.occurrence("a") and c.shared]
    assert any(c.occurrence("b") and c.occurrence("b").text == DENIAL for c in merged)  # type: ignore[union-attr]


def test_editing_reuses_an_annotation_already_on_the_target(workspace: Workspace) -> None:
    story = workspace.story
    target = passage_of(workspace, "c", APOLOGY)
    existing = new_annotation(story.source("c"), target.start, target.end, note="there")
    with_one = commit(workspace, lambda _: [existing]).workspace
    first, change = creating(with_one, passage_of(with_one, "a", ASIDE), Draft())
    with_two = commit(with_one, change).workspace
    change = revising(with_two, first, Draft(kind="same-quote", same_as=target))
    commit(with_two, change)
    on_disk = {a.id: a for a in load_annotations(story.path)}
    assert len(on_disk) == 2
    assert on_disk[first].same_as == existing.id


@pytest.mark.parametrize(
    ("draft", "problem"),
    [
        (Draft(kind="speaker"), "needs a speaker"),
        (Draft(kind="same-quote"), "Choose the passage"),
        (Draft(kind="same-quote", same_as=Passage("a", 0, 3)), "another source"),
        (Draft(date="2022-13"), "not a real date"),
    ],
)
def test_drafts_that_cannot_be_saved_say_why(draft: Draft, problem: str) -> None:
    assert problem in " ".join(problems(draft, Passage("a", 5, 9)))


def test_a_complete_draft_has_no_problem() -> None:
    assert problems(Draft(kind="speaker", speaker="X", date="2022-11"), Passage("a", 0, 1)) == []
