"""Who a name in the text refers to: the story's speakers, their aliases and surnames.

A speaker is a person or an organisation, which decides the pronouns and descriptions that
can stand for it (she/he and "the reality star" for a person; it/they and "the brand" for
an organisation). The kind found in the text decides first (see `proposals`), then the role
in story.yaml when it names one ("photographer", "fashion house"); otherwise the name
does: "CBS News" is an organisation, "Gabriele Galimberti" a person, and a single word such
as "Balenciaga" stays unknown and is used only when no speaker of the wanted kind is in
sight.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from reader.analysis.speech import NOT_NAMES, ORG_NOUNS, PERSON_NOUNS, alternation
from reader.analysis.speech import words as words_of
from reader.model import Speaker
from reader.text import FUNCTION_WORDS

Kind = Literal["person", "org", "unknown"]

_DETERMINERS = frozenset("the a an this that".split())
_PROXIES = frozenset("spokesperson spokesman spokeswoman representative rep".split())
ORG_NAME_WORDS = frozenset(
    """news inc inc. ltd llc plc group company corp corporation times post journal agency
    ministry department police council university association foundation party court
    commission bank network media press tv radio club institute office service services
    house brands studios records""".split()
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A name of a speaker found in the text."""

    start: int
    end: int
    name: str
    how: str = "name"
    """"name" (a name or alias), "surname", or "described" (an alias such as "the brand")."""


def speaker_kind(speaker: Speaker) -> Kind:
    """Person or organisation: as found, else from the role when it says, else the name."""
    if speaker.kind is not None:
        return "person" if speaker.kind == "person" else "org"
    role = set(words_of(speaker.role or ""))
    if role & PERSON_NOUNS or role & _PROXIES:
        return "person"
    if role & ORG_NOUNS:
        return "org"
    return name_kind(speaker.name)


def name_kind(name: str) -> Kind:
    """Person or organisation guessed from a name alone."""
    parts = name.split()
    if any(p.lower().strip(".,") in ORG_NAME_WORDS for p in parts):
        return "org"
    if len(parts) >= 2 and all(p[:1].isupper() for p in parts):
        return "person"
    return "unknown"


_SURNAME_REACH = 5000
"""How far back a shared surname looks for the full name it stands for."""


@lru_cache(maxsize=4)
def lexicon_of(speakers: tuple[Speaker, ...]) -> Lexicon:
    """The lexicon of `speakers`, built once: attribution and the timeline read the same."""
    return Lexicon(speakers)


class Lexicon:
    """The speakers' names, aliases and unambiguous surnames, matched longest first."""

    def __init__(self, speakers: Sequence[Speaker]) -> None:
        self.speakers = tuple(speakers)
        self.kinds: dict[str, Kind] = {s.name: speaker_kind(s) for s in speakers}
        self.roles: dict[str, frozenset[str]] = {
            s.name: frozenset(w for w in words_of(s.role or "") if len(w) > 2) for s in speakers
        }
        self._by_role: dict[str, list[str]] = {}
        for name, role in self.roles.items():
            for noun in role:
                self._by_role.setdefault(noun, []).append(name)
        self.forms: dict[str, str] = {}
        for speaker in speakers:
            for form in (speaker.name, *speaker.aliases):
                self.forms.setdefault(form.casefold(), speaker.name)
        self.surnames: dict[str, list[str]] = {}
        for speaker in speakers:
            parts = speaker.name.split()
            if self.kinds[speaker.name] != "person" or len(parts) < 2:
                continue
            if parts[-1].casefold() not in self.forms:
                self.surnames.setdefault(parts[-1].casefold(), []).append(speaker.name)
        self._full = {
            name: [f for f in (name, *s.aliases) if " " in f]
            for name, s in ((s.name, s) for s in speakers)
        }
        everything = [*self.forms, *self.surnames]
        self.pattern = alternation(everything) if everything else r"(?!x)x"
        self._regex = re.compile(rf"(?<![\w’'-])(?:{self.pattern})(?![\w-])", re.IGNORECASE)

    def canonical(self, form: str, text: str = "", at: int = 0) -> tuple[str, str] | None:
        """The speaker a form found at `at` in `text` names, and how: "name", "surname" or
        "described". A surname two speakers share is the one named in full last before it
        ("Liz Cheney … Cheney said"); with no such mention it names nobody."""
        folded = " ".join(form.split()).casefold()
        if folded in self.forms:
            described = folded.split()[0] in _DETERMINERS
            return self.forms[folded], "described" if described else "name"
        owners = self.surnames.get(folded, [])
        if len(owners) == 1:
            return owners[0], "surname"
        if owners:
            window = max(0, at - _SURNAME_REACH)
            last = {o: max(text.rfind(f, window, at) for f in self._full[o]) for o in owners}
            best = max(owners, key=lambda o: last[o])
            return (best, "surname") if last[best] >= 0 else None
        return None

    def mentions(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Every name of a speaker in `text[start:end]`, in order."""
        found: list[Mention] = []
        stop = len(text) if end is None else end
        for match in self._regex.finditer(text, start, stop):
            named = self.canonical(match.group(), text, match.start())
            if named is None or (named[1] != "described" and not match.group()[0].isupper()):
                continue
            if named[1] == "surname" and follows_another_name(text, match.start()):
                continue
            found.append(Mention(match.start(), match.end(), named[0], named[1]))
        return found

    def knows(self, name: str) -> bool:
        """Whether `name` is, or holds, a speaker's name or alias (not just a surname in it)."""
        return any(m.how != "surname" or m.end - m.start == len(name) for m in self.mentions(name))

    def by_role(self, noun: str) -> str | None:
        """The one speaker whose role has the word `noun`, if exactly one has."""
        owners = self._by_role.get(noun, ())
        return owners[0] if len(owners) == 1 else None


def other_people(text: str, lexicon: Lexicon, spoken: Sequence[Mention]) -> list[int]:
    """Where `text` names a person who is no speaker: "President Joe Biden", "Pat Cullen,
    general secretary…", and later their surname alone. A pronoun never jumps over them.
    A name inside a speaker's name ("Representative Elijah E. Cummings") is no other person.
    `spoken` is `lexicon.mentions(text)`."""
    found: list[int] = []
    surnames: set[str] = set()
    starts = [m.start for m in spoken]
    titled = [m for m in _TITLED.finditer(text) if m.group("title").lower() in _TITLES]
    for match in [*titled, *_WITH_APPOSITION.finditer(text)]:
        name = match.group("name")
        parts = name.split()
        at = bisect.bisect_right(starts, match.start("name")) - 1
        if at >= 0 and spoken[at].end > match.start("name"):
            continue
        if lexicon.knows(name) or any(_bare(p) in _NOT_PEOPLE for p in parts):
            continue
        found.append(match.start("name"))
        surnames.add(parts[-1])
    for surname in surnames:
        found += _as_word(text, surname)
    return sorted(set(found))


def _as_word(text: str, word: str) -> Iterator[int]:
    """Where `word` stands in `text` as a word of its own: no letter, digit, apostrophe or
    hyphen before it, no letter, digit or hyphen after it."""
    at = text.find(word)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + len(word) : at + len(word) + 1] or " "
        if not _joined(before) and before not in "’'" and not _joined(after):
            yield at
        at = text.find(word, at + 1)


def _joined(char: str) -> bool:
    """Whether a character next to a word makes it part of a longer one."""
    return char.isalnum() or char in "_-"


def _bare(word: str) -> str:
    """A word in lower case without a possessive: "Senate’s" → "senate"."""
    return re.sub(r"['’]s?$", "", word.lower())


def follows_another_name(text: str, start: int) -> bool:
    """Whether a surname continues another capitalised name ("North West" is not West)."""
    match = _NAME_BEFORE.search(text, max(0, start - 40), start)
    if match is None or match.group(2).lower().rstrip(".") in _NOT_NAME_STARTS:
        return False
    if match.group(2).endswith(".") or "\n" in text[match.end(2) : start]:
        return False
    return match.group(1) not in {"", ".", "!", "?", ":", "\n", "_"}


HONORIFICS = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady sen senator gov governor rep president
    judge justice minister chancellor mayor officer sgt capt gen col lt""".split()
)
_PERSON_TITLES = """leader minister secretary president senator representative spokesman
    spokeswoman spokesperson chairman chairwoman director chief executive officer judge governor
    mayor general coach commissioner ambassador prince princess king queen pope lawyer attorney
    founder ceo head professor speaker""".split()
_CAPITALISED = r"[A-Z][\w’'-]+"
_TITLED = re.compile(
    rf"\b(?P<title>[A-Za-z]+)\.?\s+(?=(?P<name>{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,2}}))"
)
_TITLES = frozenset({*_PERSON_TITLES, *HONORIFICS})
_WITH_APPOSITION = re.compile(
    rf"(?<![\w’'-])(?P<name>{_CAPITALISED}(?:\s+{_CAPITALISED}){{1,2}}),\s+"
    r"(?!where\b|which\b|when\b)(?:\d|[a-z])"
)
_NOT_PEOPLE = (
    ORG_NAME_WORDS
    | FUNCTION_WORDS
    | NOT_NAMES
    | frozenset("college school hospital city street court twitter instagram".split())
)
_NOT_NAME_STARTS = FUNCTION_WORDS | HONORIFICS
_NAME_BEFORE = re.compile(r"(\S?)\s*([A-Z][\w’'-]*\.?)\s+$")
