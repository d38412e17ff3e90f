"""Links out of a report: only to web pages, and written so no renderer misreads them."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

_KEPT = "/:?#[]@!$&'*+,;=%~"
"""URL characters kept as they are; anything else (spaces, brackets, quotes, non-ASCII) is
percent-encoded, so the link cannot end early in Markdown or HTML."""


def web_url(url: str | None) -> str | None:
    """`url` percent-encoded when it is an http(s) address with a host; None otherwise (no
    `javascript:`, `data:` or relative links from a source's metadata)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    return quote(url, safe=_KEPT)


def anchor(cluster_id: str, source_id: str) -> str:
    """The in-page id of a quote's place in a source's column."""
    return f"{cluster_id}@{source_id}"


def fragment(target: str) -> str:
    """An in-page link (`#...`) to the element with id `target`."""
    return "#" + quote(target, safe="")
