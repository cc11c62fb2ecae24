"""The editors' guide (content/huong-dan-bien-tap.md, published at /huong-dan-bien-tap/) stays
true: every command it shows is a real `cchc` command or `make` target with valid arguments,
every path it names exists, every YAML example is valid YAML, and its links resolve."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import html

from generators.cli import build_parser
from generators.core.yamlsource import YamlProblem, parse_yaml

from .conftest import ROOT

GUIDE = ROOT / "content" / "huong-dan-bien-tap.md"
FENCE = re.compile(r"^(?P<indent>[ ]*)```(?P<lang>\w*)\n(?P<code>.*?)^(?P=indent)```", re.M | re.S)


def blocks(lang: str) -> list[str]:
    text = GUIDE.read_text(encoding="utf-8")
    found = []
    for match in FENCE.finditer(text):
        if match["lang"] == lang:
            indent = len(match["indent"])
            found.append("\n".join(line[indent:] for line in match["code"].splitlines()))
    return found


def commands() -> list[str]:
    """Every shell line of the guide's `sh` blocks, continuation lines joined."""
    lines = []
    for block in blocks("sh"):
        lines += [line.strip() for line in block.replace("\\\n", " ").splitlines() if line.strip()]
    return lines


def make_targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][\w-]*):", makefile, re.M))


def test_the_guide_shows_commands() -> None:
    shown = commands()
    assert any(c.startswith("cchc report") for c in shown) and "make serve" in shown


@pytest.mark.parametrize("command", commands())
def test_every_command_shown_is_real(command: str) -> None:
    words = shlex.split(command)
    assert words[0] in ("cchc", "make"), command
    if words[0] == "make":
        assert set(words[1:]) <= make_targets(), command
        return
    try:
        build_parser().parse_args(words[1:])
    except SystemExit as exc:
        pytest.fail(f"«{command}» is not a valid cchc command (exit {exc.code})")


def test_every_command_named_in_the_text_is_real() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    subcommands = set(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    for name in re.findall(r"`cchc (\w[\w-]*)", text):
        assert name in subcommands, name
    for target in re.findall(r"`make (\w[\w-]*)`", text):
        assert target in make_targets(), target


def test_every_yaml_example_is_valid_yaml() -> None:
    examples = blocks("yaml")
    assert len(examples) >= 4
    for example in examples:
        try:
            parse_yaml(example, "hướng dẫn")
        except YamlProblem as problem:
            pytest.fail(f"{problem}\n{example}")


def test_every_path_it_names_exists() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    paths = set(re.findall(r"`((?:data|content)/[^`<>*\s]*)`", text))
    assert "data/duong-day-nong.yml" in paths
    examples = {"content/tin-tuc/2025/anh/tap-huan.jpg"}  # a file the reader creates
    missing = [p for p in sorted(paths - examples) if not (ROOT / p.rstrip("/")).exists()]
    assert missing == []


def test_published_with_every_link_resolving(built_site: Path) -> None:
    page = built_site / "huong-dan-bien-tap" / "index.html"
    tree = html.fromstring(page.read_bytes())
    assert tree.xpath("string(//main//h1)") == "Hướng dẫn cho Ban biên tập"
    for href in tree.xpath("//main//a/@href"):
        parts = urlsplit(href)
        if parts.scheme or href.startswith("#"):
            continue
        target = (page.parent / parts.path).resolve()
        if target.is_dir():
            target = target / "index.html"
        assert target.is_file(), href
    ids = set(tree.xpath("//@id"))
    for href in tree.xpath("//main//a/@href"):
        if href.startswith("#"):
            assert href[1:] in ids, href
