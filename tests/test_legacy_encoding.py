"""Text pasted from TCVN3 (ABC) or VNI documents is found, and genuine Vietnamese never is.

The tables below are the specification: samples as they look once pasted from an old document,
with what they say; and genuine text, including the symbols a real page uses, that must pass.
"""

from __future__ import annotations

import unicodedata

import pytest

from generators.vietnamese.legacy import (
    TCVN3,
    VNI_BREVE,
    VNI_HAT,
    VNI_LETTERS,
    VNI_TONES,
    find_legacy_encoding,
    is_syllable,
    legacy_message,
)

from .conftest import ROOT

# (as pasted, encoding, how it reads): the first four are the examples of issue 9.
LEGACY = [
    ("Hµ Néi", "TCVN3", "Hà Nội"),
    ("Thñ tôc hµnh chÝnh", "TCVN3", "Thủ tục hành chính"),
    ("Haø Noäi", "VNI", "Hà Nội"),
    ("Thuû tuïc haønh chính", "VNI", "Thủ tục hành chính"),
    ("Së Giao th«ng vËn t¶i tØnh Qu¶ng TrÞ", "TCVN3", "Sở Giao thông vận tải tỉnh Quảng Trị"),
    ("Céng hßa x· héi chñ nghÜa ViÖt Nam", "TCVN3", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "TCVN3", "Độc lập - Tự do - Hạnh phúc"),
    ("B¶o Th¾ng, B¸t X¸t", "TCVN3", "Bảo Thắng, Bát Xát"),
    ("M\u00adêng Kh\u00ad¬ng", "TCVN3", "Mường Khương"),  # ư is TCVN3's soft hyphen
    ("Uû ban nh©n d©n tØnh", "TCVN3", "Uỷ ban nhân dân tỉnh"),
    ("Sôû Giao thoâng vaän taûi", "VNI", "Sở Giao thông vận tải"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "VNI", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Xin chaøo caùc baïn", "VNI", "Xin chào các bạn"),
    ("UÛY BAN NHAÂN DAÂN TÆNH", "VNI", "ỦY BAN NHÂN DÂN TỈNH"),
    ("Ñöôøng daây noùng", "VNI", "Đường dây nóng"),
    ("nhaèm naâng cao chaát löôïng", "VNI", "nhằm nâng cao chất lượng"),
]

# Genuine text that must pass: symbols a real page uses, foreign words, units, capitals.
GENUINE = [
    "© 2024 Sở Giao thông vận tải tỉnh Quảng Trị",
    "Bản quyền © Sở GTVT Quảng Trị ®",
    "Khổ A4 (210 × 297 mm), lề 5 mm",
    "«Thủ tục hành chính» và «Dịch vụ công»",
    "Trang chủ · Giới thiệu · Sơ đồ trang",
    "Diện tích 120 m², nhiệt độ 25 °C, độ dày 5 µm và 10 µm",
    "Điều 5 § 2; ½ ngày làm việc; ¼ số hồ sơ",
    "Hợp tác với Siemens AG (München) và ông José Müller",
    "Café, Hôtel, Noël, naïve, résumé: tên riêng nước ngoài",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc",
    "Ê Đê, Đắk Lắk, Kon Tum, Pleiku, Buôn Ma Thuột",
    "hoà bình, thuỷ lợi, quý khách, giữ gìn, kìa, khuya, xoong nồi",
    "Không khí, khách hàng, khó khăn, khám bệnh, khích lệ",
    "The Department of Transport of Quang Tri Province",
    "ISO 9001:2015, PAR INDEX, SIPAS, PAPI, PCI, DDCI",
]


@pytest.mark.parametrize(("pasted", "encoding", "reading"), LEGACY, ids=lambda v: str(v)[:24])
def test_legacy_text_is_found_with_its_reading(pasted: str, encoding: str, reading: str) -> None:
    found = find_legacy_encoding(f"title: Tiêu đề đúng\nsummary: {pasted}\n")
    assert found is not None
    assert found.line == 2
    assert found.encoding == encoding
    # The sample starts at the first word that cannot be Unicode ("Xin" and "Nép" can).
    assert found.sample and found.sample in pasted and pasted.endswith(found.sample[-3:])
    assert found.reading and reading.endswith(found.reading)


@pytest.mark.parametrize("text", GENUINE, ids=lambda t: t[:24])
def test_genuine_text_is_not_found(text: str) -> None:
    assert find_legacy_encoding(text) is None
    assert find_legacy_encoding("\n".join([text] * 5)) is None


def test_one_odd_word_alone_is_below_the_threshold() -> None:
    assert find_legacy_encoding("Cửa hàng Hµ") is None
    assert find_legacy_encoding("Cửa hàng Hµ Néi") is not None


def test_nothing_in_the_demo_data_and_content_is_found() -> None:
    fixtures = [p for p in (ROOT / "tests" / "fixtures").rglob("*.*") if p.suffix in (".yml", ".md")
                and "legacy" not in p.name]  # those are pasted from old fonts on purpose
    files = [*(ROOT / "data").rglob("*.yml"), *(ROOT / "content").rglob("*.md"), *fixtures]
    assert len(files) > 150
    found = {p.relative_to(ROOT).as_posix(): find_legacy_encoding(p.read_text(encoding="utf-8"))
             for p in files}
    assert {name: hit for name, hit in found.items() if hit} == {}


def test_syllables_follow_vietnamese_spelling() -> None:
    for word in ("người", "Hà", "QUỐC", "nghĩa", "khuya", "gì", "kìa", "xoong", "hoà", "tục"):
        assert is_syllable(word), word
    for word in ("chÝnh", "Néi", "tôc", "nghóa", "ca\u0301c\u0301", "kan", "ghá", "Müller"):
        assert not is_syllable(word), word


def test_the_message_says_what_it_probably_says_and_what_to_do() -> None:
    found = find_legacy_encoding("Thñ tôc hµnh chÝnh")
    assert found is not None
    message = legacy_message(found)
    assert "«Thñ tôc hµnh chÝnh», có lẽ là «Thủ tục hành chính»" in message
    assert ("dán từ văn bản dùng phông TCVN3 (ABC) hoặc VNI; hãy chuyển mã sang Unicode dựng "
            "sẵn, ví dụ bằng chức năng chuyển mã của Unikey, rồi dán lại") in message


def test_a_long_line_gives_a_short_sample() -> None:
    line = "Së Giao th«ng vËn t¶i tØnh Qu¶ng TrÞ ban hµnh kÕ ho¹ch tuyªn truyÒn c¶i c¸ch"
    found = find_legacy_encoding(line)
    assert found is not None
    assert len(found.sample) <= 40 and line.startswith(found.sample)
    assert not found.sample.endswith(" ")


# --- every demo paragraph, typed in an old font, is found ---------------------------------------

_TO_TCVN3 = {letter: legacy for legacy, letter in TCVN3.items()}
_MARKS = {"\u0300": 0, "\u0301": 1, "\u0309": 2, "\u0303": 3, "\u0323": 4}


def to_tcvn3(text: str) -> str:
    """Unicode → TCVN3; capitals with marks take the small letter's code (.VnTimeH fonts)."""
    return "".join(_TO_TCVN3.get(ch, _TO_TCVN3.get(ch.lower(), ch)) for ch in text)


def to_vni(text: str) -> str:
    """Unicode → VNI, the way the VNI keyboard typed it: base letter, then mark characters."""
    tones = list(VNI_TONES)  # ø ù û õ ï, in the order of _MARKS
    hat, breve = list(VNI_HAT), list(VNI_BREVE)  # "", then the five tones
    letters = {v: k for k, v in VNI_LETTERS.items()}
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], parts[1:]
        tone = next((_MARKS[m] for m in marks if m in _MARKS), None)
        upper = base.isupper()
        lower = unicodedata.normalize("NFC", ch.lower())
        if "\u031b" in marks:  # ơ ư
            typed = letters[unicodedata.normalize("NFC", base.lower() + "\u031b")]
            typed += tones[tone] if tone is not None else ""
        elif ch.lower() == "đ":
            typed = letters["đ"]
        elif lower in letters:  # ỉ ĩ ị ỵ
            typed = letters[lower]
        elif "\u0302" in marks:
            typed = base.lower() + hat[0 if tone is None else tone + 1]
        elif "\u0306" in marks:
            typed = base.lower() + breve[0 if tone is None else tone + 1]
        elif tone is not None and base.lower() not in "i":
            typed = base.lower() + tones[tone]
        else:
            typed = ch.lower()
        out.append(typed.upper() if upper else typed)
    return "".join(out)


def demo_lines() -> list[str]:
    """Lines of Vietnamese prose from the demo: the values an editor might have pasted."""
    lines = []
    for path in sorted((ROOT / "data").rglob("*.yml")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            text = line.split(": ", 1)[-1].strip(" -\"'")
            if len(text.split()) >= 6 and not text.isascii() and not text.startswith("#"):
                lines.append(text)
    return lines


def test_every_demo_line_typed_in_tcvn3_or_vni_is_found() -> None:
    """Each line of demo prose in which an old font changes at least three words."""
    checked = 0
    for line in demo_lines():
        for encode, name in ((to_tcvn3, "TCVN3"), (to_vni, "VNI")):
            typed = encode(line)
            if sum(a != b for a, b in zip(line.split(), typed.split(), strict=True)) < 3:
                continue
            checked += 1
            found = find_legacy_encoding(typed)
            assert found is not None, (name, line, encode(line))
            assert found.encoding == name, (line, encode(line))
            assert found.reading.lower() in line.lower(), (found, line)  # capitals: a hint
    assert checked > 1000


def test_the_encoders_of_this_test_agree_with_the_samples() -> None:
    assert to_tcvn3("Thủ tục hành chính") == "Thñ tôc hµnh chÝnh"
    assert to_vni("Thủ tục hành chính") == "Thuû tuïc haønh chính"
    assert to_vni("Hà Nội") == "Haø Noäi"

