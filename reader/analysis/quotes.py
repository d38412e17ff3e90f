"""Direct speech in one source's text."""

from __future__ import annotations

from reader.model import Quote, Source


def extract_quotes(source: Source) -> list[Quote]:
    """Every quote in the source, in text order, speaker not yet set."""
    del source
    return []
