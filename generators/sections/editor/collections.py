"""The editor's collections: one small declaration per content type.

Each declaration names where the content type's files are and what its model cannot say by
itself (choices read from `data/site.yml`, the image widget, labels of coded values); the fields
themselves are generated from the model (fields.py). When the content types move into their
own packages, each declaration moves with its model.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ...core.profile import SiteProfile
from ..hotlines.model import CATEGORY_LABELS, HotlineDirectory
from ..legal.model import STATUS_LABELS, LegalRegister
from ..news.images import MAX_IMAGE_BYTES
from ..news.model import ArticleMeta
from ..plans.model import PlanDocument
from ..posters.model import PosterDocument
from ..procedures.model import ACTIONS, CHANNELS, LEVELS, ONLINE_LEVELS, ProcedureDocument
from ..questions.model import QuestionDocument
from .fields import Widget, model_fields


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


def image_widget() -> Widget:
    """Decap's image field, refusing files larger than the build takes."""
    return {"widget": "image", "choose_url": False,
            "media_library": {"config": {"max_file_size": MAX_IMAGE_BYTES}}}


def articles(choices: EditorChoices) -> Collection:
    fields = model_fields(ArticleMeta, {
        "category": {"widget": "select",
                     "options": [{"label": n, "value": s} for s, n in choices.categories]},
        "date": {"hint": "Ngày giờ đăng, giờ Việt Nam"},
        "image": image_widget(),
        "image_alt": {"hint": "Bắt buộc khi có ảnh đại diện: mô tả ngắn nội dung ảnh cho người "
                      "khiếm thị và khi ảnh không tải được"},
        "draft": {"default": True},
        "video": None,  # a video file is placed beside the article in git (README)
        "slug": None,  # the file name comes from the title
        "updated": None,
    })
    body = {"name": "body", "label": "Nội dung", "widget": "markdown",
            "hint": "Nội dung bài viết. Ảnh trong bài cần mô tả (chữ thay thế)."}
    return {
        "name": "tin-tuc", "label": "Tin, bài", "label_singular": "bài viết",
        "folder": "content/tin-tuc", "path": "{{year}}/{{slug}}", "extension": "md",
        "format": "yaml-frontmatter", "create": True, "slug": "{{slug}}", "slug_length": 80,
        "media_folder": "anh", "public_folder": "anh",
        "summary": "{{title}} ({{date | date('DD/MM/YYYY')}})",
        "sortable_fields": ["date", "title"],
        "fields": [*fields, body],
    }


def procedures(choices: EditorChoices) -> Collection:
    fields = model_fields(ProcedureDocument, {
        "field": {"widget": "select", "options": list(choices.procedure_fields)},
        "levels": options(LEVELS),
        "online": options(ONLINE_LEVELS),
        "channels.channel": options(CHANNELS),
        "history.action": options(ACTIONS),
    })
    return data_folder("thu-tuc", "Thủ tục hành chính", "thủ tục", "name", fields)


def questions(choices: EditorChoices) -> Collection:
    return data_folder("hoi-dap", "Hỏi đáp", "câu hỏi", "title", model_fields(QuestionDocument))


def posters(choices: EditorChoices) -> Collection:
    return data_folder("ap-phich", "Ấn phẩm tuyên truyền", "ấn phẩm", "headline",
                       model_fields(PosterDocument, {"logo": image_widget()}))


def plans(choices: EditorChoices) -> Collection:
    return data_folder("ke-hoach", "Kế hoạch", "kế hoạch", "title", model_fields(PlanDocument))


def hotlines(choices: EditorChoices) -> Collection:
    fields = model_fields(HotlineDirectory, {"units.category": options(CATEGORY_LABELS)})
    return data_file("duong-day-nong", "Đường dây nóng", "data/duong-day-nong.yml", fields)


def legal_register(choices: EditorChoices) -> Collection:
    fields = model_fields(LegalRegister, {"documents.status": options(STATUS_LABELS)})
    return data_file("van-ban", "Văn bản pháp luật", "data/van-ban.yml", fields)


def site_profile(choices: EditorChoices) -> Collection:
    return data_file("site", "Thông tin cơ quan", "data/site.yml",
                     model_fields(SiteProfile, {"logo": image_widget(),
                                                "editor": None}))  # set up by a developer


COLLECTIONS: tuple[Declaration, ...] = (
    articles, questions, hotlines, procedures, legal_register, posters, plans, site_profile,
)
