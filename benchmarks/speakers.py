"""Who said what on real stories, as a new user gets it: articles imported raw, no speaker list.

    python benchmarks/speakers.py PATH_TO/basil-dev [--json]
    python benchmarks/speakers.py PATH_TO/basil-dev --sample PATH_TO/seeds stories/balenciaga-2022

Each BASIL triple (Fox News, The New York Times, HuffPost on one event) is written as three
text files (title line, then one paragraph per line) and imported with the real importer.
Each expert-labelled quoted phrase (`quote: "yes"`) is located in its imported source and
mapped to the extracted quote that covers most of it. Reported:

- found: labelled phrases at least half covered by extracted quotes;
- speaker: on phrases whose label names one person (not `other_*`, not a group such as
  `Obama_campaign`), the share whose quote has a speaker with the label's surname;
- none: the share of those one-person quotes with no speaker, and of all extracted quotes;
- certain: precision of the speaker on one-person quotes the reader shows without a `?`;
- timeline: events per story, and the share of event labels without a verb.

`--multi-news FILE` lists the speakers proposed for the clusters of the first 50 Multi-News
articles (one story per cluster), counts names with a word glued to them (a title, an
opener, a possessive) and surnames listed twice in a cluster, and times speaker discovery
and attribution on one story of the first 50, 200 and 400 articles.

`--sample SEEDS STORY` also imports the raw sample articles with no speakers and compares
the speakers of shared quotes with the analysis of the hand-listed sample story.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.analysis import analyze
from reader.analysis.labels import has_verb
from reader.analysis.quotes import extract_quotes
from reader.analysis.speakers import attribute_speakers, discover_speakers
from reader.bench import long_enough, multi_news_clusters
from reader.ingest import ImportOptions, import_files
from reader.model import CERTAIN, Analysis, Quote, Story
from reader.store import load_story

_OUTLETS = {"fox": "Fox News", "nyt": "The New York Times", "hpo": "HuffPost"}
_GROUP_WORDS = frozenset(
    """campaign party lawmakers officials democrats republicans companies catholics protestors
    plaintiffs now and""".split()
)
_EDGES = "“”\"‘’' .,;:!?—–-"


@dataclass
class Tally:
    """Counts over every labelled phrase."""

    labelled: int = 0
    found: int = 0
    person: int = 0
    person_found: int = 0
    right: int = 0
    unattributed: int = 0
    certain: int = 0
    certain_right: int = 0
    quotes: int = 0
    quotes_unattributed: int = 0
    stories: int = 0
    events: int = 0
    events_without_verb: int = 0
    seconds: float = 0.0

    def figures(self) -> dict[str, float]:
        return {
            "labelled phrases": self.labelled,
            "found in a quote": _share(self.found, self.labelled),
            "one-person phrases": self.person,
            "one-person speaker right": _share(self.right, self.person_found),
            "one-person with no speaker": _share(self.unattributed, self.person_found),
            "certain shown": _share(self.certain, self.person_found),
            "precision when certain": _share(self.certain_right, self.certain),
            "all quotes with no speaker": _share(self.quotes_unattributed, self.quotes),
            "timeline events per story": round(self.events / max(1, self.stories), 1),
            "event labels without a verb": _share(self.events_without_verb, self.events),
            "analysis seconds": round(self.seconds, 2),
        }


def _share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def one_person(label: str) -> bool:
    """Whether a BASIL speaker label names one person ("Michael_Steele")."""
    parts = label.split("_")
    return (
        not label.startswith("other_")
        and 2 <= len(parts) <= 3
        and all(p[:1].isupper() for p in parts)
        and not any(p.lower() in _GROUP_WORDS for p in parts)
    )


def same_person(label: str, speaker: str | None) -> bool:
    """Lenient: the canonical speaker's surname is the label's surname."""
    if not speaker:
        return False
    surname = label.split("_")[-1].casefold()
    last = re.sub(r"['’]s$", "", speaker.split()[-1].casefold().strip(".,"))
    return last == surname


def triples(root: Path) -> Iterator[tuple[str, list[tuple[dict, list[dict]]]]]:
    """(triple id, [(article, labelled quote phrases)]) for every triple under `root`."""
    for first in sorted((root / "articles").glob("*/*_1.json")):
        triple = first.name.removesuffix("_1.json")
        items = []
        for k in (1, 2, 3):
            article = json.loads(first.with_name(f"{triple}_{k}.json").read_text())
            ann = root / "annotations" / first.parent.name / f"{triple}_{k}_ann.json"
            phrases = (
                json.loads(ann.read_text())["phrase-level-annotations"] if ann.exists() else []
            )
            items.append((article, [p for p in phrases if p.get("quote") == "yes"]))
        yield triple, items


def build_story(folder: Path, items: list[tuple[dict, list[dict]]]) -> None:
    """Import the articles of one triple as raw text files, as a user would."""
    raw = folder / "raw"
    raw.mkdir(parents=True)
    for article, _ in items:
        name = article["source"].lower()
        path = raw / f"{name}.txt"
        paragraphs = [" ".join(sentences) for sentences in article["body-paragraphs"]]
        path.write_text(article["title"] + "\n\n" + "\n\n".join(paragraphs) + "\n")
        date = _date(article.get("date"))
        options = ImportOptions(outlet=_OUTLETS.get(name, name), date=date)
        import_files(folder / "story", [path], options)


def _date(value: str | None):  # type: ignore[no-untyped-def]
    import datetime as dt

    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def locate(text: str, phrase: dict) -> tuple[int, int] | None:
    """Where a labelled phrase lies in the imported text: of its occurrences, the one at the
    labelled offset within its paragraph, else the first."""
    wanted = phrase["txt"].strip(_EDGES)
    if not wanted:
        return None
    lead = len(phrase["txt"]) - len(phrase["txt"].lstrip(_EDGES))
    found = [m.start() for m in re.finditer(re.escape(wanted), text)]
    if not found:
        return None
    at = next(
        (a for a in found if a - text.rfind("\n", 0, a) - 1 == phrase.get("start", -1) + lead),
        found[0],
    )
    return at, at + len(wanted)


def covering(quotes: list[Quote], span: tuple[int, int]) -> Quote | None:
    """The quote covering most of `span`, when quotes cover at least half of it (a phrase
    may run over two quotes: “standardless” and “recordless.”)."""
    best, most, covered = None, 0, 0
    for quote in quotes:
        overlap = min(quote.end, span[1]) - max(quote.start, span[0])
        covered += max(0, overlap)
        if overlap > most:
            best, most = quote, overlap
    return best if covered * 2 >= span[1] - span[0] else None


def measure(root: Path, details: list[dict]) -> Tally:
    tally = Tally()
    for triple, items in triples(root):
        with tempfile.TemporaryDirectory() as tmp:
            build_story(Path(tmp), items)
            story = load_story(Path(tmp) / "story")
            started = time.perf_counter()
            analysis = analyze(story)
            tally.seconds += time.perf_counter() - started
        tally.quotes += len(analysis.quotes)
        tally.stories += 1
        tally.events += len(analysis.events)
        tally.events_without_verb += sum(not has_verb(e.label) for e in analysis.events)
        tally.quotes_unattributed += sum(q.speaker is None for q in analysis.quotes)
        for article, phrases in items:
            _score(tally, story, analysis, triple, article, phrases, details)
    return tally


def _score(
    tally: Tally,
    story: Story,
    analysis: Analysis,
    triple: str,
    article: dict,
    phrases: list[dict],
    details: list[dict],
) -> None:
    source = story.source(article["source"].lower())
    quotes = [q for q in analysis.quotes if q.source == source.id]
    for phrase in phrases:
        tally.labelled += 1
        person = one_person(phrase["speaker"])
        tally.person += person
        span = locate(source.text, phrase)
        quote = covering(quotes, span) if span else None
        tally.found += quote is not None
        if quote is None:
            details.append({"triple": triple, "source": source.id, "miss": phrase["txt"]})
            continue
        if not person:
            continue
        tally.person_found += 1
        right = same_person(phrase["speaker"], quote.speaker)
        tally.right += right
        tally.unattributed += quote.speaker is None
        certain = quote.speaker is not None and quote.speaker_confidence >= CERTAIN
        tally.certain += certain
        tally.certain_right += certain and right
        if not right:
            details.append(
                {
                    "triple": triple,
                    "source": source.id,
                    "label": phrase["speaker"],
                    "speaker": quote.speaker,
                    "confidence": quote.speaker_confidence,
                    "quote": quote.text[:100],
                }
            )


def sample(seeds: Path, reference: Path) -> dict[str, float]:
    """Speakers of the raw sample import against the hand-listed sample story."""
    expected = analyze(load_story(reference))
    with tempfile.TemporaryDirectory() as tmp:
        import_files(Path(tmp) / "story", sorted(seeds.glob("*.txt")))
        raw_story = load_story(Path(tmp) / "story")
        raw = analyze(raw_story)
    total = right = 0
    for cluster in expected.shared:
        for occurrence in cluster.occurrences:
            total += 1
            text = raw_story.source(occurrence.source).text
            at = text.find(occurrence.text[:40])
            quotes = [q for q in raw.quotes if q.source == occurrence.source]
            quote = covering(quotes, (at, at + len(occurrence.text))) if at >= 0 else None
            got, want = quote.speaker if quote else None, cluster.speaker
            right += got == want or bool(
                got and want and got.split()[-1].casefold() == want.split()[-1].casefold()
            )
    return {"shared quote occurrences": total, "raw-import speaker right": _share(right, total)}


def multi_news(path: Path, count: int) -> list[list[str]]:
    """The articles of the first clusters of the Multi-News file, `count` in all."""
    clusters: list[list[str]] = []
    taken = 0
    for passages in multi_news_clusters(path):
        articles = long_enough(passages)[: count - taken]
        if articles:
            clusters.append(articles)
            taken += len(articles)
        if taken >= count:
            break
    return clusters


def imported(folder: Path, articles: list[str]) -> Story:
    raw = folder / "raw"
    raw.mkdir(parents=True)
    files = []
    for number, text in enumerate(articles):
        files.append(raw / f"a{number:04d}.txt")
        files[-1].write_text(text)
    import_files(folder / "story", files)
    return load_story(folder / "story")


def proposed_speakers(path: Path) -> list[dict]:
    """Every speaker proposed for the clusters of the first 50 articles, with its cluster."""
    listed = []
    for number, articles in enumerate(multi_news(path, 50)):
        with tempfile.TemporaryDirectory() as tmp:
            story = imported(Path(tmp), articles)
        for speaker in discover_speakers(
            story, [q for s in story.sources for q in extract_quotes(s)]
        ):
            listed.append(
                {
                    "cluster": number,
                    "name": speaker.name,
                    "kind": speaker.kind,
                    "role": speaker.role,
                }
            )
    return listed


_GLUED = frozenset(
    """now dear yet plus though following including mr mrs ms dr sen gov rep president
    secretary senator governor sheriff minister chief director editor spokesman the
    controversial presumptive former""".split()
)


def glued(name: str) -> bool:
    """Whether a proposed name carries a word that is no part of it: a leading title or
    opener ("Dear Matt Damon", "Sen. Warren"), a possessive, a "-born" adjective."""
    parts = name.split()
    first = parts[0].lower().rstrip(".")
    possessive = any(p.endswith(("'s", "’s")) for p in parts)
    adjective = "-" in parts[0] and parts[0].split("-")[-1].islower()
    return first in _GLUED or possessive or adjective


def speaker_seconds(path: Path) -> dict[str, float]:
    """Seconds of speaker discovery and attribution on 50, 200 and 400 articles."""
    articles = [a for cluster in multi_news(path, 400) for a in cluster]
    timings = {}
    for count in (50, 200, 400):
        with tempfile.TemporaryDirectory() as tmp:
            story = imported(Path(tmp), articles[:count])
        found = [q for s in story.sources for q in extract_quotes(s)]
        started = time.perf_counter()
        attribute_speakers(story, found, discover_speakers(story, found))
        timings[f"speakers seconds, {count} articles"] = round(time.perf_counter() - started, 3)
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("basil", type=Path, help="the basil-dev folder")
    parser.add_argument("--sample", nargs=2, type=Path, metavar=("SEEDS", "STORY"))
    parser.add_argument("--multi-news", type=Path, metavar="FILE")
    parser.add_argument("--json", action="store_true", help="figures and failures as JSON")
    parser.add_argument("--failures", action="store_true", help="print every failure")
    args = parser.parse_args()
    details: list[dict] = []
    figures = measure(args.basil, details).figures()
    if args.sample:
        figures |= sample(*args.sample)
    if args.multi_news:
        figures |= speaker_seconds(args.multi_news)
        listed = proposed_speakers(args.multi_news)
        figures["multi-news speakers proposed"] = len(listed)
        figures["multi-news names with a glued word"] = sum(glued(s["name"]) for s in listed)
        figures["multi-news speakers listed twice"] = len(listed) - len(
            {(s["cluster"], s["name"].split()[-1]) for s in listed}
        )
        details += listed
    if args.json:
        json.dump({"figures": figures, "failures": details}, sys.stdout, indent=1)
        print()
        return 0
    for name, value in figures.items():
        share = isinstance(value, float) and "seconds" not in name and "per story" not in name
        shown = f"{value:.1%}" if share else value
        print(f"{name:32} {shown}")
    if args.failures:
        for item in details:
            print(json.dumps(item, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
