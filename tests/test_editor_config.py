"""The web editor's config is generated from the models: a field added to a model is in the
editor, and what the build refuses (required, pattern, choices, lengths) the editor refuses."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

import pytest
import yaml
from pydantic import Field

from generators.core.editor import EditorBackend
from generators.core.editor_fields import UnsupportedField, model_fields
from generators.core.environment import make_environment
from generators.core.model import Model, Text
from generators.core.pipeline import editor_collections, load_portal
from generators.sections.editor.page import (
    EditorError,
    content_security_policy,
    editor_config,
    editor_outputs,
    port_from,
)
from generators.sections.hotlines.model import HotlineUnit
from generators.sections.news.images import MAX_IMAGE_BYTES

from .conftest import ROOT


@pytest.fixture(scope="module")
def site():  # type: ignore[no-untyped-def]
    return load_portal(ROOT / "data", ROOT).site


def walk(fields: list[dict[str, Any]], prefix: str = "") -> dict[str, dict[str, Any]]:
    """Every field by its dotted path."""
    found = {}
    for field in fields:
        path = prefix + field["name"]
        found[path] = field
        found.update(walk(field.get("fields", []), path + "."))
    return found


def collection(config: dict[str, Any], name: str) -> dict[str, dict[str, Any]]:
    [entry] = [c for c in config["collections"] if c["name"] == name]
    return walk(entry.get("fields") or entry["files"][0]["fields"])


class HotlineUnitWithFax(HotlineUnit):
    """A fixture: the hotline model as it would be with one more field."""

    fax: str | None = Field(None, pattern=r"^0\d{9,10}$", description="Số fax của đơn vị")
    channel: Literal["zalo", "viber"] = Field(description="Kênh nhắn tin, ví dụ zalo")


def test_a_field_added_to_a_model_appears_in_the_editor_with_its_rules() -> None:
    before = walk(model_fields(HotlineUnit))
    after = walk(model_fields(HotlineUnitWithFax))
    assert set(after) - set(before) == {"fax", "channel"}
    fax, channel = after["fax"], after["channel"]
    assert fax["label"] == "Số fax của đơn vị" and fax["required"] is False
    assert fax["pattern"][0] == r"^0\d{9,10}$"
    assert channel["widget"] == "select" and channel["options"] == ["zalo", "viber"]
    assert "required" not in channel  # required in the model, so required in the editor
    assert channel["label"] == "Kênh nhắn tin"


def test_required_patterns_lengths_and_list_sizes_come_from_the_model() -> None:
    class Notice(Model):
        title: Text = Field(max_length=120, description="Tiêu đề thông báo")
        code: str = Field(pattern=r"^[A-Z]{2}\d{3}$", description="Mã thông báo")
        points: list[Text] = Field(min_length=1, max_length=3, description="Các ý chính")
        pinned: bool = Field(False, description="Ghim lên đầu trang")

    fields = walk(model_fields(Notice))
    assert re.fullmatch(fields["title"]["pattern"][0], "x" * 120)
    assert not re.fullmatch(fields["title"]["pattern"][0], "x" * 121)
    assert fields["code"]["pattern"][0] == r"^[A-Z]{2}\d{3}$"
    assert (fields["points"]["min"], fields["points"]["max"]) == (1, 3)
    assert fields["pinned"]["widget"] == "boolean" and fields["pinned"]["required"] is False


def test_an_override_naming_no_field_of_the_model_is_refused() -> None:
    with pytest.raises(UnsupportedField, match="không có trường"):
        model_fields(HotlineUnit, {"fxa": {"widget": "string"}})


def test_every_field_of_every_collection_has_a_vietnamese_label(site) -> None:  # type: ignore[no-untyped-def]
    config = editor_config(site, editor_collections(site))
    assert [c["name"] for c in config["collections"]] == [
        "tin-tuc", "ke-hoach", "hoi-dap", "thu-tuc", "duong-day-nong", "ap-phich", "van-ban",
        "site"]
    for entry in config["collections"]:
        fields = collection(config, entry["name"])
        unlabelled = [p for p, f in fields.items() if f["label"] == p.rsplit(".", 1)[-1]]
        assert not unlabelled, (entry["name"], unlabelled)


def test_choices_come_from_site_yml(site) -> None:  # type: ignore[no-untyped-def]
    config = editor_config(site, editor_collections(site))
    category = collection(config, "tin-tuc")["category"]
    assert [o["value"] for o in category["options"]] == [c.slug for c in site.categories]
    assert [o["label"] for o in category["options"]] == [c.name for c in site.categories]
    field = collection(config, "thu-tuc")["field"]
    assert field["options"] == list(site.procedure_fields)
    online = collection(config, "thu-tuc")["online"]
    assert {o["value"] for o in online["options"]} == {"toan-trinh", "mot-phan", "khong"}


def test_files_are_named_by_our_scheme(site) -> None:  # type: ignore[no-untyped-def]
    config = editor_config(site, editor_collections(site))
    assert config["locale"] == "vi"
    assert config["slug"] == {"encoding": "ascii", "clean_accents": True,
                              "sanitize_replacement": "-"}
    by_name = {c["name"]: c for c in config["collections"]}
    articles = by_name["tin-tuc"]
    assert (articles["folder"], articles["path"]) == ("content/tin-tuc", "{{year}}/{{slug}}")
    assert articles["media_folder"] == "anh"
    image = collection(config, "tin-tuc")["image"]
    assert image["media_library"]["config"]["max_file_size"] == MAX_IMAGE_BYTES
    assert collection(config, "tin-tuc")["draft"]["default"] is True
    for name in ("hoi-dap", "thu-tuc", "ap-phich", "ke-hoach"):
        assert by_name[name]["folder"] == f"data/{name}" and by_name[name]["extension"] == "yml"
    assert by_name["duong-day-nong"]["files"][0]["file"] == "data/duong-day-nong.yml"


def test_every_declaration_is_generated_from_its_model(site) -> None:  # type: ignore[no-untyped-def]
    for entry in editor_collections(site):
        assert entry["fields"] if "fields" in entry else entry["files"][0]["fields"]


def test_without_a_git_host_the_editor_saves_only_through_the_local_proxy(site) -> None:  # type: ignore[no-untyped-def]
    config = editor_config(site, editor_collections(site), port=9123)
    assert config["backend"]["name"] == "proxy"
    assert config["local_backend"]["url"] == "http://127.0.0.1:9123/api/v1"
    assert "publish_mode" not in config
    policy = content_security_policy(site, port=9123)
    assert "connect-src 'self' blob: http://127.0.0.1:9123;" in policy
    assert "https:" not in policy and "*" not in policy


def test_with_a_git_host_the_head_reviews_before_publishing(site) -> None:  # type: ignore[no-untyped-def]
    hosted = site.model_copy(update={"editor": EditorBackend(
        backend="gitea", repo="sgtvt/cchc", api_root="https://git.sgtvt.gov.vn/api/v1",
        base_url="https://git.sgtvt.gov.vn", app_id="abc")})
    config = editor_config(hosted, editor_collections(hosted))
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"] == {"name": "gitea", "repo": "sgtvt/cchc", "branch": "main",
                                 "api_root": "https://git.sgtvt.gov.vn/api/v1",
                                 "base_url": "https://git.sgtvt.gov.vn", "app_id": "abc"}
    assert "https://git.sgtvt.gov.vn" in content_security_policy(hosted)


def test_the_port_of_the_local_proxy_is_checked() -> None:
    assert port_from({}) == 8081
    assert port_from({"CCHC_EDITOR_PORT": "9000"}) == 9000
    with pytest.raises(EditorError, match="không phải cổng"):
        port_from({"CCHC_EDITOR_PORT": "80; rm"})


def test_the_editor_page_is_published_with_its_bundle_and_config(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    files = {f.path: f.content for f in editor_outputs(make_environment(ROOT / "templates"),
                                                         site, ROOT, editor_collections(site))}
    assert {"quan-tri/index.html", "quan-tri/config.yml", "quan-tri/decap-cms.js"} <= set(files)
    assert not [p for p in files if p.endswith(".map")]
    expected = editor_config(site, editor_collections(site))
    assert yaml.safe_load(files["quan-tri/config.yml"]) == expected
    page = files["quan-tri/index.html"].decode("utf-8")
    assert '<html lang="vi">' in page and "Content-Security-Policy" in page
    assert "<script>" not in page and "https://" not in page
    with pytest.raises(EditorError, match="npm ci"):
        editor_outputs(make_environment(ROOT / "templates"), site, tmp_path, [], bundle_dirs=())
