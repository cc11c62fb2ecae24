"""Where the web editor (/quan-tri/) saves: the git host the agency uses (`editor:` in site.yml)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .model import Model, Text, WebUrl


class EditorBackend(Model):
    """The git host behind /quan-tri/. Without it the editor only works locally (`make edit`)."""

    backend: Literal["github", "gitlab", "gitea"] = Field(
        title="Máy chủ git", description="github, gitlab hoặc gitea (Gitea và Forgejo)"
    )
    repo: str = Field(
        pattern=r"^[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)+$",
        description="Kho mã nguồn dạng chủ-sở-hữu/tên-kho, ví dụ sgtvt-quangtri/cchc",
    )
    branch: Text = Field("main", description="Nhánh trang web được xây dựng từ đó")
    api_root: WebUrl | None = Field(
        None, description="Địa chỉ API của máy chủ tự vận hành, ví dụ https://git.sgtvt.gov.vn/api/v1"
    )
    base_url: WebUrl | None = Field(
        None, description="Máy chủ đăng nhập OAuth của cơ quan (GitHub), hoặc địa chỉ máy chủ "
        "GitLab, Gitea tự vận hành"
    )
    auth_endpoint: str | None = Field(
        None, description="Đường dẫn đăng nhập trên base_url, ví dụ auth"
    )
    app_id: str | None = Field(None, description="Mã ứng dụng OAuth (GitLab, Gitea)")
    review: bool = Field(
        True, description="Bài chờ trưởng ban duyệt trước khi đăng (nhánh và yêu cầu hợp nhất)"
    )
