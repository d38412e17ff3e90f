"""Golden speakers on two real stories, as a user imports them: no speaker list.

Short excerpts (a sentence or two per outlet) of two BASIL story triples (Fox News and
HuffPost, 2012): Benjamin Netanyahu on "Meet the Press", and Mitt Romney's statement on Todd
Akin. The expected speakers are the expert labels of the BASIL annotations.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reader.analysis import analyze
from reader.analysis.labels import has_verb
from reader.model import Analysis, Source, Story

NETANYAHU = {
    "fox": (
        'Netanyahu also made an appearance on NBC\'s "Meet the Press" last Sunday, urging '
        "Obama to take a tougher line with Iran over its nuclear program.\n\n"
        '"President Obama has said that he is determined to prevent Iran from getting nuclear '
        'weapons," he said on the Sunday morning show. "If you\'re determined to prevent Iran '
        "from getting nuclear weapons, it means you'll act before they get nuclear weapons.\""
    ),
    "hpo": (
        "Israeli Prime Minister Benjamin Netanyahu pushed back on Sunday.\n\n"
        "“President Obama has said that he’s determined to prevent Iran from getting nuclear "
        "weapons and I appreciate that and I respect that,” Netanyahu said on NBC’s “Meet the "
        "Press.”\n\n"
        "When asked if Obama had thrown Israel under a bus, Netanyahu responded, “There is no "
        "bus.”"
    ),
}
ROMNEY = {
    "fox": (
        "Romney added his voice after five past and present Missouri Republican senators urged "
        "Akin to step aside.\n\n"
        "Romney released a statement late Tuesday saying: \"As I said yesterday, Todd Akin's "
        'comments were offensive and wrong."'
    ),
    "hpo": (
        "Presumptive GOP presidential nominee Mitt Romney on Tuesday joined a chorus of "
        "Republicans calling for Rep. Todd Akin (R-Mo.) to drop out of the U.S. Senate race in "
        "Missouri.\n\n"
        '"As I said yesterday, Todd Akin\'s comments were offensive and wrong," said Romney in '
        "a statement."
    ),
}


def analysed(texts: dict[str, str], date: dt.date) -> Analysis:
    sources = tuple(
        Source(id=name, text=text, path=Path(f"{name}.txt"), outlet=name, date=date)
        for name, text in texts.items()
    )
    return analyze(Story(id="real", path=Path("."), title="real", sources=sources))


def speaker_of(analysis: Analysis, phrase: str) -> set[str | None]:
    return {c.speaker for c in analysis.clusters if phrase in c.text}


def test_netanyahu_is_one_speaker_for_every_form_of_his_name() -> None:
    analysis = analysed(NETANYAHU, dt.date(2012, 9, 20))
    people = [s for s in analysis.speakers if s.name.endswith("Netanyahu")]
    assert [(s.name, s.kind, s.role) for s in people] == [
        ("Benjamin Netanyahu", "person", "Israeli Prime Minister")
    ]
    assert speaker_of(analysis, "act before they get nuclear weapons") == {"Benjamin Netanyahu"}
    assert speaker_of(analysis, "There is no bus") == {"Benjamin Netanyahu"}
    shared = [c for c in analysis.shared if "determined to prevent Iran" in c.text]
    assert [c.speaker for c in shared] == ["Benjamin Netanyahu"]
    assert "Meet the Press" not in {c.text for c in analysis.clusters}


def test_romney_statement_is_his_in_both_outlets() -> None:
    analysis = analysed(ROMNEY, dt.date(2012, 8, 21))
    names = [s.name for s in analysis.speakers]
    assert "Mitt Romney" in names
    assert not any(n.startswith(("Presumptive", "GOP", "Rep.")) for n in names)
    shared = [c for c in analysis.shared if "offensive and wrong" in c.text]
    assert [c.speaker for c in shared] == ["Mitt Romney"]
    assert {o.source for o in shared[0].occurrences} == {"fox", "hpo"}


def test_real_story_events_say_what_happened() -> None:
    analysis = analysed(ROMNEY, dt.date(2012, 8, 21))
    assert analysis.events
    assert all(has_verb(event.label) for event in analysis.events)
    assert any("Mitt Romney joined" in e.label for e in analysis.events)
    assert not any(e.label.split()[0] in {"I", "We"} for e in analysis.events)


def test_a_holiday_dates_an_event_and_is_not_one() -> None:
    text = "Thousands of protesters marched through the capital on New Years Day 2014, police said."
    analysis = analysed({"wire": text}, dt.date(2014, 1, 3))
    assert [e.label for e in analysis.events] == [
        "Thousands of protesters marched through the capital"
    ]
