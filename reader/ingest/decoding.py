"""Bytes to text: UTF-8, else the charset a page declares, else a guess that is said out loud.

The order: byte-order mark, UTF-8 (text that is valid UTF-8 is almost never in another
encoding, while servers and pages often declare a wrong one), the HTTP header's charset,
the page's `<meta charset>`; then, each with a warning, UTF-8 with a few stray bytes
replaced, an East Asian multi-byte encoding guessed from the bytes, or Windows-1252.
Binary files are refused.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from reader.errors import Problem, ReaderError

__all__ = ["decode"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
# What browsers read for these labels (the WHATWG Encoding Standard): each is a superset.
_WEB_NAMES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "euc-kr": "cp949",
    "shift_jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "gb2312": "gb18030",
    "gbk": "gb18030",
}
# Well-formed multi-byte characters for each bad byte before text counts as UTF-8 with stray
# bytes: other encodings' bytes form a valid UTF-8 character only now and then.
_UTF8_GOOD_PER_BAD = 10
# Multi-byte encodings a guess may pick: their byte patterns are distinctive, unlike the
# single-byte code pages, which any byte string fits.
_GUESSABLE = frozenset(
    ["cp949", "euc_kr", "cp932", "shift_jis", "euc_jp", "gb2312", "gbk", "gb18030", "big5"]
)


def decode(data: bytes, where: Path | str, declared: str | None = None) -> tuple[str, list[str]]:
    """The text of `data` and any warnings; `declared` is the HTTP header's charset."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, "replace").removeprefix("\ufeff"), []
    if b"\0" in data[:65536] or data.startswith((b"%PDF", b"PK\x03\x04", b"\x89PNG")):
        raise ReaderError([Problem(where, None, "binary file, not an article; nothing imported")])
    meta = _META_CHARSET.search(data[:8192])
    for label in ("utf-8", declared, meta.group(1).decode("ascii") if meta else None):
        decoded = _strict(data, label)
        if decoded is not None:
            return decoded, []
    line = _first_bad_line(data)
    loose, bad = _mostly_utf8(data)
    if loose is not None:
        return loose, [f"{where}:{line}: {bad} byte(s) not UTF-8, shown as \ufffd"]
    best = from_bytes(data[:200_000]).best()
    guess = str(best.encoding) if best is not None else ""
    guessed = _strict(data, guess) if guess in _GUESSABLE else None
    if guessed is not None:
        return guessed, [f"{where}: not UTF-8; read as {guess} (a guess from the bytes)"]
    latin = _strict(data, "cp1252")
    if latin is not None:
        return latin, [f"{where}:{line}: not UTF-8; read as Windows-1252 (cp1252)"]
    raise ReaderError(
        [Problem(where, line, "neither UTF-8 nor Windows-1252 text; convert it to UTF-8")]
    )


def _strict(data: bytes, codec: str | None) -> str | None:
    """`data` in `codec`, or None when the codec is unknown or does not fit."""
    if not codec:
        return None
    name = codec.strip().lower()
    try:
        return data.decode(_WEB_NAMES.get(name, name)).removeprefix("\ufeff")
    except (LookupError, UnicodeDecodeError):
        return None


def _mostly_utf8(data: bytes) -> tuple[str | None, int]:
    """UTF-8 with a few stray bytes (a page cut or pasted together): the text with the bad
    bytes replaced, and how many. None when the bytes look like another encoding."""
    loose = data.decode("utf-8", "replace").removeprefix("\ufeff")
    bad = loose.count("\ufffd") - data.count("\ufffd".encode())
    good = sum(1 for ch in loose if ord(ch) > 127) - bad
    return (loose if good >= _UTF8_GOOD_PER_BAD * bad else None), bad


def _first_bad_line(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return data[: error.start].count(b"\n") + 1
    return 1
