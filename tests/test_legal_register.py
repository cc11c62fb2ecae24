"""The legal documents register: identity, status on a given day, and the seed plans' citations."""

from __future__ import annotations

from datetime import date

import pytest

from generators.core.pipeline import load_portal
from generators.core.portal import Portal
from generators.sections.legal.model import LEGAL, LegalDocument

from .conftest import ROOT

# Every document the five seed plans cite, as they print it (tests/../shared/seeds/00x_*.txt).
SEED_CITATIONS = {
    "ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri": ["250/KH-UBND", "03/KH-SGTVT"],
    "ke-hoach-tuyen-truyen-cchc-2024-ubnd-cua-lo": [
        "17/KH-UBND", "468/QĐ-TTg", "749/QĐ-TTg", "06/QĐ-TTg", "76/NQ-CP", "09-NQ/TU",
        "5158/QĐ-UBND", "206/KH-UBND", "343/QĐ-UBND", "45/2016/QĐ-TTg", "45/2020/NĐ-CP",
        "42/2022/NĐ-CP",
    ],
    "ke-hoach-tuyen-truyen-cchc-2024-skhcn-can-tho": [
        "246/KH-UBND", "76/NQ-CP", "23/CT-TTg", "4168/QĐ-UBND", "26-CTr/TU",
    ],
    "ke-hoach-tuyen-truyen-cchc-pci-ddci-2024-stnmt-ha-tinh": [
        "08/KH-UBND", "76/NQ-CP", "12-NQ/TU", "3504/QĐ-UBND", "18-NQ/TW", "19-NQ/TW",
        "17/NQ-CP", "749/QĐ-TTg",
    ],
    "ke-hoach-nang-cao-chi-so-cchc-2024-sgtvt": [
        "215/KH-UBND", "130/2005/NĐ-CP", "117/2013/NĐ-CP", "60/2021/NĐ-CP",
    ],
}
# Documents the portal's other content (procedures, articles) is expected to cite.
EXPECTED_ALSO = [
    "63/2010/NĐ-CP", "61/2018/NĐ-CP", "107/2021/NĐ-CP", "42/2022/NĐ-CP", "45/2020/NĐ-CP",
    "30/2020/NĐ-CP", "32/2017/TT-BTTTT", "24/2011/TT-BTTTT", "36/2024/QH15", "35/2024/TT-BGTVT",
    "10/2020/NĐ-CP",
]


@pytest.fixture(scope="module")
def demo() -> Portal:
    return load_portal(ROOT / "data", ROOT)


def test_the_register_holds_every_document_the_seed_plans_cite(demo: Portal) -> None:
    registered = set(demo[LEGAL].by_number())
    cited = {n for numbers in SEED_CITATIONS.values() for n in numbers}
    assert cited - registered == set()
    assert set(EXPECTED_ALSO) - registered == set()


def test_register_pages_use_the_number_as_slug(demo: Portal) -> None:
    slugs = {d.number: d.page_slug for d in demo[LEGAL].documents}
    assert slugs["76/NQ-CP"] == "76-nq-cp"
    assert slugs["42/2022/NĐ-CP"] == "42-2022-nd-cp"
    assert slugs["749/QĐ-TTg"] == "749-qd-ttg"
    assert slugs["09-NQ/TU"] == "09-nq-tu"
    assert len(set(slugs.values())) == len(demo[LEGAL].documents)


def doc(**changes: object) -> LegalDocument:
    values: dict[str, object] = {
        "number": "10/2020/NĐ-CP", "kind": "Nghị định", "date": date(2020, 1, 17),
        "issuer": "Chính phủ", "summary": "Kinh doanh vận tải bằng xe ô tô", "status": "in_force",
        "effective": date(2020, 4, 1), "expired_on": date(2025, 1, 1),
    }
    values.update(changes)
    return LegalDocument.model_validate(values)


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (date(2020, 2, 1), "Chưa có hiệu lực"),
        (date(2020, 4, 1), "Còn hiệu lực"),
        (date(2024, 12, 31), "Còn hiệu lực"),
        (date(2025, 1, 1), "Hết hiệu lực"),
    ],
)
def test_status_follows_the_dates_on_the_build_day(today: date, status: str) -> None:
    assert doc().status_on(today) == status


def test_recorded_status_shows_when_no_date_decides() -> None:
    partly = doc(status="partly_expired", expired_on=None)
    assert partly.status_on(date(2024, 6, 1)) == "Hết hiệu lực một phần"


@pytest.mark.parametrize(
    ("number", "written"),
    [("76 / NQ-CP", "76/NQ-CP"), ("42/2022/NĐ - CP", "42/2022/NĐ-CP")],
)
def test_numbers_are_stored_without_stray_spaces(number: str, written: str) -> None:
    kind = "Nghị quyết" if "NQ" in number else "Nghị định"
    assert doc(number=number, kind=kind).number == written
