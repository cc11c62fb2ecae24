"""No slug, file name or path can make the build write outside site/ (issue 9, point 3).

Page paths (`check_path`) and output files (`check_output_path`, `write_outputs`) are given
arbitrary strings: "..", absolute paths, backslashes, NUL and control characters, look-alike
dots and slashes, percent-encoding, over-long names. Each is refused with our error, or the file
it writes is inside the site folder. Then the same from the editor's side: an article's `slug`,
a data file's name, an image path.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generators.core.errors import DataErrors
from generators.core.outputs import OutputConflict, OutputFile, check_output_path, write_outputs
from generators.core.pages import UnsafePath, check_path
from generators.core.pipeline import load_portal
from generators.sections.news.model import ARTICLES

from .conftest import ROOT, copy_demo_files
from .hostile import CASE_SETTINGS, CASES, NOW

SEGMENTS = [
    "..", ".", "", "a", "tin-tuc", "2024", "index.html", "rss.xml", "%2e%2e", "%2f", "..%2f",
    "%252e%252e", "\\", "..\\..", "C:", "~", "\0", "\n", "\t", "\x7f", "\u202e", "\u200b",
    "．．", "\u2024\u2024", "…", "\u2215", "\u2044", "\uff0f", "\u29f8", "ｃｏｎ", "a" * 300,
    "đường-dây-nóng", "?x", "#x", " ", "..." , "-", "--help",
]
hostile_paths = st.one_of(
    st.lists(st.sampled_from(SEGMENTS), min_size=1, max_size=6).map("/".join),
    st.lists(st.sampled_from(SEGMENTS), min_size=1, max_size=6).map("".join),
    st.lists(st.sampled_from(SEGMENTS), min_size=1, max_size=4).map(lambda s: "/" + "/".join(s)),
    st.text(max_size=40),
    st.text(alphabet=st.sampled_from("./\\%2e0:~a"), max_size=20),
)


def inside(folder: Path, target: Path) -> bool:
    return target.resolve().is_relative_to(folder.resolve())


def written_outside(base: Path, site: Path) -> list[Path]:
    """Everything under `base` that is not `site` or inside it."""
    return [p for p in base.rglob("*") if not inside(site, p) and p != site]


@CASE_SETTINGS
@given(path=hostile_paths.map(lambda p: p if p.endswith("/") else p + "/"))
def test_a_page_path_is_refused_or_written_inside_the_site(path: str) -> None:
    CASES["paths/page"] += 1
    try:
        check_path(path)
    except UnsafePath as exc:
        assert str(exc).startswith("đường dẫn trang không an toàn")
        return
    with tempfile.TemporaryDirectory() as base:
        site = Path(base) / "site"
        target = site / path / "index.html"  # where MkDocs writes the page (directory URLs)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("trang", encoding="utf-8")
        assert inside(site, target)
        assert written_outside(Path(base), site) == []


@CASE_SETTINGS
@given(path=hostile_paths)
def test_an_output_file_is_refused_or_written_inside_the_site(path: str) -> None:
    CASES["paths/output"] += 1
    with tempfile.TemporaryDirectory() as base:
        site = Path(base) / "site"
        site.mkdir()
        try:
            check_output_path(path)
        except OutputConflict as exc:
            assert str(exc).startswith("đường dẫn tệp xuất không an toàn")
            return
        assert write_outputs(site, [OutputFile(path, b"noi dung")]) == 1
        assert (site / path).read_bytes() == b"noi dung"
        assert inside(site, site / path)
        assert written_outside(Path(base), site) == []


@CASE_SETTINGS
@given(path=hostile_paths)
def test_write_outputs_guards_on_its_own(path: str) -> None:
    """Even a caller that skips `check_outputs` cannot write outside: refused or inside."""
    CASES["paths/write"] += 1
    with tempfile.TemporaryDirectory() as base:
        site = Path(base) / "site"
        site.mkdir()
        try:
            write_outputs(site, [OutputFile(path, b"x")])
        except OutputConflict:
            return
        assert written_outside(Path(base), site) == []


REFUSED = [
    "../x", "a/../../x", "/etc/passwd", "a\\..\\..\\x", "a\0b", ".", "./a", "a/./b", "a//b",
    "a" * 300, "a\u202egnp.exe", "a\nb", "%2e%2e/../x",
]


@pytest.mark.parametrize("path", REFUSED, ids=repr)
def test_paths_that_leave_or_confuse_the_site_are_refused(path: str) -> None:
    with pytest.raises(OutputConflict):
        check_output_path(path)
    with pytest.raises(UnsafePath):
        check_path(path.rstrip("/") + "/")


@pytest.mark.parametrize("path", ["ke-hoach/", "tin-tuc/2024/bai-viet/", "%2e%2e/", "．．/"])
def test_ordinary_and_merely_odd_page_paths_are_accepted(path: str) -> None:
    """"%2e%2e" and fullwidth dots are folder names like any other on disk: they stay inside."""
    assert check_path(path) == path


def test_the_refusal_names_the_path_with_invisible_characters_shown() -> None:
    with pytest.raises(OutputConflict, match=r"«a\\nb»"):
        check_output_path("a\nb")


# --- from the editor's side --------------------------------------------------------------------

ARTICLE = """---
title: {title}
date: 2024-07-15
summary: Sở tổ chức tập huấn cho Tổ hỗ trợ nộp hồ sơ trực tuyến.
category: hoat-dong
{extra}---

{body}
"""


def news_project(tmp_path: Path, title: str = "Tập huấn dịch vụ công", extra: str = "",
                 body: str = "Nội dung.") -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    article = tmp_path / "content" / "tin-tuc" / "2024" / "bai.md"
    article.parent.mkdir(parents=True)
    article.write_text(ARTICLE.format(title=title, extra=extra, body=body), encoding="utf-8")
    copy_demo_files(tmp_path / "content")
    return tmp_path


def load_errors(root: Path) -> DataErrors:
    with pytest.raises(DataErrors) as caught:
        load_portal(root / "data", root, content_dir=root / "content", now=NOW)
    return caught.value


@pytest.mark.parametrize("slug", ["../../x", "/etc/x", "..", "a/b", "%2e%2e"])
def test_an_article_slug_that_climbs_out_is_refused_at_its_line(tmp_path: Path,
                                                                 slug: str) -> None:
    root = news_project(tmp_path, extra=f'slug: "{slug}"\n')
    [error] = load_errors(root).errors
    assert error.file == "content/tin-tuc/2024/bai.md"
    assert (error.field, error.line) == ("slug", 6)
    assert "đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang" in error.message


def test_a_title_full_of_dots_and_slashes_still_gives_a_safe_slug(tmp_path: Path) -> None:
    root = news_project(tmp_path, title='"../../../etc/Thông báo \\\\ ..\\\\x"')
    portal = load_portal(root / "data", root, content_dir=root / "content", now=NOW)
    [article] = [a for a in portal[ARTICLES] if a.source == "tin-tuc/2024/bai.md"]
    assert article.slug == "etc-thong-bao-x"
    assert check_path(article.path) == article.path


@pytest.mark.parametrize("name", ["a..b.yml", "..%2f..%2fx.yml", "ke-hoach..yml",
                                  "..\\..\\x.yml", "Kế hoạch ...yml"])
@pytest.mark.parametrize("folder", ["ke-hoach", "thu-tuc", "hoi-dap", "ap-phich"])
def test_a_data_file_named_with_dots_is_refused_by_name(tmp_path: Path, folder: str,
                                                         name: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    source = next((data / folder).glob("*.yml"))
    shutil.copy(source, data / folder / name)
    errors = load_errors(tmp_path).errors
    [error] = [e for e in errors if e.file == f"data/{folder}/{name}"]
    assert error.message.startswith("tên tệp là đường dẫn của trang nên chỉ gồm chữ thường")


@pytest.mark.parametrize(("image", "message"), [
    ("/etc/hostname", "nằm ngoài thư mục content/"),
    ("../../../../../etc/hostname", "nằm ngoài thư mục content/"),
    ("anh/" + "x" * 300 + ".jpg", "không tìm thấy ảnh"),  # once an OSError, no message
])
def test_an_image_outside_content_or_with_an_impossible_name_is_refused(
    tmp_path: Path, image: str, message: str
) -> None:
    root = news_project(tmp_path, body=f"![Ảnh minh họa]({image})")
    [error] = load_errors(root).errors
    assert message in error.message
    assert error.line == 8


def test_the_site_logo_cannot_be_taken_from_outside_content(tmp_path: Path) -> None:
    """The logo is inlined into the print PDFs: outside content/ it would publish a file."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    site = tmp_path / "data" / "site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace(
        "logo: assets/logo.svg", "logo: ../../../etc/logo.svg"), encoding="utf-8")
    [error] = load_errors(tmp_path).errors
    assert error.field == "logo" and "trong thư mục content/" in error.message


def test_a_menu_link_with_a_script_scheme_is_refused(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    site = tmp_path / "data" / "site.yml"
    text = site.read_text(encoding="utf-8")
    assert "    link: gioi-thieu/\n" in text
    site.write_text(text.replace("    link: gioi-thieu/\n", "    link: JavaScript:alert(1)\n", 1),
                    encoding="utf-8")
    [error] = load_errors(tmp_path).errors
    assert error.field.startswith("menu") and "https://" in error.message


@pytest.mark.build
def test_the_demo_build_writes_nothing_beside_its_site_folder(built_site: Path) -> None:
    assert sorted(p.name for p in built_site.parent.iterdir()) == ["site"]
    assert (built_site / "index.html").is_file()
