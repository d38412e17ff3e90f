"""How the analysis tells its progress, in a module of its own: a UI waiting for the
analysis needs this type, not the analysis."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str, int, int], None]
"""Told `(stage, done, total)` as the analysis goes: the quotes stage counts sources, the
others ("speakers", "matching", "timeline") report `0` of `1` when they start: they work
on the whole story at once."""
