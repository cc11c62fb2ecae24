"""Flat illustrations for demo news articles, drawn with Pillow (no downloads, no stock photos).

`draw_news_image()` returns the JPEG bytes of one lead image: a coloured background, a road
along the bottom edge (the transport theme of the demo agency), the article's title and
subtitle in a font with full Vietnamese coverage, and one simple motif on the right: a
document, a phone with a check mark, a bar chart, an envelope, a banner or a road sign.

Run as a script to (re)create the demo images of the news section:

    .venv/bin/python bench/images.py

which writes `content/tin-tuc/2024/anh/<name>.jpg` from `DEMO_IMAGES`. The benchmark imports
the function to make images of any size and count:

    from bench.images import draw_news_image
    data = draw_news_image("Tập huấn dịch vụ công", "Đông Hà, 06/3/2024", ("#8a1c1c", "#e0b040"))
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

__all__ = ["DEMO_IMAGES", "MOTIFS", "draw_news_image", "find_font"]

MOTIFS = ("document", "phone", "chart", "envelope", "banner", "road")
"""Motifs `draw_news_image` can draw; without `motif=` one is chosen from the title."""

# Fonts with every precomposed Vietnamese letter (ầ, ẫ, ự, ỹ, Đ …), most wanted first.
_FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts")
_FONT_FILES = {
    False: ("NotoSans-Regular.ttf", "DejaVuSans.ttf", "LiberationSans-Regular.ttf"),
    True: ("NotoSans-Bold.ttf", "DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf"),
}

# Words in the folded (no diacritics) title that pick a motif when none is given.
_MOTIF_WORDS = (
    ("phone", ("truc tuyen", "dich vu cong", "thanh toan", "dien thoai", "ung dung")),
    ("envelope", ("buu chinh", "buu dien", "tra ket qua", "phan anh", "kien nghi")),
    ("chart", ("chi so", "ket qua", "par index", "sipas", "so ket", "tong ket", "diem")),
    ("banner", ("bang ron", "khau hieu", "pa no", "ap phich", "cuoc thi", "hoi thi")),
    ("document", ("ke hoach", "bao cao", "van ban", "quyet dinh", "thu tuc", "huong dan")),
)


def _fold(text: str) -> str:
    """Lower-case ASCII skeleton of Vietnamese text: "Bưu chính" → "buu chinh"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)
    )
    return stripped.lower()


@lru_cache(maxsize=4)
def find_font(bold: bool = False) -> Path | None:
    """Path of a TrueType font with Vietnamese glyphs (Noto Sans, then DejaVu Sans), or None."""
    for name in _FONT_FILES[bold]:
        for folder in _FONT_DIRS:
            if folder.is_dir():
                found = next(iter(sorted(folder.rglob(name))), None)
                if found:
                    return found
    return None


@lru_cache(maxsize=64)
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = find_font(bold)
    if path is None:  # PIL's own font: legible, but may lack some Vietnamese letters
        return ImageFont.load_default(size=size)
    return ImageFont.truetype(str(path), size=size)


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"colour must be #RRGGBB, got {colour!r}")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _mix(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> tuple[int, int, int]:
    """The colour a fraction `t` of the way from `a` to `b`."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


def _wrap(text: str, font, width: float) -> list[str]:
    """Greedy word wrap of `text` into lines no wider than `width` pixels."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and font.getlength(trial) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


def _fit_title(
    text: str, width: float, max_height: float, start: int
) -> tuple[object, list[str], int]:
    """The largest title font (down from `start` px) whose wrapped lines fit the box."""
    size = start
    while True:
        font = _font(size, bold=True)
        lines = _wrap(text, font, width)
        line_height = round(size * 1.22)
        if (len(lines) * line_height <= max_height and len(lines) <= 4) or size <= 18:
            return font, lines, line_height
        size -= 2


def _pick_motif(title: str, subtitle: str) -> str:
    folded = _fold(f"{title} {subtitle}")
    for motif, words in _MOTIF_WORDS:
        if any(word in folded for word in words):
            return motif
    return "road"


# --- motifs: each draws inside the square box (x, y, side) ----------------------------------


def _check_mark(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, fill, ink) -> None:
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=fill)
    w = max(3, round(r * 0.22))
    draw.line(
        [
            (cx - r * 0.45, cy + r * 0.02),
            (cx - r * 0.1, cy + r * 0.38),
            (cx + r * 0.5, cy - r * 0.35),
        ],
        fill=ink,
        width=w,
        joint="curve",
    )


def _document(draw, box, light, accent, ink) -> None:
    x, y, s = box
    sheet = (x + s * 0.2, y + s * 0.08, x + s * 0.78, y + s * 0.9)
    draw.rounded_rectangle(
        [sheet[0] + s * 0.03, sheet[1] + s * 0.03, sheet[2] + s * 0.03, sheet[3] + s * 0.03],
        radius=s * 0.03,
        fill=_mix(ink, light, 0.35),
    )
    draw.rounded_rectangle(sheet, radius=s * 0.03, fill=light)
    draw.rectangle(
        (sheet[0] + s * 0.08, sheet[1] + s * 0.08, sheet[0] + s * 0.32, sheet[1] + s * 0.13),
        fill=accent,
    )
    for i in range(7):
        ly = sheet[1] + s * (0.22 + i * 0.075)
        right = sheet[2] - s * (0.08 if i % 3 else 0.2)
        draw.rounded_rectangle(
            (sheet[0] + s * 0.08, ly, right, ly + s * 0.025),
            radius=s * 0.012,
            fill=_mix(light, ink, 0.25),
        )
    _check_mark(draw, sheet[2] - s * 0.04, sheet[3] - s * 0.08, s * 0.13, accent, light)


def _phone(draw, box, light, accent, ink) -> None:
    x, y, s = box
    body = (x + s * 0.3, y + s * 0.04, x + s * 0.7, y + s * 0.94)
    draw.rounded_rectangle(body, radius=s * 0.06, fill=_mix(ink, light, 0.1))
    screen = (body[0] + s * 0.03, body[1] + s * 0.08, body[2] - s * 0.03, body[3] - s * 0.08)
    draw.rounded_rectangle(screen, radius=s * 0.02, fill=light)
    draw.rounded_rectangle(
        (screen[0] + s * 0.03, screen[1] + s * 0.04, screen[2] - s * 0.03, screen[1] + s * 0.1),
        radius=s * 0.015,
        fill=accent,
    )
    for i in range(3):
        ly = screen[1] + s * (0.16 + i * 0.06)
        draw.rounded_rectangle(
            (screen[0] + s * 0.03, ly, screen[2] - s * (0.03 + 0.06 * i), ly + s * 0.025),
            radius=s * 0.012,
            fill=_mix(light, ink, 0.25),
        )
    cx, cy = (screen[0] + screen[2]) / 2, screen[3] - s * 0.2
    _check_mark(draw, cx, cy, s * 0.1, accent, light)
    draw.ellipse(
        (cx - s * 0.025, body[3] - s * 0.06, cx + s * 0.025, body[3] - s * 0.01),
        fill=_mix(light, ink, 0.5),
    )


def _chart(draw, box, light, accent, ink) -> None:
    x, y, s = box
    panel = (x + s * 0.06, y + s * 0.1, x + s * 0.94, y + s * 0.9)
    draw.rounded_rectangle(panel, radius=s * 0.04, fill=light)
    base = panel[3] - s * 0.1
    heights = (0.28, 0.4, 0.36, 0.52, 0.62)
    bar_w = s * 0.1
    for i, h in enumerate(heights):
        bx = panel[0] + s * (0.1 + i * 0.15)
        colour = accent if i == len(heights) - 1 else _mix(light, ink, 0.35)
        draw.rounded_rectangle((bx, base - s * h, bx + bar_w, base), radius=s * 0.015, fill=colour)
    draw.line(
        (panel[0] + s * 0.06, base, panel[2] - s * 0.06, base),
        fill=ink,
        width=max(2, round(s * 0.008)),
    )
    points = [
        (panel[0] + s * (0.15 + i * 0.15), base - s * (h + 0.05)) for i, h in enumerate(heights)
    ]
    draw.line(points, fill=ink, width=max(3, round(s * 0.012)), joint="curve")
    for px, py in points:
        draw.ellipse((px - s * 0.018, py - s * 0.018, px + s * 0.018, py + s * 0.018), fill=ink)


def _envelope(draw, box, light, accent, ink) -> None:
    x, y, s = box
    env = (x + s * 0.08, y + s * 0.25, x + s * 0.92, y + s * 0.8)
    draw.rounded_rectangle(env, radius=s * 0.03, fill=light)
    mid = ((env[0] + env[2]) / 2, env[1] + (env[3] - env[1]) * 0.55)
    shade = _mix(light, ink, 0.2)
    draw.polygon([(env[0], env[3]), mid, (env[2], env[3])], fill=_mix(light, ink, 0.1))
    draw.line(
        [(env[0] + s * 0.01, env[1] + s * 0.01), mid, (env[2] - s * 0.01, env[1] + s * 0.01)],
        fill=shade,
        width=max(3, round(s * 0.012)),
    )
    stamp = (env[2] - s * 0.2, env[1] + s * 0.05, env[2] - s * 0.06, env[1] + s * 0.2)
    draw.rectangle(stamp, fill=accent)
    _check_mark(draw, env[0] + s * 0.08, env[1] - s * 0.02, s * 0.1, accent, light)


def _banner(draw, box, light, accent, ink) -> None:
    x, y, s = box
    pole = max(4, round(s * 0.025))
    draw.rectangle(
        (x + s * 0.1, y + s * 0.05, x + s * 0.1 + pole, y + s * 0.95), fill=_mix(ink, light, 0.3)
    )
    draw.rectangle(
        (x + s * 0.9 - pole, y + s * 0.05, x + s * 0.9, y + s * 0.95), fill=_mix(ink, light, 0.3)
    )
    cloth = (x + s * 0.1 + pole, y + s * 0.12, x + s * 0.9 - pole, y + s * 0.5)
    draw.rectangle(cloth, fill=accent)
    draw.rectangle((cloth[0], cloth[1] + s * 0.02, cloth[2], cloth[1] + s * 0.035), fill=light)
    draw.rectangle((cloth[0], cloth[3] - s * 0.035, cloth[2], cloth[3] - s * 0.02), fill=light)
    for i in range(2):
        ly = cloth[1] + s * (0.12 + i * 0.1)
        draw.rounded_rectangle(
            (cloth[0] + s * 0.08, ly, cloth[2] - s * (0.08 + 0.1 * i), ly + s * 0.04),
            radius=s * 0.02,
            fill=light,
        )
    star_c = ((cloth[0] + cloth[2]) / 2, y + s * 0.72)
    _check_mark(draw, star_c[0], star_c[1], s * 0.14, light, accent)


def _road_sign(draw, box, light, accent, ink) -> None:
    x, y, s = box
    cx = x + s * 0.5
    draw.rectangle(
        (cx - s * 0.025, y + s * 0.45, cx + s * 0.025, y + s * 0.95), fill=_mix(ink, light, 0.3)
    )
    r = s * 0.3
    draw.ellipse((cx - r, y + s * 0.08, cx + r, y + s * 0.08 + 2 * r), fill=light)
    inner = r * 0.78
    cy = y + s * 0.08 + r
    draw.ellipse((cx - inner, cy - inner, cx + inner, cy + inner), fill=accent)
    draw.polygon(
        [
            (cx - inner * 0.5, cy + inner * 0.35),
            (cx, cy - inner * 0.55),
            (cx + inner * 0.5, cy + inner * 0.35),
        ],
        fill=light,
    )


_DRAWERS = {
    "document": _document,
    "phone": _phone,
    "chart": _chart,
    "envelope": _envelope,
    "banner": _banner,
    "road": _road_sign,
}


def draw_news_image(
    title: str,
    subtitle: str,
    palette: tuple[str, str],
    size: tuple[int, int] = (1200, 675),
    *,
    motif: str | None = None,
    label: str = "SỞ GTVT QUẢNG TRỊ · CẢI CÁCH HÀNH CHÍNH",
    quality: int = 82,
) -> bytes:
    """Draw a flat lead image and return it as progressive JPEG bytes.

    title     the headline drawn large on the left (wrapped, shrunk to fit at most four lines)
    subtitle  one shorter line under it, e.g. a place and date
    palette   (background, accent) as "#RRGGBB": a dark background reads best with white text
    size      (width, height) in pixels; 16:9 by default
    motif     one of MOTIFS; when None it is chosen from words of the title and subtitle
    label     the small caps line above the title
    quality   JPEG quality (82 keeps a 1200×675 image well under 120 KB)
    """
    if motif is not None and motif not in _DRAWERS:
        raise ValueError(f"motif must be one of {', '.join(MOTIFS)}, got {motif!r}")
    title = unicodedata.normalize("NFC", title.strip())
    subtitle = unicodedata.normalize("NFC", subtitle.strip())
    label = unicodedata.normalize("NFC", label.strip())
    width, height = size
    background, accent = _rgb(palette[0]), _rgb(palette[1])
    white = (255, 255, 255)
    light = _mix(background, white, 0.92)
    ink = _mix(background, (0, 0, 0), 0.45)

    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    unit = min(width / 1200, height / 675)

    # Background: two soft circles behind the motif, a lighter band at the top.
    lighter = _mix(background, white, 0.08)
    draw.rectangle((0, 0, width, round(height * 0.06)), fill=_mix(background, white, 0.05))
    motif_side = round(min(width * 0.36, height * 0.62))
    mx = round(width * 0.95 - motif_side)
    my = round(height * 0.1)
    pad = motif_side * 0.18
    draw.ellipse((mx - pad, my - pad, mx + motif_side + pad, my + motif_side + pad), fill=lighter)
    draw.ellipse(
        (mx + motif_side * 0.6, my - pad * 1.2, mx + motif_side * 1.3, my + motif_side * 0.35),
        fill=_mix(background, accent, 0.18),
    )

    # Road along the bottom: asphalt, kerb in the accent colour, dashed centre line.
    road_top = round(height * 0.86)
    draw.rectangle((0, road_top, width, height), fill=_mix(background, (30, 30, 30), 0.7))
    draw.rectangle((0, road_top, width, road_top + max(3, round(6 * unit))), fill=accent)
    dash_y = round((road_top + height) / 2)
    dash_h = max(3, round(7 * unit))
    step = round(90 * unit)
    for dx in range(round(20 * unit), width, step):
        draw.rectangle(
            (dx, dash_y - dash_h // 2, dx + round(50 * unit), dash_y + dash_h // 2), fill=light
        )

    _DRAWERS[motif or _pick_motif(title, subtitle)](draw, (mx, my, motif_side), light, accent, ink)

    # Text block on the left.
    left = round(width * 0.06)
    text_width = mx - pad - left - round(width * 0.03)
    label_font = _font(max(12, round(20 * unit)), bold=True)
    y = round(height * 0.13)
    draw.text((left, y), label, font=label_font, fill=accent)
    y += round(getattr(label_font, "size", 20) * 1.55)
    rule = max(3, round(5 * unit))
    draw.rectangle((left, y, left + round(70 * unit), y + rule), fill=accent)
    y += rule + round(22 * unit)

    title_box = road_top - y - round(height * 0.2)
    title_font, lines, line_height = _fit_title(title, text_width, title_box, round(54 * unit))
    for line in lines:
        draw.text((left, y), line, font=title_font, fill=white)
        y += line_height
    if subtitle:
        sub_font = _font(max(12, round(27 * unit)))
        y += round(18 * unit)
        for line in _wrap(subtitle, sub_font, text_width)[:2]:
            draw.text((left, y), line, font=sub_font, fill=_mix(white, accent, 0.25))
            y += round(getattr(sub_font, "size", 24) * 1.3)

    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, progressive=True, optimize=True)
    return out.getvalue()


# (file name, title, subtitle, (background, accent), motif or None)
DEMO_IMAGES: tuple[tuple[str, str, str, tuple[str, str], str | None], ...] = (
    (
        "ke-hoach-tuyen-truyen-2024",
        "Kế hoạch tuyên truyền cải cách hành chính năm 2024",
        "03 nội dung chính, 15 nhiệm vụ cụ thể",
        ("#8a1c1c", "#e8b547"),
        "document",
    ),
    (
        "gplx-truc-tuyen",
        "Cấp đổi giấy phép lái xe trực tuyến",
        "Nộp hồ sơ trên Cổng Dịch vụ công quốc gia, nhận kết quả tại nhà",
        ("#0f4c75", "#f2b134"),
        "phone",
    ),
    (
        "tap-huan-dich-vu-cong",
        "Tập huấn Tổ hỗ trợ nộp hồ sơ trực tuyến",
        "Đông Hà, tháng 3/2024",
        ("#1d5c4d", "#f4c95d"),
        "phone",
    ),
    (
        "bang-ron-khau-hieu",
        "Pa nô, băng rôn tuyên truyền cải cách hành chính",
        "Trụ sở Sở và các đơn vị trực thuộc",
        ("#7a2e0e", "#f6c453"),
        "banner",
    ),
    (
        "cuoc-thi-cchc-2024",
        "Cuộc thi trực tuyến tìm hiểu cải cách hành chính và chuyển đổi số",
        "Ngành Giao thông vận tải Quảng Trị năm 2024",
        ("#3b2c6b", "#f7b538"),
        "banner",
    ),
    (
        "par-index-2023",
        "Chỉ số cải cách hành chính năm 2023: 80,36/95 điểm",
        "Xếp thứ 13/21 sở, ban, ngành, tăng 3 bậc so với năm 2022",
        ("#8a1c1c", "#e8b547"),
        "chart",
    ),
    (
        "so-ket-6-thang-2024",
        "Cải cách hành chính 6 tháng đầu năm 2024",
        "Kết quả thực hiện và nhiệm vụ 6 tháng cuối năm",
        ("#143d59", "#f4b41a"),
        "chart",
    ),
    (
        "thanh-toan-khong-tien-mat",
        "Thanh toán phí, lệ phí không dùng tiền mặt",
        "Quét mã QR, chuyển khoản, ví điện tử",
        ("#0b6e4f", "#f9c74f"),
        "phone",
    ),
    (
        "buu-chinh-cong-ich",
        "Nhận kết quả thủ tục hành chính qua bưu chính công ích",
        "Không phải đi lại, kết quả trao tận tay",
        ("#9c4a1a", "#ffd166"),
        "envelope",
    ),
    (
        "bao-cao-tuyen-truyen-2024",
        "Báo cáo công tác tuyên truyền cải cách hành chính năm 2024",
        "Gửi UBND tỉnh trước ngày 30/11/2024",
        ("#2f3e46", "#e9c46a"),
        "document",
    ),
)


def write_demo_images(target: Path, images: Iterable[tuple] = DEMO_IMAGES) -> list[Path]:
    """Write each demo image as `<target>/<name>.jpg`; return the paths written."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, title, subtitle, palette, motif in images:
        path = target / f"{name}.jpg"
        path.write_bytes(draw_news_image(title, subtitle, palette, motif=motif))
        written.append(path)
    return written


if __name__ == "__main__":
    out_dir = Path(__file__).resolve().parent.parent / "content" / "tin-tuc" / "2024" / "anh"
    if find_font() is None:
        print("Không tìm thấy phông Noto Sans hoặc DejaVu Sans: dùng phông mặc định của Pillow.")
    for written in write_demo_images(out_dir):
        print(f"{written.name}  {written.stat().st_size // 1024} KB")
