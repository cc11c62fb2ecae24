"""Responsive images: a few widths of each article image, made once and cached by content.

Phones on slow links should not download a 1,600 px photograph to show it 360 px wide. Every
image an article uses is resized (Pillow) into the widths below that are smaller than the
original; pages offer them through `srcset`. Resized files are kept in a cache folder keyed by a
hash of the source bytes, the width and the settings, so an unchanged image is never processed
again.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
from dataclasses import dataclass
from pathlib import Path

from PIL import Image as PILImage
from PIL import ImageOps

from ...core.editor_fields import MAX_UPLOAD_BYTES
from ...core.outputs import OutputFile
from .model import Image

WIDTHS = (480, 960, 1440)
MAX_IMAGE_BYTES = MAX_UPLOAD_BYTES  # the web editor refuses larger uploads too
"""The largest picture an article may use (a phone photograph is 2–4 MB); the web editor
refuses larger uploads with the same figure."""
JPEG_QUALITY = 80
_SETTINGS = f"v1-q{JPEG_QUALITY}"
_SAVE_FORMAT = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP", "image/gif": "PNG"}
_SUFFIX = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}


@dataclass(frozen=True)
class Variant:
    """One resized copy of `image`, published at `path` (inside the site)."""

    image: Image
    path: str
    width: int
    height: int


def variants(image: Image) -> list[Variant]:
    """The widths to publish for `image`: every standard width below its own, and the original."""
    stem, _ = posixpath.splitext(image.source)
    suffix = _SUFFIX[_SAVE_FORMAT[image.mime_type]]
    chosen = [w for w in WIDTHS if w < image.width]
    result = [
        Variant(image, f"{stem}-{w}w{suffix}", w, round(image.height * w / image.width))
        for w in chosen
    ]
    # The original size is served as it is (MkDocs copies it); listed so srcset can offer it.
    result.append(Variant(image, image.source, image.width, image.height))
    return result


def srcset(variant_list: list[Variant], relative: callable) -> str:  # type: ignore[valid-type]
    return ", ".join(f"{relative(v.path)} {v.width}w" for v in variant_list)


def _resize(source: bytes, variant: Variant) -> bytes:
    with PILImage.open(io.BytesIO(source)) as picture:
        picture = ImageOps.exif_transpose(picture)
        resized = picture.resize((variant.width, variant.height), PILImage.Resampling.LANCZOS)
        fmt = _SAVE_FORMAT[variant.image.mime_type]
        if fmt == "JPEG" and resized.mode not in ("RGB", "L"):
            resized = resized.convert("RGB")
        out = io.BytesIO()
        options = {"quality": JPEG_QUALITY, "progressive": True, "optimize": True}
        resized.save(out, fmt, **(options if fmt == "JPEG" else {"optimize": True}))
        return out.getvalue()


@dataclass
class ImageCache:
    """Resized images on disk, keyed by what they were made from."""

    folder: Path
    made: int = 0
    reused: int = 0

    def get(self, content_dir: Path, variant: Variant) -> bytes:
        source = (content_dir / variant.image.source).read_bytes()
        digest = hashlib.sha256(source).hexdigest()[:32]
        key = f"{digest}-{variant.width}-{_SETTINGS}{posixpath.splitext(variant.path)[1]}"
        cached = self.folder / key
        if cached.is_file():
            self.reused += 1
            return cached.read_bytes()
        data = _resize(source, variant)
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = cached.with_suffix(cached.suffix + ".tmp")
        temporary.write_bytes(data)
        temporary.replace(cached)
        self.made += 1
        return data


def image_outputs(images: list[Image], content_dir: Path, cache: ImageCache) -> list[OutputFile]:
    """The resized copies of every image (the originals are published as they are)."""
    outputs: dict[str, OutputFile] = {}
    for image in images:
        for variant in variants(image):
            if variant.path == image.source or variant.path in outputs:
                continue
            outputs[variant.path] = OutputFile(
                variant.path, cache.get(content_dir, variant), source=f"ảnh {image.source}"
            )
    return list(outputs.values())
