"""Words of a text as the search sees them; `assets/cchc-search.js` applies the same rules.

token: a run of letters and digits, lower-cased, in NFC.

normal: the token with its spelling variants made one, so that equally correct spellings
compare equal: the tone mark is taken off wherever it sits and written after the word as a
digit (1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng, the VNI typing order), so "hoà" and "hòa",
"khoẻ" and "khỏe", "thuỷ" and "thủy" are one word; and a lone y after a consonant is written i,
so "lý" and "lí", "kỹ" and "kĩ", "quý" and "quí", "mỹ" and "mĩ" are one word. Vowel marks
(ă â ê ô ơ ư) and đ stay: "đất" and "đặt" remain two words.

fold: the normal form without any mark, tone digit or đ stroke ("đất", "đặt", "dát" → "dat").

Documents and queries go through the same steps, in Python at build time and in JavaScript in
the browser; tests/search_folding.json holds the table both are tested on.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..vietnamese.text import fold

_WORD = re.compile(r"[^\W_]+")
# Combining tone marks, numbered as VNI typists type them.
TONES = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
# A syllable whose whole vowel is i or y after a consonant: both spellings are correct.
_LONE_Y = re.compile(r"(b|c|ch|d|đ|g|gh|h|k|kh|l|m|n|ng|ngh|nh|p|ph|qu|r|s|t|th|tr|v|x)y")
# Procedure codes and task numbers are written with dots ("1.004227", "2.11") and typed
# without them ("1004227"): the index holds the joined form too.
_DOTTED_NUMBER = re.compile(r"\d+(?:\.\d+)+")


def tokens(text: str) -> list[str]:
    """"Thủ tục 1.004227 (76/NQ-CP)" → ["thủ", "tục", "1", "004227", "76", "nq", "cp"]."""
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


def joined_numbers(text: str) -> list[str]:
    """"Mã 1.004227, nhiệm vụ 2.11" → ["1004227", "211"]: dotted numbers without their dots."""
    return [match.replace(".", "") for match in _DOTTED_NUMBER.findall(text)]


def index_words(text: str) -> list[str]:
    """The words a document is found by: its tokens, then its dotted numbers joined."""
    return tokens(text) + joined_numbers(text)


@lru_cache(maxsize=200_000)
def _parts(token: str) -> tuple[str, str]:
    decomposed = unicodedata.normalize("NFD", token)
    tones = "".join(TONES[ch] for ch in decomposed if ch in TONES)
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONES))
    if _LONE_Y.fullmatch(base):
        base = base[:-1] + "i"
    return base, tones


def normal(token: str) -> str:
    """"hoà", "hòa" → "hoa2"; "lý", "lí" → "li1"; "đất" → "đât1"; "xe" → "xe"."""
    base, tones = _parts(token)
    return base + tones


@lru_cache(maxsize=200_000)
def folded(token: str) -> str:
    """"đất", "đặt", "dát" → "dat"; "lý", "ly" → "li". Cached: a corpus repeats its words."""
    return fold(_parts(token)[0])


@lru_cache(maxsize=200_000)
def forms(token: str) -> tuple[str, str, bool]:
    """(folded, normal, has marks) of a word, computed once per distinct word."""
    fold_form, normal_form = folded(token), normal(token)
    return fold_form, normal_form, fold_form != normal_form


def has_marks(token: str) -> bool:
    """True when a typed word carries diacritics, so exact matches should rank first."""
    return folded(token) != normal(token)
