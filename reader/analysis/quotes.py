"""Direct speech in one source's text.

Every quotation mark counts (straight, curly, single, guillemets, „…“); see `quotemarks`
for how marks pair and `blocks` for unmarked quotes introduced by "She said:".

Kinds: "marked" (a quotation standing as speech), "partial" (a few quoted words that are
part of the narration's sentence: `condemn the "abuse of children in any form."`, or any
quote starting lower-case), "unclosed" (its closing mark is missing; it ends at the end of
its paragraph), "block" (no marks at all).

A quote running over several paragraphs (the English convention: a paragraph ends without
a closing mark and the next one reopens) is reported as one Quote per paragraph, so every
span covers quoted words only and never a mark; the open paragraphs are "marked", not
"unclosed", because the convention closes them. Attribution links such paragraphs again.

Titles of works, names and nicknames in quotation marks are not speech and are left out:
a short unpunctuated quote after "called", "titled", "dubbed"…, one followed by a noun such
as "season" or "campaign", a short one that is itself such a noun phrase after a determiner
or a name (the famous Balenciaga "caution tape dress"), or a title-case phrase outside a
headline that no speech verb introduces ("Toy Stories", Dwayne "The Rock" Johnson). In a
headline every word is capitalised, so there capitals tell nothing and the quote is kept.
"""

from __future__ import annotations

import re

from reader.analysis.blocks import block_quotes
from reader.analysis.passages import is_headline, paragraphs
from reader.analysis.quotemarks import Quoted, scan_paragraph
from reader.analysis.speech import SPEECH_VERBS
from reader.model import Quote, QuoteKind, Source
from reader.text import FUNCTION_WORDS

_NAMING = frozenset(
    "called titled entitled named dubbed nicknamed so-called hashtag billed branded".split()
)
_WORKS = frozenset(
    """season finale episode show series campaign collection dress gown bag film movie book
    novel album song single track podcast documentary exhibition exhibit project program
    programme tour line magazine column article hashtag trend meme challenge video app game
    play musical franchise range capsule logo slogan motto initiative""".split()
)
_DETERMINERS = frozenset("the a an its her his their our my this that".split())
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def extract_quotes(source: Source) -> list[Quote]:
    """Every quote in the source, in text order, speaker not yet set."""
    text = source.text
    paras = paragraphs(text)
    found: list[Quote] = []
    quoted: set[int] = set()
    for index, (start, end) in enumerate(paras):
        reopened = text[paras[index + 1][0]] if index + 1 < len(paras) else ""
        headline = is_headline(text, start, end)
        for mark in scan_paragraph(text, start, end, reopened):
            quoted.add(index)
            span = _inside(text, mark)
            if span is None or _is_name(text, mark, span, headline):
                continue
            kind = _kind(text, mark, span, start)
            found.append(Quote(source.id, span[0], span[1], text[span[0] : span[1]], kind))
    for start, end in block_quotes(text, paras, quoted):
        found.append(Quote(source.id, start, end, text[start:end], "block"))
    found.sort(key=lambda q: q.start)
    return found


def _inside(text: str, mark: Quoted) -> tuple[int, int] | None:
    """The quoted words between the marks, blanks trimmed; None when there are none."""
    start, end = mark.open + 1, mark.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if not any(c.isalnum() for c in text[start:end]):
        return None
    return start, end


def _kind(text: str, mark: Quoted, span: tuple[int, int], paragraph: int) -> QuoteKind:
    if not mark.closed and not mark.continued:
        return "unclosed"
    first = next((c for c in text[span[0] : span[1]] if c.isalpha()), "")
    end = mark.open
    while end > paragraph and text[end - 1].isspace():
        end -= 1
    before = text[max(paragraph, end - 40) : end]
    previous = _WORD.findall(before)
    embedded = before[-1:].isalnum() and not (previous and previous[-1].lower() in SPEECH_VERBS)
    if first.islower() or embedded:
        return "partial"
    return "marked"


def _is_name(text: str, mark: Quoted, span: tuple[int, int], headline: bool) -> bool:
    """Whether a quotation names something (a title, a nickname) rather than quoting speech."""
    content = text[span[0] : span[1]]
    found = _WORD.findall(content)
    if not mark.closed or not found or len(content.split()) > 6 or content[-1] in ".!?,;:…":
        return False
    before = _WORD.findall(text[max(0, mark.open - 40) : mark.open])
    after = _WORD.findall(text[mark.end + 1 : mark.end + 40])
    lower = [w.lower() for w in before[-2:]]
    named = bool(lower) and (
        lower[-1] in _NAMING
        or (lower[-1] in {"the", "a", "an"} and lower[0] in _NAMING)
        or lower == ["known", "as"]
    )
    product = (
        len(found) <= 4
        and found[-1].lower() in _WORKS
        and bool(before)
        and (before[-1][0].isupper() or before[-1].lower() in _DETERMINERS)
    )
    if named or product or any(w.lower() in _WORKS for w in after[:2]):
        return True
    if headline:
        return False
    capitals = [w[0].isupper() for w in found if w.lower() not in FUNCTION_WORDS]
    introduced = text[max(0, mark.open - 3) : mark.open].rstrip().endswith(":")
    spoken = introduced or (bool(lower) and lower[-1] in SPEECH_VERBS)
    return bool(capitals) and all(capitals) and not spoken
