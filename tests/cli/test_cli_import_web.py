"""`reader import` from URLs (a local server on 127.0.0.1), a URL list, a folder and stdin."""

from __future__ import annotations

import functools
import io
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.store import load_story

Run = Callable[..., tuple[int, str, str]]

ARTICLE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | The Example</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="The Example">
<meta property="article:published_time" content="2022-11-28T09:00:00+01:00"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>{title}</h1>
<p>The council voted on Tuesday to close the old bridge to cars from next spring.</p>
<p>“We have waited long enough,” the mayor said after the vote in the town hall.</p>
<p>Engineers found cracks in two of the bridge's piers during an inspection in May.</p>
</article><footer>Copyright The Example</footer></body></html>"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """No request log on the test's stderr."""


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """Saved pages served from 127.0.0.1; yields the base URL."""
    site = tmp_path / "site"
    (site / "news").mkdir(parents=True)
    for name, title in (("bridge-to-close", "Bridge to close"), ("river-floods", "River floods")):
        (site / "news" / f"{name}.html").write_text(ARTICLE.format(title=title), "utf-8")
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def test_import_a_url(reader_cli: Run, tmp_path: Path, server: str) -> None:
    url = f"{server}/news/bridge-to-close.html"
    code, _, err = reader_cli("import", str(tmp_path / "s"), url)
    assert code == 0, err
    [source] = load_story(tmp_path / "s").sources
    assert source.id == "bridge-to-close"
    assert (source.title, source.outlet, source.url) == ("Bridge to close", "The Example", url)
    assert source.text.startswith("The council voted")
    assert "Home" not in source.text
    assert (tmp_path / "s" / "sources" / "bridge-to-close.html").is_file()


def test_url_list_with_a_dead_link_imports_the_others(
    reader_cli: Run, tmp_path: Path, server: str
) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(
        f"# saved for the bridge story\n{server}/news/bridge-to-close.html\n\n"
        f"{server}/news/missing.html\n{server}/news/river-floods.html\n",
        "utf-8",
    )
    code, _, err = reader_cli("import", str(tmp_path / "s"), "--urls", str(urls))
    assert code == 1
    assert f"{server}/news/missing.html: HTTP 404" in err
    ids = [s.id for s in load_story(tmp_path / "s").sources]
    assert ids == ["bridge-to-close", "river-floods"]


def test_unreachable_server_is_a_clear_error(reader_cli: Run, tmp_path: Path) -> None:
    code, _, err = reader_cli("import", str(tmp_path / "s"), "http://127.0.0.1:9/a.html")
    assert code == 1
    assert "http://127.0.0.1:9/a.html: cannot fetch" in err
    assert not (tmp_path / "s").exists()


def test_import_a_folder(reader_cli: Run, tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "a.html").write_text(ARTICLE.format(title="Bridge to close"), "utf-8")
    (folder / "b.txt").write_text("River floods\n\nThe river rose a metre overnight.\n", "utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    (folder / ".hidden.txt").write_text("Secret\n\nNot an article.\n", "utf-8")
    code, _, err = reader_cli("import", str(tmp_path / "s"), str(folder))
    assert code == 0, err
    story = load_story(tmp_path / "s")
    assert [(s.id, s.title) for s in story.sources] == [
        ("a", "Bridge to close"),
        ("b", "River floods"),
    ]


def test_a_folder_without_articles_is_refused(reader_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, _, err = reader_cli("import", str(tmp_path / "s"), str(tmp_path / "empty"))
    assert code == 1
    assert "no article files" in err
    assert not (tmp_path / "s").exists()


def test_import_from_stdin(
    reader_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = "River floods\n\nThe river rose a metre overnight.\nWATCH: Aerial video\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw.encode("utf-8"))))
    code, _, err = reader_cli("import", str(tmp_path / "s"), "-", "--id", "river")
    assert code == 0, err
    [source] = load_story(tmp_path / "s").sources
    assert (source.id, source.title) == ("river", "River floods")
    assert source.text == "The river rose a metre overnight.\n"


def test_reimport(reader_cli: Run, tmp_path: Path, server: str) -> None:
    story = str(tmp_path / "s")
    assert reader_cli("import", story, f"{server}/news/river-floods.html")[0] == 0
    text = tmp_path / "s" / "sources" / "river-floods.txt"
    before = text.read_text("utf-8")
    text.write_text("stale\n", "utf-8")
    code, out, err = reader_cli("reimport", story)
    assert code == 0, err
    assert "river-floods.txt" in out
    assert text.read_text("utf-8") == before
