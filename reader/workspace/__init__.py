"""What a UI or a script sees of a story: the cached analysis with the corrections applied."""

from __future__ import annotations

from reader.workspace.background import AnalysisCrashed, BackgroundAnalysis, Cancelled
from reader.workspace.cache import (
    cache_dir,
    cache_key,
    cache_path,
    cached_analysis,
    load_analysis,
    store_analysis,
)
from reader.workspace.corrections import apply_corrections
from reader.workspace.view import Workspace, build_workspace, load_workspace

__all__ = [
    "AnalysisCrashed",
    "BackgroundAnalysis",
    "Cancelled",
    "Workspace",
    "apply_corrections",
    "build_workspace",
    "cache_dir",
    "cache_key",
    "cache_path",
    "cached_analysis",
    "load_analysis",
    "load_workspace",
    "store_analysis",
]
