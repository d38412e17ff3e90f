"""`reader import`: raw article files (text or HTML) become cleaned sources of a story.

Every file is read, decoded and cleaned before anything is written, so a bad file leaves
the story untouched. story.yaml belongs to people: an import only appends the new ids to
its `sources:` list, as text, so their comments and ordering survive.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import re
import shutil
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from reader.errors import Problem, ReaderError
from reader.ingest.cleaning import Cleaned, clean_article
from reader.ingest.decoding import decode
from reader.ingest.fetch import fetch
from reader.ingest.htmltext import looks_like_html
from reader.ingest.webpage import extract_page
from reader.store import (
    SOURCES_DIR,
    STAGING_PREFIX,
    STORY_FILE,
    atomic_write,
    dump,
    escapes,
    load_story,
    read_stamped,
    replace_together,
    scalar_text,
)

__all__ = [
    "ARTICLE_SUFFIXES",
    "Article",
    "ImportOptions",
    "Imported",
    "adopt_orphans",
    "append_sources",
    "article_files",
    "import_articles",
    "import_files",
    "read_file",
    "read_url",
    "reimport_story",
    "slugify",
    "valid_id",
]

_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]{0,99}")
MAX_IMPORT_BYTES = 20_000_000
ARTICLE_SUFFIXES = frozenset([".txt", ".text", ".md", ".html", ".htm", ".xhtml"])
RAW_HTML_SUFFIX = ".html"


@dataclass(frozen=True)
class ImportOptions:
    """What the user stated on the command line; each overrides the importer's guess."""

    id: str | None = None
    outlet: str | None = None
    date: dt.date | None = None
    title: str | None = None
    url: str | None = None
    byline: str | None = None
    replace: bool = False
    story_title: str | None = None


@dataclass(frozen=True)
class Article:
    """One article as read, before cleaning: where it came from and its bytes.

    `where` names it in problems (a file, a URL or `-`), `name` is the default source id
    before slugging, `charset` is what an HTTP header declared.
    """

    where: Path | str
    data: bytes
    name: str
    url: str | None = None
    charset: str | None = None
    suffix: str = ""


@dataclass(frozen=True)
class Imported:
    """One source as written: its id, stored text path, metadata, and any warnings."""

    id: str
    path: Path
    meta: dict[str, str | None]
    text: str
    warnings: tuple[str, ...] = ()
    html: str | None = None


def slugify(name: str) -> str:
    """A name as a source id: lowercase letters, digits, `-` and `_`.

    Letters are transliterated to ASCII where they can be ("Café" is `cafe`); a name in
    another script gets a short hash of itself, so different names stay different ids.
    """
    folded = unicodedata.normalize("NFKD", name)
    slug = re.sub(r"[^a-z0-9_-]+", "-", folded.encode("ascii", "ignore").decode().lower())
    slug = slug.strip("-_")
    if any(ch.isalnum() and not ch.isascii() for ch in folded):
        digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
        return f"{slug[:90]}-{digest}".lstrip("-")
    return slug[:100] or "source"


def valid_id(value: str) -> str | None:
    """Why `value` cannot be an id, or None when it can."""
    if "/" in value or "\\" in value or ".." in value:
        return f"id {value!r} refused: an id names a file and may not hold '/', '\\' or '..'"
    if not _SLUG.fullmatch(value):
        return f"id {value!r} is not a slug: use lowercase letters, digits, '-' and '_'"
    return None


def read_file(path: Path) -> Article:
    """A file's bytes, refused when it cannot be read or is too large to be an article."""
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise ReaderError([Problem(path, None, f"larger than {MAX_IMPORT_BYTES} bytes")])
        data = path.read_bytes()
    except OSError as error:
        raise ReaderError([Problem(path, None, f"cannot read: {error.strerror}")]) from None
    return Article(where=path, data=data, name=path.stem, suffix=path.suffix)


def read_url(url: str) -> Article:
    """The page at `url`, named after the last part of its path (or its host)."""
    page = fetch(url)
    parts = urlsplit(page.url)
    segments = [s for s in unquote(parts.path).split("/") if s]
    name = re.sub(r"\.(?:s?html?|php|aspx?)$", "", segments[-1]) if segments else ""
    return Article(
        where=url,
        data=page.data,
        name=name or parts.hostname or "page",
        url=page.url,
        charset=page.charset,
    )


def article_files(folder: Path) -> list[Path]:
    """The article files in `folder` (text and HTML, not hidden), by name."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")
    )


def import_files(
    story_dir: Path, files: Sequence[Path], options: ImportOptions = ImportOptions()
) -> list[Imported]:
    """Add `files` as sources of the story in `story_dir`, creating the story if needed."""
    articles: list[Article] = []
    problems: list[Problem] = []
    for path in files:
        try:
            articles.append(read_file(Path(path)))
        except ReaderError as error:
            problems += error.problems
    return import_articles(story_dir, articles, options, problems)


def import_articles(
    story_dir: Path,
    articles: Sequence[Article],
    options: ImportOptions = ImportOptions(),
    problems: Sequence[Problem] = (),
) -> list[Imported]:
    """Add `articles` as sources, all or none: any problem leaves the story untouched."""
    story_dir = Path(story_dir)
    if options.id is not None and len(articles) + len(problems) != 1:
        raise ReaderError("--id names one source: import one file at a time with --id")
    prepared: list[Imported] = []
    found = list(problems)
    for article in articles:
        try:
            prepared.append(_prepare(story_dir, article, options))
        except ReaderError as error:
            found += error.problems or [Problem(article.where, None, str(error))]
    ids = [item.id for item in prepared]
    found += [
        Problem(item.path, None, f"two files would both be source {item.id!r}; use --id")
        for i, item in enumerate(prepared)
        if item.id in ids[:i]
    ]
    story_file = story_dir / STORY_FILE
    story_data, stamp = read_stamped(story_file)
    new_story_text = _story_text(story_dir, story_data, prepared, found, options)
    if (away := escapes(story_dir, story_dir / SOURCES_DIR)) is not None:
        found.append(away)
    if found:
        raise ReaderError(found)
    listing = None if new_story_text is None else (story_file, new_story_text, stamp)
    created = [d for d in (story_dir, story_dir / SOURCES_DIR) if not d.exists()]
    try:
        replace_together(story_dir / SOURCES_DIR, _files(prepared), listing)
    except BaseException:
        for folder in reversed(created):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    return prepared


def reimport_story(story_dir: Path) -> list[Imported]:
    """Extract every source kept as HTML again; stated metadata stays, gaps are filled."""
    story = load_story(story_dir)
    redone: list[Imported] = []
    for source in story.sources:
        raw = source.path.with_suffix(RAW_HTML_SUFFIX)
        if not raw.is_file():
            continue
        kept = ImportOptions(
            id=source.id,
            outlet=source.outlet,
            date=source.date,
            title=source.title,
            url=source.url,
            byline=source.byline,
            replace=True,
        )
        redone.append(_prepare(story.path, replace(read_file(raw), url=source.url), kept))
    replace_together(story.path / SOURCES_DIR, _files(redone))
    return redone


def adopt_orphans(story_dir: Path) -> list[str]:
    """What a killed import or a hand copy left: sources story.yaml does not list are listed
    (nothing is deleted), and staging folders are removed. Says what it did."""
    story_dir = Path(story_dir)
    sources = story_dir / SOURCES_DIR
    if escapes(story_dir, sources) is not None or not sources.is_dir():
        return []
    done: list[str] = []
    for staging in sorted(sources.glob(f"{STAGING_PREFIX}*")):
        shutil.rmtree(staging, ignore_errors=True)
        done.append(f"removed {staging}, left by an interrupted import")
    story_file = story_dir / STORY_FILE
    data, stamp = read_stamped(story_file)
    if data is None:
        return done
    stored = [p.stem for p in sorted(sources.glob("*.txt")) if p.with_suffix(".yaml").is_file()]
    try:
        document = yaml.safe_load(data) or {}
        listed = {str(i) for i in document.get("sources") or []}
        orphans = [i for i in stored if i not in listed]
        text = append_sources(data.decode("utf-8"), orphans)
    except (UnicodeDecodeError, yaml.YAMLError, ValueError, AttributeError) as error:
        raise ReaderError([Problem(story_file, None, f"cannot add sources: {error}")]) from None
    if text is not None:
        atomic_write(story_file, text, expected=stamp)
        done += [f"listed {i} in {story_file}" for i in orphans]
    return done


def _files(items: Sequence[Imported]) -> dict[Path, str | None]:
    """Every file the imported sources consist of; None removes a page no longer kept."""
    files: dict[Path, str | None] = {}
    for item in items:
        files[item.path] = item.text
        files[item.path.with_suffix(".yaml")] = dump(item.meta)
        files[item.path.with_suffix(RAW_HTML_SUFFIX)] = item.html
    return files


def _prepare(story_dir: Path, article: Article, options: ImportOptions) -> Imported:
    """Decode and clean one article; nothing is written yet."""
    where = article.where
    text, warnings = decode(article.data, where, article.charset)
    page: dict[str, str] = {}
    html = None
    if looks_like_html(text, article.suffix):
        html = text
        extracted = extract_page(text, options.url or article.url)
        text, page = extracted.text, dict(extracted.meta)
        if extracted.title:
            page["title"] = extracted.title
    cleaned = clean_article(text, headline=html is None)
    if not cleaned.text.strip():
        raise ReaderError([Problem(where, None, "no article text in this file; nothing imported")])
    if article.url:
        page.setdefault("url", article.url)
    source_id = options.id if options.id is not None else slugify(article.name)
    refused = valid_id(source_id)
    if refused:
        raise ReaderError([Problem(where, None, refused)])
    target = story_dir / SOURCES_DIR / f"{source_id}.txt"
    if target.exists() and not options.replace:
        raise ReaderError(
            [Problem(where, None, f"source {source_id!r} exists in {story_dir}; use --replace")]
        )
    return Imported(
        id=source_id,
        path=target,
        meta=_metadata(source_id, cleaned, page, options),
        text=cleaned.text,
        warnings=tuple(warnings),
        html=html,
    )


def _metadata(
    source_id: str, cleaned: Cleaned, page: dict[str, str], options: ImportOptions
) -> dict[str, str | None]:
    """The sidecar: stated options first, then what the page says, then the text's hints."""
    url = options.url or page.get("url")
    host = urlsplit(url).hostname if url else None
    date = options.date or cleaned.date or _page_date(page.get("date"))
    return {
        "id": source_id,
        "outlet": options.outlet or page.get("outlet") or cleaned.outlet or _site(host),
        "title": options.title or page.get("title") or cleaned.title,
        "url": url,
        "date": date.isoformat() if date else None,
        "byline": options.byline or page.get("byline"),
    }


def _page_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _site(host: str | None) -> str | None:
    return host.removeprefix("www.") if host else None


def _story_text(
    story_dir: Path,
    data: bytes | None,
    prepared: list[Imported],
    problems: list[Problem],
    options: ImportOptions,
) -> str | None:
    """story.yaml's new text: a fresh file, or the old text with new ids appended.

    A new story is titled by the user (or after its folder), never by the first page
    imported: a page's title is one outlet's headline, not the story's name.
    """
    if data is None:
        title = options.story_title or story_dir.resolve().name
        return dump({"title": title, "sources": [item.id for item in prepared]})
    try:
        return append_sources(data.decode("utf-8"), [item.id for item in prepared])
    except (UnicodeDecodeError, yaml.YAMLError, ValueError) as error:
        problems.append(Problem(story_dir / STORY_FILE, None, f"cannot add sources: {error}"))
        return None


def append_sources(text: str, ids: Sequence[str]) -> str | None:
    """`text` with `ids` appended to its `sources:` list, every other byte kept.

    None when nothing needs to change: the ids are listed already, or there is no `sources:`
    key (then every stored source belongs to the story).
    """
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(root, MappingNode):
        raise ValueError("story.yaml is not a mapping")
    found = [(k, v) for k, v in root.value if isinstance(k, ScalarNode) and k.value == "sources"]
    if not found:
        return None
    key, node = found[0]
    listed = [item.value for item in node.value] if isinstance(node, SequenceNode) else []
    new = [i for i in dict.fromkeys(ids) if i not in listed]
    if not new:
        return None
    lines = text.splitlines(keepends=True)
    if isinstance(node, SequenceNode) and node.value and not node.flow_style:
        first, last = node.value[0], node.value[-1]
        indent = lines[first.start_mark.line][: first.start_mark.column]
        at = last.end_mark.line + (last.end_mark.column > 0)
        added = "".join(f"{indent}{scalar_text(i)}\n" for i in new)
        if at > 0 and not lines[at - 1].endswith("\n"):
            lines[at - 1] += "\n"
        lines[at:at] = [added]
        result = "".join(lines)
    elif isinstance(node, SequenceNode) or node.tag.endswith(":null"):
        flow = "[" + ", ".join(scalar_text(i) for i in [*listed, *new]) + "]"
        start = node.start_mark.index if node.end_mark.index > node.start_mark.index else None
        result = (
            text[:start] + flow + text[node.end_mark.index :]
            if start is not None
            else text[: key.end_mark.index] + ": " + flow + _after_colon(text, key.end_mark.index)
        )
    else:
        raise ValueError("its sources: is not a list")
    check = yaml.safe_load(result)
    if [str(i) for i in check.get("sources") or []] != [*listed, *new]:
        raise ValueError("its sources: list has a shape this tool cannot edit; add ids by hand")
    return result


def _after_colon(text: str, index: int) -> str:
    """The text after `key:` (and its empty value) when the value is written as nothing."""
    rest = text[index:]
    return rest[rest.index(":") + 1 :] if ":" in rest.split("\n", 1)[0] else rest
