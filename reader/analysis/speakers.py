"""Who said each quote, resolved to the story's speakers."""

from __future__ import annotations

from collections.abc import Sequence

from reader.model import Quote, Speaker, Story


def attribute_speakers(story: Story, quotes: Sequence[Quote]) -> list[Quote]:
    """The quotes with `speaker`, `speaker_confidence` and `cue` set from the text around them."""
    del story
    return list(quotes)


def discover_speakers(story: Story, quotes: Sequence[Quote]) -> list[Speaker]:
    """The story's speakers followed by speakers proposed from the text."""
    del quotes
    return list(story.speakers)


def resolve_speaker(name: str, speakers: Sequence[Speaker]) -> str | None:
    """The canonical name a user's `name` refers to (name or alias, any case)."""
    wanted = name.casefold()
    for speaker in speakers:
        if wanted in {speaker.name.casefold(), *(a.casefold() for a in speaker.aliases)}:
            return speaker.name
    return None
