"""Regulation numbers cited in messages and schema descriptions live in one module
(generators/core/regulations.py), so an agency can follow a replaced regulation by editing one
line (issue 17, item 14). Docstrings and comments may name them; strings the code shows may not."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from generators.core import regulations
from generators.core.profile import OrgUnit

from .conftest import ROOT

CITATION = re.compile(r"(Thông tư|Nghị định|Quyết định|Nghị quyết)\s+(số\s+)?\d+/\d{4}")


def docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def cited_strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = docstrings(tree)
    return [
        (node.lineno, node.value) for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and id(node) not in skip and CITATION.search(node.value)
    ]


def test_no_regulation_number_outside_the_regulations_module() -> None:
    found = {
        f"{path.relative_to(ROOT)}:{line}": text
        for path in sorted((ROOT / "generators").rglob("*.py"))
        if path.name != "regulations.py"
        for line, text in cited_strings(path)
    }
    assert found == {}


def test_messages_and_descriptions_follow_the_module() -> None:
    assert all(CITATION.search(value) for value in regulations.ALL.values())
    description = OrgUnit.model_json_schema()["properties"]["name_en"]["description"]
    assert regulations.ONLINE_SERVICES in description


def test_the_check_can_fail() -> None:
    sample = ROOT / "tests" / "fixtures" / "regulation_sample.py"
    assert [line for line, _ in cited_strings(sample)] == [5]
