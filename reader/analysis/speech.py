"""The words of reported speech: verbs, statement nouns and descriptions of speakers.

Quote extraction (colon-introduced blocks, partial quotes) and speaker attribution read the
same vocabulary, so it lives here once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

SPEECH_VERBS = frozenset(
    """say says said saying write writes wrote writing add adds added adding continue continues
    continued continuing state states stated stating claim claims claimed claiming tell tells
    told telling post posts posted posting explain explains explained explaining note notes
    noted noting announce announces announced announcing tweet tweets tweeted tweeting share
    shares shared insist insists insisted argue argues argued reply replies replied respond
    responds responded ask asks asked conclude concludes concluded begin begins began remark
    remarks remarked admit admits admitted acknowledge acknowledges acknowledged comment
    comments commented declare declares declared report reports reported reporting confirm
    confirms confirmed stress stresses stressed stressing emphasise emphasises emphasised
    emphasize emphasizes emphasized emphasizing warn warns warned recall recalls recalled read
    reads captioned address addresses addressed spoke speaks apologise apologises apologised
    apologize apologizes apologized apologizing deny denies denied urge urges urged vow vows
    vowed pledge pledged promise promised reveal reveals revealed suggest suggests suggested
    agree agrees agreed observe observed counter countered concede conceded joke joked quip
    quipped wonder wondered testify testified allege alleges alleged caution cautioned
    maintain maintains maintained assert asserts asserted""".split()
)
"""Verbs that report speech; "said" and "wrote" as much as "apologized" and "stressed"."""

STATEMENT_NOUNS = frozenset(
    """statement statements post posts tweet tweets apology apologies message letter release
    caption comments remarks interview note memo email announcement response reply""".split()
)
"""Nouns for what a speaker issued: "the statement said", "Similar post:"."""

ORG_NOUNS = frozenset(
    """brand company firm house label business group retailer maker outlet network agency
    organisation organization ministry department government team club party council court
    police school university charity foundation studio publisher newspaper magazine channel
    broadcaster union committee board spokesperson spokesman spokeswoman
    representative rep""".split()
)
"""Heads of descriptions that stand for an organisation ("the fashion house"), including
the people who speak for one ("a spokesperson")."""

PERSON_NOUNS = frozenset(
    """star actress actor designer photographer founder boss mogul singer rapper model mother
    father ceo executive chief director president minister official influencer personality
    entrepreneur businesswoman businessman author writer journalist reporter artist musician
    athlete player coach manager lawyer attorney senator mayor governor celebrity socialite
    icon host presenter woman man teen girl boy creator congressman congresswoman lawmaker
    candidate nominee sheriff legislator politician""".split()
)
"""Heads of descriptions that stand for a person ("the reality star")."""

INTRODUCING = SPEECH_VERBS | frozenset(
    """saying adding writing telling noting explaining declaring insisting arguing asking
    responding replying retort retorted quipping tweeting posting""".split()
)
"""Words ending a clause that hands over to the quote after it ("Romney released a statement
saying:", "Biden was quick to retort:")."""

INVERTING_VERBS = frozenset(
    """said says added adds wrote writes continued continues explained noted remarked replied
    responded countered concluded insisted recalled admitted declared stated tweeted posted
    asked""".split()
)
"""Verbs that come before their subject after a quote ("said Smith"); "told" does not."""

TITLE_WORDS = frozenset(
    """the former then late leader minister secretary president vice senator representative
    spokesman spokeswoman spokesperson chairman chairwoman chair director chief executive
    officer judge governor mayor general coach commissioner ambassador prince princess king
    queen pope majority minority senate house prime deputy foreign interior defence defense
    health finance state party republican democratic democrat labour conservative opposition
    lawyer attorney founder ceo head professor speaker campaign manager adviser advisor
    strategist aide press communications senior assistant top""".split()
)
"""Words of a title that may stand between a verb and a name ("said Senate Majority Leader
Chuck Schumer", "countered Republican leader Mitch McConnell")."""

NOT_NAMES = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december twitter instagram tiktok
    facebook youtube reddit snapchat threads linkedin whatsapp telegram weibo x god
    meanwhile however also later earlier today yesterday tonight last next this""".split()
)
"""Capitalised words that never name a speaker: days, months, platforms, sentence openers."""

APPOSED = r"(?:[^,.;:\n_]|\b(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Jr|Sr|St|[A-Z])\.)"
"""A character of an apposition between commas: no sentence end, but "Mr." and initials
("Jim Manley, a spokesman for Mr. Reid, said")."""

FIRST_SINGULAR = frozenset("i me my mine myself".split())
FIRST_PLURAL = frozenset("we us our ours ourselves".split())

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def words(text: str) -> list[str]:
    """Lower-case words of `text`, apostrophes kept ("brand’s")."""
    return [w.lower() for w in _WORD.findall(text)]


def mentions_speech(text: str) -> bool:
    """Whether `text` has a speech verb or a statement noun in it."""
    return any(w in SPEECH_VERBS or w in STATEMENT_NOUNS for w in words(text))


def voice(text: str) -> str | None:
    """ "singular" when a quote speaks as I, "plural" as we, None when neither dominates."""
    found = words(text)
    singular = sum(w in FIRST_SINGULAR for w in found)
    plural = sum(w in FIRST_PLURAL for w in found)
    if singular > plural:
        return "singular"
    if plural > singular:
        return "plural"
    return None


def alternation(phrases: Iterable[str]) -> str:
    """A regex matching any of the literal phrases (any case), the longest it can, spaces
    matching any blank. Written as a trie of characters, so a text position costs the length
    of a name, not the number of names: a story's speaker list can be long."""
    trie: _Trie = {}
    for phrase in phrases:
        node = trie
        for piece in re.findall(r"\s+|.", " ".join(phrase.lower().split()), re.DOTALL):
            node = node.setdefault(piece, {})
        node[""] = {}
    return _pattern(trie)


_Trie = dict[str, "_Trie"]


def _pattern(node: _Trie) -> str:
    branches = [
        (r"\s+" if key == " " else re.escape(key)) + _pattern(child)
        for key, child in sorted(node.items())
        if key
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
