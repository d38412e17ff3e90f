"""Short names that tell a story's sources apart where space is tight: column headings,
table cells, the coverage matrix.

A source is called by its outlet when known, else by its title without the words it shares
with the start of another source's title (so "Kim Kardashian Condemns Balenciaga" next to
"Kim Kardashian 'Re-Evaluating' …" becomes "Condemns Balenciaga"), else by its id without
hash-like parts. Names that would still clash get a number.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from reader.model import Source

SHORT = 22
"""Longest short name, in characters: a heading still has room for the date."""

_HASHY = re.compile(r"(?=.*\d)(?=.*[a-f])[0-9a-f]{8,}", re.IGNORECASE)
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?([a-z0-9-]+)\.[a-z.]{2,}/?$", re.IGNORECASE)


def shorten(text: str, width: int = SHORT) -> str:
    """`text` on one line, cut at a word boundary with `…` when longer than `width`."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1]
    if " " in cut and flat[width - 1] != " ":
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-–—") + "…"


def _outlet(outlet: str, width: int) -> str:
    """A domain loses `www.` and its suffix; a long name loses a leading "The"."""
    found = _DOMAIN.match(outlet.strip())
    name = found.group(1) if found else " ".join(outlet.split())
    if len(name) > width and name.lower().startswith("the "):
        name = name[4:]
    return shorten(name, width)


def _keys(title: str) -> tuple[str, ...]:
    return tuple("".join(c for c in w.casefold() if c.isalnum()) for w in title.split())


def _common(first: tuple[str, ...], second: tuple[str, ...]) -> int:
    """How many leading words two titles share."""
    same = 0
    while same < min(len(first), len(second)) and first[same] == second[same]:
        same += 1
    return same


def _shared_lead(titles: Sequence[str]) -> dict[str, int]:
    """For each title, how many leading words it shares with another, different title.

    In sorted order the longest shared lead is with a neighbour, so each title is compared
    with two others, not with all of them.
    """
    ordered = sorted(set(map(_keys, titles)))
    lead = {}
    for i, keys in enumerate(ordered):
        around = ordered[max(0, i - 1) : i] + ordered[i + 1 : i + 2]
        lead[keys] = max((_common(keys, other) for other in around), default=0)
    return {title: lead[_keys(title)] for title in titles}


def _distinct_title(title: str, shared: int, width: int) -> str:
    """The title without its `shared` leading words (all of it if nothing would be left)."""
    words = title.split()
    rest = words[shared:] if shared < len(words) else words
    return shorten(" ".join(rest), width)


def _from_id(source_id: str) -> str:
    """The id without hash-like parts ("004_bd387176dcec0e57" → "source 004")."""
    parts = [p for p in re.split(r"[_\s]+", source_id) if p and not _HASHY.fullmatch(p)]
    kept = " ".join(parts) or source_id
    return f"source {kept}" if kept.isdigit() else kept


def short_names(sources: Sequence[Source], width: int = SHORT) -> dict[str, str]:
    """A short name for each source, unique among `sources`, by source id."""
    lead = _shared_lead([s.title for s in sources if s.title])
    names: dict[str, str] = {}
    for source in sources:
        if source.outlet:
            names[source.id] = _outlet(source.outlet, width)
        elif source.title:
            names[source.id] = _distinct_title(source.title, lead[source.title], width)
        else:
            names[source.id] = shorten(_from_id(source.id), width)
    clashes = Counter(names.values())
    taken = set(names.values())
    seen: Counter[str] = Counter()
    for source in sources:
        name = names[source.id]
        if clashes[name] < 2:
            continue
        seen[name] += 1
        if seen[name] == 1:
            continue
        number = seen[name]
        while (numbered := f"{shorten(name, width - 1 - len(str(number)))} {number}") in taken:
            number += 1
        names[source.id] = numbered
        taken.add(numbered)
    return names
