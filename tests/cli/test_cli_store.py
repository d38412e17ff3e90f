"""The store commands as a user runs them: output, JSON shape and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.cli import main

SEEDS = sorted((Path(__file__).parents[1] / "fixtures" / "seeds").glob("*.txt"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_check_sample_is_ok(capsys: pytest.CaptureFixture[str], sample_path: Path) -> None:
    code, out, err = run(capsys, "check", str(sample_path))
    assert code == 0, err
    assert "OK, 5 sources" in out


def test_check_unclosed_title_exits_1_with_file_and_line(
    capsys: pytest.CaptureFixture[str], sample_path: Path, tmp_path: Path
) -> None:
    story = tmp_path / "story"
    shutil.copytree(sample_path, story)
    (story / "story.yaml").write_text("title: [unclosed\n", "utf-8")
    code, out, err = run(capsys, "check", str(story))
    assert code == 1
    assert "story.yaml:1:" in err
    assert "Traceback" not in out + err


def test_check_lists_every_problem(
    capsys: pytest.CaptureFixture[str], sample_path: Path, tmp_path: Path
) -> None:
    story = tmp_path / "story"
    shutil.copytree(sample_path, story)
    with (story / "story.yaml").open("a", encoding="utf-8") as handle:
        handle.write("- missing_source\nauthor: me\n")
    code, _, err = run(capsys, "check", str(story))
    assert code == 1
    problems = [line for line in err.splitlines() if "story.yaml:" in line]
    assert len(problems) == 2, err


def test_import_then_list_and_sources(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READER_STORIES", str(tmp_path))
    code, out, err = run(capsys, "import", str(tmp_path / "fresh"), *map(str, SEEDS))
    assert code == 0, err
    assert out.count("words") == 5

    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    [story] = json.loads(out)["stories"]
    assert story["id"] == "fresh" and story["sources"] == 5
    assert story["quotes"] is None, "listing never analyses a story"
    assert run(capsys, "quotes", "fresh")[0] == 0
    code, out, _ = run(capsys, "list", "--json")
    [story] = json.loads(out)["stories"]
    assert story["quotes"] > 0, "an analysed story shows its counts"

    code, out, _ = run(capsys, "list")
    assert code == 0 and "fresh" in out

    code, out, _ = run(capsys, "sources", "fresh", "--json")
    document = json.loads(out)
    assert document["story"] == "fresh"
    rows = document["sources"]
    assert [r["id"] for r in rows] == [p.stem for p in SEEDS]
    assert set(rows[0]) == {"id", "outlet", "title", "date", "url", "words", "path"}
    assert rows[1]["date"] == "2022-11-28" and rows[0]["date"] is None
    for row in rows:
        assert len(Path(row["path"]).read_text("utf-8").split()) == row["words"]


def test_sources_table_never_interprets_markup(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Body text.\n", "utf-8")
    title = "[bold red]Not markup[/] \x1b[2J"
    code, _, err = run(capsys, "import", str(tmp_path / "s"), str(article), "--title", title)
    assert code == 0, err
    code, out, _ = run(capsys, "sources", str(tmp_path / "s"))
    assert code == 0
    assert "[bold red]Not" in out
    assert "\x1b[2J" not in out


def test_import_replace(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = str(tmp_path / "s")
    assert run(capsys, "import", target, str(SEEDS[0]))[0] == 0
    code, _, err = run(capsys, "import", target, str(SEEDS[0]))
    assert code == 1 and "--replace" in err
    assert run(capsys, "import", target, str(SEEDS[0]), "--replace")[0] == 0


def test_import_bad_id_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "import", str(tmp_path / "s"), str(SEEDS[0]), "--id", "../evil")
    assert code == 1 and "refused" in err
    assert not (tmp_path / "evil.txt").exists() and not (tmp_path / "s").exists()


def test_import_cp1252_warns_on_stderr(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    article = tmp_path / "old.txt"
    article.write_bytes("Caf\u00e9 society\n\nA na\u00efve article.\n".encode("cp1252"))
    code, _, err = run(capsys, "import", str(tmp_path / "s"), str(article))
    assert code == 0 and "warning" in err and "cp1252" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["import"],
        ["import", "somewhere"],
        ["import", "s", "f.txt", "--date", "28/11/2022"],
        ["sources"],
        ["check"],
        ["sources", "x", "--bogus"],
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2 and "usage:" in err


def test_unknown_story_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READER_STORIES", str(tmp_path))
    code, _, err = run(capsys, "sources", "no-such-story")
    assert code == 1 and "no story 'no-such-story'" in err


def test_list_reports_a_broken_story(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READER_STORIES", str(tmp_path))
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "story.yaml").write_text("title: [\n", "utf-8")
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    assert json.loads(out)["stories"] == [
        {"id": "broken", "path": str(tmp_path / "broken"), "problems": 1}
    ]


def test_the_sample_becomes_a_story_of_the_store_on_first_use(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "stories"
    monkeypatch.setenv("READER_STORIES", str(store))
    code, out, err = run(capsys, "quotes", "balenciaga-2022", "--shared", "--json")
    assert code == 0 and json.loads(out)["story"] == "balenciaga-2022"
    assert f"copied the sample story into {store / 'balenciaga-2022'}" in err
    code, out, err = run(capsys, "list", "--json")
    assert code == 0 and [s["id"] for s in json.loads(out)["stories"]] == ["balenciaga-2022"]
    passage = "We sincerely apologize"
    code, _, err = run(capsys, "annotate", "balenciaga-2022", "--source", "004_bd387176dcec0e57",
                       "--text", passage, "--note", "n")  # fmt: skip
    assert code == 0, err
    assert "copied" not in err  # once only
    assert passage in (store / "balenciaga-2022" / "annotations.yaml").read_text("utf-8")
