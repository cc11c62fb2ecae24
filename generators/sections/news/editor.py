"""This section's collection in the web editor (/quan-tri/), generated from its model."""

from __future__ import annotations

from ...core.editor_fields import Collection, EditorChoices, image_widget, model_fields
from .images import MAX_IMAGE_BYTES
from .model import ArticleMeta


def editor_collection(choices: EditorChoices) -> Collection:
    fields = model_fields(ArticleMeta, {
        "category": {"widget": "select",
                     "options": [{"label": n, "value": s} for s, n in choices.categories]},
        "date": {"hint": "Ngày giờ đăng, giờ Việt Nam"},
        "image": image_widget(MAX_IMAGE_BYTES),
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
