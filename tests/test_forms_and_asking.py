"""Procedure forms as files, the filing link, and how a citizen sends a question (issue 17,
items 9 and 10)."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from generators.core.asking import QuestionChannel, ask_link, mailto
from generators.core.errors import DataErrors
from generators.core.pipeline import load_portal
from generators.core.portal import Portal
from generators.sections.procedures.forms import FORM_FILES
from generators.sections.procedures.model import PROCEDURES
from generators.vietnamese.numbers import format_file_size

from .conftest import ROOT, parse


def test_mailto_percent_encodes_every_character_that_could_end_the_subject() -> None:
    subject = "Hỏi về thủ tục 1.002804: A & B? 100% #1\nBcc: x@example.com"
    href = mailto("vanphong.sgtvt@quangtri.gov.vn", subject, "Dòng 1\nDòng 2")
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and parts.path == "vanphong.sgtvt@quangtri.gov.vn"
    assert parts.fragment == ""  # the # of the subject did not cut the URL
    query = parse_qs(parts.query, keep_blank_values=True)
    assert set(query) == {"subject", "body"}  # no header smuggled in by "&" or a new line
    assert unquote(href.split("subject=")[1].split("&")[0]) == subject
    assert query["body"] == ["Dòng 1\r\nDòng 2"]
    assert " " not in href and "\n" not in href


def test_the_prefilled_mail_names_what_it_is_about() -> None:
    channel = QuestionChannel(unit="Văn phòng Sở", email="vp@example.gov.vn")
    link = ask_link(channel, "Hỏi về thủ tục 1.002804", "thủ tục Đổi giấy phép lái xe")
    body = parse_qs(urlsplit(link.href).query)["body"][0]
    assert body.startswith("Về: thủ tục Đổi giấy phép lái xe\r\n")
    assert "Nội dung câu hỏi:" in body


@pytest.mark.parametrize("page", [
    "hoi-dap/index.html",
    "hoi-dap/giay-phep-lai-xe-quoc-te/index.html",
    "thu-tuc/doi-giay-phep-lai-xe-do-nganh-gtvt-cap/index.html",
])
def test_qa_and_procedure_pages_say_how_to_send_a_question(
    built_site: Path, portal: Portal, page: str
) -> None:
    tree = parse(built_site / page)
    [box] = tree.xpath("//section[@data-cchc-ask]")
    text = box.text_content()
    assert "không nhận câu hỏi trực tiếp" in text
    questions = portal.site.questions
    assert questions is not None and questions.national is not None
    [mail] = box.xpath(".//a[@data-cchc-mailto]/@href")
    assert urlsplit(mail).path == questions.email
    assert questions.national.url in box.xpath(".//a/@href")


def test_a_procedure_mail_carries_its_code_and_page(built_site: Path, portal: Portal) -> None:
    slug = "doi-giay-phep-lai-xe-do-nganh-gtvt-cap"
    [procedure] = [p for p in portal[PROCEDURES] if p.slug == slug]
    tree = parse(built_site / "thu-tuc" / procedure.slug / "index.html")
    [mail] = tree.xpath("//a[@data-cchc-mailto]/@href")
    query = parse_qs(urlsplit(mail).query)
    assert procedure.doc.code in query["subject"][0]
    assert f"{portal.site.url}thu-tuc/{procedure.slug}/" in query["body"][0]


def test_form_files_are_listed_with_their_format_and_real_size(
    built_site: Path, portal: Portal
) -> None:
    files = portal[FORM_FILES]
    with_files = {
        p.slug for p in portal[PROCEDURES]
        if any(f.file for d in p.doc.documents for f in d.forms)
    }
    assert len(with_files) >= 2
    for slug in with_files:
        tree = parse(built_site / "thu-tuc" / slug / "index.html")
        for link in tree.xpath("//a[@data-cchc-form-size]"):
            target = (built_site / "thu-tuc" / slug / link.get("href")).resolve()
            size = target.stat().st_size
            assert int(link.get("data-cchc-form-size")) == size
            form = next(f for f in files.values() if target.as_posix().endswith(f.path))
            assert form.size == size
            shown = link.getnext().text_content()
            assert shown.startswith(f"({form.format}, {format_file_size(size)}")
            assert (ROOT / "content" / form.path).read_bytes() == target.read_bytes()


def test_an_oversized_form_file_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    form = content / "thu-tuc" / "mau" / "don-de-nghi-doi-cap-lai-giay-phep-lai-xe.pdf"
    with form.open("r+b") as handle:
        handle.truncate(6 * 1000 * 1000)  # sparse: no 6 MB written to disk
    with pytest.raises(DataErrors) as caught:
        load_portal(data, tmp_path, content_dir=content)
    [error] = caught.value.errors
    assert error.file == "data/thu-tuc/doi-giay-phep-lai-xe-do-nganh-gtvt-cap.yml"
    assert error.field == "documents › mục 1 › forms › mục 2 › file"
    assert "6000 KB, quá giới hạn 5000 KB" in error.message


def test_the_filing_link_goes_to_the_procedures_own_page(built_site: Path, portal: Portal) -> None:
    linked = [p for p in portal[PROCEDURES] if p.doc.portal_url]
    assert len(linked) >= 2
    for procedure in linked:
        tree = parse(built_site / "thu-tuc" / procedure.slug / "index.html")
        [button] = tree.xpath("//p[contains(@class, 'cchc-tthc__online')]/a/@href")
        assert button == procedure.doc.portal_url
