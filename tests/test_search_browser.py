"""Search in a real browser on the built demo site: what citizens type finds what they need.

Each query names a page that must be among the first five results. Queries come with and
without diacritics, in upper and lower case, and as document numbers and task numbers; the
second table (AS_TYPED) holds queries written as people type them: either spelling of i/y,
either tone placement, everyday words and abbreviations of data/tu-dong-nghia.yml, codes with
and without dots, a last word still being typed, and every section with pages.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from generators.search.records import TYPE_LABELS

from .browser import CHROMIUM_FLAGS, SITE_PATH, chromium_path, serve

pytestmark = pytest.mark.browser

N24 = "tin-tuc/2024/"
PLAN_000 = "ke-hoach/ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri/"
PLAN_004 = "ke-hoach/ke-hoach-nang-cao-chi-so-cchc-2024-sgtvt/"

LICENCE = "thu-tuc/doi-giay-phep-lai-xe-do-nganh-gtvt-cap/"

QUERIES: list[tuple[str, str]] = [
    ("đường dây nóng", "duong-day-nong/"),
    ("duong day nong", "duong-day-nong/"),
    ("ĐƯỜNG DÂY NÓNG", "duong-day-nong/"),
    ("công khai đường dây nóng", f"{N24}cong-khai-duong-day-nong-tiep-nhan-phan-anh-kien-nghi/"),
    ("1022", "duong-day-nong/#tong-dai-dich-vu-cong-tinh-quang-tri"),
    ("cấp đổi giấy phép lái xe", LICENCE),
    # Without diacritics; "nganh" singles out this procedure now that its video guide (next
    # case) ranks among the five for the bare "doi giay phep lai xe".
    ("doi giay phep lai xe nganh giao thong", LICENCE),
    ("nop ho so doi giay phep lai xe truc tuyen",
     "video-huong-dan/nop-ho-so-doi-giay-phep-lai-xe-truc-tuyen/"),
    ("trac nghiem cai cach hanh chinh", "trac-nghiem/tim-hieu-cai-cach-hanh-chinh-2024/"),
    ("1.002804", LICENCE),
    ("1.002859", "thu-tuc/cap-phu-hieu-xe-kinh-doanh-van-tai/"),
    ("dang ky phuong tien thuy noi dia lan dau",
     "thu-tuc/dang-ky-lan-dau-phuong-tien-thuy-noi-dia/"),
    ("76/NQ-CP", "van-ban/76-nq-cp/"),
    ("45/2020/NĐ-CP", "van-ban/45-2020-nd-cp/"),
    ("45/2020/nd-cp", "van-ban/45-2020-nd-cp/"),
    ("giay phep lai xe quoc te", "hoi-dap/giay-phep-lai-xe-quoc-te/"),
    ("giay phep lai xe truc tuyen", f"{N24}huong-dan-cap-doi-giay-phep-lai-xe-truc-tuyen/"),
    ("thanh toan khong tien mat", f"{N24}huong-dan-thanh-toan-phi-le-phi-khong-dung-tien-mat/"),
    ("bưu chính công ích", f"{N24}nhan-ket-qua-thu-tuc-hanh-chinh-qua-dich-vu-buu-chinh-cong-ich/"),
    ("buu chinh cong ich", f"{N24}nhan-ket-qua-thu-tuc-hanh-chinh-qua-dich-vu-buu-chinh-cong-ich/"),
    ("1163/KH-SGTVT", PLAN_004),
    ("1163/kh-sgtvt", PLAN_004),
    ("80,36", PLAN_004),
    ("PAR INDEX 2023", f"{N24}ke-hoach-nang-cao-chi-so-cai-cach-hanh-chinh-nam-2024/"),
    ("Cửa Lò", "ke-hoach/ke-hoach-tuyen-truyen-cchc-2024-ubnd-cua-lo/"),
    ("cua lo", "ke-hoach/ke-hoach-tuyen-truyen-cchc-2024-ubnd-cua-lo/"),
    ("giảm hồ sơ trễ hẹn", "ke-hoach/ke-hoach-tuyen-truyen-cchc-2024-ubnd-cua-lo/"),
    ("PCI DDCI Hà Tĩnh", "ke-hoach/ke-hoach-tuyen-truyen-cchc-pci-ddci-2024-stnmt-ha-tinh/"),
    ("khoa hoc cong nghe can tho", "ke-hoach/ke-hoach-tuyen-truyen-cchc-2024-skhcn-can-tho/"),
    ("2.11", f"{PLAN_000}#2.11"),
    ("pa nô áp phích", f"{PLAN_000}#2.7"),
    ("ISO 9001", f"{N24}duy-tri-cai-tien-he-thong-quan-ly-chat-luong-iso-9001-2015/"),
    ("sáng kiến", f"{N24}hai-giai-phap-cai-cach-hanh-chinh-duoc-cong-nhan-sang-kien-2024/"),
    ("cuoc thi tim hieu cai cach hanh chinh",
     f"{N24}phat-dong-cuoc-thi-truc-tuyen-tim-hieu-cai-cach-hanh-chinh-2024/"),
    ("đối thoại doanh nghiệp vận tải",
     f"{N24}doi-thoai-voi-doanh-nghiep-van-tai-cai-thien-chi-so-pci/"),
    ("thủ tục bãi bỏ đường thủy nội địa",
     f"{N24}thu-tuc-hanh-chinh-bi-bai-bo-sua-doi-linh-vuc-duong-thuy-noi-dia/"),
]


INTL = "thu-tuc/cap-giay-phep-lai-xe-quoc-te/"
AGAIN = "thu-tuc/cap-lai-giay-phep-lai-xe/"
FERRY = "thu-tuc/cong-bo-hoat-dong-ben-khach-ngang-song/"
BOAT = "thu-tuc/dang-ky-lan-dau-phuong-tien-thuy-noi-dia/"
CAR_MOD = "thu-tuc/cap-giay-chung-nhan-chat-luong-xe-co-gioi-cai-tao/"
BADGE = "thu-tuc/cap-phu-hieu-xe-kinh-doanh-van-tai/"
TEST_LIC = "thu-tuc/sat-hach-cap-giay-phep-lai-xe/"
ABOUT = "gioi-thieu/"

# (query, page that must be in the first five, what the query tries)
AS_TYPED: list[tuple[str, str, str]] = [
    # i/y spelling variants
    ("kỹ thuật xe cơ giới cải tạo", CAR_MOD, "i/y"),
    ("kĩ thuật xe cơ giới cải tạo", CAR_MOD, "i/y"),
    ("ki thuat xe co gioi cai tao", CAR_MOD, "không dấu"),
    ("lí thuyết sát hạch lái xe", TEST_LIC, "i/y"),
    ("tỉ lệ hồ sơ đúng hạn", "ke-hoach/ke-hoach-nang-cao-chi-so-cchc-2024-sgtvt/#3.4.1", "i/y"),
    ("kỉ luật kỉ cương hành chính",
     f"{N24}quan-triet-ky-luat-ky-cuong-hanh-chinh-va-van-hoa-cong-vu/", "i/y"),
    ("ki luat ki cuong",
     f"{N24}quan-triet-ky-luat-ky-cuong-hanh-chinh-va-van-hoa-cong-vu/", "không dấu"),
    # tone placement
    ("đường thuỷ nội địa", BOAT, "vị trí dấu"),
    ("đăng ký phương tiện thuỷ nội địa lần đầu", BOAT, "vị trí dấu"),
    ("số hoá hồ sơ",
     f"{N24}day-manh-so-hoa-ho-so-ket-qua-giai-quyet-thu-tuc-hanh-chinh/", "vị trí dấu"),
    ("sức khoẻ người lái xe", TEST_LIC, "vị trí dấu"),
    ("uỷ ban nhân dân thị xã Cửa Lò",
     "ke-hoach/ke-hoach-tuyen-truyen-cchc-2024-ubnd-cua-lo/", "vị trí dấu"),
    # synonyms and everyday words
    ("bằng lái quốc tế", INTL, "đồng nghĩa"),
    ("bang lai quoc te", INTL, "đồng nghĩa, không dấu"),
    ("làm lại bằng lái", AGAIN, "đồng nghĩa"),
    ("lam lai bang lai", AGAIN, "đồng nghĩa, không dấu"),
    ("đổi bằng lái online", "hoi-dap/doi-giay-phep-lai-xe-truc-tuyen/", "đồng nghĩa"),
    ("nộp hồ sơ qua mạng có phải nộp bản giấy",
     "hoi-dap/nop-truc-tuyen-co-phai-nop-ban-giay/", "đồng nghĩa"),
    ("hotline", "duong-day-nong/", "đồng nghĩa"),
    ("bưu điện",
     f"{N24}nhan-ket-qua-thu-tuc-hanh-chinh-qua-dich-vu-buu-chinh-cong-ich/", "đồng nghĩa"),
    ("chuyển khoản lệ phí", "hoi-dap/nop-le-phi-bang-chuyen-khoan/", "đồng nghĩa"),
    ("bến đò", FERRY, "đồng nghĩa"),
    ("ben do", FERRY, "đồng nghĩa, không dấu"),
    ("xe hơi kinh doanh vận tải",
     "thu-tuc/cap-giay-phep-kinh-doanh-van-tai-bang-xe-o-to/", "đồng nghĩa"),
    ("mất bao lâu đổi giấy phép lái xe", LICENCE, "đồng nghĩa"),
    ("lệ phí cấp giấy phép lái xe quốc tế bao nhiêu tiền", INTL, "đồng nghĩa"),
    ("một cửa",
     "duong-day-nong/#bo-phan-tiep-nhan-va-tra-ket-qua-cua-so-tai-trung-tam-phuc-vu-hanh-chinh-cong",
     "đồng nghĩa"),
    ("chỉ số hài lòng", "chi-so/#sipas", "đồng nghĩa"),
    # abbreviations
    ("GPLX quân sự", "thu-tuc/doi-giay-phep-lai-xe-quan-su/", "viết tắt"),
    ("DVC toàn trình", "ap-phich/ap-phich-dich-vu-cong-truc-tuyen/", "viết tắt"),
    ("TTHC bị bãi bỏ",
     f"{N24}thu-tuc-hanh-chinh-bi-bai-bo-sua-doi-linh-vuc-duong-thuy-noi-dia/", "viết tắt"),
    ("PAKN", f"{N24}ket-qua-tiep-nhan-xu-ly-phan-anh-kien-nghi-nam-2024/", "viết tắt"),
    ("CCCD", "hoi-dap/nop-ho-so-truc-tuyen-tai-khoan-vneid/", "viết tắt"),
    ("UBND Cửa Lò", "ke-hoach/ke-hoach-tuyen-truyen-cchc-2024-ubnd-cua-lo/", "viết tắt"),
    ("SIPAS", "chi-so/#sipas", "viết tắt"),
    ("nghị định 45/2020", "van-ban/45-2020-nd-cp/", "viết tắt"),
    # codes and numbers, with and without separators
    ("1002804", LICENCE, "mã không dấu chấm"),
    ("1.002809", AGAIN, "mã có dấu chấm"),
    ("1002809", AGAIN, "mã không dấu chấm"),
    ("1.003874", FERRY, "mã có dấu chấm"),
    ("1003874", FERRY, "mã không dấu chấm"),
    ("211", "ke-hoach/ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri/#2.11", "mã không dấu chấm"),
    ("45 2020 nd cp", "van-ban/45-2020-nd-cp/", "số văn bản"),
    ("1163 KH SGTVT", "van-ban/1163-kh-sgtvt/", "số văn bản"),
    # the last word as the beginning of a word
    ("đường dây nón", "duong-day-nong/", "tiền tố"),
    ("phù hiệ", BADGE, "tiền tố"),
    ("liên vận việt nam lào cho phương tiệ",
     "thu-tuc/cap-giay-phep-lien-van-viet-lao-cho-phuong-tien/", "tiền tố"),
    ("thuyền trưởng máy trưở",
     "thu-tuc/cap-giay-chung-nhan-kha-nang-chuyen-mon-thuyen-truong-may-truong-hang-ba/",
     "tiền tố"),
    ("tuyen van tai hanh khach co din",
     "thu-tuc/dang-ky-khai-thac-tuyen-van-tai-hanh-khach-co-dinh/", "tiền tố"),
    ("100280", LICENCE, "tiền tố"),
    # prints
    ("tích cực sử dụng dịch vụ công trực tuyến",
     "ap-phich/bang-ron-dich-vu-cong-truc-tuyen/", "ấn phẩm"),
    ("áp phích đường dây nóng", "ap-phich/ap-phich-duong-day-nong/", "ấn phẩm"),
    ("to gap dich vu cong", "ap-phich/to-gap-dich-vu-cong-truc-tuyen/", "ấn phẩm"),
    ("pa nô giảm hồ sơ trễ hẹn", "ap-phich/pa-no-giam-ho-so-tre-hen/", "ấn phẩm"),
    ("chủ đề năm 2024", "ap-phich/chu-de-nam-2024/", "ấn phẩm"),
    # the index dashboard
    ("PAPI", "chi-so/#papi", "chỉ số"),
    ("DDCI", "chi-so/#ddci", "chỉ số"),
    ("chỉ số PAR INDEX", "chi-so/#par-index", "chỉ số"),
    ("nang luc canh tranh cap tinh", "chi-so/#pci", "chỉ số"),
    # reports
    ("báo cáo kết quả kế hoạch tuyên truyền",
     "bao-cao/ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri/", "báo cáo"),
    ("bao cao nang cao chi so cai cach hanh chinh",
     "bao-cao/ke-hoach-nang-cao-chi-so-cchc-2024-sgtvt/", "báo cáo"),
    # the About page
    ("giới thiệu", ABOUT, "giới thiệu"),
    ("co cau to chuc cua so", f"{ABOUT}#co-cau-to-chuc", "giới thiệu"),
    ("cơ cấu tổ chức", f"{ABOUT}#co-cau-to-chuc", "giới thiệu"),
    ("chức năng nhiệm vụ của sở", ABOUT, "giới thiệu"),
    # long everyday questions
    ("tôi muốn đổi giấy phép lái xe thì cần làm những thủ tục gì", LICENCE, "câu dài"),
    ("giấy phép lái xe bị quá hạn thì làm sao", "hoi-dap/giay-phep-lai-xe-qua-han/", "câu dài"),
    ("ghe đò chở khách qua sông", FERRY, "câu dài"),
]


@pytest.fixture(scope="module")
def browser(built_site: Path) -> Iterator[tuple[Browser, str]]:
    with serve(built_site) as url, sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield chromium, url
        chromium.close()


@pytest.fixture(scope="module")
def page(browser: tuple[Browser, str]) -> Iterator[Page]:
    chromium, url = browser
    tab = chromium.new_page(viewport={"width": 375, "height": 740})
    tab.base = url  # type: ignore[attr-defined]
    yield tab
    tab.close()


def results(page: Page, query: str, kind: str = "") -> list[str]:
    """The result links of `query`, typed in the search page's form and submitted (the page is
    loaded once, as a citizen searching several times would keep it)."""
    base = page.base  # type: ignore[attr-defined]
    if not page.url.startswith(f"{base}tim-kiem/"):
        page.goto(f"{base}tim-kiem/")
    page.evaluate(
        "([q, k]) => { const form = document.querySelector('[data-cchc-search]');"
        " form.elements.q.value = q; form.elements.loai.value = k;"
        " document.querySelector('[data-cchc-search-status]').textContent = '';"
        " form.requestSubmit(); }",
        [query, kind],
    )
    page.wait_for_function(
        "() => { const s = document.querySelector('[data-cchc-search-status]').textContent;"
        " return s && !s.startsWith('Đang'); }"
    )
    hrefs = page.eval_on_selector_all(".cchc-result__title", "els => els.map(e => e.href)")
    return [urlparse(h).path.removeprefix(f"/{SITE_PATH}/") + (f"#{urlparse(h).fragment}"
            if urlparse(h).fragment else "") for h in hrefs]


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[q for q, _ in QUERIES])
def test_query_finds_the_page_in_the_first_five(page: Page, query: str, expected: str) -> None:
    found = results(page, query)
    assert expected in found[:5], found[:5]


@pytest.mark.parametrize(("query", "expected", "tries"), AS_TYPED,
                         ids=[f"{t}: {q}" for q, _, t in AS_TYPED])
def test_query_as_typed_finds_the_page_in_the_first_five(
    page: Page, query: str, expected: str, tries: str
) -> None:
    found = results(page, query)
    assert expected in found[:5], found[:5]


def test_the_table_covers_every_kind_of_query_and_every_section() -> None:
    tries = {t for _, _, t in AS_TYPED}
    assert {"i/y", "vị trí dấu", "không dấu", "đồng nghĩa", "viết tắt", "mã có dấu chấm",
            "mã không dấu chấm", "số văn bản", "tiền tố", "câu dài"} <= tries
    sections = {expected.split("/", 1)[0] for _, expected, _ in AS_TYPED}
    assert {"thu-tuc", "tin-tuc", "hoi-dap", "ke-hoach", "van-ban", "duong-day-nong", "ap-phich",
            "chi-so", "bao-cao", "gioi-thieu"} <= sections
    assert len(AS_TYPED) >= 60


FOLDING = json.loads((Path(__file__).parent / "search_folding.json").read_text(encoding="utf-8"))


def test_the_page_folds_words_as_the_build_does(page: Page) -> None:
    """The same table as tests/test_search.py, through the page's own cchc-search.js."""
    base = page.base  # type: ignore[attr-defined]
    page.goto(f"{base}tim-kiem/")
    forms = page.evaluate(
        "words => words.map(w => { const t = cchcSearch.words(w)[0];"
        " return [cchcSearch.normal(t), cchcSearch.fold(t)]; })",
        [w for w, _, _ in FOLDING["forms"]],
    )
    assert forms == [[n, f] for _, n, f in FOLDING["forms"]]
    same = page.evaluate("pairs => pairs.map(([a, b]) => cchcSearch.normal(a) === "
                         "cchcSearch.normal(b) && cchcSearch.fold(a) === cchcSearch.fold(b))",
                         FOLDING["same"])
    assert all(same), [p for p, ok in zip(FOLDING["same"], same, strict=True) if not ok]
    different = page.evaluate("pairs => pairs.map(([a, b]) => cchcSearch.normal(a) !== "
                              "cchcSearch.normal(b))", FOLDING["different"])
    assert all(different)


def test_a_query_naming_a_procedure_puts_that_procedure_first(page: Page) -> None:
    assert results(page, "đổi giấy phép lái xe do ngành giao thông vận tải cấp")[0] == LICENCE
    assert results(page, "cấp giấy phép lái xe quốc tế")[0] == INTL
    assert results(page, "cap phu hieu xe")[0] == BADGE
    assert results(page, "1.002804")[0] == LICENCE
    # «thủ tục» names the type: procedures before the news and answers about them.
    first = results(page, "thủ tục cấp đổi giấy phép lái xe")[:3]
    assert all(url.startswith("thu-tuc/doi-giay-phep-lai-xe") for url in first), first


def test_a_number_puts_the_item_it_names_first(page: Page) -> None:
    assert results(page, "1163/KH-SGTVT")[0] == "van-ban/1163-kh-sgtvt/"
    assert results(page, "76/NQ-CP")[0] == "van-ban/76-nq-cp/"


def test_a_long_question_with_unknown_words_still_finds_the_best_partial_matches(
    page: Page,
) -> None:
    # The procedure lacks «sang» and «dân»; pages holding every word come first, then it.
    found = results(page, "xin hỏi đổi giấy phép lái xe quân sự sang dân sự thế nào ạ")
    assert "thu-tuc/doi-giay-phep-lai-xe-quan-su/" in found[:3]
    # A word no page holds: the status says so, and the best pages still come.
    found = results(page, "đổi giấy phép lái xe quân sự ngoằnngoèo")
    assert found[0] == "thu-tuc/doi-giay-phep-lai-xe-quan-su/"
    status = page.text_content("[data-cchc-search-status]") or ""
    assert status.startswith("Không có trang nào chứa đủ các từ") and found_count(page) > 0


def test_synonyms_are_said_and_cost_one_small_file(browser: tuple[Browser, str]) -> None:
    chromium, url = browser
    tab = chromium.new_page()
    fetched: list[tuple[str, int]] = []
    tab.on("response", lambda r: fetched.append((r.url, len(r.body()))))
    tab.goto(f"{url}tim-kiem/?q={quote('CCCD')}", wait_until="networkidle")
    status = tab.text_content("[data-cchc-search-status]") or ""
    tab.close()
    assert "Tìm cả: căn cước công dân" in status
    synonym_files = [size for u, size in fetched if u.endswith("/tu-dong-nghia.json")]
    assert len(synonym_files) == 1 and synonym_files[0] < 8_000


def test_results_come_while_typing(page: Page) -> None:
    base = page.base  # type: ignore[attr-defined]
    page.goto(f"{base}tim-kiem/")
    page.locator("#cchc-q").press_sequentially("cấp phù hiệ", delay=20)
    page.wait_for_selector(".cchc-result")
    assert page.locator(".cchc-result__title").first.get_attribute("href") == f"../{BADGE}"
    assert "q=" in page.url  # the address follows, so the list can be shared


def more_button_shown(page: Page) -> bool:
    return page.locator("[data-cchc-search-more]").is_visible()


def test_more_results_button_shows_only_when_there_are_more(page: Page) -> None:
    results(page, "xyzqv wqzzy")
    assert found_count(page) == 0 and not more_button_shown(page)
    results(page, "1.002804")
    assert 0 < found_count(page) <= 10 and not more_button_shown(page)
    results(page, "cai cach hanh chinh")
    assert found_count(page) > 10 and more_button_shown(page)
    while page.locator(".cchc-result").count() < found_count(page):
        shown = page.locator(".cchc-result").count()
        page.click("[data-cchc-search-more]")
        page.wait_for_function(f"() => document.querySelectorAll('.cchc-result').length > {shown}")
    assert not more_button_shown(page)  # after the last result


def test_filtered_out_rows_stay_hidden_on_a_phone(page: Page) -> None:
    """The phone card layout gives table rows `display: block`; `hidden` must still win."""
    base = page.base  # type: ignore[attr-defined]
    page.goto(f"{base}van-ban/")
    select = page.locator("form[data-cchc-filter] select").first
    values = select.evaluate("s => Array.from(s.options).map(o => o.value).filter(Boolean)")
    select.select_option(values[0])
    rows = page.locator("#cchc-legal-list tbody tr")
    hidden = [rows.nth(i) for i in range(rows.count())
              if rows.nth(i).get_attribute("hidden") is not None]
    assert hidden and not any(row.is_visible() for row in hidden)


def test_a_query_with_diacritics_ranks_exact_words_first(page: Page) -> None:
    found = results(page, "đặt")
    texts = page.eval_on_selector_all(".cchc-result mark", "els => els.map(e => e.textContent)")
    assert found and texts
    first = page.eval_on_selector_all(
        ".cchc-result:first-child mark", "els => els.map(e => e.textContent.toLowerCase())"
    )
    assert "đặt" in first


def found_count(page: Page) -> int:
    status = page.text_content("[data-cchc-search-status]") or ""
    match = re.search(r"(\d+) kết quả", status)
    return int(match.group(1)) if match else 0


def test_results_can_be_filtered_by_type(page: Page) -> None:
    results(page, "cai cach hanh chinh")
    everything = found_count(page)
    plans_only = results(page, "cai cach hanh chinh", kind="ke-hoach")
    assert plans_only and all(url.startswith("ke-hoach/") for url in plans_only)
    assert 0 < found_count(page) < everything


def test_results_come_ten_at_a_time(page: Page) -> None:
    first = results(page, "cai cach hanh chinh")
    assert len(first) == 10 and found_count(page) > 10
    page.click("[data-cchc-search-more]")
    page.wait_for_function("() => document.querySelectorAll('.cchc-result').length > 10")
    shown = page.locator(".cchc-result").count()
    assert shown == min(20, found_count(page))
    focused = page.evaluate("document.activeElement.closest('.cchc-result') !== null")
    assert focused  # keyboard users land on the first new result


def test_results_show_type_title_date_and_highlighted_excerpt(page: Page) -> None:
    results(page, "thanh toán không tiền mặt")
    labels = set(TYPE_LABELS.values())
    for result in page.locator(".cchc-result").all():
        assert result.locator(".cchc-result__kind").text_content() in labels
        assert result.locator(".cchc-result__title").get_attribute("href")
    dated = page.locator(".cchc-result:has(time)").first
    assert dated.locator("time").get_attribute("datetime")
    assert page.locator(".cchc-result__excerpt mark").count() >= 1


def test_search_downloads_little_and_only_from_the_site(browser: tuple[Browser, str]) -> None:
    chromium, url = browser
    tab = chromium.new_page()
    sizes: list[tuple[str, int]] = []
    tab.on("response", lambda r: sizes.append((r.url, len(r.body()))))
    tab.goto(f"{url}tim-kiem/?q={quote('giấy phép lái xe')}", wait_until="networkidle")
    tab.close()
    host = urlparse(url).netloc
    assert all(urlparse(u).netloc == host for u, _ in sizes)
    index_bytes = sum(size for u, size in sizes if "/tim-kiem/index/" in u)
    assert 0 < index_bytes < 300_000


def test_the_banner_search_box_leads_to_the_results(page: Page) -> None:
    base = page.base  # type: ignore[attr-defined]
    page.goto(base)
    page.fill("#cchc-banner-q", "duong day nong")
    page.keyboard.press("Enter")
    page.wait_for_url("**/tim-kiem/?q=duong+day+nong")
    page.wait_for_selector(".cchc-result")
    assert page.locator(".cchc-result").count() > 0
