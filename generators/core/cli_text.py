"""`cchc`'s command line in Vietnamese: argparse's own words (usage, headings, the help option,
error messages) given in Vietnamese by a parser and a help formatter of our own.

argparse builds these texts from English templates; the parser below sets its headings and
help option itself and turns the few error templates an editor can meet into Vietnamese with
what to do next. Unknown messages pass through unchanged rather than being lost.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from typing import NoReturn

USAGE = "Cách dùng: "
POSITIONALS = "tham số"
OPTIONALS = "tùy chọn"
HELP = "hiện hướng dẫn này rồi thoát"
ERROR = "lỗi"


def _names(listed: str) -> str:
    """"'check', 'build'" → "check, build"."""
    return ", ".join(part.strip().strip("'\"") for part in listed.split(","))


# (English pattern as argparse 3.11–3.13 writes it, Vietnamese replacement)
_MESSAGES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"^argument (?P<name>.+?): (?P<message>.*)$", re.S),
     lambda m: f"tham số {m['name']}: {translate(m['message'])}"),
    (re.compile(r"^the following arguments are required: (?P<names>.*)$"),
     lambda m: f"thiếu tham số bắt buộc: {m['names']}"),
    (re.compile(r"^invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)$"),
     lambda m: f"lựa chọn {m['value']} không có; chọn một trong: {_names(m['choices'])}"),
    (re.compile(r"^unrecognized arguments: (?P<args>.*)$"),
     lambda m: f"không hiểu tham số: {m['args']}"),
    (re.compile(r"^expected one argument$"), lambda m: "cần một giá trị sau tùy chọn này"),
    (re.compile(r"^expected at most one argument$"), lambda m: "chỉ nhận tối đa một giá trị"),
    (re.compile(r"^expected at least one argument$"), lambda m: "cần ít nhất một giá trị"),
    (re.compile(r"^ambiguous option: (?P<option>\S+) could match (?P<matches>.*)$"),
     lambda m: f"tùy chọn {m['option']} không rõ, có thể là: {m['matches']}"),
    (re.compile(r"^invalid (?P<type>\S+) value: (?P<value>.*)$"),
     lambda m: f"giá trị {m['value']} không đúng kiểu"),
    (re.compile(r"^not allowed with argument (?P<other>.*)$"),
     lambda m: f"không dùng cùng với {m['other']}"),
    (re.compile(r"^one of the arguments (?P<names>.*) is required$"),
     lambda m: f"cần một trong các tham số: {m['names']}"),
    (re.compile(r"^ignored explicit argument (?P<value>.*)$"),
     lambda m: f"tùy chọn này không nhận giá trị {m['value']}"),
]


def translate(message: str) -> str:
    """argparse's English error message in Vietnamese (unchanged when unknown)."""
    for pattern, replacement in _MESSAGES:
        match = pattern.match(message)
        if match:
            return replacement(match)
    return message


class VietnameseHelpFormatter(argparse.HelpFormatter):
    """"Cách dùng:" instead of "usage:"."""

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, USAGE if prefix is None else prefix)


class VietnameseParser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors are Vietnamese; its subcommands' parsers
    (add_subparsers) are of the same class, so the whole tree is."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        add_help = bool(kwargs.pop("add_help", True))
        kwargs.setdefault("formatter_class", VietnameseHelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)  # type: ignore[arg-type]
        self._positionals.title = POSITIONALS
        self._optionals.title = OPTIONALS
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help=HELP)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        hint = f"Xem hướng dẫn: {self.prog} --help"
        self.exit(2, f"{self.prog}: {ERROR}: {translate(message)}\n{hint}\n")
