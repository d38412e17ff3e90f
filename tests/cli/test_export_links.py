"""Reports link back: sources to their articles, listed quotes to their place in a column."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest

from reader.model import Analysis, Cluster, Occurrence, Source, Story
from reader.report import PALETTE, assign_colours, render_html, render_markdown
from reader.report.links import web_url

URL = "https://news.example/2022/a story?id=1&x=(2)"
TEXT_A = 'Intro. "Words we share," said Ann. Later "only here" was said.'
TEXT_B = 'Other. "Words we share," she said.'
TEXT_C = 'Third. "Words we share" again.'


def linked_story(tmp_path: Path) -> tuple[Story, Analysis]:
    a = Source("a", TEXT_A, tmp_path / "a.txt", outlet="Outlet <A>", title="Title A", url=URL)
    b = Source("b", TEXT_B, tmp_path / "b.txt", outlet="B", url="javascript:alert(1)")
    c = Source("c id", TEXT_C, tmp_path / "c.txt", title="C only")
    story = Story("s", tmp_path, "T", sources=(a, b, c))

    def occ(source: Source, passage: str) -> Occurrence:
        start = source.text.index(passage)
        return Occurrence(source.id, start, start + len(passage), passage)

    shared = Cluster(
        "q1", "Words we share,", "Ann", tuple(occ(s, "Words we share") for s in (a, b, c))
    )
    solo = Cluster("q2", "only here", None, (occ(a, "only here"),))
    return story, Analysis("s", clusters=(shared, solo))


class Links(HTMLParser):
    """Every link of a page with its text, and the article each id sits in."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.ids: dict[str, str] = {}
        self._article = ""
        self._href: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "article":
            self._article = found["id"] or ""
        if found.get("id"):
            self.ids[found["id"] or ""] = self._article
        if tag == "a":
            self._href, self._text = found["href"] or "", ""

    def handle_data(self, data: str) -> None:
        self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((self._href, self._text))
            self._href = None


def page_links(tmp_path: Path) -> Links:
    parser = Links()
    parser.feed(render_html(*linked_story(tmp_path)))
    return parser


def test_html_links_each_source_to_its_article_only_over_http(tmp_path: Path) -> None:
    links = page_links(tmp_path).links
    outward = [(href, text) for href, text in links if not href.startswith("#")]
    assert outward == [(web_url(URL), "Outlet <A>"), (web_url(URL), "Title A")]
    assert unquote(outward[0][0]) == URL


def test_every_listed_occurrence_jumps_to_its_place_in_its_column(tmp_path: Path) -> None:
    analysis = linked_story(tmp_path)[1]
    parser = page_links(tmp_path)
    jumps = [unquote(href[1:]) for href, _ in parser.links if href.startswith("#")]
    for target in jumps:
        assert parser.ids[target] == target.split("@")[1]
    listed = {(c.id, o.source) for c in analysis.shared for o in c.occurrences}
    assert {tuple(t.split("@")) for t in jumps} == listed
    assert jumps.count("q1@c id") == 2  # the coverage table and the quotes in context
    assert "q2@a" in parser.ids


def test_html_quote_table_shows_each_occurrence_in_its_sentence(tmp_path: Path) -> None:
    story, analysis = linked_story(tmp_path)
    page = render_html(story, analysis)
    table = page[page.index("Shared quotes in context") :]
    colour = PALETTE[assign_colours(story, analysis)["q1"]]
    mark = f'<mark class="q exact" style="--c:{colour}">Words we share</mark>'
    assert f'<td class="context">&quot;{mark},&quot; she said.</td>' in table
    assert f'<td class="context">&quot;{mark}&quot; again.</td>' in table
    assert table.count("<tr><td>q1</td>") == 3


def test_markdown_links_sources_to_their_articles(tmp_path: Path) -> None:
    text = render_markdown(*linked_story(tmp_path))
    target = web_url(URL)
    assert f"| [Outlet \\<A\\>]({target}) |" in text and f"| [Title A]({target}) |" in text
    assert "javascript" not in text and "| B |" in text
    assert '  - in context: "Words we share," she said.\n' in text


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://a.example/x?y=1#z", "https://a.example/x?y=1#z"),
        (' HTTP://a.example/a b(c)<d>"e ', "HTTP://a.example/a%20b%28c%29%3Cd%3E%22e"),
        ("https://a.example/café", "https://a.example/caf%C3%A9"),
        ("javascript:alert(1)", None),
        ("data:text/html,hi", None),
        ("//a.example/x", None),
        ("https:///nohost", None),
        ("", None),
        (None, None),
    ],
)
def test_only_web_addresses_become_links(url: str | None, expected: str | None) -> None:
    assert web_url(url) == expected
