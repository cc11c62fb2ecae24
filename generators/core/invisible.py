"""Characters nobody means to publish: controls, invisible spaces and bidirectional overrides.

Text pasted from Word, PDFs or chat apps brings them along. They are invisible to the editor but
not to citizens' software: U+202E (right-to-left override) shows «gpj.exe» as «exe.jpg», a zero
width space splits a word so search misses it, a control character breaks XML feeds. They are
refused where text enters (data files, articles, imported spreadsheets), with the line and the
character's name, so the editor can delete exactly that character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NAMES = {
    "\u200b": "khoảng trắng độ rộng 0 (zero width space)",
    "\u2060": "ký tự nối từ vô hình (word joiner)",
    "\ufeff": "dấu BOM ở giữa văn bản",
    "\u200e": "dấu chiều trái-sang-phải (LRM)",
    "\u200f": "dấu chiều phải-sang-trái (RLM)",
    "\u061c": "dấu chiều chữ Ả Rập (ALM)",
    "\u2028": "ký tự ngắt dòng Unicode (line separator)",
    "\u2029": "ký tự ngắt đoạn Unicode (paragraph separator)",
}
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# C0 controls but tab, newline and carriage return; DEL and the C1 controls; the rest above.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + _BIDI + "".join(_NAMES) + "]"
)


@dataclass(frozen=True)
class Invisible:
    char: str
    line: int  # counted from 1 in the text searched
    before: str  # up to 20 characters of the text before it, to find it on the line

    @property
    def name(self) -> str:
        if self.char in _BIDI:
            return "ký tự đảo chiều văn bản (bidi)"
        return _NAMES.get(self.char, "ký tự điều khiển không in được")

    def message(self) -> str:
        where = f" ngay sau «{self.before}»" if self.before.strip() else " ở đầu dòng"
        return (f"có {self.name} U+{ord(self.char):04X}{where}; ký tự này không nhìn thấy "
                "nhưng làm sai nội dung khi hiển thị, thường do sao chép từ Word, PDF hay web: "
                "hãy xóa nó (gõ lại đoạn chữ đó)")


def find_invisible(text: str, first_line: int = 1) -> Invisible | None:
    """The first character of `text` nobody means to publish, or None."""
    match = _INVISIBLE.search(text)
    if match is None:
        return None
    start = match.start()
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 20):start]
    return Invisible(match.group(), first_line + text.count("\n", 0, start), before)
