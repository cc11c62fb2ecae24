"""`cchc tthc import`: CSV and XLSX exports with good and bad rows, twice, with and without --force.

The CSV fixture holds, by spreadsheet row: 2 a good amended procedure, 3 a bad code, 4 a good
procedure on three levels with a case group, 5 an online channel without a time limit, 6 a
field (lĩnh vực) that data/site.yml does not declare, 7 a blank row, 8 a duplicate code, 9 an
unreadable fee and an impossible date. The XLSX fixture is the same table as Excel stores it:
dates as dates, the code and fees as numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from generators.cli import main
from generators.core.pipeline import load_portal
from generators.sections.procedures.importer import ImportFailed, import_procedures
from generators.sections.procedures.model import PROCEDURES

from .conftest import ROOT

CSV = ROOT / "tests" / "fixtures" / "import" / "tthc.csv"
LICENCE = "data/thu-tuc/doi-giay-phep-lai-xe-do-nganh-giao-thong-van-tai-cap.yml"
VESSEL = ("data/thu-tuc/dang-ky-lan-dau-doi-voi-phuong-tien-chua-khai-thac-tren-duong-thuy-noi-dia"
          ".yml")


def project(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "site.yml", tmp_path / "data" / "site.yml")
    return tmp_path


def write_xlsx(target: Path) -> Path:
    """The CSV table saved as Excel would save it."""
    import openpyxl

    with CSV.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Danh mục TTHC"
    header = rows[0]
    for row in rows:
        values: list[object] = []
        for column, value in zip(header, row, strict=True):
            if row is rows[0]:
                values.append(value)
            elif column == "Mã thủ tục" and re.fullmatch(r"\d\.\d{6}", value):
                values.append(float(value))  # Excel keeps a typed code as a number
            elif column == "Ngày quyết định công bố" and re.fullmatch(r"\d\d/\d\d/\d{4}", value):
                day, month, year = map(int, value.split("/"))
                try:
                    values.append(dt.datetime(year, month, day))
                except ValueError:
                    values.append(value)  # 31/02 stays text, as Excel leaves it
            else:
                values.append(value or None)
        sheet.append(values)
    workbook.save(target)
    return target


def outcomes(report) -> dict[int, str]:  # type: ignore[no-untyped-def]
    return {r.row: r.outcome for r in report.results}


EXPECTED = {2: "created", 3: "skipped", 4: "created", 5: "skipped", 6: "skipped", 8: "skipped",
            9: "skipped"}


def test_csv_import_reports_every_row_with_its_reasons(tmp_path: Path) -> None:
    root = project(tmp_path)
    report = import_procedures(CSV, root)
    assert outcomes(report) == EXPECTED
    reasons = {r.row: " | ".join(r.reasons) for r in report.results}
    assert "cột «Mã thủ tục»: mã thủ tục như trên Cơ sở dữ liệu quốc gia" in reasons[3]
    assert "«1.0042»" in reasons[3]
    assert reasons[5] == "cột «Trực tuyến - Thời hạn giải quyết»: thiếu trường bắt buộc này"
    assert "cột «Lĩnh vực»: lĩnh vực «Đăng kiễm» chưa có" in reasons[6]
    assert "có phải ý bạn là «Đăng kiểm»?" in reasons[6]
    assert reasons[8] == "mã thủ tục 1.002804 đã có ở dòng 2"
    assert "cột «Trực tiếp - Phí, lệ phí»" in reasons[9] and "«Lệ phí 200000»" in reasons[9]
    assert "cột «Ngày quyết định công bố»: cần một ngày có thật" in reasons[9]
    assert report.ignored_columns == ["Ghi chú nội bộ"]
    assert not report.ok
    text = report.format()
    assert "Dòng 3 (1.0042): bỏ qua" in text
    assert text.endswith("Kết quả: 2 tạo mới, 0 ghi đè, 0 không đổi, 5 bỏ qua.")
    # What was written is valid data for the build, in the editors' format.
    portal = load_portal(root / "data", root)
    by_code = {p.doc.code: p for p in portal[PROCEDURES]}
    licence = by_code["1.002804"]
    assert [c.channel for c in licence.doc.channels] == ["truc-tiep", "truc-tuyen"]
    assert [c.fees[0].amount for c in licence.doc.channels] == [135000, 115000]
    assert licence.doc.channels[0].fees[0].note == "Thông tư số 37/2023/TT-BTC"
    assert licence.doc.documents[0].forms[0].title.startswith("Mẫu đơn ban hành kèm theo")
    assert licence.status == "sua-doi" and licence.doc.steps[0].startswith("Cá nhân nộp")
    vessel = by_code["1.003658"]
    assert vessel.doc.levels == ["tinh", "huyen", "xa"] and vessel.doc.online == "khong"
    assert vessel.doc.documents[1].case == "Đối với phương tiện phải đăng kiểm"
    assert vessel.doc.history[0].date == dt.date(2015, 4, 14)
    text = (root / LICENCE).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/procedure.schema.json\n"
                           'code: "1.002804"\nname: Đổi giấy phép lái xe')


def test_running_twice_changes_nothing(tmp_path: Path) -> None:
    root = project(tmp_path)
    import_procedures(CSV, root)
    before = {p.name: p.read_bytes() for p in (root / "data" / "thu-tuc").iterdir()}
    again = import_procedures(CSV, root)
    assert outcomes(again) == {**EXPECTED, 2: "unchanged", 4: "unchanged"}
    after = {p.name: p.read_bytes() for p in (root / "data" / "thu-tuc").iterdir()}
    assert after == before


def test_a_differing_file_is_kept_unless_forced(tmp_path: Path) -> None:
    root = project(tmp_path)
    import_procedures(CSV, root)
    path = root / LICENCE
    edited = path.read_text(encoding="utf-8").replace("Giấy phép lái xe\n", "Giấy phép lái xe "
                                                      "(bản điện tử)\n")
    path.write_text(edited, encoding="utf-8")
    report = import_procedures(CSV, root)
    [row] = [r for r in report.results if r.row == 2]
    assert row.outcome == "skipped" and "--force" in row.reasons[0]
    assert path.read_text(encoding="utf-8") == edited
    dry = import_procedures(CSV, root, force=True, dry_run=True)
    assert outcomes(dry)[2] == "updated" and path.read_text(encoding="utf-8") == edited
    forced = import_procedures(CSV, root, force=True)
    assert outcomes(forced)[2] == "updated"
    assert "(bản điện tử)" not in path.read_text(encoding="utf-8")


def test_xlsx_import_writes_the_same_files_as_csv(tmp_path: Path) -> None:
    from_csv = project(tmp_path / "csv")
    import_procedures(CSV, from_csv)
    from_xlsx = project(tmp_path / "xlsx")
    report = import_procedures(write_xlsx(tmp_path / "tthc.xlsx"), from_xlsx)
    assert outcomes(report) == EXPECTED
    for rel in (LICENCE, VESSEL):
        assert (from_xlsx / rel).read_bytes() == (from_csv / rel).read_bytes()
    assert outcomes(import_procedures(tmp_path / "tthc.xlsx", from_xlsx)) == {
        **EXPECTED, 2: "unchanged", 4: "unchanged"
    }


def test_an_existing_procedure_keeps_its_file_and_history(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "data" / "thu-tuc").mkdir()
    demo = ROOT / "data" / "thu-tuc" / "doi-giay-phep-lai-xe-do-nganh-gtvt-cap.yml"
    shutil.copy(demo, root / "data" / "thu-tuc" / demo.name)
    report = import_procedures(CSV, root, force=True)
    [row] = [r for r in report.results if r.row == 2]
    assert row.outcome == "updated" and row.file == f"data/thu-tuc/{demo.name}"
    assert not (root / LICENCE).exists()
    procedures = load_portal(root / "data", root)[PROCEDURES]
    [licence] = [p for p in procedures if p.doc.code == "1.002804"]
    # The row's decision was already in the history: the three dated entries stay as they were.
    assert [c.decision for c in licence.doc.history] == ["1719/QĐ-BGTVT", "438/QĐ-BGTVT",
                                                         "3468/QĐ-BGTVT"]


def test_a_missing_required_column_stops_the_import(tmp_path: Path) -> None:
    root = project(tmp_path)
    table = tmp_path / "thieu-cot.csv"
    table.write_text("Mã thủ tục,Tên thủ tục\n1.004227,Cấp giấy phép\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="thiếu cột bắt buộc: «Lĩnh vực»"):
        import_procedures(table, root)
    assert not (root / "data" / "thu-tuc").exists()


def test_the_command_reports_and_exits_non_zero_on_skipped_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    assert main(["--root", str(root), "tthc", "import", str(CSV)]) == 1
    out = capsys.readouterr().out
    assert "Dòng 2 (1.002804): tạo mới " + LICENCE in out
    assert "Dòng 5 (1.002861): bỏ qua" in out
    table = tmp_path / "mot-dong.csv"
    with CSV.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    with table.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows[:2])  # comma-separated this time
    assert main(["--root", str(root), "tthc", "import", str(table)]) == 0
    assert "0 tạo mới, 0 ghi đè, 1 không đổi, 0 bỏ qua" in capsys.readouterr().out
    assert main(["--root", str(root), "tthc", "import", str(tmp_path / "x.pdf")]) == 1
    assert "chỉ nhận tệp .csv" in capsys.readouterr().err
