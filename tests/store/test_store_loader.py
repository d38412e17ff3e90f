"""Loading a story: the sample loads, and every kind of bad file names its file and line."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.errors import ReaderError
from reader.store import (
    check_story,
    find_story,
    list_stories,
    load_story,
    sample_story,
    store_root,
    yamlio,
)

SAMPLE_IDS = [
    "000_43b94baa6551b378",
    "001_68c18a8236d82fe6",
    "002_fa2f828c7e6d5711",
    "003_89cd16c0579f4fbc",
    "004_bd387176dcec0e57",
]


def make_story(folder: Path, story_yaml: str = "title: T\nsources:\n- a\n") -> Path:
    """A small valid story with one source `a`."""
    (folder / "sources").mkdir(parents=True)
    (folder / "story.yaml").write_text(story_yaml, "utf-8")
    (folder / "sources" / "a.txt").write_text("Some article text.\n", "utf-8")
    (folder / "sources" / "a.yaml").write_text("id: a\noutlet: X\ndate: 2022-11-28\n", "utf-8")
    return folder


def test_sample_story_loads_with_its_sources_and_speakers(sample_path: Path) -> None:
    story = load_story(sample_path)
    assert story.id == "balenciaga-2022"
    assert [s.id for s in story.sources] == SAMPLE_IDS
    assert story.source("001_68c18a8236d82fe6").date == dt.date(2022, 11, 28)
    assert story.source("000_43b94baa6551b378").outlet == "WWD"
    kim = next(s for s in story.speakers if s.name == "Kim Kardashian")
    assert "Kardashian" in kim.aliases and "the SKIMS boss" in kim.aliases
    assert {"Balenciaga", "Gabriele Galimberti", "CBS News"} <= {s.name for s in story.speakers}
    assert check_story(sample_path) == []
    for source in story.sources:
        assert source.text == source.path.read_text("utf-8")


def test_sample_story_is_found_from_the_package() -> None:
    assert load_story(sample_story()).id == "balenciaga-2022"


def test_minimal_story_reads_metadata(tmp_path: Path) -> None:
    story = load_story(make_story(tmp_path / "s"))
    assert story.title == "T"
    assert story.sources[0].outlet == "X"
    assert story.sources[0].date == dt.date(2022, 11, 28)


def test_story_without_sources_key_shows_every_source_by_id(tmp_path: Path) -> None:
    folder = make_story(tmp_path / "s", "title: T\n")
    (folder / "sources" / "0.txt").write_text("Earlier.\n", "utf-8")
    (folder / "sources" / "0.yaml").write_text("id: '0'\n", "utf-8")
    assert [s.id for s in load_story(folder).sources] == ["0", "a"]


# (file written, its content, expected "file:line:" prefix, words in the message)
BAD_STORY_YAML = [
    ("title: [unclosed\n", "story.yaml:1:", "syntax"),
    ("title: T\n  nested: wrong\n", "story.yaml:2:", "syntax"),
    ("title: T\nauthor: me\n", "story.yaml:2:", "unknown key 'author'"),
    ("title: T\ntitle: U\n", "story.yaml:2:", "duplicate key 'title'"),
    ("title: [1, 2]\n", "story.yaml:1:", "single value"),
    ("title: 42\n", "story.yaml:1:", "must be text"),
    ("- a\n- b\n", "story.yaml:1:", "must be a mapping"),
    ("title: !!python/object/apply:os.system [ls]\n", "story.yaml:1:", "!!python/object"),
    ("title: !custom x\n", "story.yaml:1:", "tag !custom"),
    ("a: &x [1, 2]\ntitle: *x\n", "story.yaml:2:", "aliases"),
    ("title: T\nsources:\n- a\n- a\n", "story.yaml:4:", "listed twice"),
    ("title: T\nsources:\n- a\n- gone\n", "story.yaml:4:", "no file sources/gone.txt"),
    ("title: T\nsources: a\n", "story.yaml:2:", "must be a list"),
    ("title: T\nsources:\n- a\nspeakers:\n- role: x\n", "story.yaml:5:", "needs a name"),
    (
        "title: T\nsources: [a]\nspeakers:\n- name: A\n  aliases: B\n",
        "story.yaml:5:",
        "aliases must be a list",
    ),
    ("title: T\nsources: [a]\nevents:\n- date: 2022-13\n  label: x\n", "story.yaml:4:", "date"),
    ("title: T\nsources: [a]\nevents:\n- date: 2022\n", "story.yaml:4:", "label"),
    ("title: T\nsources: [a]\n---\ntitle: U\n", "story.yaml:3:", "single document"),
]


@pytest.mark.parametrize(("content", "where", "words"), BAD_STORY_YAML)
def test_bad_story_yaml_names_file_and_line(
    tmp_path: Path, content: str, where: str, words: str
) -> None:
    folder = make_story(tmp_path / "s", content)
    problems = [str(p) for p in check_story(folder)]
    assert any(where in p and words in p for p in problems), problems
    with pytest.raises(ReaderError) as raised:
        load_story(folder)
    assert where in str(raised.value)


BAD_SOURCE_FILES = [
    ("a.yaml", "id: a\nwho: me\n", "a.yaml:2:", "unknown key 'who'"),
    ("a.yaml", "id: b\n", "a.yaml:1:", "does not match"),
    ("a.yaml", "id: a\ndate: 28/11/2022\n", "a.yaml:2:", "date"),
    ("a.yaml", "id: a\ndate: 2022-02-31\n", "a.yaml:2:", "out of range"),
    ("a.yaml", "id: a\nurl: 5\n", "a.yaml:2:", "must be text"),
    ("a.yaml", "id: a\noutlet: 'open\n", "a.yaml:2:", "syntax"),
    ("a.txt", "\n\n", "a.txt:", "empty source"),
    ("a.txt", b"abc\ndef\0ghi", "a.txt:2:", "binary"),
    ("a.txt", b"line one\ncaf\xe9\n", "a.txt:2:", "not UTF-8"),
]


@pytest.mark.parametrize(("name", "content", "where", "words"), BAD_SOURCE_FILES)
def test_bad_source_files_name_file_and_line(
    tmp_path: Path, name: str, content: str | bytes, where: str, words: str
) -> None:
    folder = make_story(tmp_path / "s")
    data = content.encode() if isinstance(content, str) else content
    (folder / "sources" / name).write_bytes(data)
    problems = [str(p) for p in check_story(folder)]
    assert any(where in p and words in p for p in problems), problems


def test_text_without_metadata_and_metadata_without_text(tmp_path: Path) -> None:
    folder = make_story(tmp_path / "s", "title: T\n")
    (folder / "sources" / "b.txt").write_text("Text.\n", "utf-8")
    (folder / "sources" / "c.yaml").write_text("id: c\n", "utf-8")
    problems = [str(p) for p in check_story(folder)]
    assert any("b.yaml" in p and "missing" in p for p in problems), problems
    assert any("c.yaml" in p and "no text file" in p for p in problems), problems


def test_unlisted_source_is_reported(tmp_path: Path) -> None:
    folder = make_story(tmp_path / "s")
    (folder / "sources" / "b.txt").write_text("Text.\n", "utf-8")
    (folder / "sources" / "b.yaml").write_text("id: b\n", "utf-8")
    assert any("b.txt" in str(p) and "not listed" in str(p) for p in check_story(folder))


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    folder = make_story(tmp_path / "s", "title: T\nauthor: x\nsources:\n- a\n- gone\n")
    (folder / "sources" / "a.yaml").write_text("id: a\nwho: x\n", "utf-8")
    with pytest.raises(ReaderError) as raised:
        load_story(folder)
    assert len(raised.value.problems) == 3


def test_missing_story_yaml(tmp_path: Path) -> None:
    problems = check_story(tmp_path)
    assert len(problems) == 1 and "no story.yaml" in problems[0].message


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    folder = make_story(tmp_path / "s", "\n".join(lines) + "\ntitle: T\n")
    problems = check_story(folder)
    assert [p.line for p in problems] == [2] and "aliases" in problems[0].message


def test_deep_nesting_is_refused_not_crashing(tmp_path: Path) -> None:
    folder = make_story(tmp_path / "s", "title: " + "[" * 100_000 + "]" * 100_000 + "\n")
    problem = check_story(folder)[0]
    # PyYAML 6.0.4 and newer refuse it themselves ("exceeded maximum nesting depth").
    assert problem.line == 1 and "nest" in problem.message


def test_huge_yaml_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlio, "MAX_YAML_BYTES", 100)
    folder = make_story(tmp_path / "s", "title: " + "x" * 200 + "\n")
    assert "too large" in check_story(folder)[0].message


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    content=st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"#\n \t?,%@`0é")), max_size=80)
)
def test_any_story_yaml_gives_problems_never_a_traceback(tmp_path: Path, content: str) -> None:
    folder = tmp_path / "fuzz"
    if not folder.exists():
        make_story(folder)
    (folder / "story.yaml").write_text(content, "utf-8")
    problems = check_story(folder)
    assert all(p.file.name in {"story.yaml", "a.txt", "a.yaml"} for p in problems)
    if problems:
        with pytest.raises(ReaderError):
            load_story(folder)


def test_store_root_and_listing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_STORIES", str(tmp_path))
    make_story(tmp_path / "one")
    make_story(tmp_path / "two")
    (tmp_path / "not-a-story").mkdir()
    assert store_root() == tmp_path
    assert [p.name for p in list_stories()] == ["one", "two"]
    assert find_story("two") == tmp_path / "two"
    assert find_story(str(tmp_path / "one")) == tmp_path / "one"
    with pytest.raises(ReaderError, match="several stories"):
        find_story(None)
    with pytest.raises(ReaderError, match="no story 'three'"):
        find_story("three")


def test_no_store_means_the_sample_copied_into_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "nothing"
    monkeypatch.setenv("READER_STORIES", str(store))
    copies: list[Path] = []
    found = find_story(None, on_copy=copies.append)
    assert found == store / "balenciaga-2022" == copies[0]
    assert list_stories() == [found]
    assert find_story("balenciaga-2022", on_copy=copies.append) == found
    assert len(copies) == 1  # copied once, then a story like any other
    bundled = sample_story()
    assert bundled != found and not (found / "annotations.yaml").exists()
    assert load_story(found).sources == tuple(
        replace(s, path=found / s.path.relative_to(bundled)) for s in load_story(bundled).sources
    )
    assert load_story(found).id == "balenciaga-2022"


def test_the_sample_by_name_is_copied_even_beside_other_stories(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_story(tmp_path / "mine")
    monkeypatch.setenv("READER_STORIES", str(tmp_path))
    assert find_story("balenciaga-2022") == tmp_path / "balenciaga-2022"
    assert [p.name for p in list_stories()] == ["balenciaga-2022", "mine"]


def test_a_store_that_cannot_take_the_sample_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv("READER_STORIES", str(tmp_path / "file"))
    with pytest.raises(ReaderError, match=r"cannot copy the sample story into .*READER_STORIES"):
        find_story(None)


def test_a_story_reached_through_a_link_keeps_the_link_s_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = make_story(tmp_path / "elsewhere" / "real-name")
    store = tmp_path / "store"
    store.mkdir()
    (store / "linked").symlink_to(real, target_is_directory=True)
    monkeypatch.setenv("READER_STORIES", str(store))
    assert [p.name for p in list_stories()] == ["linked"]
    assert load_story(find_story("linked")).id == "linked"


@pytest.mark.parametrize("content", ["", "---\n", "--- \n...\n", "# only a comment\n"])
def test_an_empty_story_yaml_is_a_story_with_defaults(tmp_path: Path, content: str) -> None:
    folder = make_story(tmp_path / "s", content)
    assert check_story(folder) == []
    assert [s.id for s in load_story(folder).sources] == ["a"]
