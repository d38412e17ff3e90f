"""Read every export of real stories back and time them.

    python benchmarks/exports_check.py BASIL_DEV_DIR [--multi-news MULTI_NEWS_JSONL --articles 200]

BASIL_DEV_DIR: each article triple (three outlets, with URLs) becomes a story, imported with
our importer into a temporary store; each format is written and read back (csv module and
pandas, JSON Schema, an HTML parser for the links) and problems are counted. With
--multi-news, one story of N articles is analysed and each format timed on it.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import tempfile
import time
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from statistics import median
from urllib.parse import unquote

import jsonschema
import pandas as pd

from reader.analysis import analyze
from reader.bench import read_corpus_story
from reader.ingest import ImportOptions, import_files
from reader.report import FORMATS, export_schema, render_export
from reader.store import load_story
from reader.workspace import Workspace, build_workspace, load_workspace


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: dict[str, str] = {}
        self._article = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "article":
            self._article = found.get("id") or ""
        if found.get("id"):
            self.ids[found["id"] or ""] = self._article
        if tag == "a":
            self.hrefs.append(found.get("href") or "")


def problems_of(workspace: Workspace) -> dict[str, int]:
    """Counts of what reading each format back found wrong (all zero when fine)."""
    story, analysis = workspace.story, workspace.analysis
    found: dict[str, int] = defaultdict(int)
    occurrences = [(c, o) for c in analysis.clusters for o in c.occurrences]
    rows = list(csv.DictReader(io.StringIO(render_export("csv", workspace), newline="")))
    found["csv rows != occurrences"] += len(rows) != len(occurrences)
    for row in rows:
        text = story.source(row["source"]).text[int(row["start"]) : int(row["end"])]
        found["csv text != slice"] += row["text"] not in {text, "'" + text}
        found["csv context lacks the text"] += text not in row["context"]
    table = pd.read_csv(io.StringIO(render_export("csv", workspace, bom=True)), dtype=str)
    found["pandas shape differs"] += table.shape != (len(rows), len(rows[0]) if rows else 15)
    document = json.loads(render_export("json", workspace))
    errors = jsonschema.Draft202012Validator(export_schema()).iter_errors(document)
    found["json schema errors"] += len(list(errors))
    links = _Links()
    links.feed(render_export("html", workspace))
    outward = [h for h in links.hrefs if not h.startswith("#")]
    found["html source links missing"] += len(outward) < sum(
        2 if s.title else 1 for s in story.sources if s.url and s.url.startswith("http")
    )
    found["html non-http links"] += sum(not h.startswith(("http://", "https://")) for h in outward)
    for href in (h for h in links.hrefs if h.startswith("#")):
        target = unquote(href[1:])
        found["html jumps to nowhere"] += links.ids.get(target) != target.split("@")[-1]
    return found


def basil_stories(root: Path, store: Path) -> list[Workspace]:
    """Each triple of BASIL articles imported as a story (body paragraphs as paragraphs)."""
    triples: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(root.glob("articles/*/*.json")):
        triples[path.stem.rsplit("_", 1)[0]].append(path)
    workspaces = []
    for name, paths in triples.items():
        folder = store / name
        for path in paths:
            article = json.loads(path.read_text(encoding="utf-8"))
            text_file = store / f"{article['source']}.txt"
            body = "\n\n".join(" ".join(p) for p in article["body-paragraphs"])
            text_file.write_text(f"{body}\n", encoding="utf-8")
            options = ImportOptions(
                id=article["source"].lower(),
                outlet=article["source"],
                title=article["title"],
                url=article["url"],
                replace=True,
            )
            import_files(folder, [text_file], options)
        workspaces.append(load_workspace(load_story(folder)))
    return workspaces


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("basil", type=Path)
    parser.add_argument("--multi-news", type=Path)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--show-long", action="store_true", help="print contexts over 600 chars")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as store:
        workspaces = basil_stories(args.basil, Path(store))
        if not workspaces:
            parser.error(f"{args.basil}: no BASIL articles/ folder with story triples")
        totals: dict[str, int] = defaultdict(int)
        contexts: list[int] = []
        bare = 0
        for workspace in workspaces:
            for name, count in problems_of(workspace).items():
                totals[name] += count
            rows = json.loads(render_export("json", workspace))["quotes"]
            for o in (o for q in rows for o in q["occurrences"]):
                if args.show_long and len(o["context"]["text"]) > 600:
                    print(repr(o["context"]["text"]))
                contexts.append(len(o["context"]["text"]))
                bare += o["context"]["text"] == o["text"]
    occurrences = len(contexts)
    print(f"BASIL: {len(workspaces)} stories, {occurrences} quote occurrences")
    print(
        f"  context: median {median(contexts):.0f} chars, max {max(contexts)}, "
        f"{bare} ({bare / occurrences:.1%}) no wider than the quote itself"
    )
    print(f"  over 600 chars: {sum(c > 600 for c in contexts)}")
    for name, count in sorted(totals.items()):
        print(f"  {name}: {count}")
    if args.multi_news:
        story = read_corpus_story(str(args.multi_news), args.articles)
        workspace = build_workspace(story, analyze(story), ())
        print(
            f"Multi-News: {len(story.sources)} articles, "
            f"{sum(len(c.occurrences) for c in workspace.analysis.clusters)} occurrences"
        )
        for fmt in FORMATS:
            started = time.perf_counter()
            size = len(render_export(fmt, workspace))
            print(f"  {fmt}: {time.perf_counter() - started:.2f} s, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
