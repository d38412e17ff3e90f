"""Pictures of the annotation form and of the list of annotations, on the hand-made story.
Update with `--snapshot-update` only after looking at the report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotating_app import SIZE, still_cursors  # noqa: F401
from app_story import STATEMENT, build_analysis, build_story
from textual.pilot import Pilot

from reader.app import ReaderApp
from reader.app.annotation_edits import commit
from reader.app.reader_screen import ReaderScreen
from reader.model import Anchor, Annotation


def make_app(root: Path) -> ReaderApp:
    story = build_story(root)
    return ReaderApp(story, build_analysis(story))


def annotation(ident: str, source: str, exact: str, start: int, **fields: str) -> Annotation:
    anchor = Anchor(source, exact, "", "", start, start + len(exact))
    return Annotation(ident, anchor, created="2026-01-01T00:00:00Z", **fields)  # type: ignore[arg-type]


def test_annotation_form(snap_compare: Any, tmp_path: Path) -> None:
    async def fill(pilot: Pilot[None]) -> None:
        await pilot.press("n", "a", *"Posted late Sunday on Instagram Stories.")
        await pilot.press("shift+tab", *"2022-11-27", "shift+tab", *"clai", "right")

    assert snap_compare(make_app(tmp_path), run_before=fill, terminal_size=SIZE)


def test_annotations_list(snap_compare: Any, tmp_path: Path) -> None:
    async def annotate(pilot: Pilot[None]) -> None:
        await pilot.app.workers.wait_for_complete()
        screen = pilot.app.screen
        assert isinstance(screen, ReaderScreen) and screen.workspace is not None
        text = screen.story.source("a").text
        notes = [
            annotation(
                "a-1", "a", STATEMENT, text.index(STATEMENT), label="claim", note="Checked."
            ),
            annotation("a-2", "b", "She posted", 0, kind="speaker", speaker="Kim Kardashian"),
            annotation("a-3", "c", "A sentence since edited away.", 10, note="Gone now."),
        ]
        screen.apply_committed(commit(screen.workspace, lambda _: notes))
        await pilot.press("A")

    assert snap_compare(make_app(tmp_path), run_before=annotate, terminal_size=SIZE)
