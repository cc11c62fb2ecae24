"""Turn pydantic's validation errors into `DataError`s an editor can read.

pydantic reports a location tuple and an error type; we look the location up in the YAML line
map and translate the type into a Vietnamese sentence saying what is expected.
"""

from __future__ import annotations

from typing import Any, TypeVar

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
    if kind == "value_error" and "error" in ctx:
        text = str(ctx["error"])
        if "email address" in text or "@-sign" in text:
            return "cần một địa chỉ email, ví dụ vanphong@sgtvt.quangtri.gov.vn"
        return text
    if kind == "literal_error" and "expected" in ctx:
        return f"chỉ nhận một trong các giá trị: {ctx['expected']}"
    if kind == "enum" and "expected" in ctx:
        return f"chỉ nhận một trong các giá trị: {ctx['expected']}"
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
    return tuple(
        p for p in loc if isinstance(p, int) or not (str(p).startswith("function-") or "[" in str(p))
    )


def translate(exc: ValidationError, rel: str, lines: LineMap, prefix: FieldPath = ()) -> list:
    """DataErrors for every error in `exc`, located in file `rel`."""
    errors = []
    for err in exc.errors(include_url=False):
        path = (*prefix, *_clean_loc(err["loc"]))
        given = None if err["type"] in ("missing",) else shorten(err.get("input"))
        if err["type"] in ("model_type", "dict_type", "extra_forbidden") and isinstance(
            err.get("input"), (dict, list)
        ):
            given = None
        errors.append(
            DataError(
                file=rel,
                message=_message(err),
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
        return translate(exc, rel, lines)
