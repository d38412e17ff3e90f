"""Dated events the articles mention, merged with the story's own."""

from __future__ import annotations

from reader.model import Event, Story


def extract_events(story: Story) -> list[Event]:
    """Events from the text and from story.yaml, one per happening, in date order."""
    return sorted(story.events, key=lambda e: e.date)
