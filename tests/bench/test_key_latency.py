"""A key's latency runs until the app has settled: every message the key caused handled and
the screen drawn with the result."""

from __future__ import annotations

import time

from textual import events
from textual.app import App, ComposeResult
from textual.message import Message
from textual.widgets import Static

from reader.bench.ui import response_seconds, settled

WORK_SECONDS = 0.03


class Handed(Message):
    """The key's work, handed on from the app to a widget."""


class Worker(Static):
    def on_handed(self, message: Handed) -> None:
        time.sleep(WORK_SECONDS)  # stands for the work a key causes
        self.update("done")


class Chain(App[None]):
    """A key that hands its work on to a widget by message, as the reader's widgets do."""

    def compose(self) -> ComposeResult:
        yield Worker("waiting")

    def on_key(self, event: events.Key) -> None:
        self.query_one(Worker).post_message(Handed())


async def test_a_key_is_timed_until_the_work_it_handed_on_is_done_and_drawn() -> None:
    app = Chain()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert settled(app)
        seconds = await response_seconds(app, "x")
        assert seconds >= WORK_SECONDS
        assert str(app.query_one(Worker).render()) == "done"
        assert settled(app)


async def test_an_app_with_a_message_waiting_is_not_settled() -> None:
    app = Chain()
    async with app.run_test() as pilot:
        await pilot.pause()
        app.query_one(Worker).post_message(Handed())
        assert not settled(app)
        await pilot.pause()
        assert settled(app)
