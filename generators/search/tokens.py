"""Words of a text as the search sees them; `assets/cchc-search.js` applies the same rules.

token: a run of letters and digits, lower-cased, in NFC. fold: the token without tone or vowel
marks and with đ → d. Documents and queries go through the same two steps, in Python at build
time and in JavaScript in the browser.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..vietnamese.text import fold

_WORD = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[str]:
    """"Thủ tục 1.004227 (76/NQ-CP)" → ["thủ", "tục", "1", "004227", "76", "nq", "cp"]."""
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


@lru_cache(maxsize=200_000)
def folded(token: str) -> str:
    """The folded form of a word; cached because a corpus repeats a small vocabulary."""
    return fold(token)


def has_marks(token: str) -> bool:
    """True when a typed word carries diacritics, so exact matches should rank first."""
    return folded(token) != token
