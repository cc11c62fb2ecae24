"""Turn pydantic's validation errors into `DataError`s an editor can read.

pydantic reports a location tuple and an error type; we look the location up in the YAML line
map and translate the type into a Vietnamese sentence saying what is expected.
"""

from __future__ import annotations

import difflib
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError

from .errors import DataError, FieldPath, format_field, shorten
from .yamlsource import LineMap

M = TypeVar("M", bound=BaseModel)

_EXPECTED: dict[str, str] = {
    "missing": "thiếu trường bắt buộc này",
    "extra_forbidden": "trường này không có trong mẫu dữ liệu (gõ sai tên trường, hoặc đặt "
    "sai chỗ?)",
    "string_type": "cần một đoạn văn bản",
    "string_too_short": "không được để trống",
    "string_pattern_mismatch": "không đúng định dạng",
    "int_type": "cần một số nguyên",
    "int_parsing": "cần một số nguyên",
    "int_from_float": "cần một số nguyên",
    "float_type": "cần một số",
    "float_parsing": "cần một số",
    "bool_type": "cần true (có) hoặc false (không)",
    "bool_parsing": "cần true (có) hoặc false (không)",
    "date_type": "cần một ngày dạng YYYY-MM-DD, ví dụ 2024-07-15",
    "date_parsing": "cần một ngày dạng YYYY-MM-DD, ví dụ 2024-07-15",
    "date_from_datetime_parsing": "cần một ngày dạng YYYY-MM-DD, ví dụ 2024-07-15",
    "date_from_datetime_inexact": "cần một ngày, không kèm giờ",
    "datetime_type": "cần ngày giờ dạng 2024-07-15 08:30",
    "datetime_parsing": "cần ngày giờ dạng 2024-07-15 08:30",
    "list_type": "cần một danh sách (mỗi mục một dòng bắt đầu bằng «- »)",
    "dict_type": "cần một nhóm trường dạng «tên: giá trị»",
    "model_type": "cần một nhóm trường dạng «tên: giá trị»",
    "model_attributes_type": "cần một nhóm trường dạng «tên: giá trị»",
    "too_short": "danh sách này cần ít nhất một mục",
    "greater_than_equal": "giá trị quá nhỏ",
    "less_than_equal": "giá trị quá lớn",
    "greater_than": "giá trị quá nhỏ",
    "less_than": "giá trị quá lớn",
    "url_parsing": "cần một địa chỉ web đầy đủ, bắt đầu bằng https://",
    "url_scheme": "cần một địa chỉ web đầy đủ, bắt đầu bằng https://",
    "value_error": "giá trị không hợp lệ",
}


def _message(err: dict[str, Any]) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "value_error" and "email" in str(err.get("msg", "")):
        return "cần một địa chỉ email, ví dụ vanphong@sgtvt.quangtri.gov.vn"
    if kind == "value_error" and "error" in ctx:
        return str(ctx["error"])
    if kind in ("literal_error", "enum") and "expected" in ctx:
        choices = str(ctx["expected"]).replace(" or ", " hoặc ")
        return f"chỉ nhận một trong các giá trị: {choices}"
    if kind == "string_pattern_mismatch" and "pattern" in ctx:
        return f"không đúng định dạng (mẫu: {ctx['pattern']})"
    if kind in ("greater_than_equal", "greater_than") and ctx:
        return f"cần giá trị từ {ctx.get('ge', ctx.get('gt'))} trở lên"
    if kind in ("less_than_equal", "less_than") and ctx:
        return f"cần giá trị không quá {ctx.get('le', ctx.get('lt'))}"
    if kind == "too_short" and ctx.get("min_length"):
        return f"danh sách này cần ít nhất {ctx['min_length']} mục"
    return _EXPECTED.get(kind, f"giá trị không hợp lệ ({err.get('msg', kind)})")


def _clean_loc(loc: tuple[Any, ...]) -> FieldPath:
    # pydantic adds the names of union members and function validators to the location.
    def is_field(part: object) -> bool:
        return isinstance(part, int) or not (str(part).startswith("function-") or "[" in str(part))

    return tuple(p for p in loc if is_field(p))


def known_fields(model: type[BaseModel]) -> set[str]:
    """Every field name of `model` and of the models nested in it."""
    names: set[str] = set()
    pending: list[object] = [model]
    seen: set[object] = set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            for name, info in current.model_fields.items():
                names.add(name)
                pending.append(info.annotation)
        else:
            pending.extend(get_args(current))
    return names


def _suggestions(raw: list[dict[str, Any]], fields: set[str]) -> dict[FieldPath, str]:
    """For a misspelt field, the closest field name the model knows."""
    hints = {}
    for err in raw:
        loc = _clean_loc(err["loc"])
        if err["type"] == "extra_forbidden" and loc and isinstance(loc[-1], str):
            close = difflib.get_close_matches(loc[-1], sorted(fields), n=1, cutoff=0.7)
            if close:
                hints[loc] = close[0]
    return hints


def problems(
    exc: ValidationError, fields: set[str] | None = None
) -> list[tuple[FieldPath, str, str | None]]:
    """(field path, Vietnamese message, value given) for every error in `exc`.

    `fields` are the names the model knows, to suggest one for a misspelt field.
    """
    found = []
    raw = exc.errors(include_url=False)
    hints = _suggestions(raw, fields or set())
    for err in raw:
        loc = _clean_loc(err["loc"])
        given = None if err["type"] in ("missing",) else shorten(err.get("input"))
        if isinstance(err.get("input"), (dict, list)):
            given = None
        message = _message(err)
        if loc in hints:
            message += f"; có phải ý bạn là «{hints[loc]}»?"
        found.append((loc, message, given))
    return found


def translate(
    exc: ValidationError,
    rel: str,
    lines: LineMap,
    prefix: FieldPath = (),
    fields: set[str] | None = None,
) -> list[DataError]:
    """DataErrors for every error in `exc`, located in file `rel`."""
    errors = []
    for loc, message, given in problems(exc, fields):
        path = (*prefix, *loc)
        errors.append(
            DataError(
                file=rel,
                message=message,
                line=lines.line_of(path),
                field=format_field(path),
                given=given,
            )
        )
    return errors


def validate(model: type[M], data: Any, rel: str, lines: LineMap) -> M | list[DataError]:
    """The validated model, or the list of errors found in `data`."""
    if data is None:
        return [DataError(rel, "tệp rỗng; cần nội dung theo mẫu trong README")]
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        return translate(exc, rel, lines, fields=known_fields(model))
