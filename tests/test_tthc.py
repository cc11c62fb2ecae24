"""Administrative procedures: the model, Vietnamese order, pages, change feed and YAML writer."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from lxml import html as lxml_html

from generators.core.environment import make_environment
from generators.core.errors import DataErrors
from generators.core.feeds import MAX_ITEMS, newest_first, render_feed
from generators.core.pipeline import load_portal
from generators.core.portal import Portal
from generators.core.yamlsource import read_yaml
from generators.core.yamlwriter import model_yaml
from generators.sections.procedures.catalogue import build_catalogue, change_entries
from generators.sections.procedures.model import (
    PROCEDURES,
    Fee,
    Procedure,
    ProcedureDocument,
    TimeLimit,
)
from generators.sections.procedures.pages import (
    _change_item,
    catalogue_page,
    changes_page,
    feed_entries,
    procedure_page,
    tthc_feed,
    tthc_index,
)

from .conftest import ROOT
from .feedcheck import check_rss
from .test_golden import check_golden

SMALL = ROOT / "tests" / "fixtures" / "good" / "tthc-small.yml"
SITE_URL = "https://sgtvt.quangtri.gov.vn/cchc/"


@pytest.fixture(scope="module")
def demo() -> Portal:
    return load_portal(ROOT / "data", ROOT)


@pytest.fixture(scope="module")
def env():  # type: ignore[no-untyped-def]
    return make_environment(ROOT / "templates")


def small_document() -> ProcedureDocument:
    data, _ = read_yaml(SMALL, "tthc-small.yml")
    return ProcedureDocument.model_validate(data)


def variant(name: str, field: str = "Đường bộ", code: str = "1.000001") -> Procedure:
    document = small_document().model_copy(update={"name": name, "field": field, "code": code})
    return Procedure(f"thu-tuc-{code.replace('.', '-')}", document)


# ---------------------------------------------------------------- model


def test_status_and_announcing_decision_follow_the_history(demo: Portal) -> None:
    procedure = Procedure("mau", small_document())
    assert procedure.status == "sua-doi" and procedure.in_force
    assert procedure.announced_by.decision == "3468/QĐ-BGTVT"
    by_slug = {p.slug: p for p in demo[PROCEDURES]}
    abolished = by_slug["cap-lai-giay-phep-kinh-doanh-van-tai-khi-bi-mat-bi-hong"]
    assert abolished.status == "bai-bo" and not abolished.in_force
    assert abolished.announced_by.action == "sua-doi"  # the decision it stood on until abolished
    assert by_slug["cong-bo-hoat-dong-ben-thuy-noi-dia"].status == "hieu-luc"


def test_time_limits_and_fees_read_as_editors_write_them() -> None:
    assert str(TimeLimit.model_validate(TimeLimit.parse("5 ngày làm việc"))) == "5 ngày làm việc"
    assert str(TimeLimit.model_validate(TimeLimit.parse("0,5 ngày"))) == "0,5 ngày"
    with pytest.raises(ValueError, match="5 ngày làm việc"):
        TimeLimit.parse("năm ngày")
    assert Fee(name="Lệ phí", amount="135.000", unit="lần").describe() == (  # type: ignore[arg-type]
        "Lệ phí: 135.000 đồng/lần"
    )
    assert Fee(name="Phí sát hạch", amount=1350000).describe() == "Phí sát hạch: 1.350.000 đồng"


def _project_with(tmp_path: Path, *files: tuple[str, str]) -> Path:
    data = tmp_path / "data"
    (data / "thu-tuc").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "site.yml", data / "site.yml")
    for name, text in files:
        (data / "thu-tuc" / name).write_text(text, encoding="utf-8")
    return data


def test_codes_are_unique_across_files(tmp_path: Path) -> None:
    text = SMALL.read_text(encoding="utf-8")
    data = _project_with(tmp_path, ("a-thu-tuc.yml", text), ("b-thu-tuc.yml", text))
    with pytest.raises(DataErrors) as caught:
        load_portal(data, tmp_path)
    [error] = caught.value.errors
    assert error.file == "data/thu-tuc/b-thu-tuc.yml" and error.line == 2
    assert "1.002804 đã dùng trong data/thu-tuc/a-thu-tuc.yml" in error.message


def test_a_procedure_cannot_take_the_name_of_a_catalogue_page(tmp_path: Path) -> None:
    data = _project_with(tmp_path, ("moi-cap-nhat.yml", SMALL.read_text(encoding="utf-8")))
    with pytest.raises(DataErrors) as caught:
        load_portal(data, tmp_path)
    assert "trùng với trang /thu-tuc/moi-cap-nhat/" in caught.value.report()


def test_demo_catalogue_covers_levels_online_levels_and_changes(demo: Portal) -> None:
    procedures = demo[PROCEDURES]
    assert len(procedures) >= 25
    assert {level for p in procedures for level in p.doc.levels} == {"tinh", "huyen", "xa"}
    assert {p.doc.online for p in procedures} == {"toan-trinh", "mot-phan", "khong"}
    assert {p.status for p in procedures} == {"hieu-luc", "sua-doi", "bai-bo"}
    assert len({p.doc.code for p in procedures}) == len(procedures)
    # Channels of one procedure differ in fee: 135.000 đồng at the desk, 115.000 đồng online.
    licence = next(p for p in procedures if p.slug == "doi-giay-phep-lai-xe-do-nganh-gtvt-cap")
    fees = {c.channel: c.fees[0].amount for c in licence.doc.channels}
    assert fees == {"truc-tiep": 135000, "truc-tuyen": 115000, "buu-chinh": 135000}


# ---------------------------------------------------------------- order


def test_catalogue_order_is_vietnamese_alphabetical(demo: Portal) -> None:
    names = ["Đăng ký xe", "Dán nhãn", "Ấn định thuế", "Ăn uống", "An toàn", "Cấp lại giấy phép",
             "Cấp đổi giấy phép", "Cấp giấy phép", "Chấp thuận", "Ơn huệ", "Ô tô", "Ở nhờ",
             "Ưu đãi", "Uống", "Bà", "Ba", "Thủ tục 10", "Thủ tục 2"]
    fields = ["Đường bộ", "Đăng kiểm", "Dược phẩm", "Ăn uống", "An ninh"]
    extra = [variant(n, fields[i % len(fields)], f"1.{900000 + i}") for i, n in enumerate(names)]
    catalogue = build_catalogue([*demo[PROCEDURES], *extra])
    lines = []
    for group in catalogue.groups:
        lines.append(f"{group.field} ({len(group.procedures)})")
        lines += [f"  {p.doc.name}" for p in group.procedures]
    lines.append("Đã bãi bỏ")
    lines += [f"  {p.doc.name}" for p in catalogue.abolished]
    check_golden("tthc-order.txt", "\n".join(lines) + "\n")
    assert [g.field for g in catalogue.groups][:3] == ["An ninh", "Ăn uống", "Dược phẩm"]
    assert [g.field for g in catalogue.groups] != sorted(g.field for g in catalogue.groups)


# ---------------------------------------------------------------- writer


def test_the_writer_reproduces_hand_written_files() -> None:
    assert model_yaml(small_document(), "procedure.schema.json", depth=2) == SMALL.read_text(
        encoding="utf-8"
    )


def test_every_demo_file_is_in_the_editors_format(demo: Portal) -> None:
    for procedure in demo[PROCEDURES]:
        path = ROOT / "data" / "thu-tuc" / f"{procedure.slug}.yml"
        assert model_yaml(procedure.doc, "procedure.schema.json") == path.read_text(
            encoding="utf-8"
        ), path


# ---------------------------------------------------------------- pages


def test_procedure_page_golden(env, demo: Portal) -> None:  # type: ignore[no-untyped-def]
    page = procedure_page(env, demo, Procedure("doi-giay-phep-lai-xe", small_document()))
    assert page.path == "thu-tuc/doi-giay-phep-lai-xe/"
    assert page.date == "2024-12-27"
    check_golden("tthc-small.html", page.html)


def test_procedure_page_has_every_section(env, demo: Portal) -> None:  # type: ignore[no-untyped-def]
    for procedure in demo[PROCEDURES]:
        page = lxml_html.fromstring(procedure_page(env, demo, procedure).html)
        ids = set(page.xpath("//h2/@id")) - {"video-huong-dan"}  # only with a video
        assert ids == {"trinh-tu", "cach-thuc", "ho-so", "doi-tuong", "ket-qua", "can-cu",
                       "lich-su", "gui-cau-hoi"}, procedure.slug
        rows = page.xpath("//tr[@data-cchc-channel]/@data-cchc-channel")
        assert rows == [c.channel for c in procedure.doc.channels]
        legal = page.xpath("//tr[@data-cchc-document]/@data-cchc-document")
        assert legal == [b.number for b in procedure.doc.legal_bases]
        assert len(page.xpath("//ol[contains(@class,'cchc-tthc__history')]/li")) == len(
            procedure.doc.history
        )
        text = page.text_content()
        assert procedure.doc.code in text and procedure.announced_by.decision in text


def test_fees_are_shown_with_vietnamese_thousands_separators(env, demo: Portal) -> None:  # type: ignore[no-untyped-def]
    licence = next(p for p in demo[PROCEDURES] if p.doc.code == "1.002804")
    page = lxml_html.fromstring(procedure_page(env, demo, licence).html)
    online = page.xpath("//tr[@data-cchc-channel='truc-tuyen']")[0].text_content()
    assert "115.000 đồng/lần" in online and "5 ngày làm việc" in online


def test_abolished_procedures_say_so_and_leave_the_field_lists(env, demo: Portal) -> None:  # type: ignore[no-untyped-def]
    abolished = [p for p in demo[PROCEDURES] if not p.in_force]
    assert abolished
    catalogue = build_catalogue(demo[PROCEDURES])
    listed = {p.slug for g in catalogue.groups for p in g.procedures}
    assert not listed & {p.slug for p in abolished}
    assert catalogue.total + len(abolished) == len(demo[PROCEDURES])
    page = procedure_page(env, demo, abolished[0]).html
    assert "Thủ tục này đã bị bãi bỏ" in page and "Nộp hồ sơ trực tuyến" not in page


def test_catalogue_page_lists_every_procedure_by_field_without_a_script(env, demo: Portal) -> None:  # type: ignore[no-untyped-def]
    catalogue = build_catalogue(demo[PROCEDURES])
    page = lxml_html.fromstring(catalogue_page(env, demo, catalogue).html)
    groups = page.xpath("//details[contains(@class,'cchc-tthc-group')]")
    summaries = [g.xpath("./summary")[0].text_content().split() for g in groups]
    assert [" ".join(s[:-3]) for s in summaries] == [g.field for g in catalogue.groups]
    assert [int(s[-3]) for s in summaries] == [len(g.procedures) for g in catalogue.groups]
    for element, group in zip(groups, catalogue.groups, strict=True):
        names = [a.text_content() for a in element.xpath("./ol/li/a")]
        assert names == [p.doc.name for p in group.procedures]
    assert page.xpath("//form[@data-cchc-tthc-filter][@hidden]")  # shown by the script


def test_changes_are_listed_newest_first(env, demo: Portal) -> None:  # type: ignore[no-untyped-def]
    entries = change_entries(demo[PROCEDURES])
    dates = [e.change.date for e in entries]
    assert dates == sorted(dates, reverse=True)
    assert len(entries) == sum(len(p.doc.history) for p in demo[PROCEDURES])
    page = lxml_html.fromstring(changes_page(env, demo, entries).html)
    shown = page.xpath("//ol[@class='cchc-tthc-changes']/li//time/@datetime")
    assert shown == [d.isoformat() for d in dates]


def test_change_feed_meets_the_feed_bar(demo: Portal) -> None:
    spec = tthc_feed(demo)
    data = render_feed(spec, SITE_URL)
    root = check_rss(data, f"{SITE_URL}thu-tuc/rss.xml")
    items = root.findall("channel/item")
    guids = [i.findtext("guid") for i in items]
    assert len(guids) == len(set(guids)) == min(50, len(spec.items))
    assert guids[0] and "#thay-doi-" in guids[0]
    newest = change_entries(demo[PROCEDURES])[0]
    assert items[0].findtext("title") == f"{newest.change.label}: {newest.procedure.doc.name}"
    assert render_feed(spec, SITE_URL) == data  # stable bytes


def test_the_feed_makes_items_only_for_the_changes_it_can_show_and_shows_the_same(
) -> None:
    """Of 2,000 procedures' changes the feed shows fifty: its items are made for the newest
    fifty and every change of the same day as the last of them, which the feed then orders by
    address; the feed is the one all the changes would give."""
    import datetime as dt

    procedures = []
    for number in range(70):  # three procedures a day: ties across the fiftieth item
        procedure = variant(f"Thủ tục số {number}", code=f"1.{number:06d}")
        shift = dt.timedelta(days=number // 3)
        history = [c.model_copy(update={"date": c.date + shift}) for c in procedure.doc.history]
        procedures.append(Procedure(procedure.slug, procedure.doc.model_copy(
            update={"history": history})))
    entries = change_entries(procedures)
    chosen = feed_entries(entries)
    assert MAX_ITEMS < len(chosen) < len(entries)
    assert chosen == entries[:len(chosen)]
    every = newest_first([_change_item(SITE_URL, e) for e in entries])
    assert newest_first([_change_item(SITE_URL, e) for e in chosen]) == every
    assert feed_entries(entries[:10]) == entries[:10]


def test_search_index_lists_every_procedure_in_name_order(demo: Portal) -> None:
    output = tthc_index(demo)
    data = json.loads(output.content)
    rows = data["procedures"]
    assert len(rows) == len(demo[PROCEDURES])
    assert {r[1] for r in rows} == {f"{p.slug}/" for p in demo[PROCEDURES]}
    fields = [f[0] for f in data["fields"]]
    assert all(0 <= r[3] < len(fields) for r in rows)
    assert sum(r[6] for r in rows) == sum(1 for p in demo[PROCEDURES] if not p.in_force)
