"""Sentences, clauses and the short label of a dated event.

A label is the clause around the date with the date itself, quoted speech and filler
removed, a pronoun or missing subject replaced by the speaker the text is about, and cut
before a trailing prepositional phrase to stay under ~60 characters: "Balenciaga issued
another statement regarding the campaign", "Kim Kardashian broke her silence".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.analysis.dates import DateMention, lead_in
from reader.model import Speaker
from reader.text import FUNCTION_WORDS

MAX_LABEL = 60


def wordset(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string."""
    return frozenset(words.split())


_SENTENCE_END = re.compile(r"[.!?]+[\"”’']?(?=\s+[\"“‘'(]?[A-Z0-9])|\n\s*")
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
_SPEECH_VERBS = wordset(
    "said says wrote writes added adds posted posts announced announces claimed claims"
    " stated states continued continues concluded concludes told tweeted explained"
)
_DETERMINERS = frozenset("the a an his her its their this that these those our my".split())
_POSSESSIVES = {"she": "her", "he": "his", "it": "its", "they": "their"}
_PARTICLES = frozenset({"out", "up", "off", "down", "back", "over", "in", "on"})
_PERSON_PRONOUNS = frozenset({"she", "he"})
_THING_PRONOUNS = frozenset({"it", "they"})
_ORG_ROLES = re.compile(
    r"(?i)brand|company|house|label|organi[sz]ation|agency|firm|maker|outlet|news|media|network"
)
_QUOTE_PAIRS = {"“": "”", '"': '"', "«": "»"}
_MARKS = "“”\"«»‘’'"


@dataclass(frozen=True)
class Label:
    """An event's label and the character range of the clause it was made from."""

    text: str
    start: int
    end: int


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
    while position < end:
        char = text[position]
        closer = _QUOTE_PAIRS.get(char)
        if closer is None:
            position += 1
            continue
        close = text.find(closer, position + 1, end)
        stop = end if close < 0 else close + 1
        ranges.append((position, stop))
        position = stop
    return ranges


def make_label(
    text: str,
    sentence: tuple[int, int],
    mention: DateMention,
    speakers: Sequence[Speaker],
    context: Sequence[tuple[int, int]],
) -> Label:
    """The label of the event `mention` dates; `context` is the sentences before this one."""
    begin, finish = _clause(text, sentence, mention)
    named = _named_phrase(text, mention)
    if named:
        return Label(named, begin, finish)
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
    words = _with_subject(words, text, sentence, begin, speakers, context)
    if 1 < len(words) <= 3 and words[-1].lower() in _SPEECH_VERBS:
        owner = _POSSESSIVES.get(words[-2].lower(), words[-2] + "'s")
        words = [*words[:-2], owner, "statement"]
    label = _trim_words(words) or text[sentence[0] : sentence[1]][:MAX_LABEL].strip()
    if mention.note:
        label = f"{label} ({mention.note})"
    return Label(label[:1].upper() + label[1:], begin, finish)


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


def _with_subject(
    words: list[str],
    text: str,
    sentence: tuple[int, int],
    clause_start: int,
    speakers: Sequence[Speaker],
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
        person = None
        rest = words
    else:
        return words
    ranges = [(sentence[0], clause_start), *reversed(context)]
    subject = _speaker_before(text, ranges, speakers, person)
    return [subject, *rest] if subject else words


def _speaker_before(
    text: str,
    ranges: Sequence[tuple[int, int]],
    speakers: Sequence[Speaker],
    person: bool | None,
) -> str | None:
    """The first speaker named outside quotes in the nearest range that names one."""
    wanted = [s for s in speakers if person is None or _is_person(s) == person]
    for start, end in ranges:
        outside = _outside_quotes(text, start, end)
        best: tuple[int, str] | None = None
        for speaker in wanted:
            for name in (speaker.name, *speaker.aliases):
                found = re.search(rf"\b(?i:{re.escape(name[:1])}){re.escape(name[1:])}\b", outside)
                if found and (best is None or found.start() < best[0]):
                    best = (found.start(), speaker.name)
        if best:
            return best[1]
    return None


def _is_person(speaker: Speaker) -> bool:
    if speaker.role and _ORG_ROLES.search(speaker.role):
        return False
    return len(speaker.name.split()) >= 2


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
    while len(trimmed) > 2 and trimmed[-1].lower() in (FUNCTION_WORDS | _CUT_BEFORE) - _PARTICLES:
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
