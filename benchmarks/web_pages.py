"""`reader import` on the article-extraction benchmark's pages: body F1 with the benchmark's
own scorer, how many pages got a title (the page's headline), a date and a byline, and how
many of the quotes the analysis finds come from outside the article (menus, teasers, banners).

Each page is imported on its own with `reader import STORY PAGE.html`, as a user would, so a
refused page counts as an empty body rather than stopping the run.

    python benchmarks/web_pages.py ../shared/realworld/web-pages [--titles FILE]
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import html
import importlib.util
import io
import json
import re
import statistics
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from reader.analysis import extract_quotes
from reader.cli import main as reader_main
from reader.store import load_story

_WORD = re.compile(r"\w+")
_OG_TITLE = re.compile(
    r"<meta[^>]+(?:property|name)=[\"'](?:og:title|twitter:title)[\"'][^>]*>", re.I
)
_CONTENT = re.compile(r"content=(\"[^\"]*\"|'[^']*')", re.I)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")
_URLISH = re.compile(r"https?:|www\.|/")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="the web-pages folder (html/, ground-truth.json)")
    parser.add_argument("--titles", type=Path, help="write id, title, date, byline per page")
    args = parser.parse_args()
    truth: dict[str, dict[str, str]] = json.loads((args.path / "ground-truth.json").read_text())
    scorer = _load_scorer(args.path / "evaluate.py")
    with tempfile.TemporaryDirectory() as tmp:
        story = Path(tmp) / "story"
        pages: dict[str, str] = {}
        refused: list[str] = []
        for page_id in truth:
            raw = gzip.decompress((args.path / "html" / f"{page_id}.html.gz").read_bytes())
            page = Path(tmp) / f"{page_id}.html"
            page.write_bytes(raw)
            pages[page_id] = raw.decode("utf-8", "replace")
            quiet = io.StringIO()
            with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
                if reader_main(["import", str(story), str(page), "--id", page_id]) != 0:
                    refused.append(page_id)
        sources = {s.id: s for s in load_story(story).sources}
    prediction = {k: {"articleBody": sources[k].text if k in sources else ""} for k in truth}
    metrics = scorer.evaluate(truth, prediction, 200)
    per_page = [
        _f1(*scorer.string_shingle_matching(truth[k]["articleBody"], prediction[k]["articleBody"]))
        for k in truth
    ]
    rows = [_row(k, sources.get(k), pages[k]) for k in truth]
    quotes = [
        (q.text, truth[k]["articleBody"]) for k, s in sources.items() for q in extract_quotes(s)
    ]
    outside = sum(not _words_in(text, body) for text, body in quotes)
    n = len(truth)
    print(f"pages                 {n}")
    print(f"refused               {len(refused)} {' '.join(refused)}")
    print(
        f"body F1 / P / R       {metrics['f1']:.3f} / {metrics['precision']:.3f} / "
        f"{metrics['recall']:.3f}  (benchmark scorer)"
    )
    print(f"pages with F1 < 0.8   {sum(f < 0.8 for f in per_page)}")
    print(f"median page F1        {statistics.median(per_page):.3f}")
    print(f"quotes found          {len(quotes)}, {outside} of them not in the true body")
    print(f"title = headline      {sum(r['title_ok'] for r in rows)}")
    print(f"date found            {sum(r['date'] is not None for r in rows)}")
    print(f"byline found          {sum(r['byline'] is not None for r in rows)}")
    print(f"byline is a URL       {sum(bool(_URLISH.search(r['byline'] or '')) for r in rows)}")
    print(f"outlet found          {sum(r['outlet'] is not None for r in rows)}")
    if args.titles:
        args.titles.write_text(json.dumps(rows, ensure_ascii=False, indent=1), "utf-8")
    return 0


def _words_in(quote: str, body: str) -> bool:
    """The quote's words, in order, are in the body: it is the article's, not the page's."""
    words = " ".join(_WORD.findall(quote.casefold()))
    return f" {words} " in f" {' '.join(_WORD.findall(body.casefold()))} "


def _load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_evaluate", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _f1(tp: float, fp: float, fn: float) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _row(page_id: str, source: Any, page: str) -> dict[str, Any]:
    """What the import found, and whether its title is the page's own headline."""
    title = source.title if source else None
    return {
        "id": page_id,
        "title": title,
        "headlines": _headlines(page),
        "title_ok": _is_headline(title, _headlines(page)),
        "date": source.date.isoformat() if source and source.date else None,
        "byline": source.byline if source else None,
        "outlet": source.outlet if source else None,
    }


def _headlines(page: str) -> list[str]:
    """The page's own og:title / twitter:title and its first <h1>."""
    found = []
    for tag in _OG_TITLE.findall(page):
        content = _CONTENT.search(tag)
        if content:
            found.append(html.unescape(content.group(1)[1:-1]))
    h1 = _H1.search(page)
    if h1:
        found.append(html.unescape(_TAG.sub(" ", h1.group(1))))
    return [" ".join(h.split()) for h in found if h.strip()]


def _is_headline(title: str | None, headlines: list[str]) -> bool:
    """The title's words equal a headline's, or one holds the other and is most of it
    (a site name added or cut off)."""
    if not title:
        return False
    words = _WORD.findall(title.casefold())
    for headline in headlines:
        other = _WORD.findall(headline.casefold())
        if words == other:
            return True
        short, long = sorted((words, other), key=len)
        if len(short) >= 0.5 * len(long) and f" {' '.join(short)} " in f" {' '.join(long)} ":
            return True
    return False


if __name__ == "__main__":
    sys.exit(main())
