"""Every common YAML slip gets its own Vietnamese message with line, column and what to do;
none falls back to PyYAML's English («chi tiết kỹ thuật: …»)."""

from __future__ import annotations

import pytest

from generators.core.yamlsource import YamlProblem, parse_yaml

SLIPS = {
    "tab indentation": ("a:\n\tb: 1\n", "Tab"),
    "tab inside indentation": ("a:\n  b: 1\n\t c: 2\n", "Tab"),
    "tab after a colon": ("a:\tb\n", "Tab"),
    "tab after a dash": ("a:\n  -\tx\n", "Tab"),
    "colon inside text": ("a: Thông báo: lịch tiếp dân\n", "dấu hai chấm"),
    "no space after the colon": ("a:1\nb: 2\n", "dấu hai chấm"),
    "missing colon": ("a: 1\nb\nc: 2\n", "thiếu dấu hai chấm"),
    "bad indentation": ("a:\n  b: 1\n c: 2\n", "thụt lề"),
    "list misaligned": ("a:\n  - x\n - y\n", "thụt lề"),
    "list after a field": ("a:\n  - x\n  b: 1\n", "danh sách"),
    "dash on the field's line": ("a: - b\n", "«- »"),
    "unclosed double quote": ('a: "abc\nb: 1\n', "chưa đóng"),
    "unclosed single quote": ("a: 'abc\nb: 1\n", "chưa được đóng"),
    "unclosed bracket": ("a: [1, 2\nb: 3\n", "ngoặc vuông"),
    "unclosed brace": ("a: {b: 1\n", "ngoặc nhọn"),
    "leading @": ("a: @x\n", "dấu nháy kép"),
    "leading backtick": ("a: `x`\n", "dấu nháy kép"),
    "leading *": ("a: *x\n", "bí danh"),
    "lone &": ("a: &\n", "«&»"),
    "text after a block sign": ("a: | x\n  y\n", "«|»"),
    "backslash in double quotes": ('a: "C:\\x"\n', "«\\»"),
    "two documents": ("a: 1\n---\nb: 2\n", "một tài liệu"),
    "text after the end marker": ("a: 1\n...\nb\n", "nội dung thừa"),
}


@pytest.mark.parametrize("name", SLIPS)
def test_common_slip_has_its_own_message(name: str) -> None:
    text, expected = SLIPS[name]
    with pytest.raises(YamlProblem) as caught:
        parse_yaml(text, "data/vi-du.yml")
    [error] = caught.value.errors
    assert expected in error.message, error.message
    assert "chi tiết kỹ thuật" not in error.message
    assert error.line is not None
    assert error.format().startswith(f"data/vi-du.yml, dòng {error.line}")


@pytest.mark.parametrize("text", [
    'a: "cột\tB"\n',          # a tab inside quotes is text
    "a: |\n  x\n  \ty\n",     # and inside a block
    "a: b # chú thích\n",     # a comment after a space
])
def test_tabs_in_text_are_fine(text: str) -> None:
    data, _ = parse_yaml(text, "data/vi-du.yml")
    assert "a" in data


def _strictly(value: object) -> object:
    """`value` with every scalar's type beside it: 1, 1.0 and True compare equal, not here."""
    if isinstance(value, dict):
        return {key: _strictly(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_strictly(item) for item in value]
    return (type(value), value)


def _nfc(value: object) -> object:
    """Every text of `value` in NFC, recursively, keys too."""
    import unicodedata

    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(item) for item in value]
    if isinstance(value, dict):
        return {_nfc(key): _nfc(item) for key, item in value.items()}
    return value


def _pyyaml(text: str) -> object:
    """What PyYAML's safe loader constructs, every text then in NFC."""
    import yaml

    return _nfc(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))


TRICKY = """\
số: 12
hex: 0x1F
octal: 0o17
nhóm: 1_000
âm: -3
thực: 1.5e3
vô cực: .inf
không phải số: .nan
có: yes
không: off
đúng: true
rỗng: ~
trống:
ngày: 2024-07-15
lúc: 2024-07-15 08:30:00+07:00
chuỗi: "0233 3852 402"
ép chuỗi: !!str 123
văn bản: |
  Dòng một
  dòng hai
gấp: >
  một
  hai
danh sách: [1, "hai", 3.0, null, [Cải cách]]
lồng:
  - tên: Sở Xây dựng
    mã: 1.000001
  - {tên: "Ủy ban", số: 2}
"""


def test_plain_data_is_what_pyyaml_constructs_with_every_text_in_nfc() -> None:
    """parse_yaml builds the plain data itself (yamlsource._plain), not with PyYAML's
    constructor: numbers in every notation, YAML 1.1 booleans, nulls, dates, quoted and block
    texts, texts typed in decomposed form (keys too), nested lists and maps, and every data
    file of the demo come out as PyYAML gives them, with the same types."""
    import unicodedata

    from .conftest import ROOT

    decomposed = unicodedata.normalize("NFD", "tiêu đề: Cải cách hành chính\nđơn vị: Sở\n")
    texts = [TRICKY, decomposed, "- một\n- 2\n", "3\n", '"chỉ một câu"\n']
    texts += [path.read_text(encoding="utf-8") for path in sorted((ROOT / "data").rglob("*.yml"))]
    assert len(texts) > 40
    for text in texts:
        data, _ = parse_yaml(text, "x.yml")
        assert _strictly(data) == _strictly(_pyyaml(text)), text[:80]
    data, _ = parse_yaml(decomposed, "x.yml")
    assert data == {"tiêu đề": "Cải cách hành chính", "đơn vị": "Sở"}  # NFC keys and texts


@pytest.mark.parametrize("text, line", [
    ("tiêu đề: Tin \u202egpj.exe\n", 1),  # typed in the text
    ("a: 1\nnội dung: |\n  Dòng một\n  Dòng \u200bhai\n", 4),  # in a block, at its own line
    ('a: 1\ntiêu đề: "Tin \\u202e đảo"\n', 2),  # an escape: only the value holds it
])
def test_parse_yaml_refuses_an_invisible_character_typed_or_escaped(text: str, line: int) -> None:
    with pytest.raises(YamlProblem) as problem:
        parse_yaml(text, "x.yml")
    [error] = problem.value.errors
    assert error.line == line and "U+20" in error.format()
