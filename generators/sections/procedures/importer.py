"""`cchc tthc import FILE`: procedures from a CSV or XLSX export into `data/thu-tuc/`.

Read every row, map its columns (README, «Nhập thủ tục từ bảng tính»), validate it with the same
model and checks as the build, and write one YAML file per procedure in the editors' format.
Nothing is overwritten that differs from what the import would write unless `force` is set, and
a second run over the same file changes nothing. A procedure already in `data/thu-tuc/` (same
code) keeps its file name and its change history; the row's decision is added to it.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from ...core.errors import DataErrors, ErrorCollector, FieldPath
from ...core.guard import write_bytes
from ...core.loading import load_site
from ...core.spreadsheet import neutral_cell
from ...core.validation import problems as validation_problems
from ...core.yamlsource import YamlProblem, decode_text, read_yaml
from ...core.yamlwriter import model_yaml
from ...vietnamese.text import fold, nfc, slugify
from .checks import RESERVED_SLUGS, check_procedure
from .model import CHANNELS, ProcedureDocument

MAX_CSV_BYTES = 20 * 1024 * 1024
SCHEMA = "procedure.schema.json"


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # as documented and as the report names it
    aliases: tuple[str, ...] = ()
    required: bool = False


_CHANNEL_COLUMNS = [
    column
    for kind, label, aliases in (
        ("truc-tiep", "Trực tiếp", ("truc tiep",)),
        ("truc-tuyen", "Trực tuyến", ("truc tuyen",)),
        ("buu-chinh", "Bưu chính", ("buu chinh", "buu chinh cong ich", "dich vu buu chinh")),
    )
    for column in (
        Column(f"{kind}:time", f"{label} - Thời hạn giải quyết",
               tuple(f"{a} {s}" for a in aliases for s in ("thoi han giai quyet", "thoi han"))),
        Column(f"{kind}:fees", f"{label} - Phí, lệ phí",
               tuple(f"{a} {s}" for a in aliases for s in ("phi le phi", "phi", "le phi"))),
        Column(f"{kind}:description", f"{label} - Mô tả", tuple(f"{a} mo ta" for a in aliases)),
    )
]

COLUMNS: list[Column] = [
    Column("code", "Mã thủ tục", ("ma tthc", "ma so"), True),
    Column("name", "Tên thủ tục", ("ten tthc",), True),
    Column("field", "Lĩnh vực", (), True),
    Column("kind", "Loại thủ tục"),
    Column("levels", "Cấp thực hiện", (), True),
    Column("online", "Mức độ dịch vụ công trực tuyến",
           ("dich vu cong truc tuyen", "muc do dvc", "muc do dvctt", "muc do")),
    Column("portal_url", "Liên kết Cổng Dịch vụ công", ("lien ket", "duong dan", "url")),
    Column("steps", "Trình tự thực hiện", (), True),
    *_CHANNEL_COLUMNS,
    Column("documents", "Thành phần hồ sơ", (), True),
    Column("applicants", "Đối tượng thực hiện", (), True),
    Column("implementing", "Cơ quan thực hiện", (), True),
    Column("competent", "Cơ quan có thẩm quyền"),
    Column("authorised", "Cơ quan được ủy quyền", ("co quan duoc uy quyen thuc hien",)),
    Column("coordinating", "Cơ quan phối hợp"),
    Column("submit_at", "Địa chỉ tiếp nhận hồ sơ", ("dia chi tiep nhan",), True),
    Column("results", "Kết quả thực hiện", ("ket qua",), True),
    Column("requirements", "Yêu cầu, điều kiện thực hiện", ("yeu cau dieu kien",)),
    Column("legal_bases", "Căn cứ pháp lý", (), True),
    Column("decision", "Số quyết định công bố", ("so quyet dinh",), True),
    Column("decision_date", "Ngày quyết định công bố", ("ngay quyet dinh", "ngay cong bo"), True),
    Column("decision_issuer", "Cơ quan công bố", ("nguoi ky quyet dinh",)),
    Column("action", "Loại cập nhật", ("tinh trang cap nhat", "loai thay doi")),
    Column("summary", "Nội dung thay đổi", ("noi dung cap nhat",)),
]
HEADERS = {c.key: c.header for c in COLUMNS}


def _normal(header: str) -> str:
    """"Trực tiếp – Phí, lệ phí:" → "truc tiep phi le phi"."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(header)).split())


_BY_HEADER = {
    name: column.key for column in COLUMNS for name in (_normal(column.header), *column.aliases)
}


class ImportFailed(Exception):
    """The file as a whole cannot be imported (unreadable, or a required column missing)."""


class CellError(ValueError):
    def __init__(self, key: str, message: str, given: str | None = None) -> None:
        super().__init__(message)
        self.key, self.message, self.given = key, message, given


# ------------------------------------------------------------------------ reading the file

Cell = Any


def _csv_rows(path: Path) -> Iterator[tuple[int, list[Cell]]]:
    try:
        text = decode_text(path.read_bytes(), path.name, MAX_CSV_BYTES)
    except YamlProblem as problem:
        raise ImportFailed(problem.errors[0].format()) from None
    # Excel writes «;» where the decimal comma is «,» (Vietnamese settings), «,» elsewhere: take
    # the delimiter that makes the most known column headers.
    def known(delimiter: str) -> int:
        header = next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])
        return sum(1 for cell in header if _normal(cell) in _BY_HEADER)

    delimiter = max((",", ";", "\t"), key=known)
    # Row numbers as a spreadsheet shows them (the header is row 1), even when a cell holds
    # several lines.
    yield from enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1)


# An export of a few thousand procedures unpacks to some megabytes; a zip bomb to gigabytes.
MAX_XLSX_UNPACKED = 200 * 1024 * 1024
MAX_XLSX_MEMBERS = 2_000


def check_xlsx_archive(path: Path) -> None:
    """Refuse what is not a workbook, or would unpack to more than any export, before openpyxl
    reads it: an .xlsx is a zip archive, and zipfile never inflates a member past the size its
    directory declares, so the declared sizes bound what parsing can take."""
    if path.stat().st_size == 0:
        raise ImportFailed(f"{path.name}: tệp rỗng (0 byte); hãy xuất lại từ Excel")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise ImportFailed(
            f"{path.name}: không phải tệp Excel .xlsx (tệp hỏng, hoặc là tệp .xls cũ đổi tên); "
            "hãy mở bằng Excel và lưu lại dạng «Excel Workbook (.xlsx)», hoặc xuất ra .csv"
        ) from None
    unpacked = sum(m.file_size for m in members)
    if len(members) > MAX_XLSX_MEMBERS or unpacked > MAX_XLSX_UNPACKED:
        raise ImportFailed(
            f"{path.name}: tệp giải nén ra {unpacked / 1024 / 1024:.0f} MB trong {len(members)} "
            f"thành phần, quá giới hạn của một bảng thủ tục ({MAX_XLSX_UNPACKED // 1024 // 1024} "
            f"MB, {MAX_XLSX_MEMBERS} thành phần); hãy xuất lại chỉ bảng thủ tục"
        )


def _xlsx_rows(path: Path, sheet: str | None) -> Iterator[tuple[int, list[Cell]]]:
    import openpyxl  # only the import needs it
    from openpyxl.utils.exceptions import InvalidFileException

    check_xlsx_archive(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise ImportFailed(f"{path.name}: không đọc được tệp Excel ({exc})") from None
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            names = ", ".join(workbook.sheetnames)
            raise ImportFailed(f"{path.name}: không có trang tính «{sheet}» (đang có: {names})")
        worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
        for number, row in enumerate(worksheet.iter_rows(values_only=True), start=1):
            yield number, list(row)
    finally:
        workbook.close()


def read_table(path: Path, sheet: str | None = None) -> Iterator[tuple[int, list[Cell]]]:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".xlsx", ".xlsm") and not path.is_file():
        raise ImportFailed(f"không thấy tệp «{path}»; hãy kiểm tra tên và thư mục của tệp")
    if suffix == ".csv":
        return _csv_rows(path)
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_rows(path, sheet)
    raise ImportFailed(f"{path.name}: chỉ nhận tệp .csv (UTF-8) hoặc .xlsx")


def _text(value: Cell, key: str = "") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        if key == "code":  # Excel turns 1.004220 into the number 1.00422
            return f"{value:.6f}"
        return str(int(value)) if value.is_integer() else str(value)
    text = nfc(str(value)).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.strip() for line in text.strip().split("\n"))


# ------------------------------------------------------------------------ cells to fields

def _items(text: str) -> list[str]:
    """One item per line or between semicolons."""
    return [item.strip() for item in re.split(r"[\n;]", text) if item.strip()]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


_LEVELS = {"tinh": "tinh", "cap tinh": "tinh", "huyen": "huyen", "cap huyen": "huyen",
           "xa": "xa", "cap xa": "xa"}
_ONLINE = {"": "khong", "khong": "khong", "toan trinh": "toan-trinh",
           "dvc truc tuyen toan trinh": "toan-trinh", "mot phan": "mot-phan",
           "dvc truc tuyen mot phan": "mot-phan"}
_ACTIONS = {"": "moi", "moi": "moi", "cong bo moi": "moi", "ban hanh moi": "moi",
            "sua doi": "sua-doi", "sua doi bo sung": "sua-doi", "bo sung": "sua-doi",
            "bai bo": "bai-bo"}


def _choice(key: str, text: str, choices: dict[str, str], expected: str) -> str:
    value = choices.get(_normal(text))
    if value is None:
        raise CellError(key, f"chỉ nhận {expected}", text)
    return value


def _levels(text: str) -> list[str]:
    return [_choice("levels", item, _LEVELS, "Cấp tỉnh, Cấp huyện, Cấp xã")
            for item in re.split(r"[,;\n]", text) if item.strip()]


_STEP_PREFIX = re.compile(r"^(?:bước\s*\d+\s*[:.)-]?|\d+\s*[.)]|[-•*+])\s*", re.IGNORECASE)


def _steps(text: str) -> list[str]:
    return [_STEP_PREFIX.sub("", line) for line in _lines(text) if _STEP_PREFIX.sub("", line)]


def _date(key: str, value: Cell) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    try:
        if match:
            return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CellError(key, "cần một ngày có thật, viết 15/11/2024 hoặc 2024-11-15",
                        text) from None


def _documents(text: str) -> list[dict[str, Any]]:
    """"Tên giấy tờ | Bản chính: 1 | Bản sao: 0 | Mẫu: Tên mẫu"; a line ending in ":" names the
    case (trường hợp) of the lines below it."""
    documents: list[dict[str, Any]] = []
    case = None
    for line in _lines(text):
        if line.endswith(":") and "|" not in line:
            case = line[:-1].strip()
            continue
        name, *parts = [p.strip() for p in line.split("|")]
        document: dict[str, Any] = {"name": _STEP_PREFIX.sub("", name)}
        if case:
            document["case"] = case
        for part in parts:
            label, _, value = part.partition(":")
            label = _normal(label)
            if label in ("ban chinh", "ban sao") and value.strip().isdigit():
                document["originals" if label == "ban chinh" else "copies"] = int(value)
            elif label == "mau" and value.strip():
                title, _, url = value.strip().rpartition(" ")
                if url.startswith(("https://", "http://")):
                    document.setdefault("forms", []).append({"title": title or "Mẫu", "url": url})
                else:
                    document.setdefault("forms", []).append({"title": value.strip()})
            elif part:
                raise CellError("documents", "mỗi giấy tờ ghi «Tên | Bản chính: 1 | Bản sao: 0 "
                                "| Mẫu: tên mẫu»", part)
        documents.append(document)
    return documents


_FEE = re.compile(
    r"(?P<name>[^:]+):\s*(?P<amount>\d{1,3}(?:\.\d{3})+|\d+)\s*(?:đồng|đ)?"
    r"(?:\s*/\s*(?P<unit>[^()]+?))?\s*(?:\((?P<note>.+)\))?",
    re.IGNORECASE,
)


def _fees(key: str, text: str) -> list[dict[str, Any]]:
    """"Lệ phí: 135.000 đồng/lần (Thông tư 37/2023/TT-BTC)"; "Không" or blank: no fee."""
    if _normal(text) in ("", "khong", "mien phi", "khong thu"):
        return []
    fees = []
    for item in _items(text):
        match = _FEE.fullmatch(item)
        if match:
            fee = {"name": match["name"].strip(), "amount": match["amount"]}
            fee.update({k: match[k].strip() for k in ("unit", "note") if match[k]})
        elif ":" in item:  # a rate rather than an amount: "Phí thẩm định: theo tỷ lệ …"
            name, _, note = item.partition(":")
            fee = {"name": name.strip(), "note": note.strip()}
        else:
            raise CellError(key, "mỗi khoản ghi «Tên: số tiền đồng/đơn vị (ghi chú)», ví dụ «Lệ "
                            "phí: 135.000 đồng/lần»; không thu thì ghi «Không»", item)
        fees.append(fee)
    return fees


def _legal_bases(text: str) -> list[dict[str, Any]]:
    """"35/2024/TT-BGTVT | Trích yếu | 15/11/2024 | Bộ Giao thông vận tải", one per line."""
    bases = []
    for line in _lines(text):
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 4:
            raise CellError("legal_bases", "mỗi văn bản một dòng: «Số ký hiệu | Trích yếu | Ngày "
                            "ban hành | Cơ quan ban hành»", line)
        number, title, date, issuer = parts
        bases.append({"number": number, "title": title, "date": _date("legal_bases", date),
                      "issuer": issuer})
    return bases


def row_data(cells: dict[str, Cell]) -> tuple[dict[str, Any], list[str], list[CellError]]:
    """The model's input for one row, the channels it has (in model order), and every cell
    that could not be read."""
    text = {key: _text(value, key) for key, value in cells.items()}
    errors: list[CellError] = []

    def get(key: str) -> str:
        return text.get(key, "")

    def read(parse: Any, *args: Any) -> Any:
        try:
            return parse(*args)
        except CellError as error:
            errors.append(error)
            return None

    channels, kinds = [], []
    for kind in CHANNELS:
        time_limit, fees, description = (get(f"{kind}:{p}") for p in
                                         ("time", "fees", "description"))
        if not (time_limit or fees or description):
            continue
        kinds.append(kind)
        channel: dict[str, Any] = {"channel": kind,
                                   "fees": read(_fees, f"{kind}:fees", fees) or []}
        if time_limit:  # absent: the model reports the missing time limit in this column
            channel["time_limit"] = time_limit
        if description:
            channel["description"] = description
        channels.append(channel)
    agencies = {k: _items(get(k)) for k in ("implementing", "competent", "authorised",
                                            "coordinating") if get(k)}
    change: dict[str, Any] = {
        "date": read(_date, "decision_date", cells.get("decision_date")),
        "action": read(_choice, "action", get("action"), _ACTIONS,
                       "Công bố mới, Sửa đổi, bổ sung hoặc Bãi bỏ"),
        "decision": get("decision"),
    }
    change.update({k: get(s) for k, s in (("issuer", "decision_issuer"), ("summary", "summary"))
                   if get(s)})
    data: dict[str, Any] = {
        "code": get("code"),
        "name": get("name"),
        "field": get("field"),
        "kind": get("kind") or None,
        "levels": read(_levels, get("levels")),
        "online": read(_choice, "online", get("online"), _ONLINE,
                       "Toàn trình, Một phần hoặc Không"),
        "portal_url": get("portal_url") or None,
        "steps": _steps(get("steps")),
        "channels": channels,
        "documents": read(_documents, get("documents")),
        "applicants": _items(get("applicants")),
        "agencies": agencies,
        "submit_at": get("submit_at"),
        "results": _items(get("results")),
        "requirements": get("requirements"),
        "legal_bases": read(_legal_bases, get("legal_bases")),
        "history": [change],
    }
    # A cell an export or an attacker made a formula («=HYPERLINK(…)») is kept as text, marked
    # by the OWASP rule, so it stays text in every spreadsheet the portal later writes.
    return {k: _neutral(v) for k, v in data.items() if v is not None}, kinds, errors


def _neutral(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _neutral(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_neutral(v) for v in value]
    return neutral_cell(value)


_SIMPLE = {"code", "name", "field", "kind", "levels", "online", "portal_url", "steps",
           "documents", "applicants", "submit_at", "results", "requirements", "legal_bases"}
_HISTORY = {"date": "decision_date", "action": "action", "decision": "decision",
            "issuer": "decision_issuer", "summary": "summary"}


def column_of(path: FieldPath, kinds: list[str]) -> str:
    """The column a field of the model came from, as the report names it."""
    head = path[0] if path else ""
    if head in _SIMPLE:
        return HEADERS[str(head)]
    if head == "agencies":
        return HEADERS[str(path[1])] if len(path) > 1 else HEADERS["implementing"]
    if head == "channels":
        if len(path) > 1 and isinstance(path[1], int) and path[1] < len(kinds):
            part = str(path[2]) if len(path) > 2 else ""
            suffix = part if part in ("fees", "description") else "time"
            return HEADERS[f"{kinds[path[1]]}:{suffix}"]
        return "các cột cách thức thực hiện (Trực tiếp, Trực tuyến, Bưu chính)"
    if head == "history":
        key = _HISTORY.get(str(path[2])) if len(path) > 2 else None
        return HEADERS[key] if key else "lịch sử của thủ tục trong tệp đang có"
    return str(head)


# ------------------------------------------------------------------------ the import

Outcome = Literal["created", "updated", "unchanged", "skipped"]
OUTCOME_LABELS = {"created": "tạo mới", "updated": "ghi đè", "unchanged": "không đổi",
                  "skipped": "bỏ qua"}


@dataclass
class RowResult:
    row: int
    code: str
    outcome: Outcome
    file: str | None = None
    reasons: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    source: str
    results: list[RowResult] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    dry_run: bool = False

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.results if r.outcome == outcome)

    @property
    def ok(self) -> bool:
        return self.count("skipped") == 0

    def format(self) -> str:
        lines = [f"Nhập thủ tục hành chính từ {self.source}: {len(self.results)} dòng dữ liệu"
                 + (" (chạy thử, không ghi tệp)." if self.dry_run else ".")]
        if self.ignored_columns:
            lines.append("  Cột không dùng: " + ", ".join(f"«{c}»" for c in self.ignored_columns))
        for result in self.results:
            code = f" ({result.code})" if result.code else ""
            where = f" {result.file}" if result.file else ""
            lines.append(f"  Dòng {result.row}{code}: {OUTCOME_LABELS[result.outcome]}{where}")
            lines += [f"    - {reason}" for reason in result.reasons]
        lines.append(
            f"Kết quả: {self.count('created')} tạo mới, {self.count('updated')} ghi đè, "
            f"{self.count('unchanged')} không đổi, {self.count('skipped')} bỏ qua."
        )
        return "\n".join(lines)


def _existing(folder: Path) -> tuple[dict[str, Path], dict[Path, ProcedureDocument]]:
    """Codes of the procedures already in `folder`, and the files that are valid."""
    by_code: dict[str, Path] = {}
    valid: dict[Path, ProcedureDocument] = {}
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        try:
            data, _ = read_yaml(path, path.name)
        except YamlProblem:
            continue
        if isinstance(data, dict) and isinstance(data.get("code"), str):
            by_code.setdefault(data["code"].strip(), path)
        with contextlib.suppress(ValidationError):
            valid[path] = ProcedureDocument.model_validate(data)
    return by_code, valid


def _merged(document: ProcedureDocument, previous: ProcedureDocument | None) -> ProcedureDocument:
    """The row's procedure with the history already on file, plus the row's decision if new."""
    if previous is None:
        return document
    [entry] = document.history
    key = (entry.date, entry.decision, entry.action)
    history = list(previous.history)
    if all((c.date, c.decision, c.action) != key for c in history):
        history.append(entry)
        history.sort(key=lambda c: c.date)
    return document.model_copy(update={"history": history})


def _header_map(header: list[Cell]) -> tuple[dict[int, str], list[str]]:
    positions: dict[int, str] = {}
    ignored: list[str] = []
    seen: dict[str, str] = {}
    for index, cell in enumerate(header):
        title = _text(cell)
        if not title:
            continue
        key = _BY_HEADER.get(_normal(title))
        if key is None:
            ignored.append(title)
        elif key in seen:
            raise ImportFailed(f"cột «{title}» và «{seen[key]}» cùng là «{HEADERS[key]}»")
        else:
            positions[index] = key
            seen[key] = title
    missing = [c.header for c in COLUMNS if c.required and c.key not in seen]
    if not any(key.endswith(":time") for key in seen):
        missing.append("ít nhất một cột thời hạn giải quyết (ví dụ «Trực tiếp - Thời hạn giải "
                       "quyết»)")
    if missing:
        raise ImportFailed("thiếu cột bắt buộc: " + "; ".join(f"«{m}»" for m in missing)
                           + " (xem bảng cột trong README)")
    return positions, ignored


def import_procedures(
    source: Path, root: Path, *, force: bool = False, dry_run: bool = False,
    sheet: str | None = None,
) -> ImportReport:
    """Import `source` into `root`/data/thu-tuc/; raises ImportFailed or DataErrors."""
    errors = ErrorCollector()
    site = load_site(root / "data", root, errors)
    if site is None:
        raise DataErrors(errors.errors)
    folder = root / "data" / "thu-tuc"
    rows = read_table(source, sheet)
    header_row = next(((n, r) for n, r in rows if any(_text(c) for c in r)), None)
    if header_row is None:
        raise ImportFailed(f"{source.name}: tệp không có dòng tiêu đề")
    positions, ignored = _header_map(header_row[1])
    report = ImportReport(source.name, ignored_columns=ignored, dry_run=dry_run)
    by_code, valid = _existing(folder)
    claimed: dict[str, int] = {}  # file name → row that wrote it in this run
    code_rows: dict[str, int] = {}
    for number, cells in rows:
        values = {key: cells[i] for i, key in positions.items() if i < len(cells)}
        if not any(_text(v) for v in values.values()):
            continue
        code = _text(values.get("code"), "code")
        result = RowResult(number, code, "skipped")
        report.results.append(result)
        if code in code_rows:
            result.reasons.append(f"mã thủ tục {code} đã có ở dòng {code_rows[code]}")
            continue
        code_rows[code] = number
        data, kinds, cell_errors = row_data(values)
        for cell in cell_errors:
            given = f" (giá trị: «{cell.given}»)" if cell.given else ""
            result.reasons.append(f"cột «{HEADERS[cell.key]}»: {cell.message}{given}")
        if cell_errors:
            continue
        try:
            document = ProcedureDocument.model_validate(data)
        except ValidationError as exc:
            for path, message, given in validation_problems(exc):
                shown = f" (giá trị: «{given}»)" if given else ""
                result.reasons.append(f"cột «{column_of(path, kinds)}»: {message}{shown}")
            continue
        path = by_code.get(document.code)
        if path is None:
            slug = slugify(document.name)
            taken = (folder / f"{slug}.yml").exists() or slug in claimed or slug in RESERVED_SLUGS
            path = folder / f"{slugify(f'{slug} {document.code}') if taken else slug}.yml"
        document = _merged(document, valid.get(path))
        problems = check_procedure(document, site.procedure_fields)
        if problems:
            result.reasons += [f"cột «{column_of(p, kinds)}»: {m}" for p, m in problems]
            continue
        rel = path.relative_to(root).as_posix()
        result.file = rel
        if path.stem in claimed:
            result.reasons.append(f"tệp {rel} đã được dòng {claimed[path.stem]} ghi")
            continue
        claimed[path.stem] = number
        text = model_yaml(document, SCHEMA)
        if not path.exists():
            result.outcome = "created"
        elif path.read_text(encoding="utf-8") == text:
            result.outcome = "unchanged"
        elif force:
            result.outcome = "updated"
        else:
            result.reasons.append("tệp đã có và khác với dữ liệu nhập; xem lại tệp, hoặc chạy "
                                  "lại với --force để ghi đè")
            continue
        if not dry_run and result.outcome != "unchanged":
            folder.mkdir(parents=True, exist_ok=True)
            write_bytes(path, text.encode("utf-8"))  # a full disk names the file
    return report
