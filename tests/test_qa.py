"""Questions and answers: anonymity, working days, topics, procedures and the demo column."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generators.core.environment import make_environment
from generators.core.errors import DataErrors
from generators.core.pipeline import load_portal
from generators.core.portal import Portal
from generators.core.profile import SiteProfile
from generators.core.yamlsource import read_yaml
from generators.sections.legal.model import LEGAL
from generators.sections.questions.model import QUESTIONS, Asker, QuestionAnswer, QuestionDocument
from generators.sections.questions.pages import link_procedures, qa_feed, question_page, topics

from .conftest import ROOT
from .feedcheck import check_rss
from .test_legal_links import register

SMALL = ROOT / "tests" / "fixtures" / "good" / "question-small.yml"


@pytest.fixture(scope="module")
def demo() -> Portal:
    return load_portal(ROOT / "data", ROOT)


@pytest.mark.parametrize(
    ("asker", "shown"),
    [
        (Asker(name="Trần Văn Thắng", place="Đông Hà"), "Trần Văn Thắng (Đông Hà)"),
        (Asker(name="Trần Văn Thắng", place="Đông Hà", anonymous=True), "T.V.T. (Đông Hà)"),
        (Asker(name="Lê Thị Hoa", anonymous=True), "L.T.H."),
        (Asker(place="huyện Vĩnh Linh", anonymous=True), "Bạn đọc giấu tên (huyện Vĩnh Linh)"),
        (Asker(), "Bạn đọc"),
    ],
)
def test_askers_who_ask_for_anonymity_are_shown_by_initials(asker: Asker, shown: str) -> None:
    assert asker.describe() == shown


def small_portal() -> Portal:
    site_data, _ = read_yaml(ROOT / "data" / "site.yml", "site.yml")
    data, _ = read_yaml(SMALL, "question-small.yml")
    question = QuestionAnswer("doi-giay-phep-lai-xe", QuestionDocument.model_validate(data), 5)
    site = SiteProfile.model_validate(site_data)
    return Portal(site=site, parts={QUESTIONS: [question], LEGAL: register()})


def test_question_page_names_an_anonymous_asker_by_initials_only() -> None:
    portal = small_portal()
    page = question_page(make_environment(ROOT / "templates"), portal, portal[QUESTIONS][0])
    assert page.path == "hoi-dap/doi-giay-phep-lai-xe/"
    assert page.cites == ("45-2020-nd-cp",)
    assert "Trần Văn Thắng" not in page.html and "T.V.T." in page.html


def test_the_answer_feed_never_names_an_anonymous_asker() -> None:
    feed = qa_feed(small_portal())
    assert feed is not None
    from generators.core.feeds import render_feed

    data = render_feed(feed, "https://sgtvt.quangtri.gov.vn/cchc/")
    check_rss(data, "https://sgtvt.quangtri.gov.vn/cchc/hoi-dap/rss.xml")
    text = data.decode("utf-8")
    assert "Trần Văn Thắng" not in text and "T.V.T." in text
    assert "https://sgtvt.quangtri.gov.vn/cchc/van-ban/45-2020-nd-cp/" in text


def test_procedure_codes_link_only_where_the_catalogue_has_a_page() -> None:
    refs = link_procedures(["1.002804", "1.012753.H19"], {"1.002804": "thu-tuc/doi-gplx/"})
    assert [(r.code, r.path) for r in refs] == [
        ("1.002804", "thu-tuc/doi-gplx/"),
        ("1.012753.H19", None),
    ]


def test_working_days_of_the_demo_answers(demo: Portal) -> None:
    days = {q.slug: q.working_days for q in demo[QUESTIONS]}
    assert days["nop-le-phi-bang-chuyen-khoan"] == 5  # 05/02 → 19/02/2024, across Tết
    assert days["giay-phep-kinh-doanh-van-tai-xe-hop-dong"] == 4  # across 30/4–1/5
    assert days["giay-phep-lai-xe-qua-han"] == 4  # across Giỗ Tổ 18/4/2024
    assert days["thoi-han-phu-hieu-xe-hop-dong"] == 3  # across Quốc khánh
    assert days["tra-cuu-tien-do-ho-so"] is None  # pending


def test_demo_column_has_pending_questions_and_four_topics(demo: Portal) -> None:
    pending = [q.slug for q in demo[QUESTIONS] if not q.doc.is_answered]
    assert sorted(pending) == ["tra-cuu-tien-do-ho-so", "xe-khach-tuyen-co-dinh-don-tra-khach"]
    assert [t.title for t in topics(demo[QUESTIONS])] == [
        "Dịch vụ công trực tuyến",
        "Giấy phép lái xe",
        "Kinh doanh vận tải",
        "Thanh toán không dùng tiền mặt",
    ]
    assert len(demo[QUESTIONS]) >= 12


def test_a_topic_spelt_two_ways_is_an_error(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "hoi-dap").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "site.yml", data / "site.yml")
    shutil.copy(SMALL, data / "hoi-dap" / "cau-hoi-mot.yml")
    other = SMALL.read_text(encoding="utf-8").replace(
        "topic: Giấy phép lái xe", "topic: giấy phép lái  xe"
    )
    (data / "hoi-dap" / "cau-hoi-hai.yml").write_text(other, encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_portal(data, tmp_path)
    [error] = caught.value.errors
    # Files are read in name order: "cau-hoi-hai" sets the spelling, "cau-hoi-mot" differs.
    assert error.file == "data/hoi-dap/cau-hoi-mot.yml"
    assert "«Giấy phép lái xe» viết khác với «giấy phép lái  xe»" in error.message
    assert error.field == "topic" and error.line == 3
