"""Speakers the story does not list yet: names next to a speech verb, made canonical.

Conservative on purpose: a name must sit right before a speech verb ("CBS News reported",
"Smith, 42, said") or right after one at the end of an attribution ("said Smith."), outside
quotes and headlines. The name is then read the way a journalist writes it:

- a title before it is its role, not its name ("White House Press Secretary Jay Carney",
  "Sen. Warren"), and so is an owner ("CNN’s Deirdre Walsh"); a trailing possessive goes;
- a leading word the story also writes in lower case is no name ("Now Forbes", "Dear Matt
  Damon", "Yet AARP"), nor is an adjective such as "Canadian-born";
- a single word must be capitalised mid-sentence somewhere and never written in lower case
  ("Critics said", "TIME", "Ministry" are not names); it grows to the fullest name the story
  gives it ("Galimberti" → "Gabriele Galimberti");
- places (named after "in", "from"… more often than they speak) and documents ("the United
  States Constitution") are no speakers.

Forms of one speaker merge into one canonical name: middle initials, accents and apostrophes
do not matter ("John A. Boehner" / "John Boehner"), a surname joins the one full name that
ends with it ("Steele" / "Michael Steele"), a short form joins the organisation it begins
("Acme" / "Acme News"). Each speaker gets a kind: person or organisation.

The story is indexed once (its words, capitalised runs and where they sit), so every
candidate is a lookup: the work grows with the text, not with text × names.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from reader.analysis.mentions import HONORIFICS, ORG_NAME_WORDS, Lexicon
from reader.analysis.passages import is_headline, paragraphs
from reader.analysis.scan import CAPITAL, matches
from reader.analysis.speech import APPOSED, INVERTING_VERBS, NOT_NAMES, SPEECH_VERBS, TITLE_WORDS
from reader.model import Speaker, SpeakerKind
from reader.text import FUNCTION_WORDS

_VERBS = SPEECH_VERBS | {"according to"}
_PROXIES = frozenset(
    "statement spokesman spokeswoman spokesperson representative lawyer attorney".split()
)
"""What speaks for the owner before it: "Acme’s statement said" proposes Acme."""
_INVERTING = INVERTING_VERBS | {"according to"}
_PREPOSITIONS = frozenset("of for with by at in on from to about into onto like than".split())
_OPENERS = frozenset(
    "now dear yet plus though still even only just thus here there including following".split()
)
"""Words that open a sentence or a letter and so come capitalised before a name."""
_SHORT_HONORIFICS = frozenset({"Mr.", "Ms.", "Mrs.", "Dr."})
"""Before a name, these make it a name even at the start of a sentence."""
_PLACE_BEFORE = frozenset("in from across throughout near inside outside into".split())
_ABBREVIATED = r"(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Lt|Col|Gen|Sgt|Capt|Prof|Rev)\."
_TOKEN = rf"(?:(?:[A-Z]\.){{2,}}|{_ABBREVIATED}|[A-Z][\w’'-]*\w|[A-Z]\.)"
_NAME = rf"{_TOKEN}(?:[ ]{_TOKEN}){{0,6}}"
_RUN = re.compile(rf"(?<![\w’'.-]){_NAME}")
_LOWER = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]*")
_BEFORE_VERB = re.compile(
    rf"(?<![\w’'-])(?=[A-Z])(?P<name>{_NAME})(?:,(?P<appos>{APPOSED}{{1,60}}),|,)?"
    rf"(?:\s+(?P<proxy>{'|'.join(sorted(_PROXIES))}))?(?:\s+(?:has|had|have|also|\w+ly))*"
    r"\s+(?P<verb>[a-z]+)\b"
)
_TITLE = rf"(?P<title>(?:(?:(?i:{'|'.join(sorted(TITLE_WORDS))})|{_TOKEN})\s+){{0,5}}?)"
_AFTER_VERB = re.compile(
    rf"\b(?P<verb>[a-z]+(?: to)?)\s+{_TITLE}(?P<name>{_NAME})"
    r"(?=\s*[.,;!?\n(—–]|\s+(?:in|on|during|at|after|before|while|when|who|as|via|of|for"
    r"|from|by)\b|$)"
)
_INVERTING_AT = re.compile(rf"\b(?:{'|'.join(sorted(w.split()[0] for w in _INVERTING))})\b")
"""Where an attribution after its verb can begin. No title word is such a verb, so a match
of `_AFTER_VERB` never holds the start of another: trying only here finds the same ones."""
_PRONOUN_CUE = re.compile(r"[.!?]\s+_++[.!?]?_*+\s+(?:he|she)\s+(?P<verb>[a-z]+)")
_SUBJECT = re.compile(rf"(?P<name>{_NAME})[^.!?\n_]*$")
"""The quote "he said" or "she said" attributes, and the subject of the sentence before it."""
"""Verbs are checked against the word list after matching: one alternation of every speech
verb tried at each word would make these scans ten times slower."""
_ITS = re.compile(r"[^.!?\n]{0,60}?\bits\b")
_LOWER_VERB = re.compile(rf"\b(?:{'|'.join(sorted(SPEECH_VERBS))})\b")
_MID_SENTENCE = re.compile(r"[\w,;’'\-—–)] $")
_NOT_NAME_WORDS = NOT_NAMES | FUNCTION_WORDS
_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")
_INITIAL = re.compile(r"[A-Z]\.")
_LETTER = re.compile(r"\w\.?")
_POSSESSIVE_END = re.compile(r"(?:['’]s|(?<=s)['’])$")

TITLES = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady sen senator gov governor rep representative
    congressman congresswoman president vice secretary minister chancellor premier mayor judge
    justice attorney general sheriff prosecutor officer sgt capt captain gen col lt adm
    commissioner ambassador chairman chairwoman chair ceo director chief spokesman spokeswoman
    spokesperson leader whip speaker editor publisher host anchor correspondent columnist
    reporter founder executive strategist adviser advisor aide analyst professor pope king
    queen prince princess father bishop cardinal rev reverend pastor rabbi imam coach
    manager treasurer inspector commander detective sergeant lieutenant deputy superintendent
    patriarch""".split()
)
"""Words of a title before a person's name; everything up to the last of them is the role."""
_PERSONAL = HONORIFICS | frozenset("sheriff father bishop rev reverend rabbi captain".split())
"""Titles that name a person even before a surname alone ("Sheriff Arpaio")."""
_THINGS = frozenset(
    """constitution act law bill amendment treaty code report plan program programme medicare
    medicaid doctrine agreement accord resolution decision ruling case survey poll study
    index award prize""".split()
)
"""Last words of names of documents, laws and programmes: such things say nothing."""
_ORG_SUFFIXES = ORG_NAME_WORDS | frozenset(
    """campaign committee association institute county city state states kingdom republic
    democrats republicans broadcasting""".split()
)


@dataclass
class _Index:
    """What the story's narration says about each word: indexed once, looked up per name."""

    lower: set[str] = field(default_factory=set)
    mid: set[str] = field(default_factory=set)
    titled: set[str] = field(default_factory=set)
    placed: Counter[str] = field(default_factory=Counter)
    its: Counter[str] = field(default_factory=Counter)
    """Per word: how often "its" follows it in its sentence ("Balenciaga issued its…")."""
    by_last: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    by_first: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    """Organisations by their first word: "Acme" → "Acme News"."""
    grown: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    """`_fullest` of each word asked about: the index is complete before names are read."""

    def add(self, text: str) -> None:
        self.lower.update(_LOWER.findall(text))
        for run in matches(_RUN, CAPITAL, text):
            name, start = run.group(), run.start()
            parts = name.split()
            before = text[max(0, start - 12) : start]
            previous = before.split()[-1:]
            if (previous and previous[0] in _SHORT_HONORIFICS) or _MID_SENTENCE.search(before):
                self.mid.add(parts[0])
            self.mid.update(parts[1:])
            if previous and previous[0].lower() in _PLACE_BEFORE:
                self.placed[name] += 1
            if len(parts) >= 2:
                if any(p.lower().rstrip(".") in _PERSONAL for p in parts[:-1]):
                    self.titled.add(parts[-1])
                self.by_last[_plain(_unpossessed(parts[-1]))][name] += 1
                if _org_words([p.lower() for p in parts[1:]]):
                    self.by_first[_plain(parts[0])][name] += 1
            else:
                self.its[name] += _ITS.match(text, run.end()) is not None

    def common(self, word: str) -> bool:
        """Whether the story writes `word` in lower case: a common word, not a name."""
        return word.casefold().strip(".") in self.lower


@dataclass
class _Candidate:
    """One speaker as the text names it, before forms are merged."""

    name: str
    role: str | None = None
    count: int = 1


def propose_speakers(texts: Iterable[str], lexicon: Lexicon) -> list[Speaker]:
    """New speakers found in `texts` (narration with quotes masked), in order of appearance."""
    narration = [_without_headlines(text) for text in texts]
    index = _Index()
    for text in narration:
        index.add(text)
    found: dict[str, _Candidate] = {}
    spoke: Counter[str] = Counter()
    for text in narration:
        for match in _attributions(text):
            proxy = match.groupdict().get("proxy")
            if proxy and not _possessive(match.group("name").split()[-1]):
                continue
            if _after_preposition(text, match):
                continue
            opening = not _MID_SENTENCE.search(text, max(0, match.start() - 2), match.start())
            parsed = _parse(match.group("name"), index, opening)
            if parsed is None or lexicon.knows(parsed.name):
                continue
            parsed.role = parsed.role or _apposed_role(match) or _title(match)
            spoke[parsed.name] += 1
            known = found.setdefault(parsed.name, parsed)
            if known is not parsed:
                known.count += 1
                known.role = known.role or parsed.role
    speaking = [c for c in found.values() if index.placed[c.name] <= spoke[c.name]]
    return _merge(speaking, index)


def _attributions(text: str) -> list[re.Match[str]]:
    """Names before a speech verb, after one, and subjects before "he said", in order."""
    before = (m for m in _BEFORE_VERB.finditer(text) if m.group("verb") in _VERBS)
    after = matches(_AFTER_VERB, _INVERTING_AT, text)
    found = [*before, *(m for m in after if m.group("verb") in _INVERTING)]
    return sorted([*found, *_subjects_before_pronouns(text)], key=lambda m: m.start())


def _subjects_before_pronouns(text: str) -> Iterator[re.Match[str]]:
    """The subjects of sentences followed by a quote that "he said" or "she said"."""
    for cue in _PRONOUN_CUE.finditer(text):
        if cue.group("verb") not in SPEECH_VERBS:
            continue
        begin = max(text.rfind(". ", 0, cue.start()), text.rfind("\n", 0, cue.start())) + 1
        while begin < cue.start() and text[begin].isspace():
            begin += 1
        found = _SUBJECT.match(text, begin, cue.start())
        if found and cue.start() - begin < 300:
            yield found


def _without_headlines(text: str) -> str:
    """The text with its headlines blanked: their capitals say nothing about names. With its
    quotes masked, an attribution ("_____ said RNC Chair Reince Priebus.") looks like a
    headline; its lower-case speech verb tells it apart."""
    kept: list[str] = []
    last = 0
    for start, end in paragraphs(text):
        if is_headline(text, start, end) and not _LOWER_VERB.search(text, start, end):
            kept += [text[last:start], " " * (end - start)]
            last = end
    return "".join([*kept, text[last:]])


def _after_preposition(text: str, match: re.Match[str]) -> bool:
    """A name after "of", "with"… is not the subject of the verb that follows."""
    before = text[max(0, match.start() - 12) : match.start()].split()
    return bool(before) and before[-1].lower() in _PREPOSITIONS


def _parse(raw: str, index: _Index, opening: bool) -> _Candidate | None:
    """The name and role a run of capitalised words gives, or None when it names nobody;
    `opening` when the run opens its sentence, where a common word is capitalised too."""
    parts = raw.split()
    owner: list[str] = []
    for at, part in enumerate(parts):
        if _possessive(part):
            if at == len(parts) - 1:
                parts[at] = _unpossessed(part)
            else:
                owner, parts = [*parts[:at], _unpossessed(part)], parts[at + 1 :]
                break
    role: list[str] = []
    titles = [at for at, p in enumerate(parts[:-1]) if p.lower().rstrip(".") in TITLES]
    if titles:
        role, parts = parts[: titles[-1] + 1], parts[titles[-1] + 1 :]
        single_ok = role[-1].lower().rstrip(".") in _PERSONAL
        if len(parts) == 1 and not single_ok:
            return None
    parts = _lead_stripped(parts, index, opening)
    role = _lead_stripped(role, index, opening)
    if not parts or not _is_name(parts, index):
        return None
    if len(parts) == 1:
        if parts[0] not in index.grown:
            index.grown[parts[0]] = _fullest(parts[0], index)
        grown, told = index.grown[parts[0]]
        parts, role = grown.split(), role or (told.split() if told else [])
    described = " ".join([*owner, *role]) if owner and role else " ".join(role or owner)
    return _Candidate(" ".join(parts), described or None)


def _apposed_role(match: re.Match[str]) -> str | None:
    """The role an apposition gives: "Smith, a spokesman for Acme, said" → "spokesman for
    Acme"; an age or anything without a title word gives none."""
    apposed = (match.groupdict().get("appos") or "").split()
    while apposed and apposed[0].lower() in {"a", "an", "the", *_OPENERS}:
        apposed = apposed[1:]
    if not any(_unpossessed(w).lower() in TITLES for w in apposed):
        return None
    return " ".join(apposed)


def _title(match: re.Match[str]) -> str | None:
    """The title between a verb and the name after it: "said Obama campaign manager X"."""
    told = (match.groupdict().get("title") or "").split()
    while told and told[0].lower() == "the":
        told = told[1:]
    return " ".join(told) if any(w.lower().rstrip(".") in TITLES for w in told) else None


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s", "s'", "s’")) and len(word) > 2


@lru_cache(maxsize=1 << 16)
def _unpossessed(word: str) -> str:
    return _POSSESSIVE_END.sub("", word)


def _lead_stripped(parts: Sequence[str], index: _Index, opening: bool = True) -> list[str]:
    """Without leading words that are no name: "Now", "Dear", "Canadian-born", "the"."""
    kept = list(parts)
    while kept and _not_a_name_word(kept[0], index, opening):
        kept.pop(0)
    return kept


def _not_a_name_word(word: str, index: _Index, opening: bool) -> bool:
    lowered = word.lower().strip(".")
    if lowered in NOT_NAMES or lowered in FUNCTION_WORDS or lowered in _OPENERS:
        return True
    if "-" in word and not word.split("-")[-1][:1].isupper():
        return True
    return opening and lowered not in TITLES and index.common(word)


def _is_name(parts: Sequence[str], index: _Index) -> bool:
    if any(p.lower().strip(".") in _NOT_NAME_WORDS for p in parts):
        return False
    if parts[-1].lower() in _THINGS or parts[-1].lower().rstrip(".") in TITLES:
        return False
    if _INITIALS.fullmatch(parts[-1]):
        return False
    if len(parts) > 1:
        return True
    word = parts[0]
    if index.common(word):
        return False
    return word in index.mid or (word.isupper() and len(word) > 1)


def _fullest(word: str, index: _Index) -> tuple[str, str | None]:
    """The most told name of two or three words that ends with `word` and the title told
    with it, else the most told organisation name it begins ("Acme" → "Acme News"), else
    `word`."""
    grown = index.by_first.get(_plain(word))
    if grown and not index.by_last.get(_plain(word)):
        return max(grown, key=lambda run: (grown[run], run)), None
    best, role, most, best_plain = word, None, 0, False
    for run, count in index.by_last.get(_plain(word), Counter()).items():
        parts = _lead_stripped([*run.split()[:-1], _unpossessed(run.split()[-1])], index)
        titles = [at for at, p in enumerate(parts[:-1]) if p.lower().rstrip(".") in TITLES]
        told = " ".join(parts[: titles[-1] + 1]) if titles else None
        parts = parts[titles[-1] + 1 :][-3:] if titles else parts[-3:]
        if len(parts) < 2 or parts[-1] != word or any(map(_possessive, parts)):
            continue
        if not _is_name(parts, index):
            continue
        plain = not any(_INITIAL.fullmatch(p) for p in parts)
        if (count, plain, len(parts)) > (most, best_plain, len(best.split())):
            best, most, best_plain = " ".join(parts), count, plain
        role = role or told
    return best, role


@lru_cache(maxsize=1 << 16)
def _plain(name: str) -> str:
    """A name's form for comparison: no accents, one apostrophe, no case, no initials."""
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
    letters = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(p for p in letters.split() if not _LETTER.fullmatch(p))


def _merge(candidates: Sequence[_Candidate], index: _Index) -> list[Speaker]:
    """One speaker per person or organisation, under its most told form."""
    groups: dict[str, list[_Candidate]] = {}
    for candidate in candidates:
        if _plain(candidate.name):
            groups.setdefault(_plain(candidate.name), []).append(candidate)
    keys = list(groups)
    multi = [k for k in keys if " " in k]
    by_surname: dict[str, list[str]] = defaultdict(list)
    by_first: dict[str, list[str]] = defaultdict(list)
    for key in multi:
        by_surname[key.split()[-1]].append(key)
        by_first[key.split()[0]].append(key)
    for key in keys:
        target = _fuller(key, by_first, by_surname)
        if target is not None and target in groups and key in groups:
            groups[target].extend(groups.pop(key))
    speakers = []
    for members in groups.values():
        forms = Counter[str]()
        for member in members:
            forms[member.name] += member.count
        name = max(forms, key=lambda f: (forms[f], _plain(f) == f.casefold(), len(f), f))
        role = next((m.role for m in members if m.role), None)
        kind = _kind(name, role, index)
        longer = _middle_forms(name, index) if kind == "person" else _short_forms(name)
        aliases = tuple(dict.fromkeys(f for f in [*forms, *longer] if f != name))
        speakers.append(Speaker(name, aliases, role, proposed=True, kind=kind))
    return speakers


def _middle_forms(name: str, index: _Index) -> list[str]:
    """The forms of a two-word name with a middle name: "Hillary Rodham Clinton"."""
    parts = name.split()
    if len(parts) != 2:
        return []
    runs = index.by_last.get(_plain(parts[-1]), Counter())
    return sorted({" ".join(r.split()[-3:]) for r in runs if r.split()[-3:-2] == parts[:1]})


def _short_forms(name: str) -> list[str]:
    """The short form of a two-word organisation name: "Acme" for "Acme News"."""
    parts = name.split()
    return parts[:1] if len(parts) == 2 and _org_words([parts[1].lower()]) else []


def _fuller(
    key: str, by_first: dict[str, list[str]], by_surname: dict[str, list[str]]
) -> str | None:
    """The one longer form `key` is short for: its surname, first name or short form, or a
    form with more names in front ("Crotty Alexander" → "Laura Crotty Alexander")."""
    parts = key.split()
    if len(parts) == 1:
        owners = by_surname.get(key, [])
        if len(owners) == 1:
            return owners[0]
        starts = [m for m in by_first.get(key, []) if _org_words(m.split()[1:])]
        return starts[0] if len(starts) == 1 else None
    namesakes = [
        m
        for m in by_surname.get(parts[-1], [])
        if len(m) > len(key) and (m.split()[0].startswith(parts[0]) or m.endswith(" " + key))
    ]
    return namesakes[0] if len(namesakes) == 1 else None


def _org_words(parts: Sequence[str]) -> bool:
    return bool(parts) and all(p in _ORG_SUFFIXES for p in parts)


def _kind(name: str, role: str | None, index: _Index) -> SpeakerKind | None:
    """An organisation by its words or its capitals; a person by a title or a first name; a
    single word by a title; an organisation again when "its" follows it in a sentence."""
    parts = name.split()
    if any(p.lower().strip(".,") in _ORG_SUFFIXES for p in parts) or name.isupper():
        return "organisation"
    if role or len(parts) >= 2 or name in index.titled:
        return "person"
    return "organisation" if index.its[name] > 0 else None
