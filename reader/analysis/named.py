"""Who one source names, and which speakers it has quoted so far, by position.

Attribution asks, for every quote, who was named last, who is named in a sentence, and
whether someone who is no speaker stands between two places. Each answer is a bisection in
lists kept sorted by position (one list per kind of speaker), so a source with thousands
of quotes and names costs no scan of everything before each quote.
"""

from __future__ import annotations

import bisect
import heapq
from collections import defaultdict
from collections.abc import Iterator, Mapping

from reader.analysis.mentions import Kind

Entry = tuple[int, str]
"""(offset, speaker's canonical name); the name is "" for a person who is no speaker."""


class Named:
    """The names of one source (fixed) and the speakers of its quotes (added in order)."""

    def __init__(self, names: list[Entry], kinds: Mapping[str, Kind]) -> None:
        self.kinds = kinds
        self.names = sorted(names)
        self.said: list[Entry] = []
        self._others = [at for at, name in self.names if not name]
        self._names_of: dict[Kind | None, list[Entry]] = defaultdict(list)
        self._said_of: dict[Kind | None, list[Entry]] = defaultdict(list)
        for entry in self.names:
            if entry[1]:
                self._names_of[kinds.get(entry[1])].append(entry)

    def quoted(self, at: int, speaker: str) -> None:
        """A quote at `at` (after every earlier one) was attributed to `speaker`."""
        self.said.append((at, speaker))
        self._said_of[self.kinds.get(speaker)].append((at, speaker))

    def someone_between(self, start: int, end: int) -> bool:
        """Whether a person who is no speaker is named in `[start, end)`."""
        at = bisect.bisect_left(self._others, start)
        return at < len(self._others) and self._others[at] < end

    def last_said(self, before: int) -> str | None:
        """The speaker of the last attributed quote before `before`."""
        at = bisect.bisect_left(self.said, (before, ""))
        return self.said[at - 1][1] if at else None

    def people(self, start: int, end: int) -> Iterator[str]:
        """The names in `[start, end)` and the speakers quoted there, in order (a name
        before a quote at the same offset); "" for someone who is no speaker."""
        names = self._between(self.names, start, end)
        said = self._between(self.said, start, end)
        for _, name in heapq.merge(names, said, key=lambda entry: entry[0]):
            yield name

    def recent(self, before: int, kinds: frozenset[Kind], stop_at_others: bool) -> Entry | None:
        """The last entry before `before` naming or quoting a speaker of one of `kinds`, or,
        with `stop_at_others`, a person who is no speaker if one comes later."""
        found: list[Entry] = []
        for kind in kinds:
            for entries in (self._names_of.get(kind, []), self._said_of.get(kind, [])):
                at = bisect.bisect_left(entries, (before, ""))
                if at:
                    found.append(entries[at - 1])
        if stop_at_others:
            at = bisect.bisect_left(self._others, before)
            if at:
                found.append((self._others[at - 1], ""))
        return max(found) if found else None

    @staticmethod
    def _between(entries: list[Entry], start: int, end: int) -> Iterator[Entry]:
        at = bisect.bisect_left(entries, (start, ""))
        while at < len(entries) and entries[at][0] < end:
            yield entries[at]
            at += 1
