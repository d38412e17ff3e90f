"""Helpers every subcommand shares: the STORY argument and loading it, JSON and table output."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text

from reader.model import Analysis, Story
from reader.sanitize import visible
from reader.store import find_story, load_story
from reader.workspace import load_workspace


def print_json(document: Any) -> None:
    """One JSON document on stdout."""
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def add_story_argument(parser: argparse.ArgumentParser, optional: bool = False) -> None:
    """STORY: a story folder, or the id of a story in the store."""
    parser.add_argument(
        "story",
        metavar="STORY",
        nargs="?" if optional else None,
        help="a story folder, or a story id in the store ($READER_STORIES or ./stories)",
    )


def say(message: str) -> None:
    """A note for the user on stderr, apart from the command's output."""
    print(f"reader: {message}", file=sys.stderr)


def story_folder(reference: str | None, tell: Callable[[str], None] = say) -> Path:
    """The folder a STORY argument names; `tell` hears where the sample went when it has
    just been copied into the store."""

    def copied(path: Path) -> None:
        tell(f"copied the sample story into {path}; notes on it are saved there")

    return find_story(reference, on_copy=copied)


def load(reference: str | None) -> tuple[Story, Analysis]:
    """The story a STORY argument names, and its cached analysis with annotations applied."""
    story = load_story(story_folder(reference))
    return story, load_workspace(story).analysis


def console() -> Console:
    """Tables on stdout as they are: no highlighting of numbers, no wrapping of long cells."""
    return Console(highlight=False, soft_wrap=False)


def clean(text: str) -> str:
    """Article data for the terminal: control characters shown, never obeyed."""
    return visible(text)


def plain(value: object) -> Text:
    """Article data as a table cell: never markup, never a terminal control sequence."""
    return Text(clean("" if value is None else str(value)))
