"""Notices: problems an editor should look at that do not stop the build.

A plan transcribed faithfully may contradict itself (seed 000: the units report "trước
20/11/2024" in section IV.2, "trước 26/11/2024" in the appendix). The data is right — it is what
the agency signed — so this is not an error; but the editor must know, and ask the agency.

MkDocs' `--strict` turns every logged WARNING into a failed build, so notices travel apart from
warnings: sections record them in the portal under `NOTICES`; `cchc check` prints them after the
verdict and the MkDocs plugin logs them at INFO level (shown by `cchc build`, never failing it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .errors import FieldPath, format_field
from .portal import Part, Portal
from .yamlsource import LineMap

PREFIX = "Cảnh báo (trang vẫn được tạo)"


@dataclass(frozen=True)
class Notice:
    """One thing to check in one place of one file."""

    file: str
    message: str
    line: int | None = None
    field: str = ""

    def format(self) -> str:
        where = self.file if self.line is None else f"{self.file}, dòng {self.line}"
        if self.field:
            where += f", trường «{self.field}»"
        return f"{PREFIX} – {where}: {self.message}"


NOTICES: Part[list[Notice]] = Part("notices", list)


def notices_at(rel: str, lines: LineMap, found: Iterable[tuple[FieldPath, str]]) -> list[Notice]:
    """Notices at the lines of their field paths, like `report_problems` does for errors."""
    return [Notice(rel, message, lines.line_of(path), format_field(path))
            for path, message in found]


def portal_notices(portal: Portal) -> list[str]:
    return [notice.format() for notice in portal[NOTICES]]
