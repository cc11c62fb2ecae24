"""Hotlines: vCards phones can import, QR codes that dial, the directory's checks."""

from __future__ import annotations

import re

import pytest
import segno

from generators.core.pipeline import load_portal
from generators.core.qr import qr_svg
from generators.core.yamlsource import read_yaml
from generators.sections.hotlines.model import HOTLINES, HotlineDirectory
from generators.sections.hotlines.vcard import fold, render_vcard

from .conftest import ROOT

SMALL = ROOT / "tests" / "fixtures" / "good" / "hotlines-small.yml"


def directory() -> HotlineDirectory:
    return HotlineDirectory.model_validate(read_yaml(SMALL, "hotlines-small.yml")[0])


def unfold(card: str) -> list[str]:
    return card.replace("\r\n ", "").split("\r\n")


def test_vcard_lines_end_in_crlf_and_fold_at_75_octets() -> None:
    card = render_vcard(directory().units[0], "Sở Giao thông vận tải tỉnh Quảng Trị", "https://x/")
    text = card.decode("utf-8")
    assert text.endswith("END:VCARD\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    lines = unfold(text)
    assert lines[:2] == ["BEGIN:VCARD", "VERSION:3.0"]
    assert "TEL;TYPE=WORK,VOICE:+842333852402" in lines
    assert "TEL;TYPE=WORK,CELL:+84912345678" in lines
    assert "ORG:Sở Giao thông vận tải tỉnh Quảng Trị;Văn phòng Sở Giao thông vận tải" in lines
    note = next(line for line in lines if line.startswith("NOTE:"))
    assert "Phản ánh\\, kiến nghị" in note and "\\nThời gian tiếp nhận" in note


def test_a_national_hotline_is_not_filed_under_the_agency() -> None:
    card = render_vcard(directory().units[1], "Sở Giao thông vận tải tỉnh Quảng Trị", "https://x/")
    lines = unfold(card.decode("utf-8"))
    assert "ORG:Cảnh sát phản ứng nhanh" in lines and "TEL;TYPE=WORK,VOICE:113" in lines


@pytest.mark.parametrize("text", ["ĐƯỜNG DÂY NÓNG " * 10, "a" * 200, "ư" * 80])
def test_folding_never_splits_a_character(text: str) -> None:
    parts = fold(text)
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == text
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)


def test_qr_code_encodes_the_tel_link_and_has_a_name() -> None:
    svg = str(qr_svg("tel:+842333852402", "Mã QR để gọi số 0233 3852 402"))
    assert svg.startswith('<svg role="img" aria-label="Mã QR để gọi số 0233 3852 402"')
    assert "<script" not in svg and "xmlns" not in svg
    assert "<path" in svg and 'fill="#fff"' in svg  # dark modules on a white background
    size = int(re.search(r'width="(\d+)"', svg).group(1))  # type: ignore[union-attr]
    # Scale 3 and the standard 4-module quiet zone around the symbol segno encodes.
    symbol = segno.make("tel:+842333852402", error="m", micro=False)
    assert size == 3 * (symbol.symbol_size(border=4)[0])
    assert svg != str(qr_svg("tel:113", "Mã QR để gọi số 113"))


def test_featured_numbers_feed_the_box_on_every_page() -> None:
    assert [(u.display_name, p.number) for u, p in directory().featured()] == [
        ("Văn phòng Sở", "0233 3852 402")
    ]


def test_demo_directory_has_the_agency_province_national_and_emergency_numbers() -> None:
    portal = load_portal(ROOT / "data", ROOT)
    assert portal[HOTLINES] is not None
    numbers = {p.parsed.national for u in portal[HOTLINES].units for p in u.phones}
    assert {"02333852402", "1022", "18001096", "113", "114", "115"} <= numbers
    categories = [c for c, _, _ in portal[HOTLINES].by_category()]
    assert categories == ["co-quan", "tinh", "toan-quoc", "khan-cap"]
