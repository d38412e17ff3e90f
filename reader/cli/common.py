"""Helpers every subcommand shares: JSON output and the STORY argument."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


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
