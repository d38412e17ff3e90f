"""A story file's escapes never reach a reader of the loaded story, nor the CLI's output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.store import load_annotations, load_story

ACTING = ("\x1b", "\x07", "\u202e")


def _clean(text: str) -> bool:
    return not any(c in text for c in ACTING)


def test_every_string_of_the_loaded_story_is_visible(hostile_story: Path) -> None:
    story = load_story(hostile_story)
    strings = [story.title, *(s.name for s in story.speakers), *(e.label for e in story.events)]
    for source in story.sources:
        strings += [source.text, source.outlet or ""]
    assert all(_clean(s) for s in strings), strings
    assert "␛]0;pwned␇" in story.title
    note = load_annotations(hostile_story)[0].note
    assert _clean(note) and "␛[2J" in note


@pytest.mark.parametrize(
    "argv",
    [
        ["sources"],
        ["quotes"],
        ["timeline"],
        ["annotations"],
        ["export", "--format", "markdown", "-o", "-"],
        ["export", "--format", "html", "-o", "-"],
        ["quotes", "--json"],
    ],
)
def test_no_command_writes_an_escape_to_the_terminal(hostile_story: Path, argv: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "reader", argv[0], str(hostile_story), *argv[1:]],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert _clean(done.stdout) and _clean(done.stderr)
