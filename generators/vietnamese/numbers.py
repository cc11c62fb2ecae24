"""Numbers written the Vietnamese way: decimal comma ("1,5"), dot for thousands ("1.000")."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from babel.numbers import format_decimal

_VI_DECIMAL = re.compile(r"^\d+(?:,\d+)?$")


class NotANumber(ValueError):
    """Raised with a Vietnamese message when text is not a number."""


def parse_decimal_vi(value: object) -> Decimal:
    """Parse 2, 1.5, "1,5" or "0,5" into a Decimal.

    Editors transcribe points as printed ("1,5"); YAML reads an unquoted 1,5 as the string "1,5",
    so both the Vietnamese and the YAML number forms are accepted. "1.5" as text is refused: in
    Vietnamese it would read as one thousand five hundred.
    """
    if isinstance(value, bool):
        raise NotANumber("cần một số, ví dụ 2 hoặc 1,5")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(str(value))
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str):
        text = value.strip()
        if _VI_DECIMAL.match(text):
            try:
                return Decimal(text.replace(",", "."))
            except InvalidOperation:  # pragma: no cover - the pattern already guarantees a number
                pass
        raise NotANumber(f"«{value}» không phải là số; viết số thập phân với dấu phẩy, ví dụ 1,5")
    raise NotANumber("cần một số, ví dụ 2 hoặc 1,5")


@lru_cache(maxsize=4096, typed=True)  # Babel takes ~50 µs; a catalogue repeats its amounts
def format_decimal_vi(value: Decimal | int | float) -> str:
    """80.36 → "80,36"; 62 → "62"; 1000 → "1.000"."""
    return format_decimal(value, format="#,##0.##", locale="vi")


def format_percent_vi(value: Decimal | float, digits: int = 2) -> str:
    """0.8459 → "84,59%"."""
    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    return format_decimal(Decimal(str(value)) * 100, format=pattern, locale="vi") + "%"


def format_file_size(size: int) -> str:
    """Bytes as Vietnamese readers write them: "48 KB", "1,2 MB" (decimal units, as the
    download pages of the national portals give them)."""
    if size < 1000 * 1000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{format_decimal_vi(round(size / 1000 / 1000, 1))} MB"
