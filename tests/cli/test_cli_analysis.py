"""`reader quotes` and `reader timeline`: JSON shapes, filters, slices of the stored text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import reader.analysis
from reader.cli import main
from reader.model import Analysis, Cluster, Occurrence, Reuse, Story

KIM = "Kim Kardashian"
QUIET = "I have been quiet for the past few days"
LIGHT = "[light] the given scene"


def stored_text(sample_path: Path, source: str) -> str:
    return (sample_path / "sources" / f"{source}.txt").read_text(encoding="utf-8")


def occurrence(story: Story, source_index: int, passage: str, match: str = "exact") -> Occurrence:
    source = story.sources[source_index]
    start = source.text.index(passage)
    return Occurrence(source.id, start, start + len(passage), passage, match, 1.0)  # type: ignore[arg-type]


def fake_analysis(story: Story) -> Analysis:
    """Clusters on real passages of the sample, so the CLI is tested apart from the matcher."""
    shared = Cluster(
        "q1", QUIET, KIM, (occurrence(story, 1, QUIET), occurrence(story, 2, QUIET, "variant")), 0.9
    )
    single = Cluster("q2", LIGHT, "Gabriele Galimberti", (occurrence(story, 2, LIGHT),), 0.7)
    unknown = Cluster("q3", "[bold]not markup[/bold]", None, (occurrence(story, 0, "Balenciaga"),))
    reuse = Reuse("r1", "The statement", (occurrence(story, 0, "The statement"),))
    return Analysis(
        story.id, clusters=(shared, single, unknown), reuse=(reuse,), speakers=story.speakers
    )


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader.analysis, "analyze", fake_analysis)


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    assert main(list(argv)) == 0
    document = json.loads(capsys.readouterr().out)
    assert isinstance(document, dict)
    return document


def assert_slices(sample_path: Path, spans: list[dict[str, object]]) -> None:
    for span in spans:
        text = stored_text(sample_path, str(span["source"]))
        assert text[int(span["start"]) : int(span["end"])] == span["text"]  # type: ignore[call-overload]


@pytest.mark.usefixtures("fake")
def test_quotes_json_has_the_documented_shape(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = run_json(capsys, "quotes", str(sample_path), "--json")
    assert set(document) >= {"story", "quotes", "reuse"}
    quotes = document["quotes"]
    assert isinstance(quotes, list) and [q["id"] for q in quotes] == ["q1", "q2", "q3"]
    first = quotes[0]
    assert set(first) >= {"id", "speaker", "text", "occurrences"}
    assert set(first["occurrences"][0]) >= {"source", "start", "end", "text", "match", "similarity"}
    assert first["speaker"] == KIM and quotes[2]["speaker"] is None
    assert [o["match"] for o in first["occurrences"]] == ["exact", "variant"]
    assert_slices(sample_path, [o for q in quotes for o in q["occurrences"]])
    reuse = document["reuse"]
    assert isinstance(reuse, list) and set(reuse[0]) >= {"id", "occurrences"}
    assert_slices(sample_path, reuse[0]["occurrences"])


@pytest.mark.usefixtures("fake")
@pytest.mark.parametrize(
    ("argv", "ids"),
    [
        (["--shared"], ["q1"]),
        (["--speaker", "kardashian"], ["q1"]),
        (["--speaker", "the photographer"], ["q2"]),
        (["--speaker", "Galimberti", "--shared"], []),
    ],
)
def test_quote_filters(
    sample_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], ids: list[str]
) -> None:
    document = run_json(capsys, "quotes", str(sample_path), "--json", *argv)
    assert [q["id"] for q in document["quotes"]] == ids  # type: ignore[attr-defined]


def test_an_unknown_speaker_lists_the_known_ones(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["quotes", str(sample_path), "--speaker", "Nobody Here"]) == 1
    error = capsys.readouterr().err
    assert "Nobody Here" in error and KIM in error and "Gabriele Galimberti" in error


@pytest.mark.usefixtures("fake")
def test_quotes_table_shows_article_text_literally(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["quotes", str(sample_path)]) == 0
    out = capsys.readouterr().out
    assert "[light]" in out and "[bold]not markup[/bold]" in out
    assert "unknown" in out and "OK!" in out


def test_real_quotes_slice_the_stored_text(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = run_json(capsys, "quotes", str(sample_path), "--json")
    spans = [o for q in document["quotes"] for o in q["occurrences"]]  # type: ignore[attr-defined]
    assert_slices(sample_path, spans)


def test_timeline_json_has_the_documented_shape(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = run_json(capsys, "timeline", str(sample_path), "--json")
    assert document["story"] == "balenciaga-2022"
    events = document["events"]
    assert isinstance(events, list) and events
    for event in events:
        assert set(event) >= {"date", "label", "evidence"}
        assert len(event["date"]) in {4, 7, 10}
        assert_slices(sample_path, event["evidence"])
    assert {"2022-11-27", "2022-11-28"} <= {e["date"] for e in events}


def test_timeline_table(sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", str(sample_path)]) == 0
    out = capsys.readouterr().out
    assert "2022-11-27" in out and "Met Gala" in out and "WWD" in out


def test_a_missing_story_is_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", str(tmp_path / "nowhere")]) == 1
    assert capsys.readouterr().err.startswith("reader:")


@pytest.mark.parametrize("columns", ["80", "60"])
def test_quotes_table_names_each_source_on_one_line_with_a_legend(
    sample_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    columns: str,
) -> None:
    document = run_json(capsys, "quotes", str(sample_path), "--json")
    occurrences = sum(len(q["occurrences"]) for q in document["quotes"])  # type: ignore[attr-defined]
    monkeypatch.setenv("COLUMNS", columns)
    assert main(["quotes", str(sample_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    legend = next(line for line in lines[:3] if "sources:" in line)
    assert all(m in legend for m in ("= verbatim", "~ altered", "≈ reworded"))
    cells = [line.split("│")[3].strip() for line in lines if line.count("│") == 5]
    named = [cell for cell in cells if cell]
    assert len(named) == occurrences  # one line per source: no name wraps
    assert all(cell[:2] in {"= ", "~ ", "≈ "} for cell in named)
    assert not any("_" in cell for cell in named)  # no raw ids like 004_bd387176dcec0e57


def test_quotes_json_lists_each_speaker_once_with_its_kind(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = run_json(capsys, "quotes", str(sample_path), "--json")
    speakers = document["speakers"]
    assert isinstance(speakers, list)
    names = [s["name"] for s in speakers]
    assert len(names) == len(set(names))
    kinds = {s["name"]: s["kind"] for s in speakers}
    assert kinds[KIM] == "person"
    assert kinds["Balenciaga"] == "organisation"
