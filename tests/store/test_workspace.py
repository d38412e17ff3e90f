"""Annotations saved for a story change what every view of it shows."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.annotations import adding, new_annotation
from reader.store import load_story, update_annotations
from reader.workspace import load_workspace


def test_a_saved_date_annotation_reaches_the_timeline(sample_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "story"
    shutil.copytree(sample_path, folder)
    story = load_story(folder)
    source = story.sources[1]
    start = source.text.index("Balenciaga said they are re-working")
    end = start + len("Balenciaga said they are re-working their creative direction")
    before = load_workspace(story)
    update_annotations(
        folder,
        adding(new_annotation(source, start, end, label="claim", date="2022-11-29")),
    )
    after = load_workspace(story)
    assert len(after.annotations) == len(before.annotations) + 1
    assert after.annotations[-1].status == "anchored"
    new_events = [e for e in after.analysis.events if e.origin == "annotation"]
    assert [e.date for e in new_events] == ["2022-11-29"]
    assert new_events[0].evidence[0].text == source.text[start:end]
    assert after.raw == before.raw
