"""The one thing the reader downloads: an article page the user named by its URL."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass

from reader.errors import Problem, ReaderError

__all__ = ["Fetched", "fetch", "is_url"]

TIMEOUT_SECONDS = 20.0
MAX_PAGE_BYTES = 20_000_000
_HEADERS = {
    "User-Agent": "Mozilla/5.0 (compatible; story-reader/0.1; +article import)",
    "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
}


@dataclass(frozen=True)
class Fetched:
    """A page as the server sent it: the final URL, the bytes and the declared charset."""

    url: str
    data: bytes
    charset: str | None


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def fetch(url: str, timeout: float = TIMEOUT_SECONDS) -> Fetched:
    """GET `url`, following redirects; any failure is a ReaderError naming the URL."""
    request = urllib.request.Request(url, headers=_HEADERS)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(MAX_PAGE_BYTES + 1)
            charset = response.headers.get_content_charset()
            final = response.geturl()
    except urllib.error.HTTPError as error:
        raise ReaderError([Problem(url, None, f"HTTP {error.code} {error.reason}")]) from None
    except urllib.error.URLError as error:
        raise ReaderError([Problem(url, None, f"cannot fetch: {error.reason}")]) from None
    except (TimeoutError, OSError, ValueError) as error:
        raise ReaderError([Problem(url, None, f"cannot fetch: {error}")]) from None
    if len(data) > MAX_PAGE_BYTES:
        raise ReaderError([Problem(url, None, f"larger than {MAX_PAGE_BYTES} bytes")])
    return Fetched(url=final, data=data, charset=charset)
