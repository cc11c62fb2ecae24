"""The site's logo as a small PNG for the feeds' channel image (RSS 2.0: GIF, JPEG or PNG only).

An SVG logo is laid out by WeasyPrint on a square page and drawn by pypdfium2, the two
renderers the print files already use; a raster logo is scaled with Pillow.
"""

from __future__ import annotations

import base64
import io

import pypdfium2
import weasyprint
from PIL import Image


def _svg_page(svg: bytes, width: int) -> bytes:
    source = "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
    document = (
        f"<style>@page {{ size: {width}px {width}px; margin: 0 }}"
        "html, body { margin: 0 } img { display: block; width: 100%; height: 100%;"
        " object-fit: contain }</style>"
        f'<img src="{source}" alt="">'
    )
    return weasyprint.HTML(string=document, base_url="data:,").write_pdf()


def logo_png(logo: bytes, *, svg: bool, width: int) -> bytes:
    """`logo` (the file's bytes) as an RGBA PNG at most `width` pixels wide."""
    if svg:
        pdf = pypdfium2.PdfDocument(_svg_page(logo, width))
        try:
            page = pdf[0]
            scale = width / page.get_width()
            image = page.render(scale=scale, may_draw_forms=False, fill_color=(255, 255, 255, 0))
            picture = image.to_pil().convert("RGBA")
        finally:
            pdf.close()
    else:
        picture = Image.open(io.BytesIO(logo)).convert("RGBA")
        picture.thumbnail((width, width * 400 // 144))
    if picture.getchannel("A").getbbox() is None:
        # WeasyPrint draws nothing, without an error, for an SVG it cannot read.
        raise ValueError("the logo drew nothing")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
