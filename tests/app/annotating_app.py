"""Helpers for the annotation UI's pilot tests: a still cursor, and waiting for the saves."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from reader.app.annotation_form import AnnotationForm
from reader.app.reader_screen import ReaderScreen

SIZE = (160, 45)


@pytest.fixture(autouse=True)
def still_cursors(monkeypatch: pytest.MonkeyPatch) -> None:
    """Freeze the cursors of the form's fields so screenshots do not depend on timing."""
    monkeypatch.setattr(Input, "cursor_blink", False)
    monkeypatch.setattr(TextArea, "cursor_blink", False)


async def settle(pilot: Pilot[None]) -> None:
    """Wait for the workers (analysis, saves) and the messages they send."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def ready(pilot: Pilot[None]) -> ReaderScreen:
    """The reader screen once its workspace is loaded."""
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ReaderScreen) and screen.workspace is not None
    return screen


def form(pilot: Pilot[None]) -> AnnotationForm:
    """The annotation form, which must be the screen on top."""
    screen = pilot.app.screen
    assert isinstance(screen, AnnotationForm)
    return screen
