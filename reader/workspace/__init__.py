"""What a UI or a script sees of a story: the cached analysis with the corrections applied.

Names load on first use (`reader.lazy`): the reader starts its background analysis
without importing the workspace's views of it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.lazy import lazy_names

if TYPE_CHECKING:
    from reader.workspace.background import AnalysisCrashed as AnalysisCrashed
    from reader.workspace.background import BackgroundAnalysis as BackgroundAnalysis
    from reader.workspace.background import Cancelled as Cancelled
    from reader.workspace.cache import cache_dir as cache_dir
    from reader.workspace.cache import cache_key as cache_key
    from reader.workspace.cache import cache_path as cache_path
    from reader.workspace.cache import cached_analysis as cached_analysis
    from reader.workspace.cache import load_analysis as load_analysis
    from reader.workspace.cache import store_analysis as store_analysis
    from reader.workspace.corrections import apply_corrections as apply_corrections
    from reader.workspace.view import Workspace as Workspace
    from reader.workspace.view import build_workspace as build_workspace
    from reader.workspace.view import load_workspace as load_workspace

__getattr__, __all__ = lazy_names(__name__, __file__)
