"""The exported report: HTML and Markdown, escaped, self-contained, highlighting quotes."""

from __future__ import annotations

import html
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

import reader.analysis
from reader.cli import main
from reader.model import Analysis, Cluster, Event, Occurrence, Reuse, Source, Span, Story
from reader.report import default_export_path, render_html, render_markdown
from reader.store import load_story

HOSTILE = (
    'Intro <script>alert("x")</script> then [light] and [bold]x[/bold] & "quoted words here" end.'
)
OTHER = 'Another outlet wrote "quoted word here" later.'


def hostile_story(tmp_path: Path) -> tuple[Story, Analysis]:
    a = Source("a", HOSTILE, tmp_path / "a.txt", outlet="Outlet <A>")
    b = Source("b", OTHER, tmp_path / "b.txt", outlet="B & Co")
    c = Source("c", "Nothing shared.", tmp_path / "c.txt")
    story = Story("s", tmp_path, "Title <i>", summary="Sum & mary", sources=(a, b, c))

    def occ(source: Source, passage: str, match: str = "exact") -> Occurrence:
        start = source.text.index(passage)
        return Occurrence(source.id, start, start + len(passage), passage, match, 0.8)  # type: ignore[arg-type]

    shared = Cluster(
        "q1",
        "quoted words here",
        "Someone <b>",
        (occ(a, "quoted words here"), occ(b, "quoted word here", "variant")),
    )
    solo = Cluster("q2", "[light]", None, (occ(a, "[light]"),))
    wire = '<script>alert("x")</script> then [light] and'
    reuse = Reuse("r1", wire, (occ(a, wire),))
    event = Event("2022-11-27", "Event <label>", (Span("a", 0, 5, "Intro"),))
    return story, Analysis("s", clusters=(shared, solo), reuse=(reuse,), events=(event,))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.balanced = True
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in {"meta", "br"}:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self.balanced = self.balanced and bool(self.stack) and self.stack.pop() == tag


def test_html_escapes_article_text_and_metadata(tmp_path: Path) -> None:
    page = render_html(*hostile_story(tmp_path))
    assert "<script" not in page.lower()
    assert "&lt;script&gt;" in page
    assert "[light]" in page and "[bold]x[/bold]" in page
    assert (
        "Outlet &lt;A&gt;" in page and "Title &lt;i&gt;" in page and "Event &lt;label&gt;" in page
    )
    assert "Someone &lt;b&gt;" in page


def test_html_is_balanced_and_self_contained(tmp_path: Path) -> None:
    page = render_html(*hostile_story(tmp_path))
    parser = _Tags()
    parser.feed(page)
    assert parser.balanced and parser.stack == []
    assert not {"script", "link", "img", "iframe"} & set(parser.tags)
    assert not re.search(r"src=|url\(|@import|https?://", page)
    assert all(h.startswith("#") for h in re.findall(r'href="([^"]*)"', page))


def test_each_column_gives_back_its_exact_text(tmp_path: Path) -> None:
    story, analysis = hostile_story(tmp_path)
    page = render_html(story, analysis)
    for source in story.sources:
        column = re.search(
            rf'<article id="{source.id}">.*?<div class="text">(.*?)</div></article>', page, re.S
        )
        assert column is not None
        assert html.unescape(re.sub(r"<[^>]+>", "", column.group(1))) == source.text


def test_html_heads_each_column_with_its_title_once(tmp_path: Path) -> None:
    titled = Source("a", "Text.", tmp_path / "a.txt", title="Only a title")
    both = Source("b", "Text.", tmp_path / "b.txt", outlet="Outlet", title="Its own title")
    page = render_html(Story("s", tmp_path, "S", sources=(titled, both)), Analysis("s"))
    heads = dict(
        re.findall(r'<article id="(\w)"><div class="head">(.*?)</div><div class="text">', page)
    )
    assert heads["a"].count("Only a title") == 1  # an untitled outlet: the title names it once
    assert heads["b"].count("Outlet") == heads["b"].count("Its own title") == 1


def test_html_marks_shared_variant_solo_and_reuse(tmp_path: Path) -> None:
    page = render_html(*hostile_story(tmp_path))
    assert re.search(
        r'<mark class="q exact" style="--c:#[0-9a-f]{6}" title="q1[^"]*">quoted words here</mark>',
        page,
    )
    variant = re.search(
        r'<mark class="q variant" style="--c:#[0-9a-f]{6}" title="([^"]*)">quoted word here</mark>',
        page,
    )
    assert variant is not None and "−words" in html.unescape(variant.group(1))
    assert "+word" in html.unescape(variant.group(1))
    assert '<span class="solo"' in page and '<span class="reuse"' in page
    coverage = page[page.index("Shared quotes ×") :]
    assert "exact" in coverage and "variant 0.80" in coverage and "missing" in coverage


def test_markdown_is_escaped_and_complete(tmp_path: Path) -> None:
    text = render_markdown(*hostile_story(tmp_path))
    assert "<script>" not in text and "\\<script\\>" in text
    assert "\\[light\\]" in text and "[light]" not in text.replace("\\[light\\]", "")
    assert text.startswith("# Title \\<i\\>")
    for heading in (
        "## Sources",
        "## Shared quotes",
        "## Coverage",
        "## Timeline",
        "## Reused text",
    ):
        assert heading in text
    assert "**2022-11-27** Event \\<label\\>" in text


def test_default_path_is_the_story_reports_folder(sample_path: Path) -> None:
    story = load_story(sample_path)
    reports = sample_path / "reports"
    assert default_export_path(story, "html") == reports / "balenciaga-2022-report.html"
    assert default_export_path(story, "markdown") == reports / "balenciaga-2022-report.md"


def test_export_command_writes_the_report_beside_the_story(
    sample_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    story = tmp_path / "balenciaga-2022"
    shutil.copytree(sample_path, story)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main(["export", str(story)]) == 0
    written = story / "reports" / "balenciaga-2022-report.html"
    assert f"wrote {written}" in capsys.readouterr().err
    assert list(elsewhere.iterdir()) == []  # nothing where the command was run
    page = written.read_text(encoding="utf-8")
    assert "WWD" in page and "2022-11-27" in page and "[light]" in page
    target = tmp_path / "out" / "report.md"
    target.parent.mkdir()
    assert main(["export", str(story), "--format", "markdown", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("# Kim Kardashian")


def test_export_to_stdout(
    sample_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: list[str] = []
    real = reader.analysis.analyze
    monkeypatch.setattr(reader.analysis, "analyze", lambda s: calls.append(s.id) or real(s))
    assert main(["export", str(sample_path), "--format", "markdown", "-o", "-"]) == 0
    assert main(["timeline", str(sample_path), "--json"]) == 0
    assert capsys.readouterr().out.startswith("# Kim Kardashian")
    assert calls == ["balenciaga-2022"]


def test_an_unwritable_target_is_a_clear_error(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(sample_path), "-o", str(tmp_path / "missing" / "r.html")]) == 1
    assert "cannot write the report" in capsys.readouterr().err
