"""Pictures of the reader's main screens, on the hand-made story (stable whatever the
analysis finds). Update with `--snapshot-update` only after looking at the report."""

from __future__ import annotations

from typing import Any

from app_story import build_analysis, build_story, no_blink  # noqa: F401 - autouse fixture

from reader.app import ReaderApp

SIZE = (160, 45)


def make_app() -> ReaderApp:
    story = build_story()
    return ReaderApp(story, build_analysis(story))


def test_first_screen(snap_compare: Any) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE)


def test_speaker_filter_on(snap_compare: Any) -> None:
    # picker order: all speakers, Balenciaga, Gabriele Galimberti, Kim Kardashian
    assert snap_compare(
        make_app(), press=["s", "down", "down", "enter", "l", "n"], terminal_size=SIZE
    )


def test_quote_details_open(snap_compare: Any) -> None:
    assert snap_compare(make_app(), press=["n", "enter"], terminal_size=SIZE)


def test_timeline_focused(snap_compare: Any) -> None:
    assert snap_compare(make_app(), press=["t", "down"], terminal_size=SIZE)


def test_help(snap_compare: Any) -> None:
    assert snap_compare(make_app(), press=["question_mark"], terminal_size=SIZE)


def test_coverage(snap_compare: Any) -> None:
    assert snap_compare(make_app(), press=["c"], terminal_size=SIZE)


def test_narrow_terminal(snap_compare: Any) -> None:
    assert snap_compare(make_app(), press=["n"], terminal_size=(80, 24))


def test_legend(snap_compare: Any) -> None:
    assert snap_compare(make_app(), press=["n", "L"], terminal_size=(80, 24))
