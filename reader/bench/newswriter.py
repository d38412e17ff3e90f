"""Made-up news prose for benchmarks: people with titles and roles, organisations, places,
dates, numbers, speech verbs and quotes, in the proportions of wire copy.

A bench on text without names once hid a quadratic step in speaker discovery, so the text
the analysis is timed on must carry what it works on: capitalised names mid-sentence, titles
and abbreviations ("Sen.", "Nov. 28", "p.m."), appositive roles ("a spokeswoman for …"),
cues before, after and inside quotes, and dates. Names and the rare words are made of
syllables, so no real person is quoted; common words are plain English, ranked so a few
are frequent and most are rare. Pure and deterministic for a given `random.Random`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import accumulate

from reader.text import FUNCTION_WORDS

__all__ = ["NewsWriter", "Person"]

_SYLLABLES = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"] + ["ar", "en", "is", "on", "ul"]
_FUNCTION = sorted(FUNCTION_WORDS)
_COMMON = """
    government officials police report people year week city state country plan law court
    company million percent election campaign vote leaders group members public health school
    family workers money deal talks investigation case attack security support decision policy
    budget tax market price water fire storm power building street office agency department
    president minister council board judge lawyer trial charges prison country region border
    troops military war peace rights protest crowd residents community children parents women
    men students teachers hospital doctors patients drug research study data results scientists
    program system service services cost costs funding bill measure proposal vote voters party
    announced reported expected continued began agreed refused called released found filed
    reached planned approved rejected warned claimed denied confirmed accused arrested killed
    injured moved opened closed raised cut lost won signed launched faced added helped
    new former local federal national political early last other several major small large
    recent final key top senior second third public private foreign economic legal serious
    because after before during since while although however still already also never often
    morning night evening afternoon area center side level rate number part point issue issues
""".split()
_GIVEN = (
    ("Maria", "she"), ("James", "he"), ("Ana", "she"), ("David", "he"), ("Sarah", "she"),
    ("Michael", "he"), ("Elena", "she"), ("Robert", "he"), ("Laura", "she"), ("Daniel", "he"),
    ("Grace", "she"), ("Thomas", "he"), ("Nadia", "she"), ("Peter", "he"), ("Julia", "she"),
    ("Omar", "he"), ("Helen", "she"), ("Samuel", "he"), ("Irene", "she"), ("Victor", "he"),
)  # fmt: skip
_TITLES = ("Sen.", "Rep.", "Gov.", "Dr.", "Mayor", "Judge", "Gen.", "Prof.", "Chief")
_ROLES = (
    "a spokeswoman for {org}", "a spokesman for {org}", "the chief executive of {org}",
    "a professor at {org}", "a lawyer for {org}", "the director of {org}",
    "an analyst at {org}", "a senior official at {org}", "the head of {org}",
)  # fmt: skip
_ORG_FORMS = (
    "the {x} Agency", "the Ministry of {x}", "{x} Group", "{x} Holdings", "the {x} Institute",
    "{x} University", "the {x} Council", "the {x} Police Department", "the {x} Foundation",
)  # fmt: skip
_AFTER = (
    "said", "said", "said", "added", "told reporters", "said in a statement", "wrote",
    "said on {day}", "told the {outlet}", "explained", "warned", "noted", "argued",
)  # fmt: skip
_BEFORE = ("said", "told reporters", "wrote in a statement", "added", "said on {day}")
_PARTIAL = ("called it", "described the plan as", "said the decision was", "warned of")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    ("January", "Jan."), ("February", "Feb."), ("March", "March"), ("April", "April"),
    ("May", "May"), ("June", "June"), ("July", "July"), ("August", "Aug."),
    ("September", "Sept."), ("October", "Oct."), ("November", "Nov."), ("December", "Dec."),
)  # fmt: skip
_OPENERS = ("We", "I", "This", "It", "Our", "They", "There", "The")


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(syllables))


@dataclass(frozen=True)
class Person:
    """Someone the story quotes or names."""

    given: str
    surname: str
    pronoun: str
    title: str | None
    role: str | None

    @property
    def name(self) -> str:
        return f"{self.given} {self.surname}"

    def first_mention(self) -> str:
        """How an article first names them: with a title, or with a role after the name."""
        if self.title:
            return f"{self.title} {self.name}"
        return f"{self.name}, {self.role}," if self.role else self.name

    def later_mention(self) -> str:
        return (
            f"{self.title} {self.surname}"
            if self.title in ("Sen.", "Rep.", "Gov.", "Dr.")
            else self.surname
        )


class NewsWriter:
    """Sentences, statements and cues about one story's cast of people and organisations."""

    def __init__(self, rng: random.Random, people: int = 8, size: int = 3000) -> None:
        self.rng = rng
        rare = sorted({_word(rng, rng.randint(2, 4)) for _ in range(size)} - set(_COMMON))
        rng.shuffle(rare)
        self.vocabulary = [*_COMMON, *rare]
        self.cumulative = list(
            accumulate(1.0 / (rank + 20) for rank in range(len(self.vocabulary)))
        )
        self.places = [_word(rng, 3).title() for _ in range(4)]
        self.orgs = [rng.choice(_ORG_FORMS).format(x=_word(rng, 2).title()) for _ in range(6)]
        self.people = [self.person() for _ in range(people)]
        self.outlets = [f"{_word(rng, 2).title()} Times" for _ in range(3)]

    def person(self) -> Person:
        """Someone new: half have a title, most others a role at one of the organisations."""
        rng = self.rng
        given, pronoun = rng.choice(_GIVEN)
        surname = _word(rng, rng.randint(2, 3)).title()
        roll = rng.random()
        title = rng.choice(_TITLES) if roll < 0.4 else None
        role = rng.choice(_ROLES).format(org=rng.choice(self.orgs)) if 0.4 <= roll < 0.85 else None
        return Person(given, surname, pronoun, title, role)

    def words(self, count: int) -> list[str]:
        """`count` words: function words four times in ten, else ranked common and rare ones."""
        rng = self.rng
        content = rng.choices(self.vocabulary, cum_weights=self.cumulative, k=count)
        return [rng.choice(_FUNCTION) if rng.random() < 0.4 else word for word in content]

    def date(self) -> str:
        """A date as news writes one: a weekday, a day of a month, a year, a time."""
        rng = self.rng
        month, short = rng.choice(_MONTHS)
        return rng.choice(
            (
                f"on {rng.choice(_DAYS)}",
                f"on {short} {rng.randint(1, 28)}",
                f"on {month} {rng.randint(1, 28)}, {rng.randint(1990, 2024)}",
                f"in {rng.randint(1990, 2024)}",
                f"in {month}",
                f"last {rng.choice(('week', 'month', 'year'))}",
                f"at {rng.randint(1, 11)} {rng.choice(('a.m.', 'p.m.'))} {rng.choice(_DAYS)}",
            )
        )

    def number(self) -> str:
        rng = self.rng
        return rng.choice(
            (
                f"${rng.randint(2, 900) / 10:g} million",
                f"{rng.randint(2, 95)} percent",
                f"{rng.randint(1, 90) * 100:,}",
                str(rng.randint(2, 40)),
            )
        )

    def _insert(self) -> str:
        """What narration names: a person, an organisation, a place, a date or a number."""
        rng = self.rng
        person = rng.choice(self.people)
        return rng.choice(
            (
                person.name,
                person.later_mention(),
                rng.choice(self.orgs),
                rng.choice(self.places),
                self.date(),
                self.number(),
            )
        )

    def sentence(self, low: int = 8, high: int = 22) -> str:
        """A narration sentence naming one or two things, sometimes opening with one."""
        rng = self.rng
        words = self.words(rng.randint(low, high))
        for _ in range(rng.choice((0, 1, 1, 2))):
            words.insert(rng.randrange(1, len(words) + 1), self._insert())
        if rng.random() < 0.3:
            words.insert(0, self._insert())
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def narration(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def statement(self) -> str:
        """What someone says: one to five sentences in the first person, short or long."""
        rng = self.rng
        count = rng.choices((1, 2, 3, 5), weights=(5, 3, 2, 1))[0]
        sentences = []
        for _ in range(count):
            words = [rng.choice(_OPENERS), *self.words(rng.randint(5, 22))]
            if rng.random() < 0.15:
                words.insert(rng.randrange(2, len(words) + 1), rng.choice(self.orgs))
            sentences.append(" ".join(words) + rng.choice(".....?!"))
        return " ".join(sentences)

    def cue(self, mention: str, before: bool) -> str:
        """Who said it, and how: `Name said` after a quote, `Name told reporters:` before."""
        rng = self.rng
        verb = rng.choice(_BEFORE if before else _AFTER).format(
            day=rng.choice(_DAYS), outlet=rng.choice(self.outlets)
        )
        if before:
            return f"{mention[0].upper()}{mention[1:]} {verb}:"
        if mention.endswith(",") or mention.islower() or rng.random() < 0.7:
            return f"{mention} {verb}."
        return f"said {mention}."

    def partial_verb(self) -> str:
        return self.rng.choice(_PARTIAL)
