"""Unicode normalisation, diacritic folding and URL slugs for Vietnamese text."""

from __future__ import annotations

import functools
import re
import unicodedata

# đ/Đ are letters of their own, not d with a mark: Unicode gives them no decomposition, so
# stripping combining marks alone would leave them in place.
_D_STROKE = str.maketrans({"đ": "d", "Đ": "D"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def nfc(text: str) -> str:
    """Return `text` in NFC, the form Vietnamese text must be stored and compared in."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case ASCII skeleton of `text`: tones and vowel marks removed, đ → d.

    "Đường dây nóng" → "duong day nong". Used for slugs and diacritic-insensitive matching.
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_D_STROKE))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).lower()


@functools.lru_cache(maxsize=16384)
def slugify(text: str, max_length: int = 80) -> str:
    """URL slug of Vietnamese text: "Thủ tục đăng ký xe" → "thu-tuc-dang-ky-xe".

    Remembered: the same tags and category names are slugged for every article that has them."""
    slug = _NON_SLUG.sub("-", fold(text)).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug


SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG_RE = re.compile(SLUG_PATTERN)


def is_slug(text: str) -> bool:
    """True when `text` is already a clean slug (lower-case ASCII words joined by hyphens)."""
    return bool(_SLUG_RE.match(text))
