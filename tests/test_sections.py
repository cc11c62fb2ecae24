"""The sections layout keeps itself honest (issue 12).

Every content type is one package under generators/sections/, listed once in the registry; the
pipeline asks each the same questions. These tests fail when a section publishes pages but no
search records or site-map entry without saying why, when a module outside the sections names a
section's loader or renderer, when imports go round in a circle, and they show that a new
content type is one package plus one line: a section made here, appended to the registry's
list, gets its data loaded, its pages, records and site-map entry built.
"""

from __future__ import annotations

import ast
import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from generators.core.environment import make_environment
from generators.core.errors import DataError, DataErrors
from generators.core.loading import read_model, relative
from generators.core.model import Model, Text
from generators.core.pages import PageSpec, SiteSection, render_page
from generators.core.pipeline import SiteBuild, build_site, load_portal
from generators.core.portal import Part, Portal
from generators.core.section import BuildContext, BuildPaths, LoadContext, Section
from generators.search.records import SearchRecord
from generators.sections.registry import SECTIONS
from generators.vietnamese.text import is_slug

from .conftest import ROOT

PACKAGE = ROOT / "generators"


@pytest.fixture(scope="module")
def demo(portal: Portal) -> SiteBuild:
    """The demo site's pages, records and site-map entries, by section (pinned clock)."""
    paths = BuildPaths(templates=ROOT / "templates", content=ROOT / "content",
                       cache=ROOT / ".cache", root=ROOT)  # files too: PDFs, the editor's bundle
    return build_site(make_environment(ROOT / "templates"), portal, paths=paths)


def test_section_names_are_unique_url_names() -> None:
    names = [s.name for s in SECTIONS]
    assert len(names) == len(set(names))
    assert all(is_slug(name) for name in names)
    entries = [entry for s in SECTIONS for entry in s.data_entries]
    assert len(entries) == len(set(entries)), "two sections read the same data/ entry"


def test_every_section_that_publishes_pages_is_searchable_or_says_why(demo: SiteBuild) -> None:
    for section in SECTIONS:
        given = demo.by_section[section.name]
        if not given.pages:
            continue
        assert given.records or section.unsearchable, (
            f"section {section.name} publishes {len(given.pages)} pages but no search "
            "records; give it search_records() or say why in `unsearchable`"
        )
        published = {p.path for p in given.pages}
        assert all(r.url.split("#")[0] in published for r in given.records), section.name


def test_every_section_that_publishes_pages_is_in_the_site_map_or_says_why(
    demo: SiteBuild,
) -> None:
    for section in SECTIONS:
        given = demo.by_section[section.name]
        if given.pages:
            assert given.sitemap is not None or section.unmapped, section.name


def test_every_section_of_the_demo_publishes_pages(demo: SiteBuild) -> None:
    """The demo shows every content type (an empty section would hide a broken one); a section
    of files only (the redirect pages of chuyen-huong) publishes those."""
    assert [s.name for s in SECTIONS
            if not demo.by_section[s.name].pages and not demo.by_section[s.name].outputs] == []


def module_name(path: Path) -> str:
    return path.relative_to(ROOT).with_suffix("").as_posix().replace("/", ".").removesuffix(
        ".__init__"
    )


def _imports(path: Path) -> list[str]:
    """Modules a file imports at its top level, as absolute names."""
    module = path.relative_to(ROOT).with_suffix("").as_posix().replace("/", ".")
    package = module.rsplit(".", 1)[0] if path.name != "__init__.py" else module
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found += [name] + [f"{name}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names]
    return [n for n in found if n.startswith("generators")]


def test_outside_the_sections_only_the_registry_is_named() -> None:
    """The core, the plugin, the CLI, search and printing loop over the registry; none of them
    names a section's loader, renderer or model."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.is_relative_to(PACKAGE / "sections"):
            continue
        for name in _imports(path):
            if name.startswith("generators.sections.") and not name.startswith(
                "generators.sections.registry"
            ):
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not offenders


def test_sections_reach_the_pipeline_only_through_their_interface() -> None:
    """Sections are asked by the pipeline; they never import it (no import cycle)."""
    for path in (PACKAGE / "sections").rglob("*.py"):
        if path.name == "registry.py":
            continue
        assert "generators.core.pipeline" not in _imports(path), path


def test_no_import_cycles() -> None:
    graph: dict[str, set[str]] = {}
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    for name, path in modules.items():
        graph[name] = {m for m in _imports(path) if m in modules and m != name}
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in graph[node]:
            if state.get(target) == 1:
                cycle = trail[trail.index(target):] if target in trail else trail
                raise AssertionError("import cycle: " + " → ".join([*cycle, target]))
            if target not in state:
                visit(target, [*trail, target])
        state[node] = 2

    for module in graph:
        if module not in state:
            visit(module, [module])


# A new content type, as the README's walk-through writes it: a model, a loader, a page, a
# search record and a site-map entry, appended to the registry's list.


class Notice(Model):
    title: Text
    body: Text


NOTICES: Part[list[tuple[str, Notice]]] = Part("notices", list)


class NoticesSection(Section):
    name = "thong-bao"
    title = "Thông báo"
    data_entries = ("thong-bao",)

    def load(self, ctx: LoadContext) -> None:
        found = []
        for path in sorted((ctx.data_dir / "thong-bao").glob("*.yml")):
            loaded = read_model(path, ctx.root, Notice, ctx.errors)
            if loaded is None:
                continue
            notice, _ = loaded
            if notice.title == notice.body:
                ctx.errors.add(DataError(relative(path, ctx.root), "nội dung trùng tiêu đề"))
            found.append((path.stem, notice))
        ctx.put(NOTICES, found)

    def pages(self, build: BuildContext) -> Sequence[PageSpec]:
        return [
            PageSpec(path=f"thong-bao/{slug}/", title=notice.title,
                     html=render_page(build.env, "sitemap.html", f"thong-bao/{slug}/",
                                      sections=[], site=build.portal.site),
                     description=notice.body, kind="notice")
            for slug, notice in build.portal[NOTICES]
        ]

    def search_records(self, build: BuildContext) -> Sequence[SearchRecord]:
        return [SearchRecord(url=f"thong-bao/{slug}/", kind="thong-bao", title=n.title, text=n.body)
                for slug, n in build.portal[NOTICES]]

    def sitemap(self, build: BuildContext) -> SiteSection:
        return SiteSection(self.title, "thong-bao/", [
            SiteSection(n.title, f"thong-bao/{slug}/") for slug, n in build.portal[NOTICES]
        ])


def test_a_new_content_type_is_one_package_and_one_line(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    notices = tmp_path / "data" / "thong-bao"
    notices.mkdir()
    (notices / "lich-tiep-dan.yml").write_text(
        "title: Lịch tiếp công dân tháng 12\nbody: Thứ Năm hằng tuần, tại trụ sở Sở.\n",
        encoding="utf-8",
    )
    sections = (*SECTIONS[:-3], NoticesSection(), *SECTIONS[-3:])  # the one line
    portal = load_portal(tmp_path / "data", tmp_path, sections=sections)
    assert portal[NOTICES][0][1].title == "Lịch tiếp công dân tháng 12"
    built = build_site(make_environment(ROOT / "templates"), portal, sections=sections)
    paths = {p.path for p in built.pages}
    assert "thong-bao/lich-tiep-dan/" in paths
    [site_map] = [p for p in built.pages if p.kind == "sitemap"]
    assert "Lịch tiếp công dân tháng 12" in site_map.html
    index = {o.path: o.content for o in built.outputs if o.path.startswith("tim-kiem/")}
    assert any("tiếp công dân".encode() in content for content in index.values())


def test_a_new_sections_errors_are_reported_with_everyone_elses(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    notices = tmp_path / "data" / "thong-bao"
    notices.mkdir()
    (notices / "x.yml").write_text("title: Giống\nbody: Giống\n", encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_portal(tmp_path / "data", tmp_path, sections=(*SECTIONS, NoticesSection()))
    assert "data/thong-bao/x.yml: nội dung trùng tiêu đề" in caught.value.report()
