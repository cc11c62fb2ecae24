"""Decap CMS fields generated from our pydantic models, so the editor refuses what the build does.

The walk goes over the model's JSON Schema (the same one editors get in `schemas/`): every
property becomes a Decap widget, with its label and hint from the field's `title` or
`description`, `required` from the model, `pattern` and lengths from its constraints, a select
from its `Literal` or `Enum`, nested models as objects and lists of models as lists. A content
type only states what the schema cannot know (choices read from `data/site.yml`, an image
widget, a field the editor should not show) as overrides keyed by the field's dotted path.
"""

from __future__ import annotations

import copy
import functools
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from .profile import SiteProfile

Widget = dict[str, Any]
Overrides = Mapping[str, Widget | None]
"""Dotted field path ("phones.number") → keys replacing the generated ones (a key set to None
is removed), or None to leave the field out of the editor (the build still checks it)."""

# Shown as they are saved: Decap 3.16 saves a date typed by hand as typed, so a display
# format of DD/MM/YYYY would write "20/11/2026" into the file (measured in Chromium).
DATE = {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD",
        "time_format": False}
MOMENT = {"widget": "datetime", "format": "YYYY-MM-DD HH:mm", "date_format": "YYYY-MM-DD",
          "time_format": "HH:mm"}
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
_CLAUSE_END = re.compile(r"[:;(,.—]| ví dụ| nếu ")


# Names many models share mean the same everywhere: their label when the field itself has no
# title or description (a description on the field always wins).
FIELD_LABELS: dict[str, str] = {
    "name": "Tên", "title": "Tiêu đề", "subtitle": "Tiêu đề phụ", "description": "Mô tả",
    "summary": "Tóm tắt", "text": "Nội dung", "address": "Địa chỉ", "phone": "Điện thoại",
    "phones": "Số điện thoại", "email": "Thư điện tử", "emails": "Thư điện tử",
    "url": "Địa chỉ web", "link": "Liên kết", "date": "Ngày", "year": "Năm", "number": "Số",
    "issuer": "Cơ quan ban hành", "label": "Nhãn", "tags": "Từ khóa", "author": "Tác giả",
    "draft": "Bản nháp (chưa đăng)", "copyright": "Dòng bản quyền", "menu": "Trình đơn",
    "slug": "Đường dẫn", "id": "Số thứ tự", "kind": "Loại", "signature": "Người ký",
    "recipients": "Nơi nhận", "sections": "Các phần", "legal_bases": "Căn cứ",
    "units": "Đơn vị", "documents": "Văn bản", "points": "Các ý", "primary": "Màu chính",
    "accent": "Màu nhấn", "background": "Màu nền", "image_caption": "Chú thích ảnh",
    "quick_links": "Liên kết nhanh", "agencies": "Cơ quan giải quyết", "groups": "Nhóm nhiệm vụ",
    "tasks": "Nhiệm vụ", "parts": "Các phần việc", "quotas": "Chỉ tiêu",
    "products": "Sản phẩm", "lead": "Cơ quan chủ trì", "coordinators": "Cơ quan phối hợp",
    "timing": "Thời gian thực hiện", "budget": "Kinh phí", "due": "Thời hạn",
    "labels": "Tên các cột", "group": "Cột nhóm", "task": "Cột nhiệm vụ",
    "requirement": "Cột yêu cầu", "notes": "Ghi chú", "hotline_label": "Nhãn số đường dây nóng",
    "full_text": "Nơi tra cứu toàn văn", "responsible": "Người chịu trách nhiệm",
    "title_en": "Tên tiếng Anh", "parent": "Cơ quan chủ quản",
    "logo": "Biểu trưng (logo)",
}


class UnsupportedField(ValueError):
    """A model field the walk cannot turn into a widget: declare an override for it."""


def label_of(name: str, schema: Mapping[str, Any]) -> str:
    """The field's Vietnamese label: its explicit `title`, else the first clause of its
    description ("Tên đơn vị, ví dụ: …" → "Tên đơn vị"), else the shared label of its name,
    else the name itself (a test forbids that). A clause that is an example or a code
    ("2024-07-15 …", "agency (cơ quan) …") is no label."""
    title = schema.get("title")
    if title and title != name.replace("_", " ").title():  # pydantic's automatic title
        return str(title)
    description = str(schema.get("description") or "")
    clause = _CLAUSE_END.split(description, maxsplit=1)[0].strip()
    is_code = clause.isascii() and " " not in clause
    if clause and not is_code and clause[0].isalpha() and description not in _TYPE_TEXTS \
            and not clause.lower().startswith("ví dụ"):
        return clause[0].upper() + clause[1:]
    return FIELD_LABELS.get(name, name)


_TYPE_TEXTS = {"Văn bản Markdown"}  # a type's own description, not the field's
_NON_EMPTY = r"^[\s\S]{1,}$"  # what _length_pattern makes of a required line of text


MAX_NESTING = 2  # a model inside itself (sections of sections) is offered this deep


def _resolve(schema: Mapping[str, Any], defs: Mapping[str, Any]) -> dict[str, Any]:
    """A property's schema with `$ref` followed (keys beside the reference win)."""
    result = dict(schema)
    while "$ref" in result:
        name = result.pop("$ref").rsplit("/", 1)[-1]
        result = {**defs[name], **result, "x-model": name}
    return result


def _without_null(schema: dict[str, Any], defs: Mapping[str, Any]) -> tuple[dict[str, Any], bool]:
    """(the schema without its `null` alternative, whether null was allowed)."""
    options = schema.get("anyOf")
    if not options:
        return schema, False
    kept = [o for o in options if o.get("type") != "null"]
    nullable = len(kept) < len(options)
    outer = {k: v for k, v in schema.items() if k != "anyOf"}
    if len(kept) == 1:
        return {**_resolve(kept[0], defs), **outer}, nullable
    return {**outer, "anyOf": [_resolve(o, defs) for o in kept]}, nullable


def _length_pattern(schema: Mapping[str, Any]) -> str | None:
    low, high = schema.get("minLength"), schema.get("maxLength")
    if low is None and high is None:
        return None
    return rf"^[\s\S]{{{low or 0},{'' if high is None else high}}}$"


def _scalar(schema: Mapping[str, Any], path: str) -> Widget:
    """The widget of a value that is not an object or a list."""
    if "enum" in schema or "const" in schema:
        values = schema.get("enum", [schema.get("const")])
        return {"widget": "select", "options": list(values)}
    if "anyOf" in schema:  # several spellings of one value (2024-06-04, 2024-01, 2024; 2 or 1,5)
        patterns = [_alternative_pattern(o) for o in schema["anyOf"]]
        if None in patterns and any(o.get("type") == "string" for o in schema["anyOf"]):
            return {"widget": "string"}  # the short written form ("5 ngày làm việc")
        if None in patterns:
            raise UnsupportedField(f"«{path}»: kiểu hợp {json.dumps(schema['anyOf'])[:80]}")
        return {"widget": "string", "pattern": "|".join(f"(?:{p})" for p in patterns)}
    kind = schema.get("type")
    if kind == "boolean":
        return {"widget": "boolean"}
    if kind in ("integer", "number"):
        widget: Widget = {"widget": "number",
                          "value_type": "int" if kind == "integer" else "float"}
        for key, name in (("minimum", "min"), ("maximum", "max")):
            if key in schema:
                widget[name] = schema[key]
        return widget
    if kind == "string":
        fmt = schema.get("format")
        if fmt == "date":
            return dict(DATE)
        if fmt == "date-time":
            return dict(MOMENT)
        if schema.get("contentMediaType") == "text/markdown":
            return {"widget": "markdown"}
        widget = {"widget": "string"}
        pattern = schema.get("pattern") or (EMAIL_PATTERN if fmt == "email" else None)
        pattern = pattern or _length_pattern(schema)
        if pattern:
            widget["pattern"] = pattern
        return widget
    raise UnsupportedField(f"«{path}»: kiểu {kind!r} chưa có ô nhập tương ứng")


def _alternative_pattern(schema: Mapping[str, Any]) -> str | None:
    """One alternative of an `anyOf` as a regular expression over the text typed."""
    if schema.get("format") == "date":
        return r"^\d{4}-\d{2}-\d{2}$"
    if "pattern" in schema:
        return str(schema["pattern"])
    if schema.get("type") == "integer":
        return r"^\d+$"
    if schema.get("type") == "number":
        return r"^\d+(?:\.\d+)?$"
    if schema.get("type") == "string" and len(schema) <= 2:
        return r"^[\s\S]+$"
    return None


def _pattern_message(schema: Mapping[str, Any]) -> str:
    examples = schema.get("examples")
    if examples:
        return "Chưa đúng mẫu, ví dụ: " + ", ".join(str(e) for e in examples)
    description = schema.get("description")
    return f"Chưa đúng mẫu: {description}" if description else "Chưa đúng mẫu"


def widget_for(
    name: str,
    schema: Mapping[str, Any],
    defs: Mapping[str, Any],
    *,
    required: bool,
    overrides: Overrides,
    path: str,
    within: tuple[str, ...] = (),
) -> Widget | None:
    """The Decap field of one property, or None when an override leaves it out or it nests a
    model inside itself deeper than MAX_NESTING."""
    if path in overrides and overrides[path] is None:
        return None
    resolved, nullable = _without_null(_resolve(schema, defs), defs)
    items_model = _without_null(_resolve(resolved.get("items", {}), defs), defs)[0].get("x-model")
    model = resolved.get("x-model") or items_model
    if model and within.count(model) >= MAX_NESTING:
        return None
    within = (*within, model) if model else within
    # The property's own description: a nested model's docstring (English) is not for editors.
    own = schema if "x-model" in resolved else {**_without_null(dict(schema), defs)[0], **schema}
    widget: Widget = {"name": name, "label": label_of(name, own)}
    description = own.get("description")
    if description and description not in _TYPE_TEXTS and description != widget["label"]:
        widget["hint"] = str(description)
    kind = resolved.get("type")
    if kind == "object" and "properties" in resolved:
        widget.update(widget="object", collapsed="." not in path,
                      fields=fields_of(resolved, defs, overrides=overrides, prefix=path,
                                      within=within))
    elif kind == "array":
        items, _ = _without_null(_resolve(resolved.get("items", {}), defs), defs)
        if items.get("type") == "object" and "properties" in items:
            # Top-level lists fold their items to one line each; lists inside them stay open.
            widget.update(widget="list", collapsed="." not in path,
                          fields=fields_of(items, defs, overrides=overrides, prefix=path,
                                          within=within))
            summary = next(iter(items["properties"]), None)
            if summary:
                widget["summary"] = "{{fields." + summary + "}}"
        else:
            item = _scalar(items, path)
            if item.get("widget") == "select":
                widget.update(item, multiple=True)
            elif item in ({"widget": "string"}, {"widget": "string", "pattern": _NON_EMPTY}):
                widget["widget"] = "list"  # plain words, typed separated by commas
            else:
                item_widget = {"name": "item", "label": widget["label"], **item}
                if "pattern" in item:
                    item_widget["pattern"] = [item["pattern"], _pattern_message(items)]
                widget.update(widget="list", field=item_widget)
        if "minItems" in resolved:
            widget["min"] = resolved["minItems"]
        if "maxItems" in resolved:
            widget["max"] = resolved["maxItems"]
    else:
        widget.update(_scalar(resolved, path))
        if "pattern" in widget:
            widget["pattern"] = [widget["pattern"], _pattern_message(resolved)]
    if not required or nullable:
        widget["required"] = False
    if "default" in schema and schema["default"] not in (None, "", [], {}):
        widget["default"] = schema["default"]
    override = overrides.get(path)
    if override:
        widget.update(override)
    return {key: value for key, value in widget.items() if value is not None}  # None: removed


def fields_of(
    schema: Mapping[str, Any],
    defs: Mapping[str, Any],
    *,
    overrides: Overrides = {},  # noqa: B006 (read only)
    prefix: str = "",
    within: tuple[str, ...] = (),
) -> list[Widget]:
    """The Decap fields of an object schema, in the model's field order."""
    required = set(schema.get("required", ()))
    fields = []
    for name, prop in schema.get("properties", {}).items():
        path = f"{prefix}.{name}" if prefix else name
        widget = widget_for(name, prop, defs, required=name in required,
                            overrides=overrides, path=path, within=within)
        if widget is not None:
            fields.append(widget)
    return fields


@functools.cache
def _validation_schema(model: type[BaseModel]) -> dict[str, Any]:
    """pydantic's JSON Schema of `model`: a class's never changes, and working it out again for
    every section at every preview rebuild was a thirtieth of the rebuild."""
    return model.model_json_schema(mode="validation")


def model_fields(model: type[BaseModel], overrides: Overrides = {}) -> list[Widget]:  # noqa: B006
    """Decap fields for every field of `model`, nested models included."""
    schema = copy.deepcopy(_validation_schema(model))  # the widgets may take parts of it
    unknown = [p for p in overrides if not _path_exists(schema, p)]
    if unknown:
        raise UnsupportedField(f"{model.__name__}: không có trường {', '.join(unknown)}")
    return fields_of(schema, schema.get("$defs", {}), overrides=overrides)


def _path_exists(schema: Mapping[str, Any], path: str) -> bool:
    """Whether a dotted override path names a field of the model (a typo must not pass)."""
    defs = schema.get("$defs", {})
    node: Mapping[str, Any] = schema
    for part in path.split("."):
        node, _ = _without_null(_resolve(node, defs), defs)
        if node.get("type") == "array":
            node, _ = _without_null(_resolve(node.get("items", {}), defs), defs)
        properties = node.get("properties", {})
        if part not in properties:
            return False
        node = properties[part]
    return True


# Shared by every section's declaration (its collection in the editor).

# Pictures the build takes (sections/news/images.py: MAX_IMAGE_BYTES, the same 5 MB).
MAX_UPLOAD_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class EditorChoices:
    """What the editor offers to choose from, read from the validated `data/site.yml`."""

    categories: tuple[tuple[str, str], ...]  # (slug, name)
    procedure_fields: tuple[str, ...]

    @classmethod
    def from_site(cls, site: SiteProfile) -> EditorChoices:
        return cls(
            categories=tuple((c.slug, c.name) for c in site.categories),
            procedure_fields=tuple(site.procedure_fields),
        )


Collection = dict[str, Any]
Declaration = Callable[[EditorChoices], Collection]


def options(labels: Mapping[str, str]) -> dict[str, Any]:
    """A select's choices shown by their Vietnamese names, saved as the codes the model takes
    (the model's hint, which lists the codes for YAML writers, is not needed beside them)."""
    return {"options": [{"label": label, "value": value} for value, label in labels.items()],
            "hint": None}


def data_folder(name: str, label: str, singular: str, identifier: str,
                fields: list[Widget]) -> Collection:
    """`data/<name>/<slug>.yml`, one file per item, the file name being the URL slug."""
    return {
        "name": name, "label": label, "label_singular": singular,
        "folder": f"data/{name}", "extension": "yml", "format": "yml",
        "identifier_field": identifier, "create": True, "slug": "{{slug}}", "slug_length": 80,
        "summary": "{{" + identifier + "}}", "fields": fields,
    }


def data_file(name: str, label: str, file: str, fields: list[Widget]) -> Collection:
    """A register kept in one file, `data/<name>.yml`."""
    return {"name": name, "label": label,
            "files": [{"name": name, "label": label, "file": file, "fields": fields}]}


def image_widget(max_bytes: int = MAX_UPLOAD_BYTES) -> Widget:
    """Decap's image field, refusing files larger than the build takes."""
    return {"widget": "image", "choose_url": False,
            "media_library": {"config": {"max_file_size": max_bytes}}}


def site_profile(choices: EditorChoices) -> Collection:
    return data_file("site", "Thông tin cơ quan", "data/site.yml",
                     model_fields(SiteProfile, {"logo": image_widget(),
                                                "editor": None}))  # set up by a developer
