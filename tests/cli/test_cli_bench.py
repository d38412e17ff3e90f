"""`reader bench --corpus`: reading real articles, the figures it reports, its errors.

The measuring processes are replaced by a stand-in here (their timings are the bench's job,
not the tests'); `tests/bench` runs real ones.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from reader.bench import (
    CASES,
    Measurement,
    corpus_story,
    figures,
    long_article,
    quotes_in_paragraph,
    read_articles,
    synthetic_story,
)
from reader.model import Story

Run = Callable[..., tuple[int, str, str]]


def words(count: int, word: str = "word") -> str:
    return " ".join(f"{word}{i}" for i in range(count))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "b.txt").write_text(words(200, "bee"), "utf-8")
    (corpus / "a.txt").write_text(f"\n{words(160, 'ay')}\n", "utf-8")
    (corpus / "short.txt").write_text(words(10), "utf-8")
    (corpus / "notes.md").write_text(words(300), "utf-8")
    return corpus


def test_a_folder_gives_its_text_files_of_150_words_or_more_by_name(folder: Path) -> None:
    assert read_articles(folder) == [words(160, "ay"), words(200, "bee")]


def test_multi_news_gives_each_passage_with_its_line_breaks(tmp_path: Path) -> None:
    first = f"{words(100, 'one')} NEWLINE_CHAR NEWLINE_CHAR {words(100, 'two')}"
    clusters = [
        {"context": f"Passage 1:\n{first}\nPassage 2:\n{words(5)}\n"},
        {"context": f"Passage 1:\n{words(150, 'three')}"},
    ]
    path = tmp_path / "multi_news.jsonl"
    path.write_text("\n".join(json.dumps(c) for c in clusters) + "\n\n", "utf-8")
    assert read_articles(path) == [
        f"{words(100, 'one')}\n\n{words(100, 'two')}",
        words(150, "three"),
    ]


def test_a_story_larger_than_the_corpus_repeats_its_articles() -> None:
    story = corpus_story(["first", "second"], 5)
    assert [s.text for s in story.sources] == ["first", "second", "first", "second", "first"]
    assert len({s.id for s in story.sources}) == 5
    assert story.speakers == ()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "missing", "missing: No such file or directory"),
        (lambda tmp: tmp, "no article of 150 words or more"),
        (lambda tmp: _file(tmp / "a.csv", words(200)), "not a folder of .txt articles"),
        (lambda tmp: _file(tmp / "m.jsonl", "{}\n"), "m.jsonl:1: not a Multi-News line"),
        (lambda tmp: _file(tmp / "n.jsonl", '{"context": 3}'), "n.jsonl:1: `context` is not"),
    ],
)
def test_a_corpus_that_cannot_be_read_is_named_with_what_is_wrong(
    reader_cli: Run, tmp_path: Path, make: Callable[[Path], Path], message: str
) -> None:
    code, out, err = reader_cli("bench", "--corpus", str(make(tmp_path)))
    assert code == 1 and out == ""
    assert err.startswith(f"reader: {tmp_path}") and message in err


def _file(path: Path, text: str) -> Path:
    path.write_text(text, "utf-8")
    return path


@pytest.mark.parametrize(
    "argv",
    [
        ["--timeout", "0"],
        ["--timeout", "soon"],
        ["--corpus"],
    ],
)
def test_bad_bench_arguments_are_usage_errors(reader_cli: Run, argv: list[str]) -> None:
    code, _, err = reader_cli("bench", *argv)
    assert code == 2 and "usage:" in err


def test_default_only_options_are_refused_with_a_corpus(reader_cli: Run, folder: Path) -> None:
    code, _, err = reader_cli("bench", "--corpus", str(folder), "--quick")
    assert code == 1 and "--quick and --no-ui are for the default figures" in err


def stand_in(per_article: float, stop_at: int | None = None) -> Callable[..., Measurement]:
    """A measuring process whose analysis takes `per_article` seconds an article and is
    stopped from `stop_at` articles on."""

    def measure(build: Callable[..., Story], path: str, n: int, limit: float) -> Measurement:
        assert build(path, n).sources[n - 1].text  # what the real child would analyse
        if stop_at is not None and n >= stop_at:
            return Measurement(limit, 100 + n / 2, 100 * n, stopped=True)
        return Measurement(per_article * n, 100 + n / 2, 100 * n)

    return measure


def test_corpus_figures_come_as_json_with_their_targets(
    reader_cli: Run, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(figures, "measure", stand_in(0.01))
    code, out, _ = reader_cli("bench", "--corpus", str(folder), "--json")
    document = json.loads(out)
    shown = {f["name"]: (f["value"], f["unit"], f["target"], f["ok"]) for f in document["figures"]}
    assert shown == {
        "analysis 50 articles": (0.5, "s", "", True),
        "analysis 200 articles": (2.0, "s", "< 3 s", True),
        "analysis 1,000 articles": (10.0, "s", "< 20 s", True),
        "growth 50→200 articles": (4.0, "×", "≤ 4.5", True),
        "growth 200→1,000 articles": (5.0, "×", "≤ 5.6", True),
        "peak memory, 1,000 articles": (600.0, "MB", "< 1 GB", True),
    }
    assert document["ok"] is True and code == 0


def test_a_machine_slowing_down_during_the_bench_does_not_show_as_growth(
    reader_cli: Run, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    measured: list[int] = []

    def slowing(build: Callable[..., Story], path: str, n: int, limit: float) -> Measurement:
        measured.append(n)
        return Measurement(0.01 * n * 1.5 ** len(measured), 100.0, 100 * n)  # slower each run

    monkeypatch.setattr(figures, "measure", slowing)
    _, out, _ = reader_cli("bench", "--corpus", str(folder), "--json")
    growth = {f["name"]: f["value"] for f in json.loads(out)["figures"]}
    assert measured == [50, 200, 1000] + [50, 200] * (figures.ROUNDS - 1)  # in turn
    assert growth["growth 50→200 articles"] == pytest.approx(4 * 1.5)  # one run apart


def test_synthetic_stories_of_each_size_are_timed_in_turn(monkeypatch: pytest.MonkeyPatch) -> None:
    analysed: list[str] = []
    small = synthetic_story(2)
    monkeypatch.setattr(figures, "synthetic_story", lambda n: replace(small, id=f"{n} sources"))
    monkeypatch.setattr(figures, "analyze", lambda story: analysed.append(story.id))
    monkeypatch.setattr(figures, "all_pairs_difflib", lambda story: 0)
    monkeypatch.setattr(figures, "measure", lambda *_, limit: Measurement(1.0, 50.0, 10))
    figures.analysis_figures(quick=True)
    synthetic = [story for story in analysed if story.endswith(" sources")]
    assert synthetic == ["10 sources", "50 sources", "200 sources"] * figures.ROUNDS


def test_matching_and_all_pairs_difflib_are_timed_in_turn(monkeypatch: pytest.MonkeyPatch) -> None:
    timed: list[str] = []
    monkeypatch.setattr(figures, "synthetic_story", lambda n: synthetic_story(2))
    monkeypatch.setattr(figures, "analyze", lambda story: None)
    monkeypatch.setattr(figures, "match_quotes", lambda story, quotes: timed.append("matching"))
    monkeypatch.setattr(figures, "all_pairs_difflib", lambda story: timed.append("difflib"))
    monkeypatch.setattr(figures, "measure", lambda *_, limit: Measurement(1.0, 50.0, 10))
    figures.analysis_figures(quick=True)
    assert timed == ["matching", "difflib"] * figures.ROUNDS


def test_in_turn_keeps_the_fastest_run_of_each_step(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = iter([0.0, 5.0, 5.0, 6.0, 6.0, 8.0, 8.0, 12.0])  # a: 5 then 2, b: 1 then 4
    monkeypatch.setattr(figures.time, "perf_counter", lambda: next(clock))
    assert figures.in_turn(2, lambda: None, lambda: None) == [2.0, 1.0]


def test_a_run_stopped_at_the_limit_is_shown_as_a_lower_bound_and_missed(
    reader_cli: Run, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(figures, "measure", stand_in(0.001, stop_at=1000))
    code, out, _ = reader_cli("bench", "--corpus", str(folder), "--timeout", "7")
    rows = {line.split("│")[1].strip(): line for line in out.splitlines() if "│" in line}
    assert "> 7.00 s" in rows["analysis 1,000 articles"] and "✗" in rows["analysis 1,000 articles"]
    assert "> 35.0×" in rows["growth 200→1,000 articles"]
    assert "✓" in rows["analysis 200 articles"]
    assert "2 articles of 150+ words" in out and code == 1


def stress_stand_in(build: Callable[..., Story], size: int, limit: float) -> Measurement:
    """Worst cases that pass, except 5,000 quotes (stopped) and the 20 MB article (failed)."""
    if build is quotes_in_paragraph and size == 5000:
        return Measurement(limit, 300.0, 52_000, stopped=True)
    if build is long_article:
        return Measurement(0.0, 900.0, 0, error="MemoryError")
    return Measurement(0.5, 40.0, size)


def test_stress_cases_come_as_json_with_time_memory_and_target(
    reader_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(figures, "measure", stress_stand_in)
    code, out, err = reader_cli("bench", "--stress", "--json", "--timeout", "9")
    document = json.loads(out)
    cases = {c["name"]: c for c in document["cases"]}
    assert list(cases) == [case.name for case in CASES]
    assert cases["reordered quote, 16,000 words"] == {
        "name": "reordered quote, 16,000 words",
        "words": 16_000,
        "seconds": 0.5,
        "peak_mb": 40.0,
        "target": "< 5 s",
        "ok": True,
        "stopped": False,
        "error": None,
    }
    assert cases["5,000 quotes in one paragraph"]["stopped"] is True
    assert cases["5,000 quotes in one paragraph"]["seconds"] == 9
    assert cases["a 20 MB article"]["error"] == "MemoryError"
    assert document["ok"] is False and code == 1
    assert err.count("reader: analysing") == len(CASES)


def test_stress_table_shows_stopped_and_failed_cases(
    reader_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(figures, "measure", stress_stand_in)
    code, out, err = reader_cli("bench", "--stress")

    def row(case: str) -> str:
        """The table's line for `case`, whose name may wrap onto the next lines."""
        return next(line for line in out.splitlines() if line.startswith(f"│ {case}"))

    assert "> 60.00 s" in row("5,000 quotes") and "✗" in row("5,000 quotes")
    assert "failed" in row("a 20 MB article") and "reader: a 20 MB article: MemoryError" in err
    assert "0.50 s" in row("120 KB") and "✓" in row("1,000 quotes")
    assert code == 1


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["--stress", "--corpus", "x"], 2),
        (["--stress", "--quick"], 1),
        (["--stress", "--no-ui"], 1),
    ],
)
def test_stress_takes_no_other_mode(reader_cli: Run, argv: list[str], code: int) -> None:
    assert reader_cli("bench", *argv)[0] == code
