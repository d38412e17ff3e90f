"""CSV and JSON exports, each read back the way its users read it."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import jsonschema
import pandas as pd
import pytest

from reader.cli import main
from reader.model import Analysis, Cluster, Occurrence, Source, Story
from reader.report import COLUMNS, export_schema, render_csv
from reader.store import load_story

TEXT_A = 'She wrote: "=HYPERLINK(1), a ""trick""." Then "-2 points, @all\nfolks" was said.'
TEXT_B = 'Later "=HYPERLINK(1), a ""trick""." appeared again.'


def tricky_story(tmp_path: Path) -> tuple[Story, Analysis]:
    a = Source("a", TEXT_A, tmp_path / "a.txt", outlet="+Outlet", url="https://a.example/x")
    b = Source("b", TEXT_B, tmp_path / "b.txt", title="B, the title")
    story = Story("s", tmp_path, "T", sources=(a, b))

    def occ(source: Source, passage: str) -> Occurrence:
        start = source.text.index(passage)
        return Occurrence(source.id, start, start + len(passage), passage)

    formula = '=HYPERLINK(1), a ""trick"".'
    shared = Cluster("q1", formula, "@someone", (occ(a, formula), occ(b, formula)), 0.5)
    solo = Cluster("q2", "-2 points, @all\nfolks", None, (occ(a, "-2 points, @all\nfolks"),))
    return story, Analysis("s", clusters=(shared, solo))


def read_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_has_one_row_per_occurrence_that_reads_back(tmp_path: Path) -> None:
    story, analysis = tricky_story(tmp_path)
    text = render_csv(story, analysis)
    assert text.startswith(",".join(COLUMNS) + "\r\n")
    rows = read_rows(text)
    assert [(r["quote_id"], r["source"]) for r in rows] == [("q1", "a"), ("q1", "b"), ("q2", "a")]
    for row in rows:
        source = story.source(row["source"])
        occurrence = source.text[int(row["start"]) : int(row["end"])]
        assert row["text"] in {occurrence, "'" + occurrence}
        assert occurrence in row["context"]
    first = rows[0]
    assert first["speaker"] == "'@someone" and first["outlet"] == "'+Outlet"
    assert first["quote"].startswith("'=HYPERLINK") and first["url"] == "https://a.example/x"
    assert first["context"] == 'She wrote: "=HYPERLINK(1), a ""trick""."'
    assert rows[1]["title"] == "B, the title" and rows[1]["outlet"] == ""
    assert rows[2]["text"] == "'-2 points, @all\nfolks" and rows[2]["speaker"] == ""
    assert float(first["similarity"]) == 1.0 and float(first["speaker_confidence"]) == 0.5


def test_a_spreadsheet_reader_sees_the_same_clean_rows(tmp_path: Path) -> None:
    story, analysis = tricky_story(tmp_path)
    target = tmp_path / "quotes.csv"
    target.write_bytes(render_csv(story, analysis, bom=True).encode("utf-8"))
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    table = pd.read_csv(target, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert list(table.columns) == list(COLUMNS)
    assert len(table) == 3
    assert table.to_dict("records") == read_rows(target.read_text(encoding="utf-8-sig"))


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_one_row_per_occurrence_and_runs_no_formula(tmp_path: Path) -> None:
    story, analysis = tricky_story(tmp_path)
    target = tmp_path / "quotes.csv"
    target.write_bytes(render_csv(story, analysis, bom=True).encode("utf-8"))
    profile = f"-env:UserInstallation=file://{tmp_path / 'profile'}"
    command = ["soffice", profile, "--headless", "--infilter=CSV:44,34,76,1"]
    command += ["--convert-to", "xlsx", "--outdir", str(tmp_path), str(target)]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    with zipfile.ZipFile(tmp_path / "quotes.xlsx") as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
        strings = book.read("xl/sharedStrings.xml").decode()
    assert len(re.findall(r"<row ", sheet)) == 1 + len(read_rows(target.read_text("utf-8-sig")))
    assert "<f" not in sheet
    assert "&apos;=HYPERLINK(1), a &quot;&quot;trick&quot;&quot;." in strings
    assert "\ufeff" not in strings


def test_export_command_writes_csv_and_json(sample_path: Path, tmp_path: Path) -> None:
    story = tmp_path / "balenciaga-2022"
    shutil.copytree(sample_path, story)
    assert main(["export", str(story), "--format", "csv", "--bom"]) == 0
    written = story / "reports" / "balenciaga-2022-report.csv"
    rows = read_rows(written.read_text(encoding="utf-8-sig"))
    assert main(["export", str(story), "--format", "json"]) == 0
    document = json.loads((story / "reports" / "balenciaga-2022-report.json").read_text("utf-8"))
    assert len(rows) == sum(len(q["occurrences"]) for q in document["quotes"])


def test_quotes_csv_keeps_the_filters(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["quotes", str(sample_path), "--json", "--shared"]) == 0
    shared = json.loads(capsys.readouterr().out)["quotes"]
    assert main(["quotes", str(sample_path), "--csv", "--shared"]) == 0
    rows = read_rows(capsys.readouterr().out)
    expected = [(q["id"], o["source"], o["start"]) for q in shared for o in q["occurrences"]]
    assert [(r["quote_id"], r["source"], int(r["start"])) for r in rows] == expected
    contexts = [o["context"]["text"] for q in shared for o in q["occurrences"]]
    assert [r["context"] for r in rows] == contexts


def test_quotes_json_gives_each_occurrence_its_sentence(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["quotes", str(sample_path), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    story = load_story(sample_path)
    occurrences = [o for q in document["quotes"] for o in q["occurrences"]]
    assert occurrences
    for o in occurrences:
        text = story.source(o["source"]).text
        context = o["context"]
        assert context["text"] == text[context["start"] : context["end"]]
        assert context["start"] <= o["start"] < o["end"] <= context["end"]
    assert any(len(o["context"]["text"]) > len(o["text"]) + 10 for o in occurrences)


def exported(story_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert main(["export", str(story_path), "--format", "json", "-o", "-"]) == 0
    document: dict[str, object] = json.loads(capsys.readouterr().out)
    return document


def test_json_export_follows_its_schema_and_the_commands_shapes(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story_path = tmp_path / "story"
    shutil.copytree(sample_path, story_path)
    source = load_story(story_path).sources[0]
    passage = source.text.split()[0]
    assert main(["annotate", str(story_path), "--source", source.id, "--text", passage]) == 0
    capsys.readouterr()
    document = exported(story_path, capsys)
    jsonschema.validate(document, export_schema())
    for command, key in (
        ("sources", "sources"),
        ("timeline", "events"),
        ("annotations", "annotations"),
    ):
        assert main([command, str(story_path), "--json"]) == 0
        assert document[key] == json.loads(capsys.readouterr().out)[key]
    assert main(["quotes", str(story_path), "--json"]) == 0
    quotes = json.loads(capsys.readouterr().out)
    assert document["quotes"] == quotes["quotes"] and document["reuse"] == quotes["reuse"]
    assert document["story"] == "story" and len(document["annotations"]) == 1  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("quotes", 0, "occurrences", 0, "match"), "fuzzy"),
        (("quotes", 0, "occurrences", 0, "context"), "a sentence"),
        (("sources", 0, "words"), -1),
        (("events", 0, "date"), "Monday"),
    ],
)
def test_the_schema_refuses_a_damaged_export(
    sample_path: Path, capsys: pytest.CaptureFixture[str], path: tuple[object, ...], value: object
) -> None:
    document = exported(sample_path, capsys)
    node: object = document
    for step in path[:-1]:
        node = node[step]  # type: ignore[index]
    node[path[-1]] = value  # type: ignore[index]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, export_schema())
