"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# On CI the property tests replay the same examples every run (no flaky red builds) and no
# example is failed for being slow on a loaded machine; locally they explore new examples.
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "stories" / "balenciaga-2022"
SLOW_FOLDERS = ("app", "bench")
"""Folders whose tests drive the real app or time things: `pytest -m "not slow"` skips them."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    tests = Path(__file__).resolve().parent
    for item in items:
        if item.path.resolve().relative_to(tests).parts[0] in SLOW_FOLDERS:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _isolated_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each test gets its own analysis cache so runs never leak into each other."""
    monkeypatch.setenv("READER_CACHE", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def sample_path() -> Path:
    """The sample story shipped in the store."""
    return SAMPLE
