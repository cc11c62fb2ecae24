"""A new agency starts from this repository with the demo cleared: only data/site.yml (and the
logo) left. Every section the menu links to must build, with --strict, into a page that says
nothing is published yet; and MkDocs' own messages reach the editor in Vietnamese."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import html

from generators.core.links import is_external
from generators.core.profile import SiteProfile
from generators.core.yamlsource import read_yaml

from .conftest import ROOT, run_build

# MkDocs' English, as it prints it: none of it may reach the editor.
MKDOCS_ENGLISH = ("Aborted with", "Doc file", "ERROR", "WARNING", "INFO", "is not found among",
                  "Documentation built", "Building documentation")


def new_agency(target: Path) -> Path:
    """The README's «Starting a new agency's site»: keep data/site.yml and the logo, delete
    every other data file and folder and every article."""
    shutil.copytree(ROOT / "templates", target / "templates")
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    (target / "data").mkdir()
    shutil.copy(ROOT / "data" / "site.yml", target / "data" / "site.yml")
    shutil.copytree(ROOT / "content" / "assets", target / "content" / "assets")
    return target


@pytest.fixture(scope="module")
def empty(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    project = new_agency(tmp_path_factory.mktemp("new-agency"))
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site, result.stdout + result.stderr


def menu_links() -> list[str]:
    data, _ = read_yaml(ROOT / "data" / "site.yml", "site.yml")
    site = SiteProfile.model_validate(data)
    return [item.link for item in site.menu if not is_external(item.link)]


def test_every_menu_link_has_a_page_on_an_empty_site(empty: tuple[Path, str]) -> None:
    site, _ = empty
    missing = [link for link in menu_links() if not (site / link / "index.html").is_file()]
    assert missing == []


@pytest.mark.parametrize(("section", "nothing"), [
    ("thu-tuc/", "Chưa có thủ tục hành chính nào được công bố."),
    ("hoi-dap/", "Chưa có câu hỏi nào được trả lời."),
    ("van-ban/", "Chưa có văn bản nào được công bố."),
    ("duong-day-nong/", "Chưa có đường dây nóng nào được công bố."),
    ("chi-so/", "Chưa có kết quả chỉ số cải cách hành chính nào được công bố."),
    ("ke-hoach/", "Chưa có kế hoạch nào được đăng."),
    ("tin-tuc/", "Chưa có tin, bài nào."),
])
def test_an_empty_section_says_nothing_is_published_yet(
    empty: tuple[Path, str], section: str, nothing: str
) -> None:
    site, _ = empty
    page = html.fromstring((site / section / "index.html").read_bytes())
    text = " ".join(page.xpath("string(//main)").split())
    assert nothing in text
    assert page.xpath("//main//h1"), "the page keeps its heading"


def test_mkdocs_messages_are_vietnamese(empty: tuple[Path, str], tmp_path: Path) -> None:
    _, output = empty
    assert not [word for word in MKDOCS_ENGLISH if word in output], output
    # A page with a broken link fails the strict build, and says so in Vietnamese.
    project = new_agency(tmp_path)
    page = project / "content" / "lien-he.md"
    page.write_text("# Liên hệ\n\nXem [quy chế](quy-che.md).\n", encoding="utf-8")
    result = run_build(project, project / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Trang content/lien-he.md có liên kết «quy-che.md» tới trang không tồn tại" in output
    assert "Dừng tạo trang vì có 1 cảnh báo" in output
    assert not [word for word in MKDOCS_ENGLISH if word in output], output
