"""Sentences, clauses and the short label of a dated event.

A label is the clause around the date with the date itself, quoted speech and filler
removed, a pronoun or missing subject replaced by the speaker the text is about, and cut
before a trailing prepositional phrase to stay under ~60 characters: "Balenciaga issued
another statement regarding the campaign", "Kim Kardashian broke her silence".
A bare name is a label only when it names a happening ("Met Gala", "United States v.
Williams"), never a person, a place or an institution.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.analysis.dates import DateMention, lead_in
from reader.analysis.mentions import Lexicon
from reader.analysis.speech import SPEECH_VERBS
from reader.text import FUNCTION_WORDS

MAX_LABEL = 60


def wordset(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string."""
    return frozenset(words.split())


_SENTENCE_END = re.compile(
    r"[.!?\n](?:(?<=[.!?])[.!?]*[\"”’']?(?=\s+[\"“‘'(]?[A-Z0-9])|(?<=\n)\s*)"
)
"""A full stop (or ! ?) before a capital or a digit, or a line break. Written to start with
the characters a match starts with, which lets the regex engine skip to them."""
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Inc|Co|Corp|Ltd|No|vs|v|U\.S|Jan|Feb|Mar|Apr|Jun|Jul|Aug"
    r"|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])$"
)
_BOUNDARY = re.compile(
    r"[,;:]\s+|\s*[—–]\s*|\s+-\s+|[()]|\s+(?=(?:as|which|who|whom|where|while|when|because"
    r"|but|after|before|since|until|that|whose)\s)"
)
_PREPOSITIONS = wordset(
    "about after at before between by during for from in into of on over since through to"
    " toward towards under until upon via with within without amid following regarding"
    " despite"
)
_CUT_BEFORE = _PREPOSITIONS | {"and", "but", "or", "as", "that", "which", "who", "while"}
_FILLER = frozenset(
    "meanwhile finally even also however reportedly then already still just now again".split()
)
_LEADING_DROP = frozenset("and but so or as which who whom that then".split())
_DETERMINERS = frozenset("the a an his her its their this that these those our my".split())
_PARTICLES = frozenset({"out", "up", "off", "down", "back", "over", "in", "on"})
_PERSON_PRONOUNS = frozenset({"she", "he"})
_THING_PRONOUNS = frozenset({"it", "they"})
_VERBS = SPEECH_VERBS | wordset(
    "is are was were be been has have had do does did will would can could may might must"
    " went came gave took made met won lost began became left held sent wrote spoke ran"
    " brought bought fought found kept led paid put read saw set sold stood struck thought"
    " threw withdrew rose fell grew knew drew drove flew got hit hung hurt let meant quit"
    " sat shot shut slid split spread stole stuck swore swept taught tore told understood"
    " broke chose froze sought cut"
)
_BASES = wordset(
    "take make say give come go get call pull sue want plan face deny apologize apologise"
    " announce admit accuse cut drop end file join launch leave lose meet open release remove"
    " resign return reject respond sign slam speak start stop urge win back blame break bring"
    " claim defend tell write post condemn pledge promise vow warn threaten ask agree decide"
    " refuse offer propose vote pass kill attack arrest charge approve block rule"
)
"""Verbs whose present tense ("takes", "sues") a label may use."""
_HAPPENINGS = wordset(
    "week gala games cup awards summit conference festival show olympics election"
    " convention debate fair expo forum marathon championship v vs ruling act war"
    " attack attacks crisis scandal shooting storm hurricane earthquake trial"
)
_TRAILING = (FUNCTION_WORDS | _CUT_BEFORE) - _PARTICLES
"""Words a label does not end on."""
_QUOTE_PAIRS = {"“": "”", '"': '"', "«": "»"}
_FIRST_WORD = re.compile(r"\s*(\S+)")
_QUOTE_OPENING = re.compile(f"[{''.join(_QUOTE_PAIRS)}]")
_MARKS = "“”\"«»‘’'"


@dataclass(frozen=True)
class Label:
    """An event's label and the character range of the clause it was made from."""

    text: str
    start: int
    end: int
    named: bool = False
    """A named happening ("Met Gala 2021") rather than a clause."""
    subject: bool = True
    """False when the clause says what happened but not who did it ("told reporters")."""


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence ranges of `text`, whitespace trimmed; abbreviations like "v." do not end one."""
    ranges: list[tuple[int, int]] = []
    begin = 0
    for match in _SENTENCE_END.finditer(text):
        window = max(0, match.start() - 6)
        if match.group().startswith(".") and _ABBREVIATION.search(text, window, match.start()):
            continue
        ranges.append((begin, match.end()))
        begin = match.end()
    ranges.append((begin, len(text)))
    return [r for r in (_trim(text, a, b) for a, b in ranges) if r[1] > r[0]]


def quote_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quoted passages of `text[start:end]`, marks included; an unclosed one runs to `end`."""
    ranges: list[tuple[int, int]] = []
    position = start
    while opening := _QUOTE_OPENING.search(text, position, end):
        position = opening.start()
        close = text.find(_QUOTE_PAIRS[opening.group()], position + 1, end)
        stop = end if close < 0 else close + 1
        ranges.append((position, stop))
        position = stop
    return ranges


def make_label(
    text: str,
    sentence: tuple[int, int],
    mention: DateMention,
    lexicon: Lexicon,
    context: Sequence[tuple[int, int]],
) -> Label:
    """The label of the event `mention` dates; `context` is the sentences before this one."""
    begin, finish = _clause(text, sentence, mention)
    named = _named_phrase(text, mention)
    if named and named[0].isupper() and not lexicon.mentions(named) and _happening(named):
        return Label(named, begin, finish, named=True)
    quotes = quote_ranges(text, *sentence)
    end = _possessive_end(text, mention.end)
    possessive = text[end - 2 : end] in {"'s", "’s"}
    removed = [(mention.start if possessive else lead_in(text, mention.start), end)]
    removed += [q for q in quotes if not q[0] <= mention.start < q[1] and _words(text, *q) > 3]
    words = _kept_words(text, begin, finish, removed)
    if (not words or words[0].lower() in _PREPOSITIONS) and not mention.forward:
        nxt = _next_clause(text, sentence, finish)
        if nxt is not None:
            begin, finish = nxt
            words = _kept_words(text, begin, finish, removed)
    words = _with_subject(words, text, sentence, begin, lexicon, context)
    subject = bool(words) and not (words[0][:1].islower() and words[0] not in _DETERMINERS)
    label = _trim_words(words) or text[sentence[0] : sentence[1]][:MAX_LABEL].strip()
    if mention.note:
        label = f"{label} ({mention.note})"
    return Label(label[:1].upper() + label[1:], begin, finish, subject=subject)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _possessive_end(text: str, end: int) -> int:
    return end + 2 if text[end : end + 2] in {"'s", "’s"} else end


def _clause(text: str, sentence: tuple[int, int], mention: DateMention) -> tuple[int, int]:
    """The clause holding the mention; for "one day after X ..." the clause after it."""
    if mention.forward:
        stop = _boundary_after(text, mention.end, sentence[1])
        return mention.end, stop
    begin = sentence[0]
    for match in _BOUNDARY.finditer(text, sentence[0], mention.start):
        begin = match.end()
    return begin, _boundary_after(text, mention.end, sentence[1])


def _boundary_after(text: str, start: int, end: int) -> int:
    match = _BOUNDARY.search(text, start, end)
    return match.start() if match else end


def _next_clause(text: str, sentence: tuple[int, int], end: int) -> tuple[int, int] | None:
    match = _BOUNDARY.search(text, end, sentence[1])
    if match is None or match.end() >= sentence[1]:
        return None
    return match.end(), _boundary_after(text, match.end() + 1, sentence[1])


def _kept_words(text: str, start: int, end: int, removed: Sequence[tuple[int, int]]) -> list[str]:
    """The words of `text[start:end]` outside the removed ranges, filler and marks dropped."""
    pieces: list[str] = []
    position = start
    for r_start, r_end in sorted(removed):
        if r_end <= position or r_start >= end:
            continue
        pieces.append(text[position : max(position, r_start)])
        position = max(position, r_end)
    pieces.append(text[position:end])
    words = [w.strip(_MARKS + ",;:.!?()[]") for w in " ".join(pieces).split()]
    words = [w for w in words if w and w.lower() not in _FILLER and any(c.isalnum() for c in w)]
    while words and words[0].lower() in _LEADING_DROP:
        words.pop(0)
    return words


def has_verb(label: str) -> bool:
    """Whether a label says what happened: a verb in it ("Kardashian says…", "Balenciaga
    pulled…", "The brand takes responsibility"), not a bare name, place or adverb."""
    for raw in label.split():
        word = raw.strip(_MARKS + ",;:.!?()").lower()
        if word in _VERBS or (len(word) > 4 and word.endswith("ed")):
            return True
        if word.endswith("s") and (word[:-1] in _BASES or word[:-2] in _BASES):
            return True
    return False


def _happening(phrase: str) -> bool:
    """Whether a name names something that happened ("Met Gala", "United States v. Williams"),
    not a person, a place or an institution."""
    return bool({w.lower().strip(",.") for w in phrase.split()} & _HAPPENINGS)


def _with_subject(
    words: list[str],
    text: str,
    sentence: tuple[int, int],
    clause_start: int,
    lexicon: Lexicon,
    context: Sequence[tuple[int, int]],
) -> list[str]:
    """Replace a pronoun subject, or supply a missing one, with the speaker written about."""
    if not words:
        return words
    first = words[0].lower()
    if first in _PERSON_PRONOUNS | _THING_PRONOUNS:
        person = first in _PERSON_PRONOUNS
        rest = words[1:]
    elif words[0][:1].islower() and first not in _DETERMINERS:
        first_word = _FIRST_WORD.match(text, clause_start)
        if first_word and first_word.group(1) in ("which", "that"):
            return words
        person = None
        rest = words
    else:
        return words
    ranges = [(sentence[0], clause_start), *reversed(context)]
    subject = _speaker_before(text, ranges, lexicon, person)
    return [subject, *rest] if subject else words


def _speaker_before(
    text: str, ranges: Sequence[tuple[int, int]], lexicon: Lexicon, person: bool | None
) -> str | None:
    """The first speaker named outside quotes in the nearest range that names one."""
    for start, end in ranges:
        for mention in lexicon.mentions(_outside_quotes(text, start, end)):
            kind = lexicon.kinds.get(mention.name)
            if person is None or kind == "unknown" or (kind == "person") == person:
                return mention.name
    return None


def _outside_quotes(text: str, start: int, end: int) -> str:
    chars = list(text[start:end])
    for q_start, q_end in quote_ranges(text, start, end):
        chars[q_start - start : q_end - start] = " " * (q_end - q_start)
    return "".join(chars)


def _words(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


def _trim_words(words: Sequence[str]) -> str:
    """Join words, cutting before a trailing phrase so the label fits in MAX_LABEL."""
    label = " ".join(words)
    if len(label) > MAX_LABEL:
        kept = list(words)
        cuts = [
            i
            for i in range(2, len(kept))
            if kept[i].lower() in _CUT_BEFORE and 20 <= len(" ".join(kept[:i])) <= MAX_LABEL
        ]
        if cuts:
            kept = kept[: cuts[-1]]
        while len(" ".join(kept)) > MAX_LABEL and len(kept) > 1:
            kept.pop()
        label = " ".join(kept)
        words = kept
    trimmed = list(words)
    while len(trimmed) > 2 and trimmed[-1].lower() in _TRAILING:
        trimmed.pop()
    return " ".join(trimmed) if trimmed else label


_NAMED_WORD = re.compile(r"[A-Z][\w.’'-]*|v\.|vs\.|of|de|la|du")


def _named_phrase(text: str, mention: DateMention) -> str | None:
    """For a bare year beside a name ("Met Gala 2021", "the 2021 Met Gala", "ruling
    'United States v. Williams' 2008"), the name: it is the event."""
    if mention.kind not in {"year", "month"}:
        return None
    begin = lead_in(text, mention.start)
    before = _name_words(reversed(text[max(0, begin - 80) : begin].split()))
    after: list[str] = []
    if mention.kind == "year" and re.match(r" [A-Z“\"‘]", text[mention.end : mention.end + 2]):
        after = _name_words(text[mention.end : mention.end + 80].split())
    words = list(reversed(before)) if before else after
    phrase = " ".join(words).strip(_MARKS + " ,")
    return phrase if sum(1 for w in words if w[:1].isupper()) >= 2 else None


def _name_words(words: Iterable[str]) -> list[str]:
    """Leading capitalised words (quoted titles included; one lower-case head noun such as
    "ruling" allowed between two capitalised runs)."""
    found: list[str] = []
    pending: str | None = None
    for raw in words:
        word = raw.strip(_MARKS + ",;:")
        if not word:
            continue
        if _NAMED_WORD.fullmatch(word) and not raw.rstrip(_MARKS).endswith((",", ";", ":")):
            if pending is not None:
                found.append(pending)
                pending = None
            found.append(word)
            continue
        if found and pending is None and word.isalpha() and word.islower() and len(word) > 3:
            pending = word
            continue
        break
    return found
