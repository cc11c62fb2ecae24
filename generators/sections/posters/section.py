"""Prints (ấn phẩm tuyên truyền): posters, banners and leaflets in data/ap-phich/, with the
current yearly theme as a ready poster; pages at /ap-phich/<slug>/ and print-ready PDFs."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError

from ...core.editor_fields import Collection, EditorChoices
from ...core.environment import make_environment
from ...core.errors import DataError
from ...core.loading import file_exists, item_files, read_model, relative, report_problems
from ...core.outputs import OutputFile
from ...core.pages import PageSpec, SiteSection
from ...core.portal import Portal
from ...core.section import BuildContext, LoadContext, Section, SectionFailed
from ...printing.fonts import FontMissing
from ...search.records import SearchRecord
from ...vietnamese.dates import build_now
from .checks import check_poster
from .editor import editor_collection
from .model import POSTERS, Poster, PosterDocument, posters_in_order, theme_poster, theme_slug
from .pages import SECTION_PATH, poster_pages, poster_section, sheet_stylesheets
from .pdf import PrintError, PrintPaths, print_outputs
from .search import poster_records, supplied_records
from .supplied import SUPPLIED, SuppliedPrint, SuppliedPrintDocument
from .supplied_loading import is_supplied, load_supplied, supplied_outputs


class PostersSection(Section):
    name = "ap-phich"
    title = "Ấn phẩm tuyên truyền"
    data_entries = ("ap-phich",)
    schemas = (("poster.schema.json", PosterDocument),
               ("supplied-print.schema.json", SuppliedPrintDocument))

    def editor_collection(self, choices: EditorChoices) -> Collection:
        return editor_collection(choices)

    def describe(self, portal: Portal) -> str:
        return f"{len(portal[POSTERS])} ấn phẩm tuyên truyền"

    def load(self, ctx: LoadContext) -> None:
        posters = []
        supplied: list[SuppliedPrint] = []
        folder = ctx.data_dir / "ap-phich"
        for path in item_files(folder, ctx.root, ctx.errors, "ap-phich-dich-vu-cong-a3"):
            if is_supplied(path):
                supplied += load_supplied(path, ctx)
                continue
            loaded = read_model(path, ctx.root, PosterDocument, ctx.errors, ctx.models)
            if loaded is None:
                continue
            document, lines = loaded
            problems = check_poster(document)
            if document.logo and not file_exists(ctx.content / document.logo):
                problems.append((("logo",), f"không thấy tệp content/{document.logo}"))
            report_problems(ctx.errors, relative(path, ctx.root), lines, problems)
            posters.append(Poster(path.stem, document))
        site = ctx.site
        theme = site.theme_for(build_now().year) if site else None
        if site and theme and not any(p.slug == theme_slug(theme) for p in posters):
            try:
                posters.append(theme_poster(site, theme))
            except ValidationError as exc:
                detail = "; ".join(str(e["msg"]) for e in exc.errors())
                ctx.errors.add(DataError(
                    relative(ctx.data_dir / "site.yml", ctx.root),
                    f"không tạo được áp phích chủ đề năm {theme.year}: {detail}",
                    field="themes",
                ))
        ctx.put(POSTERS, posters)
        ctx.put(SUPPLIED, supplied)

    def outputs(self, build: BuildContext) -> Sequence[OutputFile]:
        """Each print page's stylesheet and, given the build's folders, the PDFs."""
        outputs = sheet_stylesheets(build.portal)
        if build.paths is not None:
            outputs += supplied_outputs(build.portal, build.paths.content,
                                        build.paths.cache / "supplied-thumbnails")
        if build.paths is None:
            return outputs
        paths = build.paths
        prints = PrintPaths(templates=paths.templates, content=paths.content,
                            cache=paths.cache / "posters")
        try:
            outputs += print_outputs(make_environment(paths.templates),
                                     posters_in_order(build.portal[POSTERS]), build.portal.site,
                                     prints)
        except (PrintError, FontMissing) as exc:
            raise SectionFailed(f"Lỗi in ấn phẩm: {exc}") from None
        return outputs

    def sitemap(self, build: BuildContext) -> SiteSection:
        return poster_section(build.portal)

    def search_records(self, build: BuildContext) -> Sequence[SearchRecord]:
        return [*poster_records(build.portal), *supplied_records(build.portal)]

    def pages(self, build: BuildContext) -> Sequence[PageSpec]:
        return poster_pages(build.env, build.portal, build.downloads)


SECTION = PostersSection()
__all__ = ["SECTION", "SECTION_PATH"]
