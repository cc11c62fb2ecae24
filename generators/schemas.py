"""JSON Schemas of the data files, generated from the models, for editors' completion.

Each data file starts with `# yaml-language-server: $schema=…` pointing here, so editors such as
VS Code (with the YAML extension) complete field names and flag mistakes while typing.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .models.hotline import HotlineDirectory
from .models.indices import IndexRegister
from .models.legal import LegalRegister
from .models.plan import PlanDocument
from .models.poster import PosterDocument
from .models.qa import QuestionDocument
from .models.site import SiteProfile
from .models.synonyms import SynonymRegister
from .models.tthc import ProcedureDocument

SCHEMAS: dict[str, type[BaseModel]] = {
    "site.schema.json": SiteProfile,
    "plan.schema.json": PlanDocument,
    "hotlines.schema.json": HotlineDirectory,
    "question.schema.json": QuestionDocument,
    "legal.schema.json": LegalRegister,
    "procedure.schema.json": ProcedureDocument,
    "poster.schema.json": PosterDocument,
    "indices.schema.json": IndexRegister,
    "synonyms.schema.json": SynonymRegister,
}


def render_schema(model: type[BaseModel]) -> str:
    schema = model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(target: Path) -> list[Path]:
    """Write every schema into `target`; return the files that changed."""
    target.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, model in SCHEMAS.items():
        path = target / name
        text = render_schema(model)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed
