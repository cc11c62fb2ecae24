"""QR codes as vector SVG (segno): sharp at any print size, from an A4 sheet to a billboard."""

from __future__ import annotations

import segno

# Level M restores up to 15 % of a damaged code: posters outdoors get dirty and torn.
ERROR_LEVEL = "m"


def qr_svg(data: str) -> str:
    """An inline <svg> of the code, black on white with its 4-module quiet zone, sized by CSS."""
    code = segno.make(data, error=ERROR_LEVEL, micro=False)
    return code.svg_inline(
        scale=1, border=4, dark="#000", light="#fff", omitsize=True, svgclass="cchc-qr"
    )
