"""Type sizes for a print, computed from its exact format and its text (pure functions).

Text scales to the format: a street banner gets one line of the largest type its height allows,
an A4 poster a slogan of a few lines with room for points, a leaflet small type in narrow panels.
Every size is fitted with the real font metrics (fonts.py), so the slogan's line breaks are
decided here once and both the PDF (WeasyPrint) and the web preview (Chromium) use them.

A layout is a list of CSS rules whose lengths are millimetres on the sheet. `layout_css` writes
them in mm for the PDF and in `cqw` (per cent of the preview's width) for the web page, so the
preview is the same design at any screen width, and prints at full size.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

from ...printing.fonts import text_width
from ...vietnamese.numbers import format_decimal_vi
from .model import LEAFLET_PANELS_INSIDE, LEAFLET_PANELS_OUTSIDE, PrintFormat

# Usable share of a measured width: room for the renderer's own shaping and for a preview
# browser whose fallback font runs a little wider than Noto Sans.
SAFETY = 0.93
HEADLINE_LEADING = 1.18
BODY_LEADING = 1.35
# Smallest slogan on a banner, in per cent of its height, before the editor is warned.
BANNER_MIN_HEADLINE = 15
# Largest body type of a leaflet: 12 pt, easy for every reader at arm's length.
LEAFLET_BODY = 4.2
# Smallest body type of a leaflet: 8 pt.
MIN_LEAFLET_BODY = 2.8
# Largest body type of a leaflet whose texts are short: 15 pt. Short sections are set larger
# and airier rather than leaving two thirds of each inside panel empty.
LEAFLET_BODY_SHORT = 5.3
# Share of an inside panel's height the longest section may fill (the rest is air at the foot).
LEAFLET_FILL = 0.88
# The number of an inside section: a disc this many mm across, above its title.
LEAFLET_STEP = 13.0
# Space between the points of an inside section, in ems of the body type.
LEAFLET_POINT_GAP = 0.9
# Smallest body type, as a share of the sheet's short side, before the editor is warned.
MIN_READABLE_U = 1.45


@dataclass(frozen=True)
class Mm:
    """A length on the printed sheet."""

    value: float


Value = Mm | str | tuple[Mm | str, ...]


@dataclass(frozen=True)
class Section:
    title: str
    text: str | None
    points: tuple[str, ...]


@dataclass(frozen=True)
class PosterText:
    """Everything printed on a sheet, as it will be printed (upper case already applied)."""

    headline: str
    subheading: str | None = None
    points: tuple[str, ...] = ()
    parent: str | None = None
    agency: str = ""
    hotline_label: str | None = None
    hotline: str | None = None
    has_qr: bool = False
    qr_caption: str | None = None
    footer: str = ""
    sections: tuple[Section, ...] = ()
    contact: tuple[str, ...] = ()
    points_title: str = "Những điều cần biết"


@dataclass(frozen=True)
class Layout:
    format: PrintFormat
    family: str  # "poster", "banner" or "leaflet"
    headline_lines: tuple[str, ...]
    rules: tuple[tuple[str, dict[str, Value]], ...]
    warnings: tuple[str, ...] = ()

    @property
    def orientation(self) -> str:
        return "landscape" if self.format.is_landscape else "portrait"


# --- measuring and fitting -------------------------------------------------------------------


# Two-syllable words of reform slogans that a line should not split ("trễ / hẹn" reads as two
# words): Vietnamese writes syllables apart, so without this list every space looks alike.
_COMPOUNDS = """an toàn, bưu chính, cải cách, cán bộ, chất lượng, chính quyền, chuyển đổi,
    công chức, công dân, cơ quan, doanh nghiệp, dịch vụ, điện tử, định danh, đúng hẹn, đường dây,
    dây nóng, giải quyết, giấy tờ, hài lòng, hành chính, hồ sơ, hướng dẫn, kết quả, kiến nghị,
    minh bạch, nhanh chóng, người dân, phản ánh, phục vụ, quy định, sử dụng, tiện lợi,
    thanh toán, thủ tục, tiền mặt, trễ hẹn, trực tuyến, tuyên truyền, văn bản, xin lỗi"""
PAIRS = frozenset(tuple(pair.split()) for pair in _COMPOUNDS.split(","))


@cache
def _words(text: str, bold: bool) -> tuple[tuple[float, ...], float]:
    """Widths of each word and of a space, at size 1."""
    words = text.split()
    return tuple(text_width(w, 1, bold=bold) for w in words), text_width(" ", 1, bold=bold)


def wrap(text: str, size: float, width: float, *, bold: bool = False) -> list[str]:
    """Greedy line breaking at spaces, as browsers do; a word never breaks."""
    words = text.split()
    widths, space = _words(text, bold)
    limit = width * SAFETY / size
    lines: list[list[str]] = []
    current = 0.0
    for word, w in zip(words, widths, strict=True):
        if lines and current + space + w <= limit:
            lines[-1].append(word)
            current += space + w
        else:
            lines.append([word])
            current = w
    return [" ".join(line) for line in lines]


def _split_cost(words: list[str], i: int) -> float:
    """Cost of breaking the line after word i-1: none after punctuation, high inside a word."""
    before, after = words[i - 1], words[i]
    if before[-1] in ",;:.!?–-":
        return -0.08
    pair = (before.lower(), after.lower().rstrip(",;:.!?"))
    return 0.6 if pair in PAIRS else 0.05


def balanced(text: str, count: int, *, bold: bool) -> float:
    """Width at size 1 of the longest line when `text` is set in `count` lines as evenly as
    possible (the narrowest any `count`-line setting can be)."""
    widths, space = _words(text, bold)
    n = len(widths)
    count = min(count, n)

    def span(i: int, j: int) -> float:  # words i..j-1 on one line
        return sum(widths[i:j]) + space * (j - i - 1)

    # best[k][j]: smallest possible longest line setting the first j words in k lines.
    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(count + 1)]
    best[0][0] = 0.0
    for k in range(1, count + 1):
        for j in range(1, n + 1):
            for i in range(k - 1, j):
                best[k][j] = min(best[k][j], max(best[k - 1][i], span(i, j)))
    return best[count][n]


def _pretty(
    words: list[str], widths: tuple[float, ...], space: float, count: int, limit: float
) -> list[str]:
    """Among the breaks into `count` lines no wider than `limit`, the one that reads best:
    even lines, breaks after commas, never inside a two-syllable word."""
    n = len(words)

    def span(i: int, j: int) -> float:
        return sum(widths[i:j]) + space * (j - i - 1)

    inf = float("inf")
    cost = [[inf] * (n + 1) for _ in range(count + 1)]
    cut = [[0] * (n + 1) for _ in range(count + 1)]
    cost[0][0] = 0.0
    for k in range(1, count + 1):
        for j in range(1, n + 1):
            for i in range(k - 1, j):
                width = span(i, j)
                if width > limit * 1.0001 or cost[k - 1][i] == inf:
                    continue
                value = cost[k - 1][i] + ((limit - width) / limit) ** 2
                if j < n:
                    value += _split_cost(words, j)
                if value < cost[k][j]:
                    cost[k][j], cut[k][j] = value, i
    lines, j = [], n
    for k in range(count, 0, -1):
        i = cut[k][j]
        lines.append(" ".join(words[i:j]))
        j = i
    return lines[::-1]


def fit_lines(
    text: str, width: float, height: float, *, max_lines: int, max_size: float,
    bold: bool = True, leading: float = HEADLINE_LEADING,
) -> tuple[float, list[str]]:
    """The largest size at which `text` fits the box in at most `max_lines` lines, in the fewest
    lines that reach (nearly) that size, broken where they read best.

    Up to 12 % of the size is given up for better breaks (after a comma, not inside a word)."""
    words = text.split()
    widths, space = _words(text, bold)
    options = []
    for count in range(1, min(max_lines, len(words)) + 1):
        longest = balanced(text, count, bold=bold)
        options.append((min(width * SAFETY / longest, height / (count * leading), max_size), count))
    top = max(size for size, _ in options)
    size, count = next(option for option in options if option[0] >= top * 0.9)
    lines = _pretty(words, widths, space, count, width * SAFETY / (size * 0.88))
    longest = max(sum(_words(line, bold)[0]) + space * line.count(" ") for line in lines)
    return min(size, width * SAFETY / longest), lines


def block_height(
    items: Sequence[str], size: float, width: float, *, leading: float = BODY_LEADING,
    gap: float = 0.45, indent: float = 0.0, bold: bool = False,
) -> float:
    """Height of paragraphs (or list items, indented by `indent` ems) set at `size`."""
    if not items:
        return 0.0
    lines = sum(len(wrap(t, size, width - indent * size, bold=bold)) for t in items)
    return lines * leading * size + gap * size * (len(items) - 1)


def fit_size(measure: Callable[[float], float], height: float, max_size: float) -> float:
    """The largest size ≤ max_size whose measured height fits `height` (bisection)."""
    if measure(max_size) <= height:
        return max_size
    low, high = 0.0, max_size
    for _ in range(40):
        middle = (low + high) / 2
        if measure(middle) <= height:
            low = middle
        else:
            high = middle
    return low


# --- one builder per family ------------------------------------------------------------------


@dataclass
class _Rules:
    rules: list[tuple[str, dict[str, Value]]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add(self, selector: str, **props: Value) -> None:
        self.rules.append((selector, {k.replace("_", "-"): v for k, v in props.items()}))

    def font(self, selector: str, size: float, leading: float, **props: Value) -> None:
        self.add(selector, font_size=Mm(size), line_height=f"{leading:g}", **props)


def _check_readable(out: _Rules, what: str, size: float, minimum: float) -> None:
    if size < minimum:
        out.warnings.append(
            f"{what} chỉ còn cỡ {format_decimal_vi(round(size, 1))} mm (tối thiểu "
            f"{format_decimal_vi(round(minimum, 1))} mm ở khổ này), khó đọc; hãy bớt chữ hoặc "
            "chọn khổ lớn hơn"
        )


def _header(out: _Rules, text: PosterText, u: float, width: float, logo: float) -> float:
    """Logo and issuing agency across the top; returns the header's height."""
    gap = 2.5 * u
    names_width = width - logo - gap
    agency = min(2.9 * u, names_width * SAFETY / text_width(text.agency, 1, bold=True))
    parent = min(2.3 * u, agency * 0.85)
    out.add(".cchc-sheet__head", gap=Mm(gap), height=Mm(logo))
    out.add(".cchc-sheet__logo", width=Mm(logo), height=Mm(logo))
    out.font(".cchc-sheet__parent", parent, 1.3)
    out.font(".cchc-sheet__agency", agency, 1.3)
    return logo


def _aside(out: _Rules, text: PosterText, u: float, width: float, qr: float) -> float:
    """QR code with its caption and the hotline; returns the block's height."""
    label = 2.6 * u
    number = 0.0
    if text.hotline:
        number = min(7.0 * u, width * SAFETY / text_width(text.hotline, 1, bold=True))
        out.font(".cchc-sheet__hotline-label", label, 1.3)
        out.font(".cchc-sheet__hotline-number", number, 1.15)
    hotline_height = label * 1.3 + number * 1.15 if text.hotline else 0.0
    if text.has_qr:
        out.add(".cchc-sheet__qr", width=Mm(qr), height=Mm(qr))
        caption = 2.4 * u
        out.font(".cchc-sheet__qr-caption", caption, 1.3)
    return hotline_height


def poster_layout(fmt: PrintFormat, text: PosterText) -> Layout:
    """Áp phích and pa nô: agency on top, the slogan large, points, then QR code and hotline."""
    out = _Rules()
    u = min(fmt.width, fmt.height) / 100
    margin = 6 * u
    inner_w = fmt.width - 2 * margin
    landscape = fmt.ratio > 1.15
    out.add(".cchc-sheet__inner", padding=Mm(margin))
    head = _header(out, text, u, inner_w, 11 * u)
    rule_gap = 3 * u
    out.add(".cchc-sheet__rule", height=Mm(0.6 * u), margin=(Mm(rule_gap), "0"))
    meta = 1.9 * u
    out.font(".cchc-sheet__meta", meta, 1.4, margin_top=Mm(2 * u))
    fixed = head + 2 * rule_gap + 0.6 * u + meta * 1.4 + 2 * u
    qr = (24 if landscape else 20) * u
    has_aside = text.has_qr or bool(text.hotline)
    if landscape:
        aside_w = 30 * u if has_aside else 0.0
        gap = 5 * u if has_aside else 0.0
        _aside(out, text, u, aside_w, qr)
        out.add(".cchc-sheet__aside", width=Mm(aside_w), margin_left=Mm(gap), gap=Mm(2 * u))
        main_w, main_h = inner_w - aside_w - gap, fmt.height - 2 * margin - fixed
    else:
        caption_w = 26 * u
        hotline_w = inner_w - (qr + 2.5 * u + caption_w + 3 * u if text.has_qr else 0)
        hotline_h = _aside(out, text, u, hotline_w, qr)
        aside_h = (max(qr, hotline_h) if text.has_qr else hotline_h) if has_aside else 0.0
        gap = 4 * u if has_aside else 0.0
        out.add(".cchc-sheet__aside", height=Mm(aside_h), margin_top=Mm(gap), gap=Mm(2.5 * u))
        out.add(".cchc-sheet__qr-caption", width=Mm(caption_w))
        main_w, main_h = inner_w, fmt.height - 2 * margin - fixed - aside_h - gap

    share = 0.5 if text.points else (0.72 if text.subheading else 0.9)
    size, lines = fit_lines(
        text.headline, main_w, main_h * share, max_lines=4 if landscape else 5,
        max_size=(14 if landscape else 13) * u,
    )
    out.font(".cchc-sheet__headline", size, HEADLINE_LEADING)
    used = len(lines) * HEADLINE_LEADING * size
    if text.subheading:
        sub_gap = 2.5 * u
        sub_h_max = (main_h - used) * (0.3 if text.points else 1.0) - sub_gap
        sub_size = min(max(size * 0.38, 2.8 * u), 4.5 * u)
        sub_size = fit_size(
            lambda s: block_height([text.subheading or ""], s, main_w, leading=1.3, bold=True),
            sub_h_max, sub_size,
        )
        out.font(".cchc-sheet__sub", sub_size, 1.3, margin_top=Mm(sub_gap))
        used += sub_gap + block_height([text.subheading], sub_size, main_w, leading=1.3, bold=True)
    if text.points:
        points_gap = 4 * u
        room = main_h - used - points_gap
        body = fit_size(
            lambda s: block_height(text.points, s, main_w, indent=1.3), room, 4.2 * u
        )
        _check_readable(out, "chữ các ý chính («points»)", body, MIN_READABLE_U * u)
        out.font(".cchc-sheet__points", body, BODY_LEADING, margin_top=Mm(points_gap),
                 padding_left=Mm(1.3 * body))
        out.add(".cchc-sheet__points li + li", margin_top=Mm(0.45 * body))
    return Layout(fmt, "poster", tuple(lines), tuple(out.rules), tuple(out.warnings))


def banner_layout(fmt: PrintFormat, text: PosterText) -> Layout:
    """Băng rôn: logo, then one line of the largest type the strip holds, a small line below."""
    out = _Rules()
    u = fmt.height / 100
    pad_v, pad_h = 10 * u, 12 * u
    logo = 62 * u
    gap = 8 * u
    out.add(".cchc-sheet__inner", padding=(Mm(pad_v), Mm(pad_h)), gap=Mm(gap))
    out.add(".cchc-sheet__logo", width=Mm(logo), height=Mm(logo))
    qr_block = 0.0
    if text.has_qr:
        qr = 62 * u
        caption_lines = wrap(text.qr_caption or "", 5 * u, qr * 1.3)
        caption = min(5 * u, 18 * u / (len(caption_lines) * 1.25))
        out.add(".cchc-sheet__qr", width=Mm(qr), height=Mm(qr))
        out.add(".cchc-sheet__aside", width=Mm(qr * 1.3))
        out.font(".cchc-sheet__qr-caption", caption, 1.25)
        qr_block = qr * 1.3 + gap
    text_w = fmt.width - 2 * pad_h - logo - gap - qr_block
    height = fmt.height - 2 * pad_v
    second = text.subheading or text.agency
    size = min(46 * u, text_w * SAFETY / text_width(text.headline, 1, bold=True))
    small = min(max(size * 0.4, 8 * u), 16 * u)
    small = min(small, text_w * SAFETY / text_width(second, 1, bold=True))
    line_gap = 3 * u
    total = size * HEADLINE_LEADING + line_gap + small * 1.25
    if total > height:
        scale = height / total
        size, small, line_gap = size * scale, small * scale, line_gap * scale
    out.font(".cchc-sheet__headline", size, HEADLINE_LEADING, white_space="nowrap")
    out.font(".cchc-sheet__sub", small, 1.25, margin_top=Mm(line_gap), white_space="nowrap")
    _check_readable(out, "khẩu hiệu", size, BANNER_MIN_HEADLINE * u)
    return Layout(fmt, "banner", (text.headline,), tuple(out.rules), tuple(out.warnings))


def leaflet_layout(fmt: PrintFormat, text: PosterText) -> Layout:
    """Tờ gấp 3: cover, back and flap outside; up to three sections inside."""
    out = _Rules()
    pad = 8.0
    flap, back, cover = LEAFLET_PANELS_OUTSIDE
    side = Mm(fmt.height)
    for name, width in (("flap", flap), ("back", back), ("cover", cover)):
        out.add(f".cchc-panel--{name}", width=Mm(width), height=side, padding=Mm(pad))
    for index, width in enumerate(LEAFLET_PANELS_INSIDE, start=1):
        out.add(f".cchc-panel--inside-{index}", width=Mm(width), height=side, padding=Mm(pad))
    height = fmt.height - 2 * pad

    # Cover: logo, agency, the slogan as large as the panel allows, the sub-heading.
    cover_w = cover - 2 * pad
    logo = 22.0
    agency = min(3.4, cover_w * 2 * SAFETY / text_width(text.agency, 1, bold=True))
    out.add(".cchc-panel--cover .cchc-sheet__logo", width=Mm(logo), height=Mm(logo))
    out.font(".cchc-panel--cover .cchc-sheet__parent", 2.6, 1.3, margin_top=Mm(4))
    out.font(".cchc-panel--cover .cchc-sheet__agency", agency, 1.3)
    out.add(".cchc-sheet__rule", height=Mm(0.8), margin=(Mm(5), "0"))
    agency_h = block_height([text.agency], agency, cover_w, leading=1.3, bold=True)
    top = logo + 4 + 2.6 * 1.3 + agency_h + 10.8
    sub = 4.2
    sub_h = block_height([text.subheading], sub, cover_w, leading=1.3) if text.subheading else 0
    size, lines = fit_lines(
        text.headline, cover_w, (height - top - sub_h - 6) * 0.95, max_lines=7, max_size=11,
    )
    out.font(".cchc-sheet__headline", size, HEADLINE_LEADING)
    out.font(".cchc-sheet__sub", sub, 1.3, margin_top=Mm(5))

    # Back: contact lines, QR code and caption.
    out.font(".cchc-panel--back", 3.3, 1.4)
    out.font(".cchc-sheet__panel-title", 4.2, 1.3, margin_bottom=Mm(3))
    out.add(".cchc-sheet__qr", width=Mm(34), height=Mm(34), margin_top=Mm(6))
    out.font(".cchc-sheet__qr-caption", 2.8, 1.3, margin_top=Mm(2))
    out.font(".cchc-sheet__meta", 2.4, 1.4, margin_top=Mm(4))

    # Flap: the points, then the hotline at the foot.
    flap_w = flap - 2 * pad
    label = 3.2
    number = min(8.0, flap_w * SAFETY / text_width(text.hotline or "0", 1, bold=True))
    out.font(".cchc-sheet__hotline-label", label, 1.3)
    out.font(".cchc-sheet__hotline-number", number, 1.15)
    hotline_h = label * 1.3 + number * 1.15 + 6 if text.hotline else 0
    title = 4.2 * 1.3 + 3
    flap_size = fit_size(
        lambda s: block_height(text.points, s, flap_w, indent=1.3), height - hotline_h - title,
        LEAFLET_BODY_SHORT,
    )

    # Inside: one section a panel, each under its number, all in the same body size: the
    # largest at which the longest section fills most of its panel (short texts set larger).
    def section_height(section: Section, width: float, s: float) -> float:
        head = block_height([section.title], s * 1.4, width, leading=1.25, bold=True) + s
        intro = block_height([section.text], s, width) + 0.8 * s if section.text else 0
        points = block_height(section.points, s, width, indent=1.3, gap=LEAFLET_POINT_GAP)
        return LEAFLET_STEP + 4 + head + intro + points

    sizes = [flap_size] if text.points else []
    for section, width in zip(text.sections, LEAFLET_PANELS_INSIDE, strict=False):
        inner = width - 2 * pad
        sizes.append(fit_size(lambda s, sec=section, w=inner: section_height(sec, w, s),
                              height * LEAFLET_FILL, LEAFLET_BODY_SHORT))
    body = min(sizes) if sizes else 3.4
    _check_readable(out, "chữ mặt trong tờ gấp", body, MIN_LEAFLET_BODY)
    out.font(".cchc-sheet__points", body, BODY_LEADING, padding_left=Mm(1.3 * body))
    out.add(".cchc-sheet__points li + li", margin_top=Mm(0.45 * body))
    out.add(".cchc-sheet--inside .cchc-sheet__points li + li",
            margin_top=Mm(LEAFLET_POINT_GAP * body))
    out.add(".cchc-sheet__step", width=Mm(LEAFLET_STEP), height=Mm(LEAFLET_STEP),
            margin_bottom=Mm(4))
    out.font(".cchc-sheet__step", LEAFLET_STEP * 0.55, 1.0)
    out.font(".cchc-sheet__section-title", body * 1.4, 1.25, margin_bottom=Mm(body))
    out.font(".cchc-sheet__section-text", body, BODY_LEADING, margin_bottom=Mm(0.8 * body))
    return Layout(fmt, "leaflet", tuple(lines), tuple(out.rules), tuple(out.warnings))


def layout_for(fmt: PrintFormat, text: PosterText) -> Layout:
    if fmt.leaflet:
        return leaflet_layout(fmt, text)
    if fmt.is_strip:
        return banner_layout(fmt, text)
    return poster_layout(fmt, text)


# --- CSS ---------------------------------------------------------------------------------------


def _length(value: float, unit: str, width: float) -> str:
    if unit == "mm":
        return f"{value:.2f}mm"
    return f"{value / width * 100:.4f}cqw"


def _value(value: Value, unit: str, width: float) -> str:
    if isinstance(value, Mm):
        return _length(value.value, unit, width)
    if isinstance(value, tuple):
        return " ".join(_value(v, unit, width) for v in value)
    return value


def layout_css(layout: Layout, unit: str) -> str:
    """The layout's rules with lengths in `mm` (PDF) or `cqw` (web preview, any width)."""
    width = layout.format.width
    lines = []
    for selector, props in layout.rules:
        body = "; ".join(f"{k}: {_value(v, unit, width)}" for k, v in props.items())
        lines.append(f".cchc-sheet {selector} {{ {body}; }}")
    return "\n".join(lines) + "\n"
