"""The hotline page (/duong-day-nong/), a vCard per unit, and QR codes to dial each number."""

from __future__ import annotations

from urllib.parse import urljoin

from jinja2 import Environment

from ...core.empty import empty_page
from ...core.outputs import OutputFile
from ...core.pages import PageSpec, SiteSection, render_page
from ...core.portal import Portal
from ...core.qr import qr_svg
from ..questions.model import QUESTIONS
from .model import HOTLINES, HotlineDirectory, HotlineUnit
from .vcard import render_vcard

SECTION_PATH = "duong-day-nong/"
SECTION_TITLE = "Đường dây nóng"


def vcard_path(unit: HotlineUnit) -> str:
    return f"{SECTION_PATH}{unit.slug}.vcf"


def hotline_page(env: Environment, portal: Portal, directory: HotlineDirectory) -> PageSpec:
    qr_codes = {
        phone.number: qr_svg(phone.tel, f"Mã QR để gọi số {phone.number}")
        for unit in directory.units
        for phone in unit.phones
    }
    html = render_page(
        env,
        "hotlines.html",
        SECTION_PATH,
        directory=directory,
        site=portal.site,
        qr_codes=qr_codes,
        has_questions=bool(portal[QUESTIONS]),
        vcard_file=vcard_path,
    )
    return PageSpec(
        path=SECTION_PATH,
        title="Đường dây nóng tiếp nhận phản ánh, kiến nghị",
        html=html,
        description=f"Số điện thoại, email và địa chỉ tiếp nhận phản ánh, kiến nghị của người "
        f"dân, doanh nghiệp về thủ tục hành chính của {portal.site.name}.",
        kind="hotlines",
    )


def hotline_pages(env: Environment, portal: Portal) -> list[PageSpec]:
    if not portal[HOTLINES]:
        return [empty_page(env, SECTION_PATH, SECTION_TITLE,
                           "Chưa có đường dây nóng nào được công bố.")]
    return [hotline_page(env, portal, portal[HOTLINES])]


def hotline_outputs(portal: Portal) -> list[OutputFile]:
    """One vCard per unit, written next to the hotline page."""
    if portal[HOTLINES] is None:
        return []
    page_url = urljoin(portal.site.url, SECTION_PATH)
    return [
        OutputFile(
            vcard_path(unit),
            render_vcard(unit, portal.site.name, page_url),
            source=f"danh bạ «{unit.name}» (data/duong-day-nong.yml)",
        )
        for unit in portal[HOTLINES].units
    ]


def hotline_section(portal: Portal) -> SiteSection:
    return SiteSection(SECTION_TITLE, SECTION_PATH)
