"""The story store: finding story folders and loading them into a validated Story.

A story is plain files a person can edit (see the README's "Story folder" section), so the
loader trusts nothing: every problem in every file is collected with its file and line, and
load_story raises them all at once instead of stopping at the first.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

from yaml.nodes import Node

from reader.errors import Problem, ReaderError
from reader.model import Event, Source, Speaker, Story
from reader.sanitize import visible
from reader.store.annotations_file import ANNOTATIONS_FILE, load_annotations
from reader.store.containment import escapes
from reader.store.yamlio import YamlFile

SAMPLE_ID = "balenciaga-2022"
STORY_FILE = "story.yaml"
SOURCES_DIR = "sources"
STORY_KEYS = ("title", "summary", "speakers", "events", "sources")
SPEAKER_KEYS = ("name", "aliases", "role")
EVENT_KEYS = ("date", "label")
SOURCE_KEYS = ("id", "outlet", "title", "url", "date", "byline")
MAX_TEXT_BYTES = 20_000_000
_PACKAGE = Path(__file__).resolve().parent.parent
_BUNDLED_SAMPLE = _PACKAGE / "sample"


def store_root() -> Path:
    """The store folder: $READER_STORIES, else ./stories."""
    return Path(os.environ.get("READER_STORIES") or "stories")


def list_stories(root: Path | None = None) -> list[Path]:
    """The story folders (those holding a story.yaml) in the store, by name."""
    folder = store_root() if root is None else root
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if (p / STORY_FILE).is_file())


def sample_story() -> Path:
    """The bundled sample: package data when installed, the repo's stories/ in a checkout."""
    for candidate in (_BUNDLED_SAMPLE, _PACKAGE.parent / "stories" / SAMPLE_ID):
        if (candidate / STORY_FILE).is_file():
            return candidate
    raise ReaderError(f"the sample story is missing from this installation ({_BUNDLED_SAMPLE})")


def copy_sample(root: Path) -> Path:
    """The sample as a story of the store (`root/balenciaga-2022`), copied there if missing,
    so that annotating it never writes into the installed package."""
    target = root / SAMPLE_ID
    if (target / STORY_FILE).is_file():
        return target
    staging = root / f".{SAMPLE_ID}.{os.getpid()}.copying"
    try:
        root.mkdir(parents=True, exist_ok=True)
        shutil.copytree(sample_story(), staging, ignore=shutil.ignore_patterns(ANNOTATIONS_FILE))
        staging.rename(target)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        reason = error.strerror or str(error)
        raise ReaderError(
            f"cannot copy the sample story into {target}: {reason}; "
            "set READER_STORIES to a folder you can write to"
        ) from error
    return target


def find_story(ref: str | None, on_copy: Callable[[Path], None] | None = None) -> Path:
    """A story folder from a path or a store id; with no ref, the only story or the sample
    (copied into the store first, and `on_copy` told where)."""
    root = store_root()
    if ref is None:
        stories = list_stories(root)
        if not stories:
            return _sample_in(root, on_copy)
        if len(stories) == 1:
            return stories[0]
        names = ", ".join(p.name for p in stories)
        raise ReaderError(f"{root} holds several stories; name one: {names}")
    path = Path(ref)
    for candidate in (path, root / ref):
        if (candidate / STORY_FILE).is_file():
            return candidate
    if path.is_dir() and (missing := _no_story_file(path)) is not None:
        raise ReaderError([missing])
    if ref == SAMPLE_ID:
        return _sample_in(root, on_copy)
    known = ", ".join(p.name for p in list_stories(root)) or "none"
    raise ReaderError(f"no story {ref!r}: not a folder, nor a story in {root} (stories: {known})")


def _sample_in(root: Path, on_copy: Callable[[Path], None] | None) -> Path:
    copied = not (root / SAMPLE_ID / STORY_FILE).is_file()
    path = copy_sample(root)
    if copied and on_copy is not None:
        on_copy(path)
    return path


def load_story(path: Path) -> Story:
    """The story in `path`, or ReaderError listing every problem found in its files."""
    story, problems = _load(Path(path))
    if problems or story is None:
        raise ReaderError(problems or [Problem(Path(path), None, "cannot load this story")])
    return story


def check_story(path: Path) -> list[Problem]:
    """Every problem in the story's files, annotations.yaml included; empty when sound.

    An annotation on a source the story lacks, or whose same_as names no other annotation, is
    a problem here but still loads: the app and the commands keep showing the rest.
    """
    story, problems = _load(Path(path))
    try:
        annotations = load_annotations(Path(path))
    except ReaderError as error:
        return [*problems, *error.problems]
    sources = {s.id for s in story.sources} if story is not None else None
    ids = {a.id for a in annotations}
    for a in annotations:
        wrong = []
        if sources is not None and a.anchor.source not in sources:
            wrong.append(f"no source {a.anchor.source!r} in this story")
        if a.same_as == a.id:
            wrong.append("same_as names the annotation itself")
        elif a.same_as is not None and a.same_as not in ids:
            wrong.append(f"same_as names no annotation ({a.same_as!r})")
        file = Path(path) / ANNOTATIONS_FILE
        problems += [Problem(file, None, f"annotation {a.id}: {message}") for message in wrong]
    return problems


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """A stored text file: UTF-8, not binary, not empty."""
    try:
        if path.stat().st_size > MAX_TEXT_BYTES:
            return None, [Problem(path, None, f"larger than {MAX_TEXT_BYTES} bytes")]
        data = path.read_bytes()
    except OSError as error:
        return None, [Problem(path, None, f"cannot read: {error.strerror or error}")]
    if b"\0" in data:
        line = data[: data.index(b"\0")].count(b"\n") + 1
        return None, [Problem(path, line, "binary data (NUL byte), not text")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        bad = data[error.start : error.start + 1].hex()
        message = f"not UTF-8 text (byte 0x{bad}); save the file as UTF-8"
        return None, [Problem(path, line, message)]
    return text.removeprefix("\ufeff").replace("\r\n", "\n"), []


def _load(folder: Path) -> tuple[Story | None, list[Problem]]:
    """The loader boundary: whatever goes wrong below becomes a Problem, never a traceback."""
    try:
        return _load_folder(folder)
    except RecursionError:
        return None, [Problem(folder, None, "a file is nested too deeply to read")]
    except Exception as error:
        return None, [Problem(folder, None, f"cannot load story: {error!r}")]


def _no_story_file(folder: Path) -> Problem | None:
    """Why `folder` holds no readable story.yaml, or None when it does."""
    story_file = folder / STORY_FILE
    if story_file.is_dir():
        return Problem(story_file, None, "a folder where the story file should be")
    if not story_file.is_file():
        return Problem(story_file, None, "not a story folder: no story.yaml")
    return None


def _load_folder(folder: Path) -> tuple[Story | None, list[Problem]]:
    if (missing := _no_story_file(folder)) is not None:
        return None, [missing]
    story_file = folder / STORY_FILE
    doc = YamlFile(story_file)
    text, problems = read_text(story_file)
    fields = doc.top(text, STORY_KEYS, "story.yaml") if text is not None else None
    if fields is None:
        return None, [*problems, *doc.problems]
    story_id = _story_id(folder)
    title = doc.text(fields.get("title"), "title") or story_id
    summary = doc.text(fields.get("summary"), "summary") or ""
    speakers = tuple(_speakers(doc, fields.get("speakers")))
    events = tuple(_events(doc, fields.get("events")))
    order = _source_order(doc, fields)
    sources, source_problems = _sources(folder, doc, order)
    problems += doc.problems + source_problems
    story = Story(
        id=story_id,
        path=folder,
        title=title,
        summary=summary.strip(),
        speakers=speakers,
        events=events,
        sources=sources,
    )
    return story, problems


def _story_id(folder: Path) -> str:
    """The folder's name as the user reaches it (a link keeps its own name); the installed
    sample keeps its store id."""
    if folder.resolve() == _BUNDLED_SAMPLE.resolve():
        return SAMPLE_ID
    return folder.absolute().name


def _speakers(doc: YamlFile, node: Node | None) -> Iterator[Speaker]:
    seen: set[str] = set()
    for item in doc.items(node, "speakers"):
        fields = doc.mapping(item, SPEAKER_KEYS, "a speaker")
        if fields is None:
            continue
        name = doc.text(fields.get("name"), "a speaker's name")
        if name is None:
            doc.problem(item, "a speaker needs a name")
            continue
        if name in seen:
            doc.problem(item, f"speaker {name!r} is listed twice; merge the entries")
        seen.add(name)
        aliases = tuple(a for a, _ in doc.texts(fields.get("aliases"), f"{name}'s aliases"))
        role = doc.text(fields.get("role"), f"{name}'s role")
        yield Speaker(name=name, aliases=aliases, role=role)


def _events(doc: YamlFile, node: Node | None) -> Iterator[Event]:
    for item in doc.items(node, "events"):
        fields = doc.mapping(item, EVENT_KEYS, "an event")
        if fields is None:
            continue
        label = doc.text(fields.get("label"), "an event's label")
        date = doc.event_date(fields.get("date"), "an event's date")
        if "date" not in fields:
            doc.problem(item, "an event needs a date: YYYY, YYYY-MM or YYYY-MM-DD")
        elif date is None:
            continue
        elif not label:
            doc.problem(item, "an event needs a label")
        else:
            yield Event(date=date, label=label, origin="story")


def _source_order(doc: YamlFile, fields: dict[str, Node]) -> list[tuple[str, Node]] | None:
    """The ids listed in `sources:`; None when the key is absent (every stored source, by id)."""
    if "sources" not in fields:
        return None
    order: list[tuple[str, Node]] = []
    for source_id, node in doc.texts(fields["sources"], "sources"):
        if any(source_id == seen for seen, _ in order):
            doc.problem(node, f"source {source_id!r} is listed twice")
        else:
            order.append((source_id, node))
    return order


def _sources(
    folder: Path, doc: YamlFile, listed_order: list[tuple[str, Node]] | None
) -> tuple[tuple[Source, ...], list[Problem]]:
    directory = folder / SOURCES_DIR
    problems: list[Problem] = []
    if (away := escapes(folder, directory)) is not None:
        return (), [away]
    if directory.exists() and not directory.is_dir():
        return (), [Problem(directory, None, "a file where the sources folder should be")]
    stored = []
    for path in sorted(directory.glob("*.txt")) if directory.is_dir() else []:
        if (away := escapes(folder, path)) is not None:
            problems.append(away)
        else:
            stored.append(path)
    stored_ids = {p.stem for p in stored}
    order: list[tuple[str, Node | None]] = (
        [(p.stem, None) for p in stored] if listed_order is None else list(listed_order)
    )
    listed = {source_id for source_id, _ in order}
    for path in stored:
        if path.stem not in listed:
            problems.append(
                Problem(path, None, "not listed in story.yaml's sources:; add its id there")
            )
    for path in sorted(directory.glob("*.yaml")) if directory.is_dir() else []:
        if path.stem not in stored_ids:
            problems.append(Problem(path, None, f"metadata with no text file {path.stem}.txt"))
    sources: list[Source] = []
    for source_id, node in order:
        if source_id not in stored_ids:
            doc.problem(node, f"source {source_id!r} has no file {SOURCES_DIR}/{source_id}.txt")
            continue
        source, found = _source(directory, source_id)
        problems += found
        if source is not None:
            sources.append(source)
    return tuple(sources), problems


def _source(directory: Path, source_id: str) -> tuple[Source | None, list[Problem]]:
    text_path, meta_path = directory / f"{source_id}.txt", directory / f"{source_id}.yaml"
    text, problems = read_text(text_path)
    if text is not None and not text.strip():
        problems.append(Problem(text_path, None, "empty source; delete it or re-import it"))
    if not meta_path.is_file():
        problems.append(Problem(meta_path, None, f"missing: the metadata of {source_id}.txt"))
        return None, problems
    if (away := escapes(directory.parent, meta_path)) is not None:
        return None, [*problems, away]
    meta = YamlFile(meta_path)
    meta_text, meta_problems = read_text(meta_path)
    problems += meta_problems
    fields = meta.top(meta_text, SOURCE_KEYS, "source metadata") if meta_text is not None else None
    if fields is None:
        return None, problems + meta.problems
    stated = meta.text(fields.get("id"), "id")
    if stated is not None and stated != source_id:
        meta.problem(fields["id"], f"id {stated!r} does not match the file name {source_id!r}")
    source = Source(
        id=source_id,
        text=visible(text or ""),
        path=text_path,
        outlet=meta.text(fields.get("outlet"), "outlet"),
        title=meta.text(fields.get("title"), "title"),
        date=meta.date(fields.get("date"), "date"),
        url=meta.text(fields.get("url"), "url"),
        byline=meta.text(fields.get("byline"), "byline"),
    )
    return source, problems + meta.problems
