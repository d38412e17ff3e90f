"""A story's escapes and bidi overrides never reach the terminal, on any screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_story import no_blink  # noqa: F401 - autouse fixture

from reader.app import ReaderApp
from reader.store import load_story

ACTING = ("\x1b", "\x07", "\u202e")


@pytest.mark.parametrize("keys", [[], ["n", "enter"], ["s"], ["c"], ["A"], ["ctrl+p"], ["t"]])
async def test_no_screen_shows_a_raw_escape(hostile_story: Path, keys: list[str]) -> None:
    app = ReaderApp(load_story(hostile_story))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        shown = app.export_screenshot()
        assert not any(c in shown for c in ACTING)
        assert not any(c in (app.title or "") + (app.sub_title or "") for c in ACTING)
        if not keys:
            assert "␛" in shown
