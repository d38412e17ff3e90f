"""`reader [open] [STORY]`: the reader app on one story, or a picker over the store."""

from __future__ import annotations

import argparse
from typing import Any

from reader.cli.common import add_story_argument, say, story_folder
from reader.store import list_stories, load_story, store_root


def register(commands: Any) -> None:
    """Add the `open` subcommand (also what `reader` alone and `reader STORY` run)."""
    parser = commands.add_parser(
        "open",
        help="read a story: its sources side by side with shared quotes highlighted",
        description="Open the reader. With no STORY: the story picker when the store "
        "($READER_STORIES or ./stories) holds several stories, the only story when it holds "
        "one, the sample (copied into the store first) when there is no store.",
    )
    add_story_argument(parser, optional=True)
    parser.set_defaults(run=run_open)


def run_open(args: argparse.Namespace) -> int:
    """Load the story before starting the app, so a bad story is an error, not a screen."""
    from reader.app import ReaderApp  # Textual only when the app is wanted

    if args.story is None and len(stories := list_stories(store_root())) > 1:
        app = ReaderApp(stories=stories)
    else:
        said: list[str] = []
        app = ReaderApp(load_story(story_folder(args.story, tell=said.append)))
        for message in said:
            say(message)  # still on screen after the app quits
            app.notify(message, timeout=10)
    app.run()
    return 0
