"""`reader import`: raw article files (text or HTML) become cleaned sources of a story.

Every file is read, decoded and cleaned before anything is written, so a bad file leaves
the story untouched. story.yaml belongs to people: an import only appends the new ids to
its `sources:` list, as text, so their comments and ordering survive.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from reader.errors import Problem, ReaderError
from reader.ingest.cleaning import Cleaned, clean_article
from reader.ingest.htmltext import html_to_text, looks_like_html
from reader.store import SOURCES_DIR, STORY_FILE, atomic_write, dump, read_stamped, scalar_text

__all__ = [
    "ImportOptions",
    "Imported",
    "append_sources",
    "decode",
    "import_files",
    "slugify",
    "valid_id",
]

_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]{0,99}")
MAX_IMPORT_BYTES = 20_000_000


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


@dataclass(frozen=True)
class Imported:
    """One source as written: its id, stored text path, metadata, and any warnings."""

    id: str
    path: Path
    meta: dict[str, str | None]
    text: str
    warnings: tuple[str, ...] = ()


def slugify(name: str) -> str:
    """A file stem as a source id: lowercase letters, digits, `-` and `_`."""
    slug = re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-_")
    return slug[:100] or "source"


def valid_id(value: str) -> str | None:
    """Why `value` cannot be an id, or None when it can."""
    if "/" in value or "\\" in value or ".." in value:
        return f"id {value!r} refused: an id names a file and may not hold '/', '\\' or '..'"
    if not _SLUG.fullmatch(value):
        return f"id {value!r} is not a slug: use lowercase letters, digits, '-' and '_'"
    return None


def decode(data: bytes, path: Path) -> tuple[str, list[str]]:
    """UTF-8, else cp1252 with a warning; binary data is refused."""
    if b"\0" in data[:65536] or data.startswith((b"%PDF", b"PK\x03\x04", b"\x89PNG")):
        raise ReaderError([Problem(path, None, "binary file, not an article; nothing imported")])
    try:
        return data.decode("utf-8").removeprefix("\ufeff"), []
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ReaderError(
            [Problem(path, line, "neither UTF-8 nor Windows-1252 text; convert it to UTF-8")]
        ) from None
    return text, [f"{path}:{line}: not UTF-8; read as Windows-1252 (cp1252)"]


def import_files(
    story_dir: Path, files: Sequence[Path], options: ImportOptions = ImportOptions()
) -> list[Imported]:
    """Add `files` as sources of the story in `story_dir`, creating the story if needed."""
    story_dir = Path(story_dir)
    if options.id is not None and len(files) != 1:
        raise ReaderError("--id names one source: import one file at a time with --id")
    prepared: list[Imported] = []
    problems: list[Problem] = []
    for path in files:
        try:
            prepared.append(_prepare(story_dir, Path(path), options))
        except ReaderError as error:
            problems += error.problems or [Problem(Path(path), None, str(error))]
    ids = [item.id for item in prepared]
    problems += [
        Problem(item.path, None, f"two files would both be source {item.id!r}; use --id")
        for i, item in enumerate(prepared)
        if item.id in ids[:i]
    ]
    story_file = story_dir / STORY_FILE
    story_data, stamp = read_stamped(story_file)
    new_story_text = _story_text(story_dir, story_data, prepared, problems)
    if problems:
        raise ReaderError(problems)
    (story_dir / SOURCES_DIR).mkdir(parents=True, exist_ok=True)
    for item in prepared:
        atomic_write(item.path, item.text)
        atomic_write(item.path.with_suffix(".yaml"), dump(item.meta))
    if new_story_text is not None:
        atomic_write(story_file, new_story_text, expected=stamp)
    return prepared


def _prepare(story_dir: Path, path: Path, options: ImportOptions) -> Imported:
    """Read, decode and clean one file; nothing is written yet."""
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise ReaderError([Problem(path, None, f"larger than {MAX_IMPORT_BYTES} bytes")])
        data = path.read_bytes()
    except OSError as error:
        raise ReaderError([Problem(path, None, f"cannot read: {error.strerror}")]) from None
    text, warnings = decode(data, path)
    meta: dict[str, str] = {}
    if looks_like_html(text, path.suffix):
        page = html_to_text(text)
        text, meta = page.text, dict(page.meta)
        if page.title:
            meta.setdefault("title", page.title)
    cleaned = clean_article(text)
    if not cleaned.text.strip():
        raise ReaderError([Problem(path, None, "no article text in this file; nothing imported")])
    source_id = options.id if options.id is not None else slugify(path.stem)
    refused = valid_id(source_id)
    if refused:
        raise ReaderError([Problem(path, None, refused)])
    target = story_dir / SOURCES_DIR / f"{source_id}.txt"
    if target.exists() and not options.replace:
        raise ReaderError(
            [Problem(path, None, f"source {source_id!r} exists in {story_dir}; use --replace")]
        )
    return Imported(
        id=source_id,
        path=target,
        meta=_metadata(source_id, cleaned, meta, options),
        text=cleaned.text,
        warnings=tuple(warnings),
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
        "title": options.title or cleaned.title or page.get("title"),
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
    story_dir: Path, data: bytes | None, prepared: list[Imported], problems: list[Problem]
) -> str | None:
    """story.yaml's new text: a fresh file, or the old text with new ids appended."""
    if data is None:
        titles = [item.meta["title"] for item in prepared if item.meta["title"]]
        title = titles[0] if titles else story_dir.resolve().name
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
