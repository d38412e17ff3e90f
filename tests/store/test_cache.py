"""The analysis cache: hits, invalidation, damage, location and the JSON round trip."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from types import ModuleType

import pytest

import reader.analysis
import reader.analysis.speech
import reader.model
import reader.text
from reader.model import (
    Analysis,
    Cluster,
    Event,
    Occurrence,
    Quote,
    Reuse,
    Source,
    Span,
    Speaker,
    Story,
)
from reader.serialize import analysis_from_data, analysis_to_data
from reader.workspace import cache, cache_dir, cache_key, cache_path, cached_analysis, load_analysis
from reader.workspace.cache import analysis_code

RICH = Analysis(
    story="s",
    quotes=(Quote("a", 1, 4, "abc", "unclosed", "Kim", 0.8, (5, 9)), Quote("b", 0, 3, "abd")),
    clusters=(
        Cluster(
            "q1",
            "abc",
            "Kim",
            (Occurrence("a", 1, 4, "abc"), Occurrence("b", 0, 3, "abd", "variant", 0.75)),
            0.9,
        ),
    ),
    reuse=(Reuse("r1", "wire", (Occurrence("a", 5, 9, "wire"),)),),
    events=(Event("2022-11", "Something", (Span("a", 0, 2, "ab"),), "story"),),
    speakers=(Speaker("Kim", ("K",), "star", proposed=True),),
    timings={"quotes": 0.5},
)


def make_story(tmp_path: Path, text: str = "Kardashian wrote on Sunday.") -> Story:
    source = Source("a", text, tmp_path / "a.txt", outlet="WWD")
    return Story("s", tmp_path, "Title", speakers=(Speaker("Kim Kardashian"),), sources=(source,))


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Counts the real analyses run."""
    made: list[str] = []
    real = reader.analysis.analyze

    def counting(story: Story) -> Analysis:
        made.append(story.id)
        return real(story)

    monkeypatch.setattr(reader.analysis, "analyze", counting)
    return made


def test_round_trip_keeps_every_field() -> None:
    data = json.loads(json.dumps(analysis_to_data(RICH)))
    again = analysis_from_data(data)
    assert again == RICH
    assert again.timings == RICH.timings
    assert again.quotes[0].cue == (5, 9)


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.update(clusters=[{"id": "x"}]),
        lambda d: d["clusters"][0]["occurrences"][0].update(match="copied"),
        lambda d: d["quotes"][0].update(start="1"),
        lambda d: d.update(unknown=1),
        lambda d: d.clear(),
    ],
)
def test_a_malformed_document_is_refused(damage: object) -> None:
    data = analysis_to_data(RICH)
    damage(data)  # type: ignore[operator]
    with pytest.raises(ValueError):
        analysis_from_data(data)


def test_second_load_uses_the_cache(tmp_path: Path, calls: list[str]) -> None:
    story = make_story(tmp_path)
    first = load_analysis(story)
    second = load_analysis(story)
    assert calls == ["s"]
    assert second == first
    assert json.loads(cache_path(story).read_text())["key"] == cache_key(story)


@pytest.mark.parametrize(
    "change",
    [
        lambda s: dataclasses.replace(
            s, sources=(dataclasses.replace(s.sources[0], text=s.sources[0].text + "!"),)
        ),
        lambda s: dataclasses.replace(
            s, sources=(dataclasses.replace(s.sources[0], outlet="Other"),)
        ),
        lambda s: dataclasses.replace(s, sources=(dataclasses.replace(s.sources[0], id="b"),)),
        lambda s: dataclasses.replace(s, title="New title"),
        lambda s: dataclasses.replace(s, summary="New summary"),
        lambda s: dataclasses.replace(s, speakers=(Speaker("Kim Kardashian", ("Kim",)),)),
        lambda s: dataclasses.replace(s, events=(Event("2022-11-27", "Statement"),)),
    ],
    ids=["text", "metadata", "source id", "title", "summary", "speakers", "events"],
)
def test_any_change_invalidates(tmp_path: Path, calls: list[str], change: object) -> None:
    story = make_story(tmp_path)
    load_analysis(story)
    changed = change(story)  # type: ignore[operator]
    assert cache_key(changed) != cache_key(story)
    load_analysis(changed)
    load_analysis(changed)
    assert len(calls) == 2


@pytest.mark.parametrize("module", [reader.text, reader.model, reader.analysis.speech])
def test_a_change_to_code_the_analysis_imports_invalidates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: ModuleType
) -> None:
    """reader/text.py is no analysis module, but eleven of them read words through it."""
    story = make_story(tmp_path)
    changed = Path(str(module.__file__))
    real_bytes = Path.read_bytes

    def edited_bytes(path: Path) -> bytes:
        return real_bytes(path) + (b"\n# edited\n" if path == changed else b"")

    cache._code_digest.cache_clear()
    before = cache_key(story)
    monkeypatch.setattr(Path, "read_bytes", edited_bytes)
    cache._code_digest.cache_clear()
    try:
        assert cache_key(story) != before
    finally:
        monkeypatch.undo()
        cache._code_digest.cache_clear()


def test_the_analysis_code_is_what_it_imports_and_no_more() -> None:
    files = {f.relative_to(Path(reader.__file__).parent).as_posix() for f in analysis_code()}
    assert {"__init__.py", "text.py", "model.py", "analysis/__init__.py"} <= files
    assert {"analysis/speech.py", "analysis/named.py"} <= files
    assert not [f for f in files if f.startswith(("app/", "cli/", "store/", "workspace/"))]


@pytest.mark.parametrize(
    "content",
    [b"\x00\xffnot json", b"{", b"[]", b'{"key": 1}', b'{"key": "KEY", "analysis": {"story": 3}}'],
)
def test_a_damaged_cache_is_ignored_and_rebuilt(
    tmp_path: Path, calls: list[str], content: bytes
) -> None:
    story = make_story(tmp_path)
    path = cache_path(story)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.replace(b"KEY", cache_key(story).encode()))
    result = load_analysis(story)
    assert calls == ["s"]
    assert analysis_from_data(json.loads(path.read_text())["analysis"]) == result
    load_analysis(story)
    assert calls == ["s"]


def test_an_unwritable_cache_never_breaks_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, calls: list[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("READER_CACHE", str(blocker / "cache"))
    story = make_story(tmp_path)
    assert load_analysis(story) == load_analysis(story)
    assert len(calls) == 2


def test_the_cache_lives_outside_the_story_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "story").mkdir()
    story = make_story(tmp_path / "story")
    monkeypatch.delenv("READER_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "reader"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "reader"
    monkeypatch.setenv("READER_CACHE", str(tmp_path / "env"))
    load_analysis(story)
    assert [p.parent for p in (tmp_path / "env").iterdir()] == [tmp_path / "env"]
    assert not list(story.path.glob("*.json"))


def test_two_story_folders_do_not_share_a_file(tmp_path: Path) -> None:
    assert cache_path(make_story(tmp_path / "one")) != cache_path(make_story(tmp_path / "two"))


def _plant(story: Story, analysis: Analysis | dict[str, object]) -> None:
    data = analysis_to_data(analysis) if isinstance(analysis, Analysis) else analysis
    cache_path(story).parent.mkdir(parents=True, exist_ok=True)
    document = {"key": cache_key(story), "analysis": data}
    cache_path(story).write_text(json.dumps(document), "utf-8")


def test_a_planted_cache_that_fits_the_story_is_used(tmp_path: Path) -> None:
    story = make_story(tmp_path)
    fitting = Analysis(story="s", quotes=(Quote("a", 0, 10, "Kardashian"),))
    _plant(story, fitting)
    assert cached_analysis(story) == fitting


@pytest.mark.parametrize(
    "quote",
    [
        Quote("a", 0, 10, "Invented!!"),  # does not slice to its text
        Quote("a", 20, 99, "a."),  # runs past the end
        Quote("a", -3, 2, "Ka"),  # starts before the text
        Quote("zz", 0, 10, "Kardashian"),  # no such source
        Quote("a", 0, 10, "Kardashian", speaker_confidence=float("nan")),
    ],
)
def test_a_planted_cache_that_does_not_fit_is_ignored(
    tmp_path: Path, calls: list[str], quote: Quote
) -> None:
    story = make_story(tmp_path)
    _plant(story, Analysis(story="s", quotes=(quote,)))
    assert cached_analysis(story) is None
    assert quote not in load_analysis(story).quotes
    assert calls == ["s"]


def test_a_fifo_at_the_cache_path_never_blocks(tmp_path: Path, calls: list[str]) -> None:
    story = make_story(tmp_path)
    cache_path(story).parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(cache_path(story))
    assert cached_analysis(story) is None
    load_analysis(story)
    assert calls == ["s"]
