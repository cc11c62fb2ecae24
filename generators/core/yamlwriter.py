"""YAML written the way editors write it, so a generated file reads like a hand-written one.

The schema comment line first, keys in the model's order, block style, text unquoted unless
YAML would misread it (then in double quotes, as editors quote), several lines as a «|» block,
no line wrapping (a long sentence stays one line, so diffs stay readable). The same data always
gives the same bytes: running an import twice changes nothing.
"""

from __future__ import annotations

from typing import Any

import yaml
from pydantic import BaseModel


class _Dumper(yaml.SafeDumper):
    def choose_scalar_style(self) -> str:
        style = super().choose_scalar_style()
        return '"' if style == "'" else style

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Lists indented under their key ("steps:\n  - …"), as in the data files.
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value.strip():
        text = "\n".join(line.rstrip() for line in value.strip().splitlines()) + "\n"
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _text)


def dump_yaml(data: Any) -> str:
    return yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000, indent=2,
        default_flow_style=False,
    )


def schema_line(schema: str, depth: int = 1) -> str:
    """"# yaml-language-server: $schema=../../schemas/procedure.schema.json" for data/<x>/."""
    return f"# yaml-language-server: $schema={'../' * (depth + 1)}schemas/{schema}\n"


def model_yaml(model: BaseModel, schema: str, depth: int = 1) -> str:
    """A data file for `model`: what an editor would write, defaults left out."""
    data = model.model_dump(mode="python", exclude_defaults=True)
    return schema_line(schema, depth) + dump_yaml(data)
