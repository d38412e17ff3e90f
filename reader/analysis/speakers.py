"""Who said each quote, resolved to the story's speakers.

The story's speakers come first; names the text itself puts next to a speech verb are
proposed as new speakers (see `proposals`) and take part in attribution like listed ones,
so "John Smith said" gives John Smith even when story.yaml does not know him yet.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from reader.analysis.attribution import SourceAttribution
from reader.analysis.cues import CuePatterns
from reader.analysis.mentions import Lexicon, lexicon_of, speaker_kind
from reader.analysis.passages import masked_text
from reader.analysis.proposals import propose_speakers
from reader.model import Quote, Speaker, SpeakerKind, Story


def attribute_speakers(
    story: Story, quotes: Sequence[Quote], speakers: Sequence[Speaker] | None = None
) -> list[Quote]:
    """The quotes with `speaker`, `speaker_confidence` and `cue` set from the text around them.

    `speakers` is `discover_speakers(story, quotes)`, passed in when the caller has it already.
    """
    known = discover_speakers(story, quotes) if speakers is None else speakers
    lexicon = lexicon_of(tuple(known))
    cues = CuePatterns(lexicon)
    by_source = _by_source(quotes)
    attributed: dict[tuple[str, int, int], Quote] = {}
    for source in story.sources:
        found = by_source.get(source.id, [])
        if not found:
            continue
        for quote in SourceAttribution(source.text, found, lexicon, cues).run():
            attributed[(quote.source, quote.start, quote.end)] = quote
    return [attributed.get((q.source, q.start, q.end), q) for q in quotes]


def discover_speakers(story: Story, quotes: Sequence[Quote]) -> list[Speaker]:
    """The story's speakers (with the kind their role or name tells) followed by speakers
    proposed from the text."""
    by_source = _by_source(quotes)
    narration = [masked_text(s.text, by_source.get(s.id, [])) for s in story.sources]
    listed = [replace(s, kind=s.kind or _KINDS.get(speaker_kind(s))) for s in story.speakers]
    return [*listed, *propose_speakers(narration, Lexicon(story.speakers))]


_KINDS: dict[str, SpeakerKind] = {"person": "person", "org": "organisation"}


def resolve_speaker(name: str, speakers: Sequence[Speaker]) -> str | None:
    """The canonical name a user's `name` refers to (name or alias, any case)."""
    wanted = name.casefold()
    for speaker in speakers:
        if wanted in {speaker.name.casefold(), *(a.casefold() for a in speaker.aliases)}:
            return speaker.name
    return None


def _by_source(quotes: Sequence[Quote]) -> dict[str, list[Quote]]:
    grouped: dict[str, list[Quote]] = defaultdict(list)
    for quote in quotes:
        grouped[quote.source].append(quote)
    return grouped
