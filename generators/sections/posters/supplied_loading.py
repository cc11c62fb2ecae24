"""Reading a supplied print's data file and publishing its PDF and thumbnail."""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

import pypdfium2

from ...core.derived_cache import write_atomic
from ...core.loading import relative, report_problems
from ...core.outputs import OutputFile
from ...core.portal import Portal
from ...core.section import LoadContext
from ...core.validation import validate
from ...core.yamlsource import YamlProblem, read_yaml
from .checks import check_kind_and_shape
from .pages import thumbnail_path
from .pdf import prune_cache
from .supplied import (
    SUPPLIED,
    THUMBNAIL_BOX,
    SuppliedPrint,
    SuppliedPrintDocument,
    check_supplied,
    thumbnail,
)

THUMBNAIL_VERSION = 1  # raise when `thumbnail` draws differently
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_END = b"IEND\xaeB`\x82"  # the last chunk, with its checksum


def is_supplied(path: Path) -> bool:
    """A print file naming a `pdf:` is a supplied print (read without failing: errors in the
    file are reported when it is read for real)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return any(line.startswith("pdf:") for line in text.splitlines())


def load_supplied(path: Path, ctx: LoadContext) -> list[SuppliedPrint]:
    rel = relative(path, ctx.root)
    try:
        data, lines = read_yaml(path, rel)
    except YamlProblem as problem:
        ctx.errors.extend(problem.errors)
        return []
    result = validate(SuppliedPrintDocument, data, rel, lines)
    if isinstance(result, list):
        ctx.errors.extend(result)
        return []
    facts, problems = check_supplied(result, ctx.content)
    item = SuppliedPrint(path.stem, result, facts)
    if facts is not None and not problems:  # a wrong declared size says it already
        problems += [(("kind",), message) for _, message in
                     check_kind_and_shape(result.kind, item.format)]
    report_problems(ctx.errors, rel, lines, problems)
    return [item]


def supplied_outputs(portal: Portal, content: Path,
                     cache: Path | None = None) -> list[OutputFile]:
    """Each supplied PDF's thumbnail, at the path every print's thumbnail has (the PDF itself
    is published by MkDocs as it stands in content/ap-phich/). With `cache`, a thumbnail is
    drawn once per PDF and kept there (`cached_thumbnail`); thumbnails no PDF uses are
    dropped."""
    outputs = []
    used: set[str] = set()  # the keys of the thumbnails this build publishes
    for item in portal[SUPPLIED]:
        pdf = (content / item.source).read_bytes()
        source = f"ấn phẩm «{item.slug}» ({item.doc.issuer.name})"
        if cache is None:
            image = thumbnail(pdf)
        else:
            key = thumbnail_key(pdf)
            used.add(key)
            image = cached_thumbnail(pdf, cache / f"{key}.png")
        outputs.append(OutputFile(thumbnail_path(item), image, source=source))  # type: ignore[arg-type]
    if cache is not None:
        prune_cache(cache, used)
    return outputs


def thumbnail_key(pdf: bytes) -> str:
    """What a thumbnail derives from: the PDF's bytes, the drawing code's version, PDFium's
    and Pillow's versions, the box it is drawn into."""
    digest = hashlib.sha256()
    for part in (THUMBNAIL_VERSION, pypdfium2.version.PDFIUM_INFO, metadata.version("pillow"),
                 THUMBNAIL_BOX):
        digest.update(f"{part}\0".encode())
    digest.update(pdf)
    return digest.hexdigest()[:32]


def cached_thumbnail(pdf: bytes, path: Path) -> bytes:
    """The thumbnail kept at `path` (named by `thumbnail_key`), or one drawn now and kept there.
    Drawing one took 60 ms, at every build and every preview rebuild. A kept file that is not a
    whole PNG (cut short, edited) is drawn again, never published."""
    try:
        kept = path.read_bytes()
    except OSError:
        kept = b""
    if kept.startswith(PNG_SIGNATURE) and kept.endswith(PNG_END):
        return kept
    image = thumbnail(pdf)
    write_atomic(path, image)  # a cache that cannot be written only costs the next build
    return image
