"""HTML article pages to plain paragraphs, with the metadata the page states about itself."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

__all__ = ["HtmlPage", "html_to_text", "looks_like_html"]

_SKIP = frozenset(
    [
        "script",
        "style",
        "nav",
        "footer",
        "aside",
        "noscript",
        "template",
        "svg",
        "iframe",
        "button",
        "select",
        "head",
    ]
)
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)
_BLOCK = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "header",
        "main",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "blockquote",
        "figure",
        "figcaption",
        "table",
        "tr",
        "dl",
        "dt",
        "dd",
        "pre",
        "hr",
        "address",
    ]
)
_META = {
    "og:site_name": "outlet",
    "application-name": "outlet",
    "og:title": "title",
    "og:url": "url",
    "article:published_time": "date",
    "date": "date",
    "pubdate": "date",
    "author": "byline",
    "article:author": "byline",
}
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


@dataclass
class HtmlPage:
    """The page's text (paragraphs separated by blank lines) and what its head says."""

    text: str = ""
    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    head_title: str | None = None


def looks_like_html(text: str, suffix: str) -> bool:
    """HTML by file name, or by a document that starts like one."""
    return suffix.lower() in {".html", ".htm", ".xhtml"} or bool(_HTML_START.match(text))


def html_to_text(html: str) -> HtmlPage:
    """Visible article text, one paragraph per block; scripts, navigation and footers dropped."""
    parser = _Parser()
    parser.feed(html)
    parser.close()
    blocks = ["\n".join(line.strip() for line in block.split("\n")) for block in parser.blocks()]
    page = HtmlPage(text="\n\n".join(b.strip() for b in blocks if b.strip()))
    page.title = parser.meta.pop("title", None) or parser.head_title or parser.h1
    page.meta = parser.meta
    page.head_title = parser.head_title
    return page


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._stack: list[str] = []
        self._skipping = 0
        self._pre = 0
        self._parts: list[str] = []
        self._in_title = False
        self._in_h1 = False
        self.head_title: str | None = None
        self.h1: str | None = None
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        if tag in ("meta", "link"):
            self._head_value(tag, values)
        if tag == "title":
            self._in_title = self.head_title is None
        if tag in _VOID:
            if tag == "br" and not self._skipping:
                self._parts.append("\n")
            return
        self._stack.append(tag)
        if tag in _SKIP:
            self._skipping += 1
        if tag == "pre":
            self._pre += 1
        if tag == "h1" and self.h1 is None:
            self._in_h1 = True
            self.h1 = ""
        if tag in _BLOCK:
            self._parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag not in self._stack:
            return
        while self._stack:
            open_tag = self._stack.pop()
            if open_tag in _SKIP:
                self._skipping -= 1
            if open_tag == "pre":
                self._pre -= 1
            if open_tag == "h1":
                self._in_h1 = False
            if open_tag in _BLOCK:
                self._parts.append("\n\n")
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.head_title = ((self.head_title or "") + data).strip() or None
            return
        if self._skipping:
            return
        text = data if self._pre else re.sub(r"\s+", " ", data)
        if self._in_h1 and self.h1 is not None:
            self.h1 = (self.h1 + text).strip()
        self._parts.append(text)

    def _head_value(self, tag: str, values: dict[str, str]) -> None:
        if tag == "link" and values.get("rel", "").lower() == "canonical" and values.get("href"):
            self.meta.setdefault("url", values["href"])
            return
        key = (values.get("property") or values.get("name") or "").lower()
        content = values.get("content", "").strip()
        if key in _META and content:
            self.meta.setdefault(_META[key], content)

    def blocks(self) -> list[str]:
        return re.split(r"\n\s*\n", "".join(self._parts))
