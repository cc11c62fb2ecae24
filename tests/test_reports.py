"""The plan evidence report: periods, counting, statuses, and the Word and CSV files.

The small plan in tests/fixtures/good/plan-report.yml and articles made here keep each rule
visible; the demo data is checked against what its articles were written to show.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from docx import Document

from generators.cli import main
from generators.core.environment import make_environment
from generators.core.periods import BadPeriod, ReportPeriod
from generators.core.pipeline import load_portal
from generators.core.portal import Portal
from generators.core.profile import SiteProfile
from generators.core.yamlsource import read_yaml
from generators.sections.news.model import ARTICLES, Article, ArticleMeta, articles_for_task
from generators.sections.plans.model import PLANS, Plan, PlanDocument, plan_by_slug
from generators.sections.reports.evidence import (
    Status,
    build_report,
    counted_articles,
    evidence_for_task,
    plan_reports,
)
from generators.sections.reports.files import (
    CSV_COLUMNS,
    Signing,
    abbreviate_parent,
    render_csv,
    render_docx,
    render_xlsx,
    report_heading,
)
from generators.sections.reports.pages import report_page
from generators.vietnamese.dates import VIETNAM_TZ

from .conftest import PINNED_EPOCH, ROOT
from .test_golden import check_golden

FIXTURE = Path(__file__).parent / "fixtures" / "good" / "plan-report.yml"
SLUG = "ke-hoach-mau"
NOW = datetime.fromtimestamp(int(PINNED_EPOCH), VIETNAM_TZ)  # 31/12/2024 12:00
H1 = ReportPeriod(2024, "H1")
YEAR = ReportPeriod(2024, "year")
SEED_000 = "ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri"


def vn(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=VIETNAM_TZ)


def article(title: str, date: datetime, *tasks: str, draft: bool = False) -> Article:
    meta = ArticleMeta.model_validate({
        "title": title, "date": date, "summary": "Tóm tắt.", "category": "hoat-dong",
        "plan_tasks": [f"{SLUG}#{t}" for t in tasks], "draft": draft,
    })
    return Article(meta=meta, source=f"tin-tuc/{date.year}/{title}.md", slug=title,
                   year=date.year, category="hoat-dong", body_markdown="Nội dung.")


@pytest.fixture(scope="module")
def plan() -> Plan:
    data, _ = read_yaml(FIXTURE, FIXTURE.name)
    return Plan(SLUG, PlanDocument.model_validate(data))


@pytest.fixture(scope="module")
def site() -> SiteProfile:
    data, _ = read_yaml(ROOT / "data" / "site.yml", "site.yml")
    return SiteProfile.model_validate(data)


def status_of(plan: Plan, articles: list[Article], task_id: str, period: ReportPeriod,
              now: datetime = NOW) -> Status:
    report = build_report(plan, articles, period, now)
    return next(t.status for t in report.tasks if t.task.id == task_id)


# Periods -----------------------------------------------------------------------------------


def test_first_half_year_ends_at_midnight_vietnam_time() -> None:
    assert H1.contains(vn("2024-06-30 23:30"))
    assert not H1.contains(vn("2024-07-01 00:00"))
    # 2024-07-01 06:30 +07:00 is still 30 June in UTC: Vietnam time decides, so it is H2.
    moment = vn("2024-07-01 06:30")
    assert moment.astimezone(UTC).date().isoformat() == "2024-06-30"
    assert not H1.contains(moment) and ReportPeriod(2024, "H2").contains(moment)
    # A date written in another zone is turned into Vietnam time first.
    new_york = datetime(2024, 6, 30, 20, 0, tzinfo=timezone(timedelta(hours=-5)))
    assert not H1.contains(new_york) and ReportPeriod(2024, "H2").contains(new_york)
    assert H1.contains(datetime(2024, 6, 30, 16, 59, tzinfo=UTC))


def test_periods_are_read_and_named_in_vietnamese() -> None:
    assert ReportPeriod.parse("2024") == YEAR
    assert ReportPeriod.parse("2024-h1") == H1
    q4 = ReportPeriod.parse("2024-Q4")
    assert (q4.first_day.isoformat(), q4.last_day.isoformat()) == ("2024-10-01", "2024-12-31")
    assert q4.end == vn("2025-01-01 00:00")
    assert [p.label for p in (H1, YEAR, q4)] == [
        "6 tháng đầu năm 2024", "năm 2024", "quý IV năm 2024"]
    assert YEAR.covers(H1) and H1.covers(ReportPeriod(2024, "Q2")) and not H1.covers(q4)
    for wrong in ("2024-H3", "H1", "2024/H1", "24-H1"):
        with pytest.raises(BadPeriod, match="kỳ báo cáo"):
            ReportPeriod.parse(wrong)


# Counting ----------------------------------------------------------------------------------


def test_quota_counting_across_the_half_year_boundary(plan: Plan) -> None:
    articles = [
        article("bai-truoc-nua-dem", vn("2024-06-30 23:30"), "2.1"),
        article("bai-sau-nua-dem", vn("2024-07-01 06:30"), "2.1"),
    ]
    report = build_report(plan, articles, H1, NOW)
    [task] = [t for t in report.tasks if t.task.id == "2.1"]
    [check] = task.quota_checks
    assert [i.title for i in check.found] == ["bai-truoc-nua-dem"]
    assert check.status is Status.OVERDUE  # 1 of 2, and the half-year is over
    articles.append(article("bai-thang-ba", vn("2024-03-05 08:00"), "2.1"))
    assert status_of(plan, articles, "2.1", H1) is Status.MET


def test_drafts_and_future_articles_never_count(plan: Plan) -> None:
    articles = [
        article("ban-nhap", vn("2024-03-01 08:00"), "2.1", draft=True),
        article("hen-gio", vn("2025-01-02 08:00"), "2.1"),
        article("da-dang", vn("2024-03-02 08:00"), "2.1"),
    ]
    counted = counted_articles(articles, SLUG, "2.1", NOW)
    assert [a.slug for a in counted] == ["da-dang"]
    items = evidence_for_task(plan, plan.task_by_id["2.1"], articles, NOW)
    assert "ban-nhap" not in {i.title for i in items} and "hen-gio" not in {i.title for i in items}
    # Seen from early March, the article of 2 March is in the future too.
    assert counted_articles(articles, SLUG, "2.1", vn("2024-03-01 12:00")) == []


def test_a_report_finds_each_tasks_articles_by_the_task_they_name(plan: Plan) -> None:
    two = article("hai-nhiem-vu", vn("2024-03-01 08:00"), "2.1", "1.2", "2.1")
    none = article("khong-nhiem-vu", vn("2024-03-02 08:00"))
    one = article("mot-nhiem-vu", vn("2024-03-03 08:00"), "2.1")
    serving = articles_for_task([two, none, one], SLUG)
    # In the order given, once each even when an article names a task twice; none without.
    assert serving == {"2.1": [two, one], "1.2": [two]}
    # The report counts what reading every article for every task would count.
    report = build_report(plan, [two, none, one], H1, NOW)
    for task in report.tasks:
        expected = counted_articles([two, none, one], SLUG, task.task.id, NOW)
        assert [i.link for i in task.evidence if i.kind == "Tin, bài"] == [
            a.path for a in expected], task.task.id


def test_documents_dated_after_now_do_not_count(plan: Plan) -> None:
    task = plan.task_by_id["1.2"]
    before = evidence_for_task(plan, task, [], vn("2024-05-14 23:59"))
    after = evidence_for_task(plan, task, [], vn("2024-05-15 00:00"))
    assert before == [] and [i.reference for i in after] == ["Công văn số 1024/SGTVT-VP"]


def test_an_article_quota_counts_articles_only(plan: Plan) -> None:
    report = build_report(plan, [], H1, NOW)
    [task] = [t for t in report.tasks if t.task.id == "2.1"]
    assert len(task.evidence) == 1  # the công văn is shown as evidence …
    assert task.quota_checks[0].found == ()  # … but is not a "tin, bài"
    # A unit naming a document type counts documents too.
    assert status_of(plan, [], "2.2", YEAR) is Status.PENDING  # the year is not over
    assert status_of(plan, [], "2.2", YEAR, vn("2025-01-01 00:00")) is Status.OVERDUE


# Statuses against a pinned clock -----------------------------------------------------------


def test_a_quota_is_not_yet_due_while_its_period_runs(plan: Plan) -> None:
    articles = [article("mot-bai", vn("2024-02-01 08:00"), "2.1")]
    assert status_of(plan, articles, "2.1", H1, vn("2024-06-30 23:59")) is Status.PENDING
    assert status_of(plan, articles, "2.1", H1, vn("2024-07-01 00:00")) is Status.OVERDUE


def test_due_dates_are_overdue_once_passed_without_evidence(plan: Plan) -> None:
    # 1.2 has two deadlines; the 6-month letter of 15/05 serves only the first.
    report = build_report(plan, [], YEAR, NOW)
    [task] = [t for t in report.tasks if t.task.id == "1.2"]
    assert [c.status for c in task.due_checks] == [Status.MET, Status.OVERDUE]
    assert task.status is Status.OVERDUE
    assert status_of(plan, [], "1.2", YEAR, vn("2024-10-31 23:00")) is Status.PENDING
    late = [article("don-doc-muon", vn("2024-11-05 08:00"), "1.2")]
    [_, last] = next(t for t in build_report(plan, late, YEAR, NOW).tasks
                     if t.task.id == "1.2").due_checks
    assert last.status is Status.OVERDUE and [i.title for i in last.late] == ["don-doc-muon"]
    on_time = [article("don-doc", vn("2024-10-20 08:00"), "1.2")]
    assert status_of(plan, on_time, "1.2", YEAR) is Status.MET


def test_tasks_without_quota_show_what_was_found(plan: Plan) -> None:
    # While the period runs (the year, at NOW); once it is over see test_report_fairness.py.
    assert status_of(plan, [], "2.3", YEAR) is Status.ONGOING
    articles = [article("chuyen-muc", vn("2024-04-01 08:00"), "2.3")]
    assert status_of(plan, articles, "2.3", YEAR) is Status.EVIDENCED
    assert status_of(plan, articles, "2.3", H1) is Status.DONE


def test_the_summary_is_the_share_of_tasks_with_quotas_met(plan: Plan) -> None:
    articles = [article(f"bai-{n}", vn(f"2024-0{n}-10 08:00"), "2.1") for n in (2, 3)]
    assert build_report(plan, articles, H1, NOW).summary == (
        "Hoàn thành 1/1 nhiệm vụ có chỉ tiêu (100%)")
    year = build_report(plan, articles, YEAR, NOW)
    assert year.summary == "Hoàn thành 1/2 nhiệm vụ có chỉ tiêu (50%)"
    assert year.due_summary == (
        "Nhiệm vụ có thời hạn trong kỳ: 1/2 có minh chứng đúng hạn, 1 quá hạn")


def test_demo_first_half_year_has_tasks_met_and_tasks_short() -> None:
    portal = load_portal(ROOT / "data", ROOT, content_dir=ROOT / "content", now=NOW)
    plan = plan_by_slug(portal[PLANS], SEED_000)
    assert plan is not None
    report = build_report(plan, portal[ARTICLES], H1, NOW)
    statuses = {t.task.id: t.status for t in report.quota_tasks}
    assert statuses == {"2.11": Status.MET, "2.12": Status.MET, "2.13": Status.OVERDUE,
                        "2.14": Status.OVERDUE, "2.15": Status.MET}
    assert report.summary == "Hoàn thành 3/5 nhiệm vụ có chỉ tiêu (60%)"
    # The 30/06 23:30 article counts for 2.11 in H1; the 01/07 06:30 one for 2.14 does not.
    found = {t.task.id: t.quota_checks[0].found for t in report.quota_tasks}
    assert any(i.date_text == "30/06/2024" for i in found["2.11"])
    assert all(i.date_text != "01/07/2024" for i in found["2.14"])


# Files -------------------------------------------------------------------------------------


def test_word_report_has_the_layout_and_every_task(plan: Plan, site: SiteProfile) -> None:
    report = build_report(plan, [article("bai", vn("2024-02-01 08:00"), "2.1")], H1, NOW)
    document = Document(io.BytesIO(render_docx(report, site)))
    texts = [p.text for p in document.paragraphs]
    assert "BÁO CÁO" in texts
    assert ("Kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính năm 2024 "
            "(6 tháng đầu năm 2024)") in texts
    header, table, footer = document.tables
    left, right = (cell.text for cell in header.rows[0].cells)
    assert "UBND TỈNH QUẢNG TRỊ" in left and "SỞ GIAO THÔNG VẬN TẢI" in left
    assert "Số: …/BC-SGTVT" in left
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right and "Độc lập - Tự do - Hạnh phúc" in right
    # No date given: the date line is left to be written at signing, never the build's day.
    assert "Quảng Trị, ngày …… tháng …… năm 2024" in right
    assert "31 tháng 12" not in right
    assert [c.text for c in table.rows[0].cells][:2] == ["TT", "Nhiệm vụ"]
    ids = [row.cells[0].text for row in table.rows[1:]]
    assert [t.id for t in plan.tasks] == [i for i in ids if i[0].isdigit() and "." in i
                                          and " " not in i]
    assert "Nơi nhận:" in footer.rows[0].cells[0].text
    assert "UBND tỉnh (b/c);" in footer.rows[0].cells[0].text
    signature = [p.text for p in footer.rows[0].cells[1].paragraphs]
    assert signature[:2] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    # Room to sign and seal, then the signer's name (by default the plan's signer).
    assert signature[2:-1] == ["", "", "", ""] and signature[-1] == plan.doc.signature.name
    body = "\n".join(texts)
    assert not re.search(r"\d{1,2}:\d{2}", body), "no clock time in the body"
    assert "- Số liệu tổng hợp đến ngày 31/12/2024." in texts


@pytest.mark.parametrize(("parent", "shown"), [
    ("Ủy ban nhân dân tỉnh Quảng Trị", "UBND tỉnh Quảng Trị"),
    ("Uỷ ban nhân dân thị xã Cửa Lò", "UBND thị xã Cửa Lò"),
    ("Bộ Giao thông vận tải", "Bộ Giao thông vận tải"),
])
def test_parent_agency_is_abbreviated_as_decree_30_allows(parent: str, shown: str) -> None:
    assert abbreviate_parent(parent) == shown


def test_report_heading_never_says_thuc_hien_twice(plan: Plan) -> None:
    data, _ = read_yaml(FIXTURE, FIXTURE.name)
    data["title"] = "Thực hiện công tác tuyên truyền cải cách hành chính năm 2024"
    doubled = Plan(SLUG, PlanDocument.model_validate(data))
    assert report_heading(build_report(doubled, [], H1, NOW)) == (
        "Kết quả thực hiện Kế hoạch công tác tuyên truyền cải cách hành chính năm 2024 "
        "(6 tháng đầu năm 2024)")


def test_word_report_takes_the_issue_date_and_signer_from_the_editor(
    plan: Plan, site: SiteProfile
) -> None:
    report = build_report(plan, [], H1, NOW)
    signing = Signing(issued=date(2025, 2, 5), name="Nguyễn Thị Thu Hà", title="Giám đốc",
                      authority=())
    document = Document(io.BytesIO(render_docx(report, site, signing=signing)))
    header, _, footer = document.tables
    # Nghị định 30/2020: days below 10 and months below 3 take a leading zero.
    assert "Quảng Trị, ngày 05 tháng 02 năm 2025" in header.rows[0].cells[1].text
    signature = [p.text for p in footer.rows[0].cells[1].paragraphs]
    assert signature[0] == "GIÁM ĐỐC" and signature[-1] == "Nguyễn Thị Thu Hà"


def test_word_tables_carry_their_widths_in_the_grid(plan: Plan, site: SiteProfile) -> None:
    """LibreOffice and WPS lay out from w:tblGrid: the grid, not only the cells, is sized."""
    document = Document(io.BytesIO(render_docx(build_report(plan, [], H1, NOW), site)))
    header, table, _ = document.tables
    grid = [col.width.cm for col in table.columns]
    assert max(grid) == grid[[c.text for c in table.rows[0].cells].index("Nhiệm vụ")]
    assert round(sum(grid), 1) == 16.5 and len(set(grid)) > 2
    assert [round(col.width.cm, 1) for col in header.columns] == [6.5, 10.0]
    assert not table.autofit


def test_csv_report_reads_back_with_every_task(plan: Plan, site: SiteProfile) -> None:
    report = build_report(plan, [], YEAR, NOW)
    content = render_csv(report, site)
    assert content.startswith(b"\xef\xbb\xbf")  # BOM: Excel then reads UTF-8
    # «;»: the list separator of Excel with Vietnamese regional settings (decimal comma).
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert tuple(rows[0]) == CSV_COLUMNS
    # Ids as Excel text constants: 1.1 never turns into a number or a date.
    assert [r["TT"] for r in rows] == [f'="{t.id}"' for t in plan.tasks]
    rows = [{**r, "TT": r["TT"][2:-1]} for r in rows]
    by_id = {r["TT"]: r for r in rows}
    assert by_id["1.2"]["Kết quả"] == "Quá hạn, chưa đạt"
    assert by_id["1.1"]["Đường dẫn"] == f"{site.url}ke-hoach/ke-hoach-mau/"
    assert by_id["2.1"]["Minh chứng"].startswith("01/03/2024 – Công văn số 300/SGTVT-VP")


def test_xlsx_report_has_every_id_as_a_text_cell(plan: Plan, site: SiteProfile) -> None:
    from openpyxl import load_workbook

    report = build_report(plan, [], YEAR, NOW)
    sheet = load_workbook(io.BytesIO(render_xlsx(report, site))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == CSV_COLUMNS
    ids = [row[1] for row in sheet.iter_rows(min_row=2)]
    assert [cell.value for cell in ids] == [t.id for t in plan.tasks]
    assert all(cell.data_type == "s" and cell.number_format == "@" for cell in ids)
    assert sheet.freeze_panes == "A2"
    counts = [row[CSV_COLUMNS.index("Số minh chứng")] for row in sheet.iter_rows(min_row=2)]
    assert all(isinstance(cell.value, int) for cell in counts)


def test_spreadsheet_cells_never_start_a_formula(plan: Plan, site: SiteProfile) -> None:
    """A task title an editor wrote as «=HYPERLINK(…)» stays text in both tables."""
    from openpyxl import load_workbook

    data, _ = read_yaml(FIXTURE, FIXTURE.name)
    data["tasks"]["tasks"][0]["title"] = '=HYPERLINK("https://evil.example","x")'
    hostile = Plan(SLUG, PlanDocument.model_validate(data))
    report = build_report(hostile, [], YEAR, NOW)
    sheet = load_workbook(io.BytesIO(render_xlsx(report, site))).active
    texts = [str(cell.value) for row in sheet.iter_rows(min_row=2) for cell in row]
    assert not any(text.startswith(("=", "+", "-", "@")) for text in texts)
    assert any("'=HYPERLINK" in text for text in texts)
    content = render_csv(report, site).decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(content), delimiter=";") for cell in row[2:]]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


def test_report_command_writes_both_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", PINNED_EPOCH)
    code = main(["--root", str(ROOT), "report", f"data/ke-hoach/{SEED_000}.yml",
                 "--period", "2024-H1", "--out", str(tmp_path)])
    assert code == 0
    stem = f"bao-cao-{SEED_000}-2024-h1"
    assert {p.name for p in tmp_path.iterdir()} == {f"{stem}.docx", f"{stem}.xlsx",
                                                    f"{stem}.csv"}
    assert "Hoàn thành 3/5 nhiệm vụ có chỉ tiêu (60%)" in capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(
        (tmp_path / f"{stem}.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    assert {r["TT"]: r["Kết quả"] for r in rows}['="2.13"'] == "Quá hạn, chưa đạt"


def test_report_command_takes_issue_date_and_signer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", PINNED_EPOCH)
    code = main(["--root", str(ROOT), "report", SEED_000, "--period", "2024-H1",
                 "--out", str(tmp_path), "--date", "05/07/2024", "--signer", "Trần Văn Bình",
                 "--signer-title", "Phó Giám đốc"])
    assert code == 0
    document = Document(tmp_path / f"bao-cao-{SEED_000}-2024-h1.docx")
    header, _, footer = document.tables
    assert "ngày 05 tháng 7 năm 2024" in header.rows[0].cells[1].text
    signature = [p.text for p in footer.rows[0].cells[1].paragraphs]
    assert "PHÓ GIÁM ĐỐC" in signature and signature[-1] == "Trần Văn Bình"


@pytest.mark.parametrize(("args", "message"), [
    (["khong-co-ke-hoach", "--period", "2024"], "không có kế hoạch «khong-co-ke-hoach»"),
    ([SEED_000, "--period", "2024-H3"], "kỳ báo cáo «2024-H3» không đúng"),
    ([SEED_000, "--period", "2024", "--date", "5/7"], "ngày ban hành «5/7» không đúng"),
])
def test_report_command_explains_bad_arguments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["--root", str(ROOT), "report", *args, "--out", str(tmp_path)]) == 2
    assert message in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


# Web page ----------------------------------------------------------------------------------


def test_report_page(plan: Plan, site: SiteProfile) -> None:
    articles = [article("huong-dan", vn("2024-06-30 23:30"), "2.1"),
                article("sang-kien", vn("2024-07-01 06:30"), "2.2")]
    portal = Portal(site=site, parts={PLANS: [plan], ARTICLES: articles})
    page = report_page(make_environment(ROOT / "templates"), portal, plan,
                       plan_reports(plan, articles, NOW), NOW)
    assert page.path == "bao-cao/ke-hoach-mau/"
    check_golden("report-small.html", page.html)
