"""The plan evidence report as files an officer submits: a Word document, a CSV and an XLSX
table.

All are renderers of the same `PlanReport` the web page shows. The Word document follows the
layout of an administrative report in Nghị định 30/2020/NĐ-CP (Phụ lục I): agency and number on
the left, national motto on one line, place and date ("ngày 05 tháng 02 năm 2026") on the right,
the title "BÁO CÁO" with its summary line, the body, "Nơi nhận" and the signature block:
authority, title, room to sign and seal, the signer's name. The issue date and the signer are
the editor's (`Signing`), never the build's clock.

Column widths are written into the table grid (`w:tblGrid`) and a fixed layout as well as into
every cell: LibreOffice and WPS lay a table out from its grid, Word from its cells.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from ...core.links import is_external
from ...core.profile import SiteProfile
from ...core.spreadsheet import neutral_cell
from ...vietnamese.dates import format_document_date, format_short
from ...vietnamese.numbers import format_decimal_vi
from ..plans.model import Signature
from .evidence import PlanReport, Status, TaskResult

FONT = "Times New Roman"
TEXT_WIDTH_CM = 16.5  # A4 less the 3 cm left and 1.5 cm right margins of Nghị định 30/2020
HEADER_WIDTHS = (6.5, 10.0)  # agency | motto: the motto (9.2 cm at 12.5 pt) fits one line
TASK_WIDTHS = (1.2, 5.0, 2.9, 4.9, 2.5)  # TT, Nhiệm vụ (widest), Chỉ tiêu, Minh chứng, Kết quả
TASK_WIDTHS_WITH_POINTS = (1.1, 4.3, 1.5, 2.6, 4.2, 2.8)
FOOT_WIDTHS = (8.0, 8.5)  # Nơi nhận | signature block
SIGNING_ROOM_LINES = 4  # blank lines between the title and the name: signature and seal


@dataclass(frozen=True)
class Signing:
    """What the editor gives when the report goes to be signed: the issue date (None: the date
    line is left "ngày … tháng … năm …" to be written by hand) and the signer, which default to
    the plan's own signature block."""

    issued: dt.date | None = None
    name: str | None = None
    title: str | None = None
    authority: tuple[str, ...] | None = None

    def signature(self, plan_signature: Signature) -> tuple[list[str], str]:
        """The authority and title lines (upper case), and the name."""
        authority = list(self.authority if self.authority is not None
                         else plan_signature.authority)
        title = self.title or plan_signature.title
        return [*authority, title.upper()], self.name or plan_signature.name


def abbreviate_parent(name: str) -> str:
    """The parent agency as Nghị định 30/2020 (Phụ lục I) allows it on the header, with
    "Ủy ban nhân dân" shortened to "UBND", so "UBND TỈNH QUẢNG TRỊ" keeps to one line."""
    return re.sub(r"\b[UỦ][yỷ]\s+ban\s+nhân\s+dân\b", "UBND", name, flags=re.IGNORECASE)


def date_line(place: str | None, issued: dt.date | None, year: int) -> str:
    """"Quảng Trị, ngày 05 tháng 02 năm 2026"; without a date, the blanks to fill at signing."""
    where = place or "…………"
    when = format_document_date(issued) if issued else f"ngày …… tháng …… năm {year}"
    return f"{where}, {when}"


def file_stem(report: PlanReport) -> str:
    """"bao-cao-<plan>-2024-h1": the name of both files."""
    return f"bao-cao-{report.plan.slug}-{report.period.key.lower()}"


def absolute(link: str | None, site: SiteProfile) -> str:
    if not link:
        return ""
    return link if is_external(link) else site.url + link.lstrip("/")


def report_heading(report: PlanReport) -> str:
    """"Kết quả thực hiện Kế hoạch tuyên truyền … năm 2024 (6 tháng đầu năm 2024)"; a title that
    itself starts with "Thực hiện" loses it («… thực hiện Kế hoạch thực hiện …» reads twice)."""
    doc = report.plan.doc
    title = re.sub(r"^thực hiện\s+", "", doc.title[:1].lower() + doc.title[1:])
    return f"Kết quả thực hiện {doc.kind} {title} ({report.period.label})"


def requirements_text(result: TaskResult) -> str:
    return "\n".join(result.requirements) or (result.task.timing or result.task.requirement or "")


def result_text(result: TaskResult) -> str:
    lines = [result.status.label]
    lines += [check.describe() for check in result.checks]
    return "\n".join(lines)


# CSV ---------------------------------------------------------------------------------------

CSV_COLUMNS = ("Kỳ báo cáo", "TT", "Nhiệm vụ", "Điểm tối đa", "Chỉ tiêu, thời hạn", "Kết quả",
               "Đối chiếu", "Số minh chứng", "Minh chứng", "Đường dẫn")


def table_rows(report: PlanReport, site: SiteProfile) -> list[list[object]]:
    """The report's table, one row per task under CSV_COLUMNS, every cell made neutral (no
    editor's text can start a formula)."""
    rows: list[list[object]] = []
    plan = report.plan
    for result in report.tasks:
        task = result.task
        points = format_decimal_vi(plan.points_of(task)) if plan.has_points else ""
        rows.append([neutral_cell(value) for value in [
            report.period.title,
            task.id,
            task.title,
            points,
            requirements_text(result),
            result.status.label,
            "\n".join(c.describe() for c in result.checks),
            len(result.evidence),
            "\n".join(item.describe() for item in result.evidence),
            "\n".join(absolute(item.link, site) for item in result.evidence if item.link),
        ]])
    return rows


ID_COLUMN = CSV_COLUMNS.index("TT")


def render_csv(report: PlanReport, site: SiteProfile) -> bytes:
    """One row per task, for Excel with Vietnamese regional settings: cells separated by «;»
    (the list separator where the decimal mark is a comma), UTF-8 with a byte-order mark, and
    task ids such as 1.1 written as Excel's text constant ="1.1" so they never become a number
    or a date. Ids are validated digits and dots, never an editor's free text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in table_rows(report, site):
        row[ID_COLUMN] = f'="{row[ID_COLUMN]}"'
        writer.writerow(row)
    return buffer.getvalue().encode("utf-8-sig")


XLSX_WIDTHS = (18, 8, 48, 10, 28, 18, 40, 10, 60, 50)  # characters, per CSV_COLUMNS


def render_xlsx(report: PlanReport, site: SiteProfile) -> bytes:
    """The same table as an Excel workbook: text cells stay text (ids stay "1.1", never a
    number or a date), counts are numbers, the header row is bold and frozen, text wraps."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Báo cáo"
    sheet.append(list(CSV_COLUMNS))
    for row in table_rows(report, site):
        sheet.append(row)
    wrap = Alignment(wrap_text=True, vertical="top")
    for number, row in enumerate(sheet.iter_rows(), start=1):
        for cell in row:
            if cell.data_type == "s":
                cell.number_format = "@"  # text: Excel never reinterprets it on editing
            cell.alignment = wrap
            if number == 1:
                cell.font = Font(bold=True)
    for index, width in enumerate(XLSX_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    properties = workbook.properties
    properties.title = f"Báo cáo {report_heading(report)}"
    properties.creator = report.plan.doc.issuer.name
    properties.created = properties.modified = report.now.astimezone(dt.UTC).replace(tzinfo=None)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# Word --------------------------------------------------------------------------------------


def _paragraph(
    target: Document | _Cell,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    size: float = 13,
    align: WD_ALIGN_PARAGRAPH | None = None,
    underline: bool = False,
    space_after: float = 0,
    first_line: float | None = None,
) -> Paragraph:
    paragraph = target.add_paragraph()
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic, run.underline = bold, italic, underline
        run.font.size = Pt(size)
        run.font.name = FONT
    if align is not None:
        paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(space_after)
    paragraph.paragraph_format.space_before = Pt(0)
    if first_line is not None:
        paragraph.paragraph_format.first_line_indent = Cm(first_line)
    return paragraph


def _cell_text(cell: _Cell, text: str, *, bold: bool = False, size: float = 11,
               align: WD_ALIGN_PARAGRAPH | None = None) -> None:
    """Fill a table cell, one paragraph per line of `text`."""
    lines = text.split("\n") if text else [""]
    first = cell.paragraphs[0]
    for number, line in enumerate(lines):
        paragraph = first if number == 0 else cell.add_paragraph()
        run = paragraph.add_run(line)
        run.bold = bold
        run.font.size = Pt(size)
        run.font.name = FONT
        paragraph.paragraph_format.space_after = Pt(2)
        if align is not None:
            paragraph.alignment = align


def _repeat_header(table: Table) -> None:
    """The table's first row is printed again at the top of every page."""
    properties = table.rows[0]._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def _widths(table: Table, widths: Sequence[float]) -> None:
    """Column widths in the grid, the table width and fixed layout (what LibreOffice and WPS
    read) and in every cell (what Word reads); a merged cell spans its columns' widths."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    properties = table._tbl.tblPr
    table_width = properties.find(qn("w:tblW"))
    if table_width is None:
        table_width = OxmlElement("w:tblW")
        properties.append(table_width)
    table_width.set(qn("w:w"), str(int(Cm(sum(widths)).twips)))
    table_width.set(qn("w:type"), "dxa")
    for row in table.rows:
        first = 0
        for tc in row._tr.tc_lst:
            tc.width = Cm(sum(widths[first:first + tc.grid_span]))
            first += tc.grid_span


def _header(document: Document, report: PlanReport, site: SiteProfile, place: str | None,
            issued: dt.date | None) -> None:
    doc = report.plan.doc
    parent = doc.issuer.parent or (site.parent if doc.issuer.name in site.name else None)
    symbol = f"BC-{doc.issuer.abbreviation}" if doc.issuer.abbreviation else "BC"
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    left.paragraphs[0].paragraph_format.space_after = Pt(0)
    center = WD_ALIGN_PARAGRAPH.CENTER
    if parent:
        _cell_text(left, abbreviate_parent(parent).upper(), size=12.5, align=center)
        agency = left.add_paragraph()
    else:
        agency = left.paragraphs[0]
    run = agency.add_run(doc.issuer.name.upper())
    run.bold, run.font.size, run.font.name = True, Pt(12.5), FONT
    agency.alignment = center
    _paragraph(left, "————", size=10, align=center)
    _paragraph(left, f"Số: …/{symbol}", size=13, align=center)
    _cell_text(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12.5, align=center)
    _paragraph(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=13, align=center,
               underline=True)
    _paragraph(right, "", size=6)
    year = issued.year if issued else report.now.year
    _paragraph(right, date_line(place, issued, year), italic=True, size=13, align=center)
    _widths(table, HEADER_WIDTHS)


def _task_table(document: Document, report: PlanReport) -> None:
    plan = report.plan
    points = plan.has_points
    heads = ["TT", "Nhiệm vụ", *(["Điểm tối đa"] if points else []), "Chỉ tiêu, thời hạn",
             "Sản phẩm minh chứng trong kỳ", "Kết quả"]
    widths = TASK_WIDTHS_WITH_POINTS if points else TASK_WIDTHS
    table = document.add_table(rows=1, cols=len(heads))
    table.style = "Table Grid"
    for cell, head in zip(table.rows[0].cells, heads, strict=True):
        _cell_text(cell, head, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _repeat_header(table)
    groups = {g.id: g.title for g in plan.doc.tasks.groups} if plan.doc.tasks else {}
    current = None
    for result in report.tasks:
        task = result.task
        if task.group is not None and task.group != current:
            current = task.group
            row = table.add_row().cells
            merged = row[0].merge(row[-1])
            _cell_text(merged, f"{task.group}. {groups.get(task.group, '')}", bold=True)
        values = [task.id, task.title,
                  *([format_decimal_vi(plan.points_of(task))] if points else []),
                  requirements_text(result),
                  "\n".join(f"- {item.describe()}" for item in result.evidence) or "Chưa có",
                  result_text(result)]
        row = table.add_row().cells
        for cell, value in zip(row, values, strict=True):
            _cell_text(cell, value)
    _widths(table, widths)


def _recipients(report: PlanReport) -> list[str]:
    """The plan's recipients that receive reports ("(b/c)"), then the archive line."""
    doc = report.plan.doc
    reported = [r for r in doc.recipients if "(b/c)" in r]
    if not reported and doc.issuer.parent:
        reported = [f"{doc.issuer.parent} (b/c);"]
    return [*reported, "Lưu: VT."]


def render_docx(
    report: PlanReport, site: SiteProfile, place: str | None = None,
    signing: Signing | None = None,
) -> bytes:
    """The report as a .docx laid out like a Vietnamese administrative report."""
    signing = signing or Signing()
    plan = report.plan
    doc = plan.doc
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(13)
    properties = document.core_properties
    properties.title = f"Báo cáo {report_heading(report)[:1].lower()}{report_heading(report)[1:]}"
    properties.author = doc.issuer.name
    properties.created = properties.modified = report.now.astimezone(dt.UTC).replace(tzinfo=None)
    properties.language = "vi-VN"

    _header(document, report, site, place if place is not None else doc.place, signing.issued)
    center = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(document, "", size=6)
    _paragraph(document, "BÁO CÁO", bold=True, size=14, align=center)
    _paragraph(document, report_heading(report), bold=True, size=14, align=center, space_after=12)

    date = f" ngày {doc.date.short()}" if doc.date.exact else ""
    justify = WD_ALIGN_PARAGRAPH.JUSTIFY
    _paragraph(
        document,
        f"Thực hiện {doc.reference}{date} của {doc.issuer.name} về "
        f"{doc.title[:1].lower()}{doc.title[1:]}, {doc.issuer.name} báo cáo kết quả thực hiện "
        f"{report.period.label} như sau:",
        align=justify, first_line=1, space_after=6,
    )
    _paragraph(document, "I. KẾT QUẢ CHUNG", bold=True, space_after=6)
    articles = sum(1 for t in report.tasks for i in t.evidence if i.is_article)
    documents = report.evidence_count - articles
    lines = [f"{report.summary}.", *([f"{report.due_summary}."] if report.due_summary else []),
             f"Sản phẩm minh chứng trong kỳ: {articles} lượt tin, bài đã đăng trên Cổng thông tin "
             f"điện tử và {documents} lượt văn bản đã ban hành.",
             f"Số liệu tổng hợp đến ngày {format_short(report.now)}."]
    for line in lines:
        _paragraph(document, f"- {line}", align=justify, first_line=1, space_after=3)
    _paragraph(document, "II. KẾT QUẢ THỰC HIỆN TỪNG NHIỆM VỤ", bold=True, space_after=6)
    _task_table(document, report)
    _paragraph(document, "", size=6)
    _paragraph(document, "III. NHIỆM VỤ CHƯA HOÀN THÀNH", bold=True, space_after=6)
    unfinished = (Status.OVERDUE, Status.PENDING, Status.MISSING)
    short = [t for t in report.tasks if t.status in unfinished]
    if not short:
        _paragraph(document, "- Không có.", first_line=1)
    for result in short:
        checks = "; ".join(c.describe() for c in result.checks if c.status is not Status.MET)
        _paragraph(document, f"- Nhiệm vụ {result.task.id}: {checks}.", align=justify,
                   first_line=1, space_after=3)
    _paragraph(
        document,
        f"Trên đây là báo cáo kết quả thực hiện {report.period.label} của {doc.issuer.name}./.",
        align=justify, first_line=1, space_after=12,
    )

    foot = document.add_table(rows=1, cols=2)
    recipients, signature = foot.rows[0].cells
    _cell_text(recipients, "Nơi nhận:", size=12)
    recipients.paragraphs[0].runs[0].bold = True
    recipients.paragraphs[0].runs[0].italic = True
    for line in _recipients(report):
        _paragraph(recipients, f"- {line}", size=11)
    authority, name = signing.signature(doc.signature)
    _cell_text(signature, authority[0], bold=True, size=13, align=center)
    for line in authority[1:]:
        _paragraph(signature, line, bold=True, size=13, align=center)
    for _ in range(SIGNING_ROOM_LINES):
        _paragraph(signature, "", size=13)
    _paragraph(signature, name, bold=True, size=13, align=center)
    _widths(foot, FOOT_WIDTHS)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
