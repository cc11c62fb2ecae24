"""Preview rebuilds (`cchc serve`, i.e. `mkdocs serve --dirty`) write only what changed, and
leave the preview's folder, file for file, as a clean build of the same sources would.

The rebuilds run in one process kept between them, as under `mkdocs serve` (tests/rebuilder.py);
the clean builds each in a fresh one. The clock is pinned.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generators.core.pages import PageSpec
from generators.core.rebuilds import (
    PageDigests,
    Rebuild,
    files_digest,
    kept_outputs,
    kept_pages,
    page_digest,
    remove_vanished,
    stale_content_pages,
    template_digest,
    vanished,
)
from generators.preview import SERVE_COMMAND

from .conftest import PINNED_EPOCH, ROOT, copy_project, edit

REBUILDER = ROOT / "tests" / "rebuilder.py"
NEWS = "tin-tuc/2024/"
ARTICLE = f"content/{NEWS}ban-hanh-ke-hoach-tuyen-truyen-cai-cach-hanh-chinh-nam-2024.md"
ARTICLE_PAGE = f"{NEWS}ban-hanh-ke-hoach-tuyen-truyen-cai-cach-hanh-chinh-nam-2024/index.html"
REMOVED = f"content/{NEWS}cap-nhat-thu-tuc-hanh-chinh-linh-vuc-duong-bo-duoc-sua-doi-bo-sung.md"
REMOVED_PAGE = f"{NEWS}cap-nhat-thu-tuc-hanh-chinh-linh-vuc-duong-bo-duoc-sua-doi-bo-sung/"
EDITOR_PAGE = "content/huong-dan-bien-tap.md"  # an editor's own Markdown page
GUIDE = "huong-dan-bien-tap/index.html"
PROCEDURE_PAGE = "thu-tuc/cap-giay-chung-nhan-chat-luong-xe-co-gioi-cai-tao/index.html"
QUESTION = "data/hoi-dap/doi-giay-phep-lai-xe-truc-tuyen.yml"


def spec(**changes: object) -> PageSpec:
    fields: dict[str, object] = {"path": "tin-tuc/a/", "title": "Tin", "html": "<p>Một</p>",
                                 "description": "Mô tả"}
    return PageSpec(**{**fields, **changes})  # type: ignore[arg-type]


# The decisions, as pure functions.

def test_a_page_digest_changes_with_every_field_of_the_page_and_with_the_menu() -> None:
    base = page_digest(spec(), in_menu=False)
    assert page_digest(spec(), in_menu=False) == base
    assert page_digest(spec(), in_menu=True) != base
    changed = [
        spec(path="tin-tuc/b/"), spec(title="Tin mới"), spec(html="<p>Hai</p>"),
        spec(description="Khác"), spec(date="2024-07-15"), spec(kind="article"),
        spec(hide_toc=False), spec(extra_meta={"kind": "x"}), spec(cites=("45-2020-nd-cp",)),
    ]
    assert len({page_digest(page, in_menu=False) for page in changed} | {base}) == 10


def test_digests_taken_from_the_last_rebuild_are_those_of_the_pages_as_they_are_now() -> None:
    digests = PageDigests()
    first = {"a.md": spec(), "b.md": spec(title="Hai")}
    assert {uri: digests.digest(uri, page, False) for uri, page in first.items()} == {
        uri: page_digest(page, False) for uri, page in first.items()}
    digests.next_build()
    now = {"a.md": spec(), "b.md": spec(title="Hai, sửa"), "c.md": spec(path="tin-tuc/c/")}
    for uri, page in now.items():
        assert digests.digest(uri, page, False) == page_digest(page, False), uri
    assert digests.digest("a.md", spec(), True) == page_digest(spec(), True), "the menu counts"
    digests.next_build()
    digests.next_build()  # a rebuild that made no pages (the error page) forgets nothing
    assert digests.digest("c.md", spec(path="tin-tuc/c/"), False) == page_digest(
        spec(path="tin-tuc/c/"), False)


def test_pages_are_kept_only_when_the_site_and_their_own_inputs_are_those_last_written() -> None:
    last = Rebuild(site="s1", pages={"a.md": "1", "b.md": "2"})
    now = {"a.md": "1", "b.md": "3", "c.md": "4"}
    assert kept_pages(last, "s1", now) == {"a.md"}
    assert kept_pages(last, "s2", now) == set()  # the site changed: every page is written
    assert kept_pages(None, "s1", now) == set()  # no finished rebuild before this one


def test_an_editors_pages_are_written_again_when_the_site_or_the_files_changed_or_are_new(
) -> None:
    files = files_digest([("a.md", "a/"), ("tin-tuc/x/index.md", "tin-tuc/x/")])
    last = Rebuild(site="s1", pages={}, content_pages=frozenset({"a.md"}), addresses=files)
    assert stale_content_pages(last, "s1", files, ["a.md", "b.md"]) == ["b.md"]
    assert stale_content_pages(last, "s2", files, ["a.md", "b.md"]) == ["a.md", "b.md"]
    assert stale_content_pages(None, "s1", files, ["a.md"]) == ["a.md"]
    # A page gone (or come): the links of an editor's page are resolved again.
    fewer = files_digest([("a.md", "a/")])
    assert stale_content_pages(last, "s1", fewer, ["a.md"]) == ["a.md"]
    assert files_digest([("tin-tuc/x/index.md", "tin-tuc/x/"), ("a.md", "a/")]) == files


def test_outputs_are_kept_only_when_their_bytes_are_those_last_written_there() -> None:
    last = Rebuild(site="s", pages={}, outputs={"rss.xml": "1", "a.pdf": "2"})
    assert kept_outputs(last, {"rss.xml": "1", "a.pdf": "9", "b.pdf": "2"}) == {"rss.xml"}
    assert kept_outputs(None, {"rss.xml": "1"}) == set()


def test_files_gone_since_the_last_rebuild_are_deleted_with_their_empty_folders(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    for name in ("a/b/index.html", "a/c.html", "d.html"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text("x", encoding="utf-8")
    (tmp_path / "outside.html").write_text("x", encoding="utf-8")
    last = Rebuild(site="s", pages={}, written=frozenset(
        {"a/b/index.html", "a/c.html", "d.html", "../outside.html", "gone.html"}))
    gone = vanished(last, ["a/c.html", "d.html"])
    assert gone == ["a/b/index.html", "../outside.html", "gone.html"]
    assert remove_vanished(site, gone) == 1
    assert not (site / "a" / "b").exists()
    assert (site / "a" / "c.html").is_file() and (site / "d.html").is_file()
    assert (tmp_path / "outside.html").is_file()  # never outside the site folder
    assert vanished(None, []) == []


def test_the_theme_digest_follows_templates_not_copied_assets(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "main.html").write_text("a", encoding="utf-8")
    (tmp_path / "assets" / "x.css").write_text("a", encoding="utf-8")
    first = template_digest(tmp_path)
    (tmp_path / "assets" / "x.css").write_text("b", encoding="utf-8")
    assert template_digest(tmp_path) == first
    (tmp_path / "main.html").write_text("b", encoding="utf-8")
    assert template_digest(tmp_path) != first


def test_cchc_serve_runs_a_dirty_preview() -> None:
    assert SERVE_COMMAND == ("mkdocs", "serve", "--dirty")


# The rebuilds of a copy of the demo.

class Rebuilder:
    """The preview's builder process: `rebuild()` is one save of a file under `mkdocs serve`."""

    def __init__(self, project: Path, site: Path, log: Path) -> None:
        self.log = log
        with log.open("wb") as output:
            self.process = subprocess.Popen(
                [sys.executable, str(REBUILDER), str(project / "mkdocs.yml"), str(site)],
                cwd=project, env=_env(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=output, text=True,
            )

    def rebuild(self) -> str:
        assert self.process.stdin and self.process.stdout
        start = self.log.stat().st_size
        self.process.stdin.write("\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().strip()
        messages = self.log.read_bytes()[start:].decode("utf-8")
        assert answer == "ok", f"{answer}\n{messages[-3000:]}"
        return messages

    def close(self) -> None:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.close()
        self.process.wait(timeout=60)
        self.process.stdout.close()


def _env() -> dict[str, str]:
    return {**os.environ, "SOURCE_DATE_EPOCH": PINNED_EPOCH, "NO_MKDOCS_2_WARNING": "1"}


def clean_build(project: Path, site: Path) -> dict[str, bytes]:
    """What `mkdocs serve` without --dirty writes for the same sources: a fresh process."""
    code = (
        "import sys; from mkdocs.config import load_config; "
        "from mkdocs.commands.build import build; "
        "c = load_config(config_file=sys.argv[1], site_dir=sys.argv[2]); "
        "c.plugins.on_startup(command='serve', dirty=False); "
        "u = 'http://127.0.0.1:8000/'; c.site_url = u; build(c, serve_url=u)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(project / "mkdocs.yml"), str(site)],
        cwd=project, env=_env(), capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return tree(site)


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def written_at(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns
            for p in site.rglob("*.html")}


def assert_same_tree(found: dict[str, bytes], expected: dict[str, bytes]) -> None:
    assert found.keys() == expected.keys(), sorted(found.keys() ^ expected.keys())[:10]
    differing = [name for name in found if found[name] != expected[name]]
    assert not differing, differing[:10]


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Path, Path, Rebuilder]]:
    project = copy_project(tmp_path / "project")
    site = tmp_path / "preview"
    builder = Rebuilder(project, site, tmp_path / "rebuilds.log")
    try:
        yield project, site, builder
    finally:
        builder.close()


def test_a_preview_rebuild_writes_what_changed_and_leaves_what_a_clean_build_would(
    preview: tuple[Path, Path, Rebuilder], tmp_path: Path,
) -> None:
    project, site, builder = preview
    builder.rebuild()
    before = written_at(site)

    # An article saved: its page and what lists it are written, most pages are kept.
    added = "Đoạn mới thêm khi xem trước trang."
    edit(project / ARTICLE, "\n## ", f"\n{added}\n\n## ")
    messages = builder.rebuild()
    after = written_at(site)
    rewritten = {name for name in after if after[name] != before.get(name)}
    assert ARTICLE_PAGE in rewritten and added in (site / ARTICLE_PAGE).read_text("utf-8")
    assert PROCEDURE_PAGE not in rewritten
    assert 0 < len(rewritten) < len(after) / 10, sorted(rewritten)
    assert "Bản xem trước: tạo lại" in messages
    assert "dirty" not in messages  # MkDocs' warning, untrue here, would fail a strict build
    assert_same_tree(tree(site), clean_build(project, tmp_path / "clean1"))

    # An article deleted and the editor's own page changed: the one gone, the other new.
    (project / REMOVED).unlink()
    edit(project / EDITOR_PAGE, "Tài liệu này dành cho", "Tài liệu này viết cho")
    builder.rebuild()
    assert not (site / REMOVED_PAGE).exists()
    assert "Tài liệu này viết cho" in (site / GUIDE).read_text("utf-8")
    assert_same_tree(tree(site), clean_build(project, tmp_path / "clean2"))

    # The editor's page's metadata changed: the menu may show it, every page is written.
    before = written_at(site)
    edit(project / EDITOR_PAGE, "title: Hướng dẫn cho Ban biên tập",
         "title: Hướng dẫn dành cho Ban biên tập")
    builder.rebuild()
    assert written_at(site)[PROCEDURE_PAGE] != before[PROCEDURE_PAGE]

    # The site profile changed: every page shows it, every page is written.
    before = written_at(site)
    edit(project / "data" / "site.yml", "short_name: Sở Xây dựng Quảng Trị",
         "short_name: Sở Xây dựng tỉnh Quảng Trị")
    builder.rebuild()
    after = written_at(site)
    assert all(after[name] != before[name] for name in (ARTICLE_PAGE, PROCEDURE_PAGE, GUIDE))
    for name in (PROCEDURE_PAGE, GUIDE):  # the editor's page too, though its source is older
        assert "Sở Xây dựng tỉnh Quảng Trị" in (site / name).read_text("utf-8")
    assert_same_tree(tree(site), clean_build(project, tmp_path / "clean-profile"))

    # A hotline's number, which every page shows: the pages outside the menu are put into
    # their new shell by the plugin (theme_refill.py), the same pages as MkDocs would write.
    edit(project / "data" / "duong-day-nong.yml", "number: 0233 3852 402",
         "number: 0233 3852 499")
    messages = builder.rebuild()
    assert "0233 3852 499" in (site / PROCEDURE_PAGE).read_text("utf-8")
    assert refilled(messages) > 100, messages[-2000:]
    assert_same_tree(tree(site), clean_build(project, tmp_path / "clean-hotline"))

    # A data error: the error page at every address; fixed: the whole site back, exact.
    edit(project / QUESTION, "asked: 2024-03-04", "asked: hôm qua")
    builder.rebuild()
    assert "chưa thể xem trước" in (site / "index.html").read_text("utf-8")
    assert not (site / PROCEDURE_PAGE).exists()  # served as the error page (404.html)
    edit(project / QUESTION, "asked: hôm qua", "asked: 2024-03-04")
    builder.rebuild()
    assert_same_tree(tree(site), clean_build(project, tmp_path / "clean3"))


def test_an_editors_unchanged_page_follows_a_page_it_links_to_going_away(
    preview: tuple[Path, Path, Rebuilder], tmp_path: Path,
) -> None:
    # Not strict, so the clean build of the same sources is made and the link's fate compared.
    project, site, builder = preview
    edit(project / "mkdocs.yml", "strict: true", "strict: false")
    link = f"[Tin đã gỡ]({REMOVED_PAGE}index.md)"
    edit(project / EDITOR_PAGE, "Tài liệu này dành cho", f"{link}. Tài liệu này dành cho")
    builder.rebuild()
    assert f"href=../{REMOVED_PAGE}>" in (site / GUIDE).read_text("utf-8")

    (project / REMOVED).unlink()  # the editor's page itself is not touched
    builder.rebuild()
    assert f"href=../{REMOVED_PAGE}>" not in (site / GUIDE).read_text("utf-8")
    assert_same_tree(tree(site), clean_build(project, tmp_path / "clean"))


def refilled(messages: str) -> int:
    """How many pages a rebuild wrote into their new shell itself (theme_refill.py)."""
    found = re.findall(r"refilled: (\d+) pages", messages)
    assert found, messages[-2000:]
    return int(found[-1])


def renders(messages: str) -> tuple[int, int]:
    """How many renders a rebuild found again (render_memo.py) and how many it made."""
    found = re.findall(r"renders: (\d+) found again, (\d+) made", messages)
    assert found, messages[-2000:]
    return int(found[-1][0]), int(found[-1][1])


def test_a_preview_renders_again_only_what_an_edit_reaches_and_stays_exact(
    preview: tuple[Path, Path, Rebuilder], tmp_path: Path,
) -> None:
    """Pages are rendered again only when a value they show changed (render_memo.py): after
    each edit, through each kind of input a page is made from, the preview equals a clean
    build, and most renders were found again."""
    project, site, builder = preview
    _, first = renders(builder.rebuild())
    assert first > 150
    found, made = renders(builder.rebuild())
    assert made == 0 and found > 0  # nothing changed: every render found again (the pages of
    # articles and procedures as a whole, without their parts: fewer than were made)
    plan = project / "data" / "ke-hoach" / "ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri.yml"
    procedure = project / "data" / "thu-tuc" / "cap-giay-phep-kinh-doanh-van-tai-bang-xe-o-to.yml"
    steps = [
        # An article's title: its page, its neighbours', the listings and related lists.
        ([(project / ARTICLE, "title: Sở Giao thông vận tải ban hành",
           "title: Sở Giao thông vận tải đã ban hành")], "Sở Giao thông vận tải đã ban hành"),
        # A plan task an article says it carries out (the article's «served» box), and the
        # summary of a registered document (the title of its links on a procedure page).
        ([(plan, "      title: Xây dựng và trình, ban hành Kế hoạch tuyên truyền",
           "      title: Xây dựng, trình và ban hành Kế hoạch tuyên truyền"),
          (project / "data" / "van-ban.yml",
           "summary: Quy định về kinh doanh và điều kiện kinh doanh vận tải bằng xe ô tô",
           "summary: Quy định về kinh doanh, điều kiện kinh doanh vận tải bằng xe ô tô")],
         "Xây dựng, trình và ban hành Kế hoạch tuyên truyền"),
        # A procedure, and a category's name in the site profile.
        ([(procedure, "name: ", "name: (Sửa) "),
          (project / "data" / "site.yml", "name: Cải cách thể chế", "name: Cải cách về thể chế")],
         "Sở Giao thông vận tải đã ban hành"),
        # A template, alone: no value a page is given changed.
        ([(project / "templates" / "pages" / "article.html", "</article>",
           "<p>Mẫu đã sửa.</p></article>")], "Mẫu đã sửa."),
    ]
    for number, (edits, shown) in enumerate(steps, 1):
        for path, old, new in edits:
            edit(path, old, new)
        found, made = renders(builder.rebuild())
        assert shown in (site / ARTICLE_PAGE).read_text("utf-8")
        assert_same_tree(tree(site), clean_build(project, tmp_path / f"clean{number}"))
        assert made > 0
        if number == 1:  # one article: most pages do not show it
            assert found > 3 * made, (found, made)
        elif number == 2:  # every page that links a registered document is linked again
            assert found > 0, (found, made)
    linked = (site / "thu-tuc" / "cap-giay-phep-kinh-doanh-van-tai-bang-xe-o-to" / "index.html")
    assert "kinh doanh, điều kiện kinh doanh" in linked.read_text("utf-8")



def test_a_preview_gives_a_page_outside_the_menu_the_same_file_while_the_configuration_agrees(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from mkdocs.config import load_config
    from mkdocs.structure.files import InclusionLevel

    from generators.plugin import PageFiles

    monkeypatch.setenv("SOURCE_DATE_EPOCH", PINNED_EPOCH)
    monkeypatch.chdir(ROOT)

    def config(site_url: str = "http://127.0.0.1:8000/") -> object:
        found = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path))
        found.site_url = site_url
        found.plugins._current_plugin = "cchc"  # as within the plugin's on_files
        return found

    def rebuild(files: PageFiles, made: object, uri: str = "tin-tuc/a.md",
                inclusion: InclusionLevel = InclusionLevel.NOT_IN_NAV) -> object:
        files.next_build()
        return files.file(made, uri, inclusion)  # type: ignore[arg-type]

    held = PageFiles(hold=True)
    first = rebuild(held, config())
    assert rebuild(held, config()) is first and first.page.file is first  # type: ignore[attr-defined]
    moved = rebuild(held, config("http://127.0.0.1:8001/"))
    assert moved is not first and moved.page.canonical_url.startswith("http://127.0.0.1:8001/")  # type: ignore[attr-defined]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(PINNED_EPOCH) + 86_400))  # the next day
    assert rebuild(held, config("http://127.0.0.1:8001/")) is not moved
    menu = rebuild(held, config(), inclusion=InclusionLevel.INCLUDED)
    assert rebuild(held, config(), inclusion=InclusionLevel.INCLUDED) is not menu
    single = PageFiles()  # a single build holds nothing
    assert rebuild(single, config()) is not rebuild(single, config())
