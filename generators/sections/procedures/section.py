"""Administrative procedures (thủ tục hành chính): one per file in data/thu-tuc/, a catalogue by
field at /thu-tuc/, the changes page and its RSS, and the filter script's data."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ...core.editor_fields import Collection, EditorChoices
from ...core.errors import DataError
from ...core.feeds import FeedSpec
from ...core.loading import item_files, read_model, relative, report_problems
from ...core.outputs import OutputFile
from ...core.pages import PageSpec, SiteSection
from ...core.portal import Portal
from ...core.section import BuildContext, LoadContext, PortalLoader, Section
from ...search.records import SearchRecord
from .checks import check_procedure, check_slug
from .editor import editor_collection
from .forms import FORM_FILES, check_portal_url, form_files
from .model import PROCEDURES, Procedure, ProcedureDocument
from .pages import SECTION_PATH, tthc_feed, tthc_index, tthc_pages, tthc_section
from .search import procedure_records


class ProceduresSection(Section):
    name = "thu-tuc"
    title = "Thủ tục hành chính"
    data_entries = ("thu-tuc",)
    schemas = (("procedure.schema.json", ProcedureDocument),)

    def editor_collection(self, choices: EditorChoices) -> Collection:
        return editor_collection(choices)

    def describe(self, portal: Portal) -> str:
        return f"{len(portal[PROCEDURES])} thủ tục hành chính"

    def load(self, ctx: LoadContext) -> None:
        """Every procedure; the site's procedure fields are unknown if the profile is broken."""
        fields = ctx.site.procedure_fields if ctx.site else None
        procedures = []
        forms = {}
        code_at: dict[str, str] = {}
        folder = ctx.data_dir / "thu-tuc"
        for path in item_files(folder, ctx.root, ctx.errors, "cap-doi-giay-phep-lai-xe"):
            rel = relative(path, ctx.root)
            reserved = check_slug(path.stem)
            if reserved:
                ctx.errors.add(DataError(rel, reserved))
                continue
            loaded = read_model(path, ctx.root, ProcedureDocument, ctx.errors, ctx.models)
            if loaded is None:
                continue
            document, lines = loaded
            problems = check_procedure(document, fields)
            files, form_problems = form_files(document, ctx.content)
            forms.update({f.path: f for f in files})
            problems += form_problems + check_portal_url(
                document, ctx.site.public_service_portal.url if ctx.site else None
            )
            if document.code in code_at:
                problems.append(
                    (("code",), f"mã thủ tục {document.code} đã dùng trong "
                     f"{code_at[document.code]}; mỗi thủ tục một tệp, mã không trùng nhau")
                )
            code_at.setdefault(document.code, rel)
            report_problems(ctx.errors, rel, lines, problems)
            procedures.append(Procedure(path.stem, document))
        ctx.put(PROCEDURES, procedures)
        ctx.put(FORM_FILES, forms)

    def feeds(self, build: BuildContext) -> Sequence[FeedSpec]:
        return [tthc_feed(build.portal)] if build.portal[PROCEDURES] else []

    def outputs(self, build: BuildContext) -> Sequence[OutputFile]:
        return [tthc_index(build.portal)] if build.portal[PROCEDURES] else []

    def search_records(self, build: BuildContext) -> Sequence[SearchRecord]:
        return procedure_records(build.portal)

    def sitemap(self, build: BuildContext) -> SiteSection | None:
        return tthc_section(build.portal) if build.portal[PROCEDURES] else None

    def pages(self, build: BuildContext) -> Sequence[PageSpec]:
        return tthc_pages(build.env, build.portal)

    def commands(self, commands: argparse._SubParsersAction[Any], load: PortalLoader) -> None:
        tthc = commands.add_parser("tthc", help="thủ tục hành chính")
        tthc_commands = tthc.add_subparsers(dest="tthc_command", required=True, metavar="LỆNH")
        importer = tthc_commands.add_parser(
            "import", help="nhập thủ tục từ tệp CSV hoặc XLSX vào data/thu-tuc/"
        )
        importer.add_argument("file", metavar="TỆP", help="tệp .csv (UTF-8) hoặc .xlsx")
        importer.add_argument("--force", action="store_true",
                              help="ghi đè tệp đã có khi nội dung khác với dữ liệu nhập")
        importer.add_argument("--dry-run", action="store_true", help="chỉ báo cáo, không ghi tệp")
        importer.add_argument("--sheet", metavar="TRANG_TÍNH",
                              help="tên trang tính (mặc định: trang đầu tiên)")
        importer.set_defaults(run=run_import)


def run_import(args: argparse.Namespace) -> int:
    from .importer import ImportFailed, import_procedures

    try:
        report = import_procedures(
            Path(args.file), Path(args.root).resolve(), force=args.force, dry_run=args.dry_run,
            sheet=args.sheet,
        )
    except ImportFailed as exc:
        print(f"Không nhập được: {exc}", file=sys.stderr)
        return 1
    print(report.format())
    return 0 if report.ok else 1


SECTION = ProceduresSection()
__all__ = ["SECTION", "SECTION_PATH"]
