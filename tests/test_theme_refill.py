"""After a change every page shows, the preview puts a page whose own inputs did not change into
its new shell itself (generators/theme_refill.py), and writes what MkDocs' loop would.

The whole preview is compared with a clean build after a hotline's and the profile's changes in
tests/test_preview_rebuilds.py; here, the decisions and the writing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generators.core.guard import overwrite_bytes
from generators.core.published_html import finish_html
from generators.filled_minify import FilledMinifier
from generators.theme_fill import Fill, Shell, ThemeFiller
from generators.theme_refill import Refills

from .test_filled_minify import SHELL, values

KEY = ("tin-tuc/2024/", False, (("title", True),))
URI = "tin-tuc/2024/hoi-nghi-cchc-2024.md"
URL = "tin-tuc/2024/hoi-nghi-cchc-2024/"
# The same page with a new hotline number in its header: what a change every page shows gives.
NEW_SHELL = Shell(tuple(
    part.replace("<body>", "<body><p>Đường dây nóng 0233 3852 499</p>") if n % 2 == 0 else part
    for n, part in enumerate(SHELL.parts)))


class _File:
    """Stands for the file MkDocs was given for the page (held between rebuilds)."""


def _filler(shell: Shell | None) -> ThemeFiller:
    filler = ThemeFiller(env=None, site_url=None)
    filler.shells[KEY] = shell
    return filler


def _noted(file: object) -> Refills:
    refills = Refills()
    given = values()
    refills.note(URI, file, Fill(SHELL, given, SHELL.fill(given), KEY))
    return refills


def test_a_page_is_refilled_only_for_the_file_it_was_last_written_for() -> None:
    file = _File()
    refills = _noted(file)
    assert refills.may_refill(URI, file)
    assert not refills.may_refill(URI, _File())  # the configuration changed: a new file
    assert not refills.may_refill("tin-tuc/2024/khac.md", file)


def test_a_page_written_otherwise_than_through_a_shell_is_forgotten() -> None:
    file = _File()
    refills = _noted(file)
    refills.note(URI, file, None)  # rendered by the theme this time
    assert not refills.may_refill(URI, file)
    refills = _noted(file)
    refills.forget()  # the error page replaced the site
    assert not refills.may_refill(URI, file)


def test_a_refilled_page_is_its_new_shell_with_its_values_minified_as_mkdocs_path_would(
    tmp_path: Path,
) -> None:
    page = tmp_path / "index.html"
    page.write_bytes(b"x" * 100_000)  # the old page, longer than the new one
    refills = _noted(_File())
    assert refills.refill(URI, URL, page, _filler(NEW_SHELL), FilledMinifier("t0k3n"))
    expected = finish_html(NEW_SHELL.fill(values()))
    assert page.read_text("utf-8") == expected
    assert "0233 3852 499" in expected and refills.written == 1
    refills.next_build()
    assert refills.written == 0


@pytest.mark.parametrize("shell", [None, "missing", "links-to-it"])
def test_a_page_goes_through_mkdocs_when_this_rebuild_has_no_usable_shell_for_it(
    tmp_path: Path, shell: str | None,
) -> None:
    page = tmp_path / "index.html"
    page.write_text("cũ", encoding="utf-8")
    filler = _filler(None)  # dropped: the theme's rendering differed from it
    if shell == "missing":
        filler.shells.clear()  # no page of its kind went through MkDocs first
    elif shell == "links-to-it":
        filler.shells[KEY] = Shell(NEW_SHELL.parts, frozenset({URL.rstrip("/")}))
    refills = _noted(_File())
    assert not refills.refill(URI, URL, page, filler, FilledMinifier("t0k3n"))
    assert page.read_text("utf-8") == "cũ" and refills.written == 0


def test_a_page_with_nothing_to_write_or_that_cannot_be_written_goes_through_mkdocs(
    tmp_path: Path,
) -> None:
    refills = _noted(_File())
    missing = tmp_path / "gone" / "index.html"
    assert not refills.refill(URI, URL, missing, _filler(NEW_SHELL), FilledMinifier("t0k3n"))


def test_writing_over_a_file_leaves_exactly_the_new_bytes(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    overwrite_bytes(path, "Trang mới, dài hơn trang cũ".encode())
    overwrite_bytes(path, b"ngan")
    assert path.read_bytes() == b"ngan"
    with pytest.raises(OSError) as failure:
        overwrite_bytes(tmp_path / "khong-co" / "page.html", b"x")
    assert "khong-co" in str(failure.value.filename)
