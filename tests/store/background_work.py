"""Stand-ins for the analysis that a child process can import by name (tests only)."""

from __future__ import annotations

import threading

from reader.analysis import Progress
from reader.model import Analysis, Story


def stuck(story: Story, progress: Progress) -> Analysis:
    """Report the first stage, then never finish (until the process is killed)."""
    progress("quotes", 0, len(story.sources))
    threading.Event().wait()
    raise AssertionError("unreachable")


def fails(story: Story, progress: Progress) -> Analysis:
    raise ValueError(f"cannot analyse {story.id}")
