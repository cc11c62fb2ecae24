"""Hostile and broken input for every loader: where each kind of file lives, generators of broken
files, and the one promise every loader keeps.

The promise: whatever bytes an editor saves (arbitrary YAML, a demo file with a key dropped or a
value of the wrong type, garbage lines, a file cut short, random bytes, plain text), the build
gives either valid models or our `DataErrors`, each error naming the broken file and saying in
Vietnamese what is wrong. Never any other exception: an editor never sees a traceback.

Every generated case is counted in `CASES` (per kind and family) and the total is printed at the
end of the test run (see conftest.py), because the closing note of issue 9 reports it.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import re
import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from generators.core.errors import DataErrors
from generators.core.pipeline import load_portal
from generators.core.portal import Portal
from generators.core.profile import SiteProfile
from generators.core.validation import known_fields
from generators.sections.hotlines.model import HotlineDirectory
from generators.sections.indices.model import IndexRegister
from generators.sections.legal.model import LegalRegister
from generators.sections.news.model import ArticleMeta
from generators.sections.plans.model import PlanDocument
from generators.sections.posters.model import PosterDocument
from generators.sections.procedures.model import ProcedureDocument
from generators.sections.questions.model import QuestionDocument
from generators.sections.quiz.model import QuizDocument
from generators.sections.redirects.model import RedirectMap
from generators.sections.search_page.model import SynonymRegister
from generators.sections.videos.model import VideoDocument
from generators.vietnamese.dates import VIETNAM_TZ

from .conftest import ROOT

NOW = dt.datetime(2024, 12, 31, 12, 0, tzinfo=VIETNAM_TZ)
CASES: Counter[str] = Counter()

# Bounded and reproducible: the same cases on every machine and in CI, no example database.
# A deeper, random search:
#   CCHC_HOSTILE_EXAMPLES=2000 CCHC_HOSTILE_RANDOM=1 pytest tests/test_hostile_input.py
EXAMPLES = int(os.environ.get("CCHC_HOSTILE_EXAMPLES", "40"))
CASE_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not os.environ.get("CCHC_HOSTILE_RANDOM"),
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# A letter only Vietnamese uses: a message without one is not a Vietnamese sentence.
VIETNAMESE = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]",
                        re.I)


@dataclass(frozen=True)
class Kind:
    """One kind of editor-written file: where it goes, which demo file is its valid example."""

    name: str
    place: str  # path in the project, also the name every error must give
    demo: str  # a valid demo file of this kind, relative to the repository
    model: type[BaseModel]
    support: tuple[str, ...] = ()  # demo files or folders it refers to, copied as they are

    @property
    def is_article(self) -> bool:
        return self.place.endswith(".md")


QUANG_TRI_PLAN = "data/ke-hoach/ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri.yml"
KINDS = [
    Kind("site", "data/site.yml", "data/site.yml", SiteProfile),
    Kind("plan", "data/ke-hoach/ke-hoach-mau.yml",
         "data/ke-hoach/ke-hoach-tuyen-truyen-cchc-2024-skhcn-can-tho.yml", PlanDocument),
    Kind("article", "content/tin-tuc/2024/bai-mau.md",
         "content/tin-tuc/2024/huong-dan-cap-doi-giay-phep-lai-xe-truc-tuyen.md", ArticleMeta,
         support=(QUANG_TRI_PLAN, "content/tin-tuc/2024/anh")),
    Kind("procedure", "data/thu-tuc/thu-tuc-mau.yml",
         "data/thu-tuc/cap-giay-phep-lai-xe-quoc-te.yml", ProcedureDocument),
    Kind("question", "data/hoi-dap/cau-hoi-mau.yml",
         "data/hoi-dap/giay-phep-lai-xe-quoc-te.yml", QuestionDocument),
    Kind("legal", "data/van-ban.yml", "data/van-ban.yml", LegalRegister),
    Kind("hotlines", "data/duong-day-nong.yml", "data/duong-day-nong.yml", HotlineDirectory),
    Kind("poster", "data/ap-phich/ap-phich-mau.yml",
         "data/ap-phich/ap-phich-dich-vu-cong-truc-tuyen.yml", PosterDocument),
    Kind("indices", "data/chi-so.yml", "data/chi-so.yml", IndexRegister,
         support=("data/ke-hoach/ke-hoach-nang-cao-chi-so-cchc-2024-sgtvt.yml", QUANG_TRI_PLAN)),
    Kind("synonyms", "data/tu-dong-nghia.yml", "data/tu-dong-nghia.yml", SynonymRegister),
    Kind("redirects", "data/chuyen-huong.yml", "data/chuyen-huong.yml", RedirectMap),
    Kind("quiz", "data/trac-nghiem/bo-cau-hoi-mau.yml",
         "data/trac-nghiem/tim-hieu-cai-cach-hanh-chinh-2024.yml", QuizDocument,
         support=("data/van-ban.yml",)),
    Kind("video", "data/video-huong-dan/video-mau.yml",
         "data/video-huong-dan/nop-ho-so-doi-giay-phep-lai-xe-truc-tuyen.yml", VideoDocument,
         support=("content/video-huong-dan",)),
]


class Project:
    """A throw-away project holding the demo site profile, what `kind` needs, and one file that
    each generated case overwrites."""

    def __init__(self, root: Path, kind: Kind) -> None:
        self.root = root
        self.kind = kind
        for name in ("data/site.yml", "content/assets", *kind.support):
            source, target = ROOT / name, root / name
            if source.is_dir():
                shutil.copytree(source, target, dirs_exist_ok=True)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(source, target)
        (root / kind.place).parent.mkdir(parents=True, exist_ok=True)

    @property
    def demo_text(self) -> str:
        return (ROOT / self.kind.demo).read_text(encoding="utf-8")

    def load(self, raw: bytes) -> Portal | DataErrors:
        """The project built with `raw` as the kind's file: models, or the errors reported."""
        (self.root / self.kind.place).write_bytes(raw)
        try:
            return load_portal(self.root / "data", self.root, content_dir=self.root / "content",
                               now=NOW)
        except DataErrors as errors:
            return errors


def check_outcome(project: Project, raw: bytes, family: str) -> Portal | DataErrors:
    """Load `raw` and hold the promise: models, or located Vietnamese errors about that file."""
    CASES[f"loaders/{project.kind.name}/{family}"] += 1
    outcome = project.load(raw)  # any other exception fails the property with its traceback
    if isinstance(outcome, DataErrors):
        assert outcome.errors, "DataErrors without any error"
        for error in outcome.errors:
            assert error.file == project.kind.place, error.format()
            assert VIETNAMESE.search(error.message), error.format()
            assert error.line is None or error.line >= 1, error.format()
    return outcome


# --- generated YAML documents ------------------------------------------------------------------

VIETNAMESE_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợ" \
    "ùúủũụừứửữựỳýỷỹỵAĂÂĐÊÔƠƯ"
vietnamese_text = st.text(
    alphabet=st.sampled_from(VIETNAMESE_LETTERS + " 0123456789,.;:-/()«»\"'#&*!?%\n"),
    max_size=40,
)
odd_strings = st.sampled_from([
    "", " ", "~", "null", "yes", "no", "on", "true", "1.5", "1,5", "80,36", "1e400", "-0",
    "2024-02-30", "2024-13-01", "30/02/2024", "01/01/0001", "9999-12-31", "2024-07-15 08:30",
    "0233 3852 402", "1900 1234", "+84 233 3852 402", "vanphong@", "https://", "http://x",
    "javascript:alert(1)", "../../x", "/etc/passwd", "#", "- ", ": ", "<script>alert(1)</script>",
    "Hµ Néi", "Haø Noäi", "\u200b", "\ufeff", "x" * 300,
])
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.datetimes(),
    vietnamese_text,
    st.text(max_size=20),
    odd_strings,
)


def document_keys(model: type[BaseModel]) -> st.SearchStrategy[Any]:
    """Mostly the model's own field names (so validation goes deep), sometimes odd keys."""
    return st.one_of(
        st.sampled_from(sorted(known_fields(model))),
        st.sampled_from(sorted(known_fields(model))),
        vietnamese_text,
        st.sampled_from(["", " ", "a b", "tên: x", "<<", "?", "-", "null", "~"]),
        st.integers(min_value=-5, max_value=3000),
        st.dates(),
        st.booleans(),
        st.none(),
    )


def documents(model: type[BaseModel]) -> st.SearchStrategy[Any]:
    """Nested mappings, lists and scalars, mostly a mapping at the top as our files are."""
    values = st.recursive(
        scalars | raw_values,
        lambda inner: st.lists(inner, max_size=4)
        | st.dictionaries(document_keys(model), inner, max_size=5),
        max_leaves=25,
    )
    return st.one_of(
        st.dictionaries(document_keys(model), values, max_size=8),
        st.dictionaries(document_keys(model), values, max_size=8),
        values,
    )


class Raw(str):
    """YAML written as it stands, not as a quoted string: tags, anchors, odd numbers, brackets."""


raw_snippets = st.sampled_from([
    "!!int abc", "!!float x", "!!bool maybe", "!!timestamp 2024", "!!null x", "!!str 12",
    "!!binary aGVsbG8=", "!!binary é", "!!set {a, b}", "!!omap [a: 1]", "!!pairs [a: 1]",
    "!!python/object:os.system x", "!!python/name:os.system", "!foo bar", "! 12",
    "&a x", "*a", "&b [*b]", "1" * 60, "-" + "9" * 5000, "0x" + "F" * 80, "0o777", "0b101",
    "1_000", "190:20:30", "1e400", ".nan", "-.inf", "2024-02-30", "2024-02-29", "0000-01-01",
    "2024-07-15t25:61:61", "2024-07-15 08:30:00+99:00", "[" * 3000 + "]" * 3000,
    "{a: " * 200 + "1" + "}" * 200, "[a, b", "{a: 1", "'x", '"\\ud800"', '"\\x00"',
    "@x", "`x`", "%x", "| x", "> x", "? x", "~", "''", '""', "[]", "{}",
])
raw_values = st.builds(Raw, raw_snippets)


def dump(document: Any, flow: bool) -> str:
    """YAML text of `document`; `Raw` values are written unquoted, as a careless editor would."""
    snippets: list[str] = []

    def mark(value: Any) -> Any:
        if isinstance(value, Raw):
            snippets.append(str(value))
            return f"rawsnippet{len(snippets) - 1}x"
        if isinstance(value, dict):
            return {k: mark(v) for k, v in value.items()}
        if isinstance(value, list):
            return [mark(v) for v in value]
        return value

    text = yaml.safe_dump(mark(document), allow_unicode=True, sort_keys=False,
                          default_flow_style=flow, width=80)
    for index in reversed(range(len(snippets))):
        text = text.replace(f"rawsnippet{index}x", snippets[index])
    return text


@st.composite
def yaml_texts(draw: st.DrawFn, model: type[BaseModel]) -> str:
    return dump(draw(documents(model)), draw(st.booleans()))


# --- mutations of a valid demo file -----------------------------------------------------------

def paths_in(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside parsed YAML (the root too)."""
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += paths_in(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += paths_in(child, (*prefix, index))
    return found


def _parent(tree: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        tree = tree[part]
    return tree


@st.composite
def structural_mutations(draw: st.DrawFn, data: Any, model: type[BaseModel]) -> Any:
    """The demo data with one to three keys dropped, values retyped, lists emptied or grown."""
    tree = copy.deepcopy(data)
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in paths_in(tree) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent, last = _parent(tree, path), path[-1]
        operation = draw(st.sampled_from(["drop", "retype", "retype", "empty", "grow", "extra"]))
        if operation == "drop":
            del parent[last]
        elif operation == "retype":
            parent[last] = draw(st.one_of(scalars, raw_values, st.lists(scalars, max_size=3),
                                          st.dictionaries(document_keys(model), scalars,
                                                          max_size=3)))
        elif operation == "empty":
            parent[last] = type(parent[last])() if isinstance(parent[last], (str, list, dict)) \
                else None
        elif operation == "grow" and isinstance(parent, list):
            parent.insert(last, copy.deepcopy(parent[last]))
        elif isinstance(parent, dict):
            parent[draw(document_keys(model))] = draw(scalars)
    return tree


garbage_lines = st.one_of(
    st.sampled_from([
        "  - : [", "\t- x", "key: value: other", "&anchor x", "*anchor",
        "!!python/object:os.system", "'unclosed", '"unclosed', "{", "[", "}", "]", "---", "...",
        "? x", ": x", "- - - -",
        "<<: *a", "%YAML 1.1", "@x", "`x`", "|", ">", "  ", "\t", "# chú thích", "x:", "x: |",
        "  x: [1, {2: 3}", "a: !!binary aGk=", "a: !!int x", "a: &a [*a]",
    ]),
    vietnamese_text.map(lambda t: t.replace("\n", " ")),
    st.text(max_size=30).map(lambda t: t.replace("\n", " ")),
)


_KEYED_LINE = re.compile(r"^(\s*(?:- )?[A-Za-z_]+: )(?!\s*[|>]\s*$)")


@st.composite
def text_mutations(draw: st.DrawFn, text: str) -> bytes:
    """The demo file with lines deleted, repeated, re-indented or replaced by garbage, then maybe
    cut at a random byte or with random bytes written over it."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, max(len(lines) - 1, 0)))
        operation = draw(st.sampled_from(["delete", "repeat", "indent", "garbage", "revalue",
                                          "revalue"]))
        keyed = _KEYED_LINE.match(lines[at]) if lines else None
        if operation == "revalue" and keyed:
            value = draw(st.one_of(raw_snippets, odd_strings, vietnamese_text.map(
                lambda t: t.replace("\n", " "))))
            lines[at] = keyed.group(1) + value
        elif operation == "delete" and lines:
            del lines[at]
        elif operation == "repeat" and lines:
            lines.insert(at, lines[at])
        elif operation == "indent" and lines:
            shift = draw(st.integers(-4, 4))
            lines[at] = " " * shift + lines[at] if shift > 0 else lines[at][-shift:]
        else:
            indent = re.match(r"[ -]*", lines[at]).group(0) if lines else ""
            lines.insert(at, indent + draw(garbage_lines))
    raw = "\n".join(lines).encode("utf-8")
    ending = draw(st.sampled_from(["keep", "keep", "truncate", "overwrite"]))
    if ending == "truncate":
        raw = raw[: draw(st.integers(0, len(raw)))]
    elif ending == "overwrite":
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.binary(min_size=1, max_size=16)) + raw[at + 16:]
    return raw


# --- arbitrary text and bytes -----------------------------------------------------------------

yaml_punctuation = st.text(
    alphabet=st.sampled_from(list(": -#[]{},&*!|>'\"%@`?~\n\t ") + list("aăđêơưáạốữ0129")),
    max_size=200,
)
arbitrary_raw = st.one_of(
    yaml_punctuation.map(str.encode),
    st.text(max_size=200).map(str.encode),
    vietnamese_text.map(str.encode),
    st.binary(max_size=300),
)


# --- articles: front matter and body ----------------------------------------------------------

image_urls = st.one_of(
    st.sampled_from(["anh/gplx-truc-tuyen.jpg", "anh/khong-co.jpg", "../../../etc/passwd",
                     "/etc/hostname", "https://example.com/a.png", "anh/", "%2e%2e/%2e%2e/a.jpg",
                     "anh\\a.jpg", "data:image/png;base64,AA==", "//example.com/a.png"]),
    st.integers(200, 400).map(lambda n: "anh/" + "x" * n + ".jpg"),  # longer than a name can be
    st.text(alphabet=st.characters(exclude_characters=" )\n", exclude_categories=("Cs",)),
            max_size=40),
)
image_alts = vietnamese_text.map(lambda t: t.replace("]", "").replace("\n", " "))
markdown_bodies = st.lists(
    st.one_of(
        vietnamese_text,
        st.builds(lambda alt, url: f"![{alt}]({url})", image_alts, image_urls),
        st.builds(lambda alt, url: f"![{alt}]({url})", image_alts, image_urls),
        st.sampled_from(["<script>alert(1)</script>", "[liên kết](khac.md)", "# Tiêu đề",
                         "---", "```", "| a | b |\n|---|---|", "<img src=x onerror=alert(1)>",
                         "[x](javascript:alert(1))", "<iframe src=//example.com></iframe>"]),
    ),
    max_size=6,
).map("\n\n".join)


def article(front: str, body: str) -> bytes:
    return f"---\n{front}---\n\n{body}\n".encode()


def split_article(text: str) -> tuple[Any, str]:
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


# --- the three families, for any kind ---------------------------------------------------------

def generated_documents(kind: Kind) -> st.SearchStrategy[bytes]:
    """Arbitrary YAML documents (an article's front matter, with an arbitrary body)."""
    texts = yaml_texts(kind.model)
    if kind.is_article:
        return st.builds(article, texts, markdown_bodies)
    return texts.map(str.encode)


def mutated_demo(kind: Kind) -> st.SearchStrategy[bytes]:
    """The kind's valid demo file, broken in its structure or in its text."""
    text = (ROOT / kind.demo).read_text(encoding="utf-8")
    if kind.is_article:
        front, body = split_article(text)
        front_text = text.split("---\n", 2)[1]
        structural = st.one_of(
            st.builds(
                lambda tree, flow, new_body: article(dump(tree, flow), new_body),
                structural_mutations(front, kind.model), st.booleans(),
                st.one_of(st.just(body), markdown_bodies),
            ),
            # A valid front matter with a hostile body: images, links, raw HTML get checked.
            st.builds(lambda new_body: article(front_text, new_body), markdown_bodies),
        )
    else:
        structural = st.builds(lambda tree, flow: dump(tree, flow).encode(),
                               structural_mutations(yaml.safe_load(text), kind.model),
                               st.booleans())
    return st.one_of(structural, text_mutations(text))


def arbitrary_input(kind: Kind) -> st.SearchStrategy[bytes]:
    """Arbitrary text and bytes (for articles, also between front-matter fences)."""
    if kind.is_article:
        fenced: Callable[[bytes], bytes] = lambda raw: b"---\n" + raw + b"\n---\n\ntext\n"  # noqa: E731
        return st.one_of(arbitrary_raw, arbitrary_raw.map(fenced))
    return arbitrary_raw


# --- the trust guards (issue 13) --------------------------------------------------------------

INVISIBLES = ["\u202e", "\u202d", "\u2066", "\u2069", "\u200b", "\u2060", "\u200e", "\u200f",
              "\x01", "\x08", "\x1b", "\x7f", "\x85", "\u2028"]


@st.composite
def invisible_in_demo(draw: st.DrawFn, kind: Kind) -> tuple[bytes, int]:
    """The kind's demo file with one invisible or bidirectional character put anywhere, and the
    line it is on."""
    text = (ROOT / kind.demo).read_text(encoding="utf-8")
    at = draw(st.integers(0, len(text)))
    char = draw(st.sampled_from(INVISIBLES))
    return (text[:at] + char + text[at:]).encode(), text.count("\n", 0, at) + 1


# Text an editor might type or paste into any field: Vietnamese, markup, quotes, formulas.
field_texts = st.one_of(
    vietnamese_text,
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.builds(lambda a, b: a + b, st.sampled_from(["=", "+", "-", "@", "\t", "\r", "'", "\"",
                                                   "<", "&", ">", " "]), vietnamese_text),
    odd_strings,
)
