"""The analysis of a story, cached by content so reopening an unchanged story does no work.

The key is a sha256 over the analysis version, the code the analysis runs (its package and
every reader module it imports, see `analysis_code`), what story.yaml says (title, summary,
speakers, events) and every source's id, text and metadata: any change to any of them gives
a new key. One JSON file per story folder lives
in `$READER_CACHE`, else `$XDG_CACHE_HOME/reader`, else `~/.cache/reader` — never in the
story folder, which stays clean for git. JSON rather than pickle, so a planted cache file
can never run code. A damaged file is ignored and rebuilt; a cache that cannot be written
(read-only, full disk) only costs the time to analyse again.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import math
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import reader
from reader import analysis as analysis_package
from reader.model import Analysis, Occurrence, Quote, Span, Story
from reader.serialize import analysis_from_data, analysis_to_data, to_data

ANALYSIS_VERSION = 1
"""Bump when the analysis changes in a way its code digest would not show."""


def cache_dir() -> Path:
    """Where cached analyses live (created on first write)."""
    if os.environ.get("READER_CACHE"):
        return Path(os.environ["READER_CACHE"])
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "reader"
    return Path.home() / ".cache" / "reader"


def cache_path(story: Story) -> Path:
    """The cache file of one story folder; a new analysis replaces the old one."""
    where = hashlib.sha256(str(story.path.resolve()).encode("utf-8")).hexdigest()[:20]
    return cache_dir() / f"{_safe(story.id)}-{where}.json"


def cache_key(story: Story) -> str:
    """The content hash the cached analysis must carry to be used."""
    document = {
        "version": ANALYSIS_VERSION,
        "code": _code_digest(),
        "story": {
            "id": story.id,
            "title": story.title,
            "summary": story.summary,
            "speakers": [to_data(s) for s in story.speakers],
            "events": [to_data(e) for e in story.events],
        },
        "sources": [
            {
                "id": s.id,
                "text": s.text,
                "outlet": s.outlet,
                "title": s.title,
                "date": s.date.isoformat() if s.date else None,
                "url": s.url,
                "byline": s.byline,
            }
            for s in story.sources
        ],
    }
    encoded = json.dumps(document, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()


def load_analysis(story: Story) -> Analysis:
    """The story's analysis: from the cache when its key matches, else computed and stored."""
    cached = cached_analysis(story)
    if cached is not None:
        return cached
    result = analysis_package.analyze(story)
    store_analysis(story, result)
    return result


def store_analysis(story: Story, analysis: Analysis) -> None:
    """Cache the story's analysis, computed elsewhere (in a child process, say)."""
    _write(cache_path(story), {"key": cache_key(story), "analysis": analysis_to_data(analysis)})


def cached_analysis(story: Story, most_bytes: int | None = None) -> Analysis | None:
    """The story's analysis if the cache holds it for this very content (in a file of at
    most `most_bytes`, when given); None otherwise.

    A cache file is only data someone could have planted: it is used only when every span in
    it lies in its source and slices to its text, and every number is finite.
    """
    try:
        document = json.loads(_read_regular_file(cache_path(story), most_bytes))
        if not isinstance(document, dict) or document.get("key") != cache_key(story):
            return None
        analysis = analysis_from_data(document["analysis"])
    except (OSError, ValueError, KeyError, RecursionError):
        return None
    return analysis if _fits(analysis, story) else None


def _read_regular_file(path: Path, most_bytes: int | None = None) -> str:
    """The file's text; OSError for anything but a regular file (a FIFO must not block us)
    and for one larger than `most_bytes`."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as handle:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise OSError(f"{path} is not a regular file")
        if most_bytes is not None and status.st_size > most_bytes:
            raise OSError(f"{path} is larger than {most_bytes} bytes")
        return handle.read().decode("utf-8")


def _fits(analysis: Analysis, story: Story) -> bool:
    """Every span of the analysis slices its own source to its text; numbers are finite."""
    texts = {s.id: s.text for s in story.sources}

    def fits(span: Quote | Occurrence | Span) -> bool:
        text = texts.get(span.source)
        return (
            text is not None
            and text[span.start : span.end] == span.text
            and (0 <= span.start <= span.end <= len(text))
        )

    occurrences = [o for c in analysis.clusters for o in c.occurrences]
    occurrences += [o for r in analysis.reuse for o in r.occurrences]
    numbers = [q.speaker_confidence for q in analysis.quotes]
    numbers += [c.speaker_confidence for c in analysis.clusters]
    numbers += [o.similarity for o in occurrences]
    return (
        all(fits(q) for q in analysis.quotes)
        and all(fits(o) for o in occurrences)
        and all(fits(span) for e in analysis.events for span in e.evidence)
        and all(math.isfinite(n) for n in numbers)
    )


def _write(path: Path, document: dict[str, Any]) -> None:
    """Temp file + rename, so a reader never sees half a file; failures are ignored."""
    temp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(document, handle, ensure_ascii=False)
        os.replace(temp, path)
    except (OSError, TypeError, ValueError):
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


@functools.cache
def _code_digest() -> str:
    """A digest of the analysis package's source and of every reader module it imports,
    however indirectly (`reader.text`, `reader.model`…), so new code never reads old results."""
    digest = hashlib.sha256()
    root = Path(reader.__file__).parent.parent
    for file, source in sorted(analysis_code().items()):
        digest.update(file.relative_to(root).as_posix().encode() + b"\0" + source)
    return digest.hexdigest()


def analysis_code() -> dict[Path, bytes]:
    """The source files the analysis runs, each read once: every module of
    `reader.analysis`, the reader modules they import (read from their import statements, so
    a module imported inside a function counts too), theirs in turn, and the packages
    holding them."""
    top = Path(reader.__file__).parent
    todo = sorted(Path(analysis_package.__file__).parent.glob("*.py"))
    found: dict[Path, bytes] = {}
    names: set[str] = set()
    while todo:
        file = todo.pop()
        if file in found:
            continue
        try:
            found[file] = file.read_bytes()
        except OSError:
            continue
        new = set(_imported(found[file].decode("utf-8", errors="replace"))) - names
        names |= new
        todo += [f for name in sorted(new) for f in _files(name, top)]
    return found


_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+(reader(?:\.\w+)*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)"
    r"|import[ \t]+(reader(?:\.\w+)*))",
    re.MULTILINE,
)


def _imported(source: str) -> Iterator[str]:
    """The reader modules `source` imports, and the names it imports from them (any may be
    a module: `from reader.analysis import named`)."""
    for found in _IMPORT.finditer(source):
        module = found.group(1) or found.group(3)
        yield module
        for item in (found.group(2) or "").strip("()").split(","):
            if item.split():
                yield f"{module}.{item.split()[0]}"


def _files(name: str, top: Path) -> list[Path]:
    """The file of module `name` (none when it names a function or a class) and those of
    the packages above it, which run when it is imported."""
    parts = name.split(".")[1:]
    files = [top.joinpath(*parts[:depth], "__init__.py") for depth in range(len(parts) + 1)]
    files.append(top.joinpath(*parts).with_suffix(".py"))
    return [file for file in files if file.is_file()]


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name)[:60] or "story"
