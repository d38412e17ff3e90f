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


HOSTILE = "\x1b]0;pwned\x07\x1b]52;c;ZXZpbA==\x07\x1b[2J\u202egnp.exe"
"""A terminal title, a clipboard write, a screen clear and a right-to-left override."""


@pytest.fixture
def hostile_story(tmp_path: Path) -> Path:
    """A story whose title, outlet, speaker, event, article text and annotation all carry
    terminal escapes and a bidi override, as a story someone hands you might."""
    folder = tmp_path / "hostile"
    (folder / "sources").mkdir(parents=True)
    escaped = HOSTILE.encode("unicode_escape").decode("ascii").replace("\\x", "\\x")
    (folder / "story.yaml").write_text(
        f'title: "Title {escaped}"\n'
        f'speakers:\n- name: "Ann {escaped}"\n'
        f'events:\n- date: 2022-11-27\n  label: "Event {escaped}"\n'
        "sources:\n- a\n- b\n",
        "utf-8",
    )
    said = f'"We will not comment on this {HOSTILE} at all today," Ann said.\n'
    for source in ("a", "b"):
        (folder / "sources" / f"{source}.txt").write_text(
            f"Outlet {source} reports. {said}More text {HOSTILE} follows.\n", "utf-8"
        )
        (folder / "sources" / f"{source}.yaml").write_text(
            f'id: {source}\noutlet: "Outlet {escaped}"\ndate: 2022-11-28\n', "utf-8"
        )
    (folder / "annotations.yaml").write_text(
        "annotations:\n- id: a-1\n  source: a\n  exact: Outlet a reports\n  start: 0\n"
        f'  end: 17\n  kind: note\n  note: "Note {escaped}"\n',
        "utf-8",
    )
    return folder
