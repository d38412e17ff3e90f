"""Whether a process runs, for the tests that check no analysis process is left behind."""

from __future__ import annotations

import os


def alive(pid: int) -> bool:
    """Whether `pid` is a process (a child not yet reaped still is one)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
