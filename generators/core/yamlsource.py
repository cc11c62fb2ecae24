"""Safe YAML reading that remembers where every value came from.

PyYAML gives line numbers only on its node tree, so we compose the nodes, record the line of
every mapping key and list item under its field path, and only then construct plain Python
data. The same walk refuses what an editor never means to write: duplicate keys (a copy-paste
slip that YAML would silently resolve to the last one), anchors/aliases (which also stop
"billion laughs" alias bombs before anything is expanded), explicit tags («!!int abc»,
«!!python/object…», «!!set»: PyYAML would crash on them or build objects no model expects), keys
that are not text, numbers too long to be numbers, and nesting deeper than `MAX_DEPTH`.

libyaml's composer recurses in C and takes the interpreter down (a segfault, no message) on
some tens of thousands of nested brackets, which fit in a 200 KB file; a file that could nest
that deep is composed by Python's Composer instead, which counts the levels.

Syntax errors are PyYAML's scanner and parser problems given in Vietnamese with the line, the
column and what to do (`_YAML_PROBLEMS`). Tabs follow one rule in data files and front matter
alike (`tab_problems`): a tab is refused wherever YAML would read it as indentation or as the
space between parts of a line (after «:» or «-», before a comment, at the end of a value); only
text in quotes or in a «|»/«>» block may hold one.

Decoding (`decode_text`) refuses files that are too large, UTF-16 or otherwise not UTF-8, hold
text pasted from a TCVN3 or VNI document (vietnamese/legacy.py), or hold invisible and
bidirectional control characters (invisible.py); articles go through it too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer

from ..vietnamese.legacy import find_legacy_encoding, legacy_message
from .errors import DataError, FieldPath
from .invisible import find_invisible

MAX_FILE_BYTES = 2 * 1024 * 1024
# Our deepest files (a plan's task groups) nest about six levels; 40 leaves room for any model.
MAX_DEPTH = 40
# Longer than any number an editor writes (and past it Python refuses to read an int).
MAX_NUMBER_CHARS = 30

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Every level of nesting takes one of these characters, so a file with fewer of them than
# libyaml's C composer survives (it crashed between 20,000 and 100,000 levels) is composed in C.
_NESTING_CHARS = "[{-?:"
_C_SAFE_NESTING = 10_000
_RESOLVER = yaml.resolver.Resolver()
_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
_STR_TAG = f"{_TAG}str"
_COLLECTION_TAGS = {yaml.MappingNode: f"{_TAG}map", yaml.SequenceNode: f"{_TAG}seq"}
_TIMESTAMPS = yaml.constructor.SafeConstructor()  # reads a date; holds no state between calls


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        self.line = line
        super().__init__(line)


class _CountingLoader(Composer, _Parser):  # type: ignore[misc, valid-type]
    """The safe loader, but composed by Python's Composer so that nesting is counted."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        Composer.__init__(self)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _TooDeep(self.peek_event().start_mark.line + 1)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


TAB_ADVICE = (
    "YAML chỉ thụt lề và ngăn cách bằng dấu cách: hãy thay mỗi Tab bằng dấu cách (trong trình "
    "soạn thảo, bật «chèn dấu cách khi nhấn Tab»)"
)
_QUOTE_ADVICE = "nếu đó là văn bản, hãy đặt cả văn bản trong dấu nháy kép «\"…\"»"

_YAML_PROBLEMS = {
    "mapping values are not allowed": (
        "có dấu hai chấm «:» không đúng chỗ; nếu văn bản có dấu hai chấm, hãy đặt cả văn bản "
        "trong dấu nháy kép hoặc dùng khối «|»; nếu đây là tên trường, hãy thụt lề bằng đúng số "
        "dấu cách như các trường cùng cấp"
    ),
    "found character '\\t' that cannot start any token": f"có ký tự Tab; {TAB_ADVICE}",
    "found a tab character that violates indentation": (
        f"có ký tự Tab trong phần thụt lề; {TAB_ADVICE}"
    ),
    "found a tab character where an indentation space is expected": (
        f"có ký tự Tab trong phần thụt lề; {TAB_ADVICE}"
    ),
    "found character that cannot start any token": (
        "có ký tự không được đứng đầu giá trị (thường là «@», «`» hoặc «%»); "
        f"{_QUOTE_ADVICE}"
    ),
    "could not find expected ':'": (
        "thiếu dấu hai chấm «:» sau tên trường (mỗi dòng viết «tên: giá trị»), hoặc dòng trên "
        "còn dấu nháy chưa đóng"
    ),
    "found undefined alias": f"dấu «*» ở đầu giá trị được hiểu là bí danh YAML; {_QUOTE_ADVICE}",
    "did not find expected key": (
        "thụt lề không thẳng hàng với các trường cùng cấp, hoặc có văn bản thừa sau dấu nháy "
        "đóng; hãy thụt lề bằng đúng số dấu cách như các dòng cùng cấp"
    ),
    "did not find expected '-' indicator": (
        "thụt lề của danh sách không thẳng hàng; các mục cùng danh sách bắt đầu bằng «- » ở "
        "cùng một cột"
    ),
    "expected <block end>": (
        "thụt lề không thẳng hàng với các trường cùng cấp; hãy thụt lề bằng đúng số dấu cách "
        "như các dòng cùng cấp"
    ),
    "found unexpected end of stream": (
        "văn bản trong dấu nháy chưa được đóng; hãy thêm dấu nháy đóng ở cuối văn bản"
    ),
    "found unknown escape character": (
        "có ký tự «\\» không hợp lệ trong dấu nháy kép; viết «\\\\» hoặc dùng dấu nháy đơn"
    ),
    "found invalid Unicode character escape code": (
        "có mã ký tự «\\u…» không hợp lệ trong dấu nháy kép"
    ),
    "but found another document": (
        "mỗi tệp chỉ chứa một tài liệu; hãy xóa dòng «---» hoặc «...» thừa"
    ),
    "did not find expected ',' or ']'": (
        "danh sách trong ngoặc vuông «[…]» chưa đóng hoặc thiếu dấu phẩy giữa các mục; nếu văn "
        "bản bắt đầu bằng «[», hãy đặt cả văn bản trong dấu nháy kép"
    ),
    "did not find expected ',' or '}'": (
        "ngoặc nhọn «{…}» chưa đóng hoặc thiếu dấu phẩy; nếu văn bản bắt đầu bằng «{», hãy "
        "đặt cả văn bản trong dấu nháy kép"
    ),
    "did not find expected node content": (
        "thiếu giá trị ở đây (thường do dấu phẩy hoặc dấu «-» thừa); " + _QUOTE_ADVICE
    ),
    "did not find expected alphabetic or numeric character": (
        f"dấu «&» hoặc «*» ở đầu giá trị được hiểu là neo, bí danh YAML; {_QUOTE_ADVICE}"
    ),
    "did not find expected comment or line break": (
        "sau «|» hoặc «>» phải xuống dòng rồi mới viết văn bản; " + _QUOTE_ADVICE
    ),
    "did not find expected hexdecimal number": (
        "có ký tự «\\» trong dấu nháy kép (như «C:\\x»); viết «\\\\» hoặc dùng dấu nháy đơn «'…'»"
    ),
    "block sequence entries are not allowed": (
        "dấu «- » của danh sách phải bắt đầu một dòng riêng, thụt lề dưới tên trường; nếu đó "
        "là văn bản, hãy đặt cả văn bản trong dấu nháy kép"
    ),
    "did not find expected <document start>": (
        "có nội dung thừa sau dòng «...» hoặc «---» kết thúc dữ liệu; hãy xóa dòng đó hoặc phần "
        "thừa"
    ),
    "found an indentation indicator equal to 0": (
        "sau «|» hoặc «>» không viết số 0; chỉ viết «|» rồi xuống dòng"
    ),
    "found unexpected ':'": (
        "có dấu hai chấm «:» không đúng chỗ; " + _QUOTE_ADVICE
    ),
}


class YamlProblem(Exception):
    def __init__(self, errors: list[DataError]) -> None:
        self.errors = errors
        super().__init__("; ".join(e.format() for e in errors))


@dataclass
class LineMap:
    """Field path → line number (1-based) of the key or list item that holds it."""

    lines: dict[FieldPath, int] = field(default_factory=dict)

    def shifted(self, offset: int) -> LineMap:
        """The same map for YAML that starts `offset` lines into its file (front matter)."""
        return LineMap({path: line + offset for path, line in self.lines.items()})

    def line_of(self, path: FieldPath) -> int | None:
        """Line of `path`, or of its nearest enclosing field (a missing key has no line)."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None


def _translate(problem: str | None, character: str = "") -> str:
    """PyYAML's problem in Vietnamese with what to do; `character` is the one at the mark."""
    text = problem or ""
    if character == "\t" and "cannot start any token" in text:
        return f"có ký tự Tab; {TAB_ADVICE}"
    for english, vietnamese in _YAML_PROBLEMS.items():
        if text.startswith(english):
            return vietnamese
    return (
        "lỗi cú pháp YAML; hãy kiểm tra dấu nháy, dấu hai chấm «: » và thụt lề bằng dấu cách ở "
        f"dòng này và dòng trên (chi tiết kỹ thuật: {text or 'không rõ'})"
    )


_OPENS_QUOTE = re.compile(r'^\s*(?:-\s+)?(?:[^\s#"\'][^#"\']*:\s+)?"')


def _unclosed_quote(text: str, before_line: int) -> int | None:
    """The last line before `before_line` (0-based) where a value opens a double quote it
    never closes on that line: where an editor forgot the closing quote, which PyYAML only
    notices lines later."""
    found = None
    for number, line in enumerate(text.split("\n")[:before_line]):
        if _OPENS_QUOTE.match(line) and line.replace('\\"', "").count('"') % 2 == 1:
            found = number
    return found


def _syntax_error(rel: str, text: str, exc: yaml.MarkedYAMLError) -> DataError:
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return DataError(rel, _translate(exc.problem))
    opened = _unclosed_quote(text, mark.line)
    if opened is not None:
        return DataError(rel, "văn bản mở dấu nháy kép «\"» ở dòng này nhưng chưa đóng; hãy "
                         "thêm dấu nháy đóng ở cuối văn bản", line=opened + 1)
    character = text[mark.index] if 0 <= mark.index < len(text) else ""
    return DataError(rel, _translate(exc.problem, character), line=mark.line + 1,
                     column=mark.column + 1)


_TEXT_STYLES = {'"', "'", "|", ">"}


def tab_problems(text: str, rel: str) -> list[DataError]:
    """One rule for tabs, in data files and front matter alike: refused as indentation and as
    the space between parts of a line (after «:» or «-», before a comment, after a value);
    allowed only inside quoted text and «|»/«>» blocks. One error per line, at its first tab.
    A file PyYAML cannot even scan is left to its syntax error (which names a tab too)."""
    if "\t" not in text:
        return []
    try:
        tokens = list(yaml.scan(text, Loader=_Parser))
    except yaml.YAMLError:
        return []
    inside_text = [
        (token.start_mark.index, token.end_mark.index)
        for token in tokens
        if isinstance(token, yaml.ScalarToken) and token.style in _TEXT_STYLES
    ]
    errors: list[DataError] = []
    reported: set[int] = set()
    line_start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        column = line.find("\t")
        while column >= 0 and number not in reported:
            index = line_start + column
            if not any(start <= index < end for start, end in inside_text):
                where = ("ở đầu dòng (thụt lề)" if not line[:column].strip()
                         else "dùng để ngăn cách các phần của dòng")
                errors.append(DataError(rel, f"có ký tự Tab {where}; {TAB_ADVICE}",
                                        line=number, column=column + 1))
                reported.add(number)
            column = line.find("\t", column + 1)
        line_start += len(line) + 1
    return errors


_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


def _tag_problem(node: yaml.Node) -> str | None:
    """Why an explicit tag, or a number too long to read, cannot be data; None if fine."""
    refused = (
        "không dùng thẻ YAML («!!…», «!…») trong dữ liệu; hãy viết giá trị bình thường, "
        "văn bản có thể đặt trong dấu nháy kép"
    )
    if isinstance(node, yaml.ScalarNode):
        if node.tag not in _SCALAR_TAGS:
            return refused
        if node.tag != _STR_TAG and _RESOLVER.resolve(
            yaml.ScalarNode, node.value, (True, False)
        ) != node.tag:
            return refused  # «!!int abc»: a tag forcing a type the text does not have
        if node.tag in (f"{_TAG}int", f"{_TAG}float") and len(node.value) > MAX_NUMBER_CHARS:
            return f"số quá dài (hơn {MAX_NUMBER_CHARS} ký tự); nếu là văn bản, hãy đặt trong " \
                "dấu nháy kép"
        return None
    return refused if node.tag != _COLLECTION_TAGS[type(node)] else None


def _loader(text: str) -> yaml.SafeLoader:
    if sum(text.count(ch) for ch in _NESTING_CHARS) < _C_SAFE_NESTING:
        return _Parser(text)
    return _CountingLoader(text)


def _too_deep(rel: str, line: int) -> DataError:
    return DataError(
        rel, f"dữ liệu lồng nhau quá {MAX_DEPTH} cấp (thường do thừa dấu «[» hoặc «{{»); hãy "
        "kiểm tra lại các dấu ngoặc", line=line,
    )


def _walk(
    node: yaml.Node, path: FieldPath, out: LineMap, seen: set[int], rel: str, depth: int = 1
) -> list:
    errors: list[DataError] = []
    if depth > MAX_DEPTH:
        return [_too_deep(rel, node.start_mark.line + 1)]
    if id(node) not in seen:
        problem = _tag_problem(node)
        if problem:
            return [DataError(rel, problem, line=node.start_mark.line + 1,
                              given=node.value if isinstance(node, yaml.ScalarNode) else None)]
    if isinstance(node, yaml.ScalarNode) and node.style == '"':
        # Escapes («"\u202e"») reach here as the characters they stand for; every other
        # character of a value is in the text, which parse_yaml has checked already.
        invisible = find_invisible(node.value)
        if invisible is not None:
            return [DataError(rel, invisible.message(), line=node.start_mark.line + 1)]
    if isinstance(node, yaml.ScalarNode) and node.tag == _TIMESTAMP_TAG:
        try:
            _TIMESTAMPS.construct_yaml_timestamp(node)
        except ValueError:
            return [
                DataError(
                    rel,
                    "ngày không có thật; viết ngày dạng YYYY-MM-DD, ví dụ 2024-07-15",
                    line=node.start_mark.line + 1,
                    given=node.value,
                )
            ]
    if id(node) in seen:
        return [
            DataError(
                rel,
                "không dùng neo và bí danh YAML («&», «*») trong dữ liệu; hãy viết đầy đủ giá trị",
                line=node.start_mark.line + 1,
            )
        ]
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        keys_seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            line = key_node.start_mark.line + 1
            if key is None:
                errors.append(DataError(rel, "tên trường phải là một chữ đơn giản", line=line))
                continue
            if key_node.tag != _STR_TAG:
                errors.append(DataError(rel, "tên trường phải là chữ (không phải số, ngày, "
                                        "true/false hay thẻ YAML)", line=line, given=key))
                continue
            if key == "<<":
                errors.append(DataError(rel, "không dùng khóa gộp «<<» trong dữ liệu", line=line))
                continue
            if key in keys_seen:
                errors.append(
                    DataError(
                        rel,
                        f"trường «{key}» xuất hiện hai lần (lần đầu ở dòng {keys_seen[key]}); "
                        "hãy giữ lại một",
                        line=line,
                    )
                )
                continue
            keys_seen[key] = line
            child = (*path, unicodedata.normalize("NFC", key))
            out.lines[child] = line
            errors += _walk(value_node, child, out, seen, rel, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*path, index)
            out.lines[child] = item.start_mark.line + 1
            errors += _walk(item, child, out, seen, rel, depth + 1)
    return errors


def _plain(node: yaml.Node, loader: yaml.SafeLoader) -> Any:
    """The plain data of a node tree `_walk` has accepted, every text in NFC (keys too), so
    comparisons and slugs never depend on input form: what PyYAML's `construct_document` gives
    with every text then put in NFC, in one pass and without PyYAML's general constructor (its
    object states and generators), which with a second pass to normalise took three times as
    long (0.15 ms of a procedure's 0.5 ms). Texts are the nodes' values; numbers, booleans,
    nulls and dates are PyYAML's own constructors'; keys are texts (`_walk` refuses others,
    anchors, aliases, merge keys and unknown tags)."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _STR_TAG:
            value = node.value
            return value if value.isascii() else unicodedata.normalize("NFC", value)
        return loader.construct_object(node)
    if isinstance(node, yaml.MappingNode):
        return {unicodedata.normalize("NFC", key.value): _plain(value, loader)
                for key, value in node.value}
    return [_plain(item, loader) for item in node.value]


def plain_text(raw: bytes) -> str:
    """The text of UTF-8 bytes, in NFC: what `decode_text` gives once its checks pass (the
    model cache's readers skip the checks for bytes that passed them before)."""
    return unicodedata.normalize("NFC", raw.decode("utf-8-sig"))


def decode_text(raw: bytes, rel: str, max_bytes: int = MAX_FILE_BYTES) -> str:
    """UTF-8 text of a data file or article, or a YamlProblem saying why not: too large, not
    UTF-8, or holding text pasted from a TCVN3 or VNI document."""
    if len(raw) > max_bytes:
        size_mb = len(raw) / 1024 / 1024
        limit = f"{max_bytes / 1024 / 1024:g}"
        raise YamlProblem(
            [DataError(rel, f"tệp quá lớn ({size_mb:.1f} MB); tối đa {limit} MB một tệp, hãy "
                       "tách nhỏ")]
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or raw[:200].count(b"\x00") > 10:
        raise YamlProblem(
            [DataError(rel, "tệp được lưu bằng bảng mã UTF-16 (Unicode của Notepad/Excel); hãy "
                       "lưu lại bằng UTF-8 (trong Notepad: Lưu thành › Mã hóa: UTF-8)")]
        )
    try:
        text = plain_text(raw)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlProblem(
            [
                DataError(
                    rel,
                    "tệp không được lưu bằng bảng mã UTF-8 (có thể là TCVN3 hoặc VNI dán từ văn "
                    "bản cũ); hãy chuyển sang Unicode dựng sẵn (UTF-8) rồi lưu lại",
                    line=line,
                )
            ]
        ) from None
    invisible = find_invisible(text)
    if invisible is not None:
        raise YamlProblem([DataError(rel, invisible.message(), line=invisible.line)])
    legacy = find_legacy_encoding(text)
    if legacy is not None:
        raise YamlProblem([DataError(rel, legacy_message(legacy), line=legacy.line)])
    return text


def parse_yaml(text: str, rel: str) -> tuple[Any, LineMap]:
    """Plain data and its line map from YAML text; raise YamlProblem on any problem."""
    tabs = tab_problems(text, rel)
    if tabs:
        raise YamlProblem(tabs)
    invisible = find_invisible(text)  # once for the text; escapes are checked value by value
    if invisible is not None:
        raise YamlProblem([DataError(rel, invisible.message(), line=invisible.line)])
    loader = _loader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            raise YamlProblem([_syntax_error(rel, text, exc)]) from None
        except yaml.reader.ReaderError as exc:
            line = text[: exc.position].count("\n") + 1
            message = (f"có ký tự điều khiển không in được (mã U+{exc.character:04X}), thường do "
                       "sao chép từ phần mềm khác; hãy xóa ký tự đó")
            raise YamlProblem([DataError(rel, message, line=line)]) from None
        except _TooDeep as exc:
            raise YamlProblem([_too_deep(rel, exc.line)]) from None
        except yaml.YAMLError as exc:
            raise YamlProblem([DataError(rel, _translate(str(exc)))]) from None
        lines = LineMap()
        if node is None:
            return None, lines
        lines.lines[()] = node.start_mark.line + 1
        errors = _walk(node, (), lines, set(), rel)
        if errors:
            raise YamlProblem(errors)
        try:
            data = _plain(node, loader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise YamlProblem(
                [
                    DataError(
                        rel,
                        _translate(getattr(exc, "problem", None)),
                        line=mark.line + 1 if mark else None,
                    )
                ]
            ) from None
    finally:
        loader.dispose()
    return data, lines


def read_yaml(path: Path, rel: str) -> tuple[Any, LineMap]:
    """Read and parse one YAML data file."""
    return parse_yaml(decode_text(path.read_bytes(), rel), rel)
