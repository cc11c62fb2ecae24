"""`cchc` speaks Vietnamese: the help of every command and argparse's error messages."""

from __future__ import annotations

import argparse
import re

import pytest

from generators.cli import build_parser, main
from generators.core.cli_text import translate

# argparse's own English, as Python 3.11–3.13 prints it.
ENGLISH = ("usage:", "positional arguments", "optional arguments", "options:",
           "show this help message", "error:", "the following arguments are required",
           "invalid choice", "choose from", "unrecognized arguments", "expected one argument")
# Upper-case words that are names, not English metavars.
ACRONYMS = {"CCHC", "CSV", "XLSX", "JSON", "UTF", "PHÓ", "GIÁM", "ĐỐC"}


def every_parser(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                found += every_parser(sub)
    return found


PARSERS = every_parser(build_parser())


def assert_vietnamese(text: str) -> None:
    lowered = text.lower()
    assert not [e for e in ENGLISH if e in lowered], text
    metavars = set(re.findall(r"\b[A-Z][A-Z_]{2,}\b", text)) - ACRONYMS
    assert not metavars, f"English metavars {metavars} in:\n{text}"


def test_there_is_a_parser_for_every_command() -> None:
    names = {p.prog for p in PARSERS}
    assert {"cchc", "cchc check", "cchc build", "cchc report", "cchc tthc import"} <= names


@pytest.mark.parametrize("parser", PARSERS, ids=lambda p: p.prog)
def test_help_is_vietnamese(parser: argparse.ArgumentParser) -> None:
    text = parser.format_help()
    assert text.startswith("Cách dùng: ")
    assert "hiện hướng dẫn này rồi thoát" in text
    assert_vietnamese(text)


@pytest.mark.parametrize(("argv", "expected"), [
    ([], "thiếu tham số bắt buộc: LỆNH"),
    (["xuat-ban"], "lựa chọn 'xuat-ban' không có; chọn một trong: check, schema"),
    (["check", "--thua"], "không hiểu tham số: --thua"),
    (["report"], "thiếu tham số bắt buộc: KẾ_HOẠCH, --period"),
    (["report", "ke-hoach", "--period"], "tham số --period: cần một giá trị"),
    (["tthc"], "thiếu tham số bắt buộc: LỆNH"),
])
def test_argument_errors_are_vietnamese_with_what_to_do(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_code:
        main(argv)
    assert exit_code.value.code == 2
    err = capsys.readouterr().err
    assert expected in err and "Xem hướng dẫn: cchc" in err and "--help" in err
    assert_vietnamese(err)


def test_help_option_prints_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_code:
        main(["--help"])
    assert exit_code.value.code == 0
    assert_vietnamese(capsys.readouterr().out)


def test_an_unknown_message_passes_through_unchanged() -> None:
    assert translate("một thông báo đã là tiếng Việt") == "một thông báo đã là tiếng Việt"
