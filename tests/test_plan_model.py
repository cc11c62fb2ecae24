"""The plan model: points, quotas, dates and the seed plans as transcribed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from generators.core.model import PartialDate
from generators.core.pipeline import load_portal
from generators.core.portal import Portal
from generators.core.yamlsource import read_yaml
from generators.sections.plans.model import (
    PLANS,
    Plan,
    PlanDocument,
    Quota,
    plan_by_slug,
    plans_newest_first,
)

from .conftest import ROOT

SMALL = ROOT / "tests" / "fixtures" / "good" / "plan-small.yml"


@pytest.fixture(scope="module")
def demo() -> Portal:
    return load_portal(ROOT / "data", ROOT)


def small_plan() -> Plan:
    data, _ = read_yaml(SMALL, "plan-small.yml")
    return Plan("ke-hoach-mau", PlanDocument.model_validate(data))


def test_sub_criteria_are_found_by_their_numbers() -> None:
    plan = small_plan()
    assert plan.parent_of["1.2.1"] == "1.2"
    assert plan.parent_of["1.2"] is None
    assert [t.id for t in plan.children_of["1.2"]] == ["1.2.1", "1.2.2"]


def test_totals_count_each_criterion_once() -> None:
    plan = small_plan()
    assert plan.points_of(plan.task_by_id["1.2"]) == Decimal("1.5")
    assert plan.group_points("1") == Decimal("3.5")
    assert plan.total_points() == Decimal("3.5")


def test_seed_004_criteria_total_62_points_over_seven_areas(demo: Portal) -> None:
    plan = plan_by_slug(demo[PLANS], "ke-hoach-nang-cao-chi-so-cchc-2024-sgtvt")
    assert plan is not None and plan.doc.tasks is not None
    assert plan.total_points() == Decimal(62)
    areas = [plan.group_points(g.id) for g in plan.doc.tasks.groups]
    assert areas == [Decimal(x) for x in ("11", "7.5", "12.5", "4", "9", "6", "12")]
    assert plan.points_of(plan.task_by_id["2.2"]) == Decimal("1.5")
    assert [c.id for c in plan.children_of["3.4"]] == ["3.4.1", "3.4.2", "3.4.3", "3.4.4"]


def test_seed_000_quotas_match_the_plan_text(demo: Portal) -> None:
    plan = plan_by_slug(demo[PLANS], "ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri")
    assert plan is not None
    half_year = {
        t.id: q.count for t in plan.tasks for q in t.quotas if q.period == "H1"
    }
    assert half_year == {"2.11": 2, "2.12": 1, "2.13": 1, "2.14": 2, "2.15": 2}
    assert [t.id for t in plan.tasks] == [f"2.{n}" for n in range(1, 16)]


def test_every_seed_plan_is_present(demo: Portal) -> None:
    assert {p.slug for p in demo[PLANS]} == {
        "ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri",
        "ke-hoach-tuyen-truyen-cchc-2024-ubnd-cua-lo",
        "ke-hoach-tuyen-truyen-cchc-2024-skhcn-can-tho",
        "ke-hoach-tuyen-truyen-cchc-pci-ddci-2024-stnmt-ha-tinh",
        "ke-hoach-nang-cao-chi-so-cchc-2024-sgtvt",
    }
    cua_lo = plan_by_slug(demo[PLANS], "ke-hoach-tuyen-truyen-cchc-2024-ubnd-cua-lo")
    assert cua_lo is not None
    assert cua_lo.doc.theme == (
        "Giảm hồ sơ trễ hẹn, tăng sử dụng dịch vụ công trực tuyến, thanh toán không tiền mặt"
    )


@pytest.mark.parametrize(
    ("given", "document", "short"),
    [
        ("2024-01", "ngày … tháng 01 năm 2024", "01/2024"),
        (2024, "ngày … tháng … năm 2024", "2024"),
        ("2024-6", "ngày … tháng 6 năm 2024", "06/2024"),
    ],
)
def test_partial_dates_keep_the_blanks_of_a_draft(given: object, document: str, short: str) -> None:
    date = PartialDate.parse(given)
    assert date.document_style() == document
    assert date.short() == short
    assert date.exact is None


def test_a_whole_date_may_be_quoted_as_its_json_is() -> None:
    assert PartialDate.parse("2024-02-05") == PartialDate.parse(dt.date(2024, 2, 5))
    assert PartialDate.parse("2024-02-05").document_style() == "ngày 05 tháng 02 năm 2024"
    for impossible in ("2024-02-30", "2024-13-01", "2024-06-04-01"):
        with pytest.raises(ValueError, match="YYYY-MM-DD"):
            PartialDate.parse(impossible)


def test_quota_descriptions_read_like_the_plan() -> None:
    quota = Quota(count=2, period="H1", text="6 tháng đầu năm ít nhất có 02 tin, bài")
    assert quota.describe() == "ít nhất 02 tin, bài (6 tháng đầu năm)"
    assert Quota(period="ongoing", text="Thường xuyên").describe() == "tin, bài thường xuyên"


def test_unnumbered_plans_keep_the_blank_in_the_header_but_not_in_running_text(
    demo: Portal,
) -> None:
    plan = plan_by_slug(demo[PLANS], "ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri")
    assert plan is not None
    assert plan.doc.number_text == "…/KH-SGTVT"  # the «Số:» line of the document header
    assert plan.doc.reference == "Kế hoạch chưa vào số"  # never «Kế hoạch số …/KH-SGTVT»
    numbered = plan_by_slug(demo[PLANS], "ke-hoach-nang-cao-chi-so-cchc-2024-sgtvt")
    assert numbered is not None and numbered.doc.reference == "Kế hoạch số 1163/KH-SGTVT"


def test_plans_list_newest_first(demo: Portal) -> None:
    order = [p.slug for p in plans_newest_first(demo[PLANS])]
    assert order[0] == "ke-hoach-nang-cao-chi-so-cchc-2024-sgtvt"  # 04/06/2024


def test_schemas_in_the_repository_match_the_models(tmp_path: Path) -> None:
    from generators.core.schemas import SCHEMAS, render_schema

    for name, model in SCHEMAS.items():
        committed = (ROOT / "schemas" / name).read_text(encoding="utf-8")
        assert committed == render_schema(model), f"run `make schemas` to update {name}"
