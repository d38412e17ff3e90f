"""`reader annotate` and `reader annotations` from a script, on a copy of the sample story."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from reader.cli import main
from reader.store import load_story

SOURCE = "001_68c18a8236d82fe6"
PASSAGE = "We strongly condemn child abuse"


@pytest.fixture
def story(sample_path: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "balenciaga-2022"
    shutil.copytree(sample_path, copy, ignore=shutil.ignore_patterns("annotations.yaml"))
    return copy


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def annotate(
    capsys: pytest.CaptureFixture[str], story: Path, passage: str, *options: str
) -> tuple[int, str, str]:
    """`reader annotate` on the test source; options as on the command line."""
    return run(capsys, "annotate", str(story), "--source", SOURCE, "--text", passage, *options)


def listing(capsys: pytest.CaptureFixture[str], story: Path) -> dict[str, Any]:
    code, out, _ = run(capsys, "annotations", str(story), "--json")
    assert code == 0
    document: dict[str, Any] = json.loads(out)
    return document


def source_file(story: Path) -> Path:
    return story / "sources" / f"{SOURCE}.txt"


def test_annotate_then_list_then_edit_the_source(
    story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = annotate(
        capsys,
        story,
        PASSAGE,
        "--speaker",
        "Balenciaga",
        "--label",
        "claim",
        "--note",
        "posted on Instagram\nsee the second statement",
        "--date",
        "2022-11-28",
    )
    assert (code, err) == (0, "")
    new_id = out.strip()
    text = source_file(story).read_text("utf-8")
    start = text.index(PASSAGE)

    document = listing(capsys, story)
    assert document["story"] == "balenciaga-2022"
    [entry] = document["annotations"]
    assert entry["id"] == new_id
    assert (entry["status"], entry["start"], entry["end"]) == ("anchored", start, start + 31)
    assert entry["text"] == entry["exact"] == PASSAGE
    assert (entry["speaker"], entry["label"], entry["date"]) == (
        "Balenciaga",
        "claim",
        "2022-11-28",
    )
    assert entry["note"] == "posted on Instagram\nsee the second statement"
    assert entry["created"] == entry["updated"] != ""
    assert set(entry) >= {"id", "source", "kind", "status", "start", "end", "text", "exact"}

    inserted = "Editor's note: this article was updated.\n\n"
    source_file(story).write_text(inserted + text, "utf-8")
    [moved] = listing(capsys, story)["annotations"]
    assert moved["status"] == "moved"
    assert (moved["start"], moved["end"]) == (start + len(inserted), start + len(inserted) + 31)
    assert moved["text"] == PASSAGE

    source_file(story).write_text(text.replace(PASSAGE + ";", "We abhor abuse;"), "utf-8")
    [orphan] = listing(capsys, story)["annotations"]
    assert orphan["status"] == "orphaned"
    assert (orphan["start"], orphan["end"], orphan["text"]) == (None, None, None)
    assert orphan["exact"] == PASSAGE


def test_a_passage_not_in_the_source_writes_nothing(
    story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = annotate(capsys, story, "never said this")
    assert (code, out) == (1, "")
    assert "not in source" in err
    assert not (story / "annotations.yaml").exists()


def test_a_failed_annotate_leaves_the_file_as_it_was(
    story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert annotate(capsys, story, PASSAGE)[0] == 0
    before = (story / "annotations.yaml").read_bytes()
    for argv in (
        ["--text", "not there at all"],
        ["--text", "Balenciaga"],
        ["--text", "Balenciaga", "--occurrence", "99"],
        ["--text", PASSAGE, "--date", "28/11/2022"],
        ["--text", PASSAGE, "--same-as", "a-missing"],
        ["--text", "   "],
    ):
        code, out, err = run(capsys, "annotate", str(story), "--source", SOURCE, *argv)
        assert (code, out) == (1, ""), argv
        assert err.startswith("reader: "), argv
    assert run(capsys, "annotate", str(story), "--source", "nope", "--text", PASSAGE)[0] == 1
    assert (story / "annotations.yaml").read_bytes() == before


def test_a_repeated_passage_needs_an_occurrence(
    story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = source_file(story).read_text("utf-8")
    copies = text.count("Balenciaga")
    assert copies > 1
    code, _, err = annotate(capsys, story, "Balenciaga")
    assert code == 1 and f"occurs {copies} times" in err and "--occurrence" in err
    code, out, _ = annotate(capsys, story, "Balenciaga", "--occurrence", "2")
    assert code == 0
    [entry] = listing(capsys, story)["annotations"]
    second = text.index("Balenciaga", text.index("Balenciaga") + 1)
    assert (entry["id"], entry["start"]) == (out.strip(), second)


def test_same_quote_links_two_passages(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = load_story(story).sources[0]
    assert other.id != SOURCE
    code, first, err = run(
        capsys, "annotate", str(story), "--source", other.id, "--text", other.text[:40]
    )
    assert code == 0, err
    argv = ["annotate", str(story), "--source", SOURCE, "--text", PASSAGE, "--same-as"]
    code, second, _ = run(capsys, *argv, first.strip())
    assert code == 0
    entries = {e["id"]: e for e in listing(capsys, story)["annotations"]}
    assert entries[second.strip()]["kind"] == "same-quote"
    assert entries[second.strip()]["same_as"] == first.strip()
    assert run(capsys, *argv, "")[0] == 1


def test_the_table_shows_article_text_as_text(
    story: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "250")
    note = "[bold]not markup[/bold] \x1b[31mred"
    assert annotate(capsys, story, PASSAGE, "--note", note)[0] == 0
    code, out, _ = run(capsys, "annotations", str(story))
    assert code == 0
    assert "[bold]not markup[/bold]" in out
    assert "\x1b" not in out
    assert "anchored" in out and "1 annotation(s), 0 orphaned" in out


def test_no_annotations_yet(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert listing(capsys, story)["annotations"] == []
    code, out, _ = run(capsys, "annotations", str(story))
    assert code == 0 and "no annotations yet" in out


def test_a_corrupt_annotations_file_is_reported_and_kept(
    story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corrupt = "annotations:\n- id: [unclosed\n"
    (story / "annotations.yaml").write_text(corrupt, "utf-8")
    for argv in (
        ["annotations", str(story)],
        ["annotate", str(story), "--source", SOURCE, "--text", PASSAGE],
    ):
        code, _, err = run(capsys, *argv)
        assert code == 1 and "annotations.yaml" in err
    assert (story / "annotations.yaml").read_text("utf-8") == corrupt
