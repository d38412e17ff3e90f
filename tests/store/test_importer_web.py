"""Web pages in: the article without the page's chrome, the page's own metadata, any
encoding, any file name, and the raw page kept for a later re-import."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from reader.ingest import ImportOptions, import_files, reimport_story, slugify
from reader.store import load_story

BODY = (
    "<p>The council voted on Tuesday to close the old bridge to cars from next spring.</p>"
    "<p>“We have waited long enough,” the mayor said after the vote in the town hall.</p>"
    "<p>Engineers found cracks in two of the bridge's piers during an inspection in May.</p>"
    "<p>Work on a new crossing is expected to start in the autumn and last three years.</p>"
)


def page(head: str = "", body: str = BODY, before: str = "", charset: str = "utf-8") -> str:
    """A small article page: navigation and a cookie banner around an <article>."""
    return f"""<!DOCTYPE html><html><head><meta charset="{charset}">
<title>Bridge to close | The Daily Example</title>{head}</head>
<body><a href="#main">Skip to main content</a>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<div class="cookie-banner"><p>We use cookies to improve your experience.</p></div>
{before}<article><h1>Bridge to close</h1>{body}</article>
<aside><h2>Most read</h2><ul><li><a href="/x">Celebrity shares holiday snaps</a></li></ul></aside>
<footer><p>Copyright The Daily Example</p></footer></body></html>"""


META = """<meta property="og:title" content="Bridge to close">
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2022-11-28T23:30:00-05:00">
<meta name="author" content="Jo Reporter">
<link rel="canonical" href="https://www.daily.example/news/bridge">"""


def imported(tmp_path: Path, html: str, name: str = "page.html", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(html.encode(encoding))
    import_files(tmp_path / "s", [path])
    return tmp_path / "s"


def test_article_without_the_pages_chrome(tmp_path: Path) -> None:
    source = load_story(imported(tmp_path, page(META))).sources[0]
    assert source.text.startswith("The council voted on Tuesday")
    assert "“We have waited long enough,” the mayor said" in source.text
    assert source.text.rstrip().endswith("last three years.")
    for chrome in ("Skip to main content", "cookies", "Most read", "Celebrity", "Copyright"):
        assert chrome not in source.text, chrome


def test_metadata_from_the_page(tmp_path: Path) -> None:
    source = load_story(imported(tmp_path, page(META))).sources[0]
    assert source.title == "Bridge to close"
    assert source.outlet == "The Daily Example"
    assert source.byline == "Jo Reporter"
    assert source.url == "https://www.daily.example/news/bridge"
    assert source.date == dt.date(2022, 11, 28), "the page's own date, not UTC's"


def test_no_url_as_a_byline_and_no_domain_as_outlet(tmp_path: Path) -> None:
    head = """<meta name="author" content="https://www.facebook.com/dailyexample">
<meta property="og:site_name" content="daily.example">"""
    source = load_story(imported(tmp_path, page(head))).sources[0]
    assert source.byline is None
    assert source.outlet == "The Daily Example"


def test_body_inside_a_form_is_imported(tmp_path: Path) -> None:
    html = page(META).replace("<article>", "<form action='/s'><article>")
    html = html.replace("</article>", "</article></form>")
    source = load_story(imported(tmp_path, html)).sources[0]
    assert "“We have waited long enough,”" in source.text


@pytest.mark.parametrize(
    ("encoding", "sentence"),
    [
        ("euc-kr", "시장은 “충분히 기다렸다”고 말했다."),
        ("shift_jis", "市長は「十分待った」と述べた。"),
        ("windows-1251", "Мэр сказал: «Мы ждали достаточно»."),
    ],
)
def test_declared_charsets_are_read(tmp_path: Path, encoding: str, sentence: str) -> None:
    body = BODY.replace("<p>The council", f"<p>{sentence}</p><p>The council")
    folder = imported(tmp_path, page(META, body, charset=encoding), encoding=encoding)
    assert sentence in load_story(folder).sources[0].text


def test_undeclared_korean_text_is_guessed_with_a_warning(tmp_path: Path) -> None:
    text = "서울시 의회는 화요일 낡은 다리를 내년 봄부터 차량 통행을 금지하기로 의결했다. " * 4
    path = tmp_path / "article.txt"
    path.write_bytes(f"Headline\n\n{text}\n".encode("euc-kr"))
    [result] = import_files(tmp_path / "s", [path])
    assert text.strip() in result.text
    assert result.warnings and "a guess" in result.warnings[0]


def test_utf8_with_a_stray_byte_stays_utf8(tmp_path: Path) -> None:
    text = "The mayor said: “We have waited long enough” — the café agreed. " * 3
    path = tmp_path / "article.txt"
    path.write_bytes(f"Headline\n\n{text}\n".encode() + b"Cut off \xe2\x80\n")
    [result] = import_files(tmp_path / "s", [path])
    assert text.strip() in result.text
    assert result.warnings and "not UTF-8" in result.warnings[0]


def test_non_latin_names_give_distinct_readable_ids(tmp_path: Path) -> None:
    names = ["서울 기사.txt", "부산 기사.txt", "Новости.txt", "Café Olé.txt"]
    for name in names:
        (tmp_path / name).write_text("Headline\n\nA sentence of the article.\n", "utf-8")
    import_files(tmp_path / "s", [tmp_path / n for n in names])
    ids = [s.id for s in load_story(tmp_path / "s").sources]
    assert len(set(ids)) == 4
    assert ids[3] == "cafe-ole"
    assert slugify("Новости 2022").startswith("2022-")


def test_raw_page_is_kept_and_reimport_refills_the_text(tmp_path: Path) -> None:
    folder = imported(tmp_path, page(META), name="bridge.html")
    kept = folder / "sources" / "bridge.html"
    assert "og:site_name" in kept.read_text("utf-8")
    text_file = folder / "sources" / "bridge.txt"
    original = text_file.read_text("utf-8")
    text_file.write_text("damaged\n", "utf-8")
    meta = folder / "sources" / "bridge.yaml"
    meta.write_text(meta.read_text("utf-8").replace("Bridge to close", "My title"), "utf-8")
    [redone] = reimport_story(folder)
    assert redone.id == "bridge"
    source = load_story(folder).sources[0]
    assert source.text == original
    assert source.title == "My title", "what the user stated stays"


def test_a_text_source_keeps_no_page_and_replacing_drops_a_stale_one(tmp_path: Path) -> None:
    folder = imported(tmp_path, page(META), name="bridge.html")
    article = tmp_path / "bridge.txt"
    article.write_text("Headline\n\nA sentence of the article.\n", "utf-8")
    import_files(folder, [article], ImportOptions(replace=True))
    assert not (folder / "sources" / "bridge.html").exists()
    assert reimport_story(folder) == []


NO_NETWORK = """
import os, socket, sys
def refuse(*args, **kwargs):
    print("network use", args, file=sys.stderr)
    os._exit(97)  # even if the caller would catch an exception
socket.socket.connect = socket.create_connection = socket.getaddrinfo = refuse
from pathlib import Path
from reader.ingest import import_files
import_files(Path(sys.argv[2]), [Path(sys.argv[1])])
"""


def test_importing_a_page_needs_no_network(tmp_path: Path) -> None:
    """Neither importing the extractor nor running it may reach the network."""
    (tmp_path / "page.html").write_text(page(META), "utf-8")
    done = subprocess.run(
        [sys.executable, "-c", NO_NETWORK, str(tmp_path / "page.html"), str(tmp_path / "s")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert load_story(tmp_path / "s").sources[0].title == "Bridge to close"
