"""Bar charts as inline SVG, drawn at build time: no JavaScript, no fonts, no other host.

Each chart is an `<svg role="img">` named by its `<title>` and described by its `<desc>` (what
a screen reader announces), and the page puts a table of the same numbers beside it. Labels
sit above their bars so long Vietnamese names wrap instead of being cut, and the drawing scales
down to a 375 px phone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr

WIDTH = 360
FONT = 14
LINE = 18
BAR = 16
GAP = 14
TRACK = "#e4e4e4"
TEXT = "#1f1f1f"


@dataclass(frozen=True)
class Bar:
    """One bar: its label, the value drawn, and the text printed at the end of the label line."""

    label: str
    value: Decimal
    text: str


def wrap(text: str, width: int) -> list[str]:
    """Words of `text` in lines of at most `width` characters (a longer word stands alone)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and len(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines or [""]


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    bars: Sequence[Bar],
    scale: Decimal,
    colour: str,
    *,
    label_chars: int = 30,
) -> str:
    """A horizontal bar chart; a bar of value `scale` fills the whole width."""
    rows: list[str] = []
    y = 0
    for bar in bars:
        lines = wrap(bar.label, label_chars)
        text_rows = []
        for number, line in enumerate(lines):
            baseline = y + FONT + number * LINE
            text_rows.append(f'<text x="0" y="{baseline}" fill="{TEXT}" font-size="{FONT}">'
                             f"{escape(line)}</text>")
        value_y = y + FONT + (len(lines) - 1) * LINE
        text_rows.append(
            f'<text x="{WIDTH}" y="{value_y}" fill="{TEXT}" font-size="{FONT}" '
            f'font-weight="700" text-anchor="end">{escape(bar.text)}</text>'
        )
        top = y + len(lines) * LINE + 4
        share = min(max(bar.value / scale, Decimal(0)), Decimal(1)) if scale else Decimal(0)
        length = float(share) * WIDTH
        rows.append(
            '<g class="cchc-chart__row">'
            + "".join(text_rows)
            + f'<rect x="0" y="{top}" width="{WIDTH}" height="{BAR}" rx="2" fill="{TRACK}"/>'
            + f'<rect x="0" y="{top}" width="{_number(length)}" height="{BAR}" rx="2" '
            f'fill="{escape(colour)}" class="cchc-chart__bar"/>'
            + "</g>"
        )
        y = top + BAR + GAP
    height = max(y - GAP, 1)
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="cchc-chart" id={quoteattr(chart_id)} '
        f'role="img" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'aria-labelledby="{title_id} {desc_id}" font-family="system-ui, sans-serif">'
        f'<title id="{title_id}">{escape(title)}</title>'
        f'<desc id="{desc_id}">{escape(description)}</desc>'
        + "".join(rows)
        + "</svg>"
    )
