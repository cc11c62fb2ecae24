"""A hostile copy of the demo: every free-text field of every content type carries a canary.

Which fields are free text comes from the models' JSON Schemas (a string with no pattern, format,
enum or constant); every such value in every demo file gets the canary, and the models decide
what they accept: a field whose validator refuses the canary (a phone number, a slug, a link)
falls back to a milder variant, and to its demo value last. So the data set follows the models
as they change, and nothing is hand-picked.
"""

from __future__ import annotations

import copy
import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from generators.core.errors import DataErrors, format_field
from generators.core.pipeline import load_portal
from generators.core.profile import SiteProfile
from generators.core.validation import _clean_loc
from generators.sections.hotlines.model import HotlineDirectory
from generators.sections.indices.model import IndexRegister
from generators.sections.legal.model import LegalRegister
from generators.sections.news.model import ArticleMeta
from generators.sections.plans.model import PlanDocument
from generators.sections.posters.model import PosterDocument
from generators.sections.posters.supplied import SuppliedPrintDocument
from generators.sections.posters.supplied_loading import is_supplied
from generators.sections.procedures.model import ProcedureDocument
from generators.sections.questions.model import QuestionDocument
from generators.sections.quiz.model import QuizDocument
from generators.sections.redirects.model import RedirectMap
from generators.sections.search_page.model import SynonymRegister
from generators.sections.videos.model import VideoDocument

# What each canary part tries to become, and how the tests recognise it if it did.
FORMULA = '=HYPERLINK("#canary","Bấm")'  # a spreadsheet formula
QUOTED = 'Phát động "Dân vận khéo" & cờ'  # ordinary quotes must show as typed
MARKUP = ('<cchc-canary data-canary="1">"><script>canary()</script>'
          "'><b data-canary='1'>")  # a new element or attribute, in text or attributes
PROPERTY = "\r\nX-CANARY:1"  # a new line that would start a vCard property
BIDI = "\u202e"  # right-to-left override: reverses what a reader sees
CANARY_TAG, CANARY_ATTRIBUTE, CANARY_PROPERTY = "cchc-canary", "data-canary", "X-CANARY"


def variants(original: str) -> list[str]:
    """The canaried values to try for a field, most hostile first."""
    return [
        f"{FORMULA} {original} {QUOTED} {MARKUP}{PROPERTY} {BIDI}",
        f"{FORMULA} {original} {QUOTED} {MARKUP}{PROPERTY}",
        f"{FORMULA} {original} {QUOTED} {MARKUP}",
        f"{original} {QUOTED} {MARKUP}",
        f"{original} {QUOTED}",
    ]


# An article's body gets a paragraph of each; the right-to-left override goes first if refused.
BODIES = [
    f"\n\n{FORMULA}\n\n{QUOTED} {MARKUP}\n\n{BIDI}Đoạn văn{PROPERTY}\n",
    f"\n\n{FORMULA}\n\n{QUOTED} {MARKUP}\n\nĐoạn văn{PROPERTY}\n",
]

# Every kind of editor-written file and its model (a new content type must be added here:
# test_every_data_file_is_canaried fails otherwise).
MODELS: dict[str, type[BaseModel]] = {
    "data/site.yml": SiteProfile,
    "data/duong-day-nong.yml": HotlineDirectory,
    "data/van-ban.yml": LegalRegister,
    "data/chi-so.yml": IndexRegister,
    "data/tu-dong-nghia.yml": SynonymRegister,
    "data/chuyen-huong.yml": RedirectMap,
    "data/trac-nghiem/*.yml": QuizDocument,
    "data/video-huong-dan/*.yml": VideoDocument,
    "data/ke-hoach/*.yml": PlanDocument,
    "data/hoi-dap/*.yml": QuestionDocument,
    "data/thu-tuc/*.yml": ProcedureDocument,
    "data/ap-phich/*.yml": PosterDocument,
    "content/tin-tuc/*/*.md": ArticleMeta,
}

Path_ = tuple[str | int, ...]
# Fields naming a file in content/: the print step, not the loader, looks the file up, so a
# canary there stops the build instead of being refused with the file and field.
FILE_FIELDS = {"logo"}


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> list[dict[str, Any]]:
    """The alternatives a schema node stands for, with $ref, anyOf, oneOf and allOf opened."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return _resolve(root["$defs"][name], root)
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            return [alt for part in schema[key] for alt in _resolve(part, root)]
    return [schema]


def is_free_text(schema: dict[str, Any]) -> bool:
    return schema.get("type") == "string" and not (
        {"pattern", "format", "enum", "const"} & schema.keys()
    )


def free_text_paths(value: Any, schema: dict[str, Any], root: dict[str, Any],
                    prefix: Path_ = ()) -> Iterator[Path_]:
    """Paths of the string values in `value` that the schema calls free text."""
    alternatives = _resolve(schema, root)
    if isinstance(value, str):
        if any(is_free_text(alt) for alt in alternatives):
            yield prefix
    elif isinstance(value, dict):
        for key, child in value.items():
            for alt in alternatives:
                if key in alt.get("properties", {}):
                    yield from free_text_paths(child, alt["properties"][key], root,
                                               (*prefix, key))
                    break
    elif isinstance(value, list):
        for alt in alternatives:
            if "items" in alt:
                for index, child in enumerate(value):
                    yield from free_text_paths(child, alt["items"], root, (*prefix, index))
                break


def _get(tree: Any, path: Path_) -> Any:
    for part in path:
        tree = tree[part]
    return tree


def _set(tree: Any, path: Path_, value: Any) -> None:
    _get(tree, path[:-1])[path[-1]] = value


class CanariedFile:
    """One data file (or an article's front matter) with its free-text fields canaried."""

    def __init__(self, path: Path, rel: str, model: type[BaseModel]) -> None:
        self.path, self.rel, self.model = path, rel, model
        text = path.read_text(encoding="utf-8")
        self.body: str | None = None
        self.body_level = 0
        if path.suffix == ".md":
            _, front, body = text.split("---\n", 2)
            text, self.body = front, body
        self.original = yaml.safe_load(text)
        schema = model.model_json_schema(by_alias=True)
        self.paths = [p for p in free_text_paths(self.original, schema, schema)
                      if p[-1] not in FILE_FIELDS]
        self.level = dict.fromkeys(self.paths, 0)  # index into variants(); past the end: demo

    def data(self) -> Any:
        data = copy.deepcopy(self.original)
        for path, level in self.level.items():
            options = variants(_get(self.original, path))
            if level < len(options):
                _set(data, path, options[level])
        return data

    def soften(self, path: Path_) -> bool:
        """A milder variant for `path` (and the fields under it); False if none was left."""
        changed = False
        for candidate, level in self.level.items():
            if candidate[: len(path)] == path and level < len(variants("")):
                self.level[candidate] = level + 1
                changed = True
        return changed

    def settle(self) -> None:
        """Soften fields until the model accepts the file."""
        for _ in range(len(variants("")) + 1):
            try:
                self.model.model_validate(self.data())
                return
            except ValidationError as exc:
                locs = [_clean_loc(tuple(e["loc"])) for e in exc.errors()]
            if not any([self.soften(loc) for loc in locs]):
                raise AssertionError(f"{self.rel}: the demo file itself is refused: {locs}")

    def soften_field(self, field: str) -> bool:
        """Soften the fields an error names by their displayed path (every field, or an
        article's body first, if none)."""
        if not field and self.body is not None and self.body_level < len(BODIES):
            self.body_level += 1
            return True
        hits = [p for p in self.paths if not field or format_field(p).startswith(field)
                or field.startswith(format_field(p))]
        return any([self.soften(p) for p in hits])

    def write(self) -> None:
        text = yaml.safe_dump(self.data(), allow_unicode=True, sort_keys=False, width=10_000)
        if self.body is not None:
            body = self.body + (BODIES[self.body_level] if self.body_level < len(BODIES) else "")
            text = f"---\n{text}---\n{body}"
        self.path.write_text(text, encoding="utf-8")

    @property
    def canaried(self) -> int:
        return sum(1 for level in self.level.values() if level < len(variants("")))


def canary_files(project: Path) -> dict[str, CanariedFile]:
    files = {}
    for pattern, model in MODELS.items():
        for path in sorted(project.glob(pattern)):
            rel = path.relative_to(project).as_posix()
            # A print made elsewhere (a PDF and its issuer) has a model of its own.
            supplied = model is PosterDocument and is_supplied(path)
            files[rel] = CanariedFile(path, rel, SuppliedPrintDocument if supplied else model)
    return files


# A Markdown page an editor adds to content/ (no model: MkDocs reads it), titled by its first
# heading; "&lt;/title&gt;" is text in Markdown, and would close <title> if unescaped once.
CONTENT_PAGE = "content/trang-thu-canary.md"
CONTENT_PAGE_TEXT = (f"# Trang {QUOTED} {MARKUP} "
                     "&lt;/title&gt;&lt;script&gt;canary()&lt;/script&gt;"
                     f"\n{BODIES[1]}")


def make_hostile_project(project: Path, now: dt.datetime) -> dict[str, CanariedFile]:
    """Canary every free-text field of the copy at `project`, softening what the models or the
    cross-file checks refuse, until the whole portal loads."""
    (project / CONTENT_PAGE).write_text(CONTENT_PAGE_TEXT, encoding="utf-8")
    files = canary_files(project)
    for file in files.values():
        file.settle()
        file.write()
    for _ in range(10):
        try:
            load_portal(project / "data", project, content_dir=project / "content", now=now)
            return files
        except DataErrors as exc:
            softened = False
            for error in exc.errors:
                file = files.get(error.file)
                if file is None:
                    raise AssertionError(f"not a canaried file: {error.format()}") from None
                softened |= file.soften_field(error.field)
            if not softened:
                raise AssertionError(exc.report()) from None
            for file in files.values():
                file.write()
    raise AssertionError("the hostile data set never loaded")


def copy_demo(target: Path, root: Path) -> Path:
    for name in ("content", "data", "templates"):
        shutil.copytree(root / name, target / name)
    # Not strict: the canaries make slogans too long for their banners, which the print step
    # rightly warns about; any error still fails the build.
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (target / "mkdocs.yml").write_text(config.replace("\nstrict: true", "\nstrict: false"),
                                       encoding="utf-8")
    return target
