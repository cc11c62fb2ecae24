"""The three changes an editor makes between two builds, for the warm runs and the preview.

Each change writes one source file of a project (a copy of this repository's layout) and returns
the text the changed page must show afterwards: a new sentence in an article, a new first step
in a procedure, a new number for the first hotline of data/duong-day-nong.yml. `token` makes the
text unique, so a page that shows it was built after the change.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HOTLINES = Path("data") / "duong-day-nong.yml"
HOTLINES_PAGE = "duong-day-nong/"


@dataclass(frozen=True)
class Change:
    kind: str  # "article", "procedure" or "data": the column of the benchmark table
    file: Path  # relative to the project
    page: str  # the page that shows the change, relative to the site's root ("thu-tuc/x/")
    apply: Callable[[Path, str], str]  # (the file, a unique token) → the text the page shows


def edit_article(path: Path, token: str) -> str:
    sentence = f"Câu vừa sửa khi đo thời gian, lần {token}."
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{sentence}\n",
                    encoding="utf-8")
    return sentence


def edit_procedure(path: Path, token: str) -> str:
    """A new first step: `steps:` is a top-level list in every procedure file (demo and
    synthetic), written as `  - …` items."""
    step = f"Bước vừa thêm khi đo thời gian, lần {token}."
    text = path.read_text(encoding="utf-8")
    if "\nsteps:\n" not in text:
        raise ValueError(f"{path}: no top-level `steps:` list to add a step to")
    path.write_text(text.replace("\nsteps:\n", f"\nsteps:\n  - {step}\n", 1), encoding="utf-8")
    return step


def hotline_number(token: str) -> str:
    """A valid Quảng Trị landline (0233 + 7 digits) derived from `token`: "0233 3123 456"."""
    digits = f"{zlib.crc32(token.encode()) % 1_000_000:06d}"
    return f"0233 3{digits[:3]} {digits[3:]}"


def edit_hotline(path: Path, token: str) -> str:
    """The first phone number of the hotlines register gets a new number."""
    text = path.read_text(encoding="utf-8")
    number = hotline_number(token)
    changed, count = re.subn(r"(?m)^(\s*-?\s*number:\s*).+$", rf"\g<1>{number}", text, count=1)
    if not count:
        raise ValueError(f"{path}: no `number:` to change")
    path.write_text(changed, encoding="utf-8")
    return number


def article_change(project: Path, file: Path | None = None) -> Change:
    """The first synthetic article (content/tin-tuc/<year>/bai-viet-so-N.md), or `file`."""
    if file is None:
        file = min((project / "content" / "tin-tuc").rglob("bai-viet-so-*.md")).relative_to(
            project)
    page = file.relative_to("content").with_suffix("").as_posix() + "/"
    return Change("article", file, page, edit_article)


def procedure_change(project: Path, file: Path | None = None) -> Change:
    """The first procedure of data/thu-tuc/ (by file name), or `file`."""
    if file is None:
        file = min((project / "data" / "thu-tuc").glob("*.yml")).relative_to(project)
    return Change("procedure", file, f"thu-tuc/{file.stem}/", edit_procedure)


def data_change() -> Change:
    return Change("data", HOTLINES, HOTLINES_PAGE, edit_hotline)
