"""The print fonts: Noto Sans from Debian's `fonts-noto-core`, located, measured and described.

Noto Sans (SIL Open Font License 1.1) covers every Vietnamese letter with precomposed glyphs, so
tones and vowel marks sit where the type designer put them rather than being stacked by the
renderer. The files come from a package, never from the network; the PDF embeds subsets of them.
The same files measure text here, so a slogan is sized to its format before WeasyPrint lays it out.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

FONT_PACKAGE = "fonts-noto-core"
FONT_DIRS = (
    Path("/usr/share/fonts/truetype/noto"),  # Debian and Ubuntu
    Path("/usr/share/fonts/noto"),  # Fedora, Arch
)
FAMILY = "CCHC Noto Sans"  # our own name, so the PDF never picks up another installed face
FILES = {400: "NotoSans-Regular.ttf", 700: "NotoSans-Bold.ttf"}


class FontMissing(RuntimeError):
    pass


@cache
def font_paths() -> dict[int, Path]:
    """Weight → font file; raises FontMissing with the command that installs them."""
    for folder in FONT_DIRS:
        paths = {weight: folder / name for weight, name in FILES.items()}
        if all(path.is_file() for path in paths.values()):
            return paths
    raise FontMissing(
        f"thiếu phông chữ Noto Sans ({', '.join(FILES.values())}) để in ấn phẩm: cài gói Debian "
        f"{FONT_PACKAGE} (`make build` tự cài, hoặc `apt-get install {FONT_PACKAGE}`)"
    )


@cache
def fonts_digest() -> str:
    """Hash of the font files' bytes: a new font version re-renders every print."""
    digest = hashlib.sha256()
    for weight, path in sorted(font_paths().items()):
        digest.update(f"{weight}:".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def font_face_css() -> str:
    """@font-face rules pointing at the package's files (WeasyPrint embeds what is used)."""
    return "".join(
        f'@font-face {{ font-family: "{FAMILY}"; font-weight: {weight}; font-style: normal; '
        f'src: url("{path.as_uri()}"); }}\n'
        for weight, path in sorted(font_paths().items())
    )


@dataclass(frozen=True)
class _Metrics:
    units_per_em: int
    advances: dict[int, int]  # code point → advance width in font units
    fallback: int  # advance of a glyph the font lacks (never for Vietnamese)


@cache
def _metrics(weight: int) -> _Metrics:
    with TTFont(str(font_paths()[weight])) as font:
        cmap = font.getBestCmap()
        hmtx = font["hmtx"]
        advances = {code: hmtx[glyph][0] for code, glyph in cmap.items()}
        return _Metrics(font["head"].unitsPerEm, advances, hmtx[".notdef"][0])


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Advance width of `text` set at `size` (same unit as size), without kerning.

    Kerning only ever tightens Latin text, so the estimate errs on the safe (wider) side.
    """
    metrics = _metrics(700 if bold else 400)
    units = sum(metrics.advances.get(ord(ch), metrics.fallback) for ch in text)
    return units * size / metrics.units_per_em
