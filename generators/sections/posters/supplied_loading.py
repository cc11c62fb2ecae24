"""Reading a supplied print's data file and publishing its PDF and thumbnail."""

from __future__ import annotations

from pathlib import Path

from ...core.loading import relative, report_problems
from ...core.outputs import OutputFile
from ...core.portal import Portal
from ...core.section import LoadContext
from ...core.validation import validate
from ...core.yamlsource import YamlProblem, read_yaml
from .checks import check_kind_and_shape
from .pages import thumbnail_path
from .supplied import SUPPLIED, SuppliedPrint, SuppliedPrintDocument, check_supplied, thumbnail


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


def supplied_outputs(portal: Portal, content: Path) -> list[OutputFile]:
    """Each supplied PDF's thumbnail, at the path every print's thumbnail has (the PDF itself
    is published by MkDocs as it stands in content/ap-phich/)."""
    outputs = []
    for item in portal[SUPPLIED]:
        pdf = (content / item.source).read_bytes()
        source = f"ấn phẩm «{item.slug}» ({item.doc.issuer.name})"
        outputs.append(OutputFile(thumbnail_path(item), thumbnail(pdf), source=source))  # type: ignore[arg-type]
    return outputs
