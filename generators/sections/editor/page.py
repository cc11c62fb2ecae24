"""The editor page /quan-tri/: Decap CMS from node_modules, its generated config, its own policy.

Everything the page loads is published with the site: the Decap bundle pinned in
package-lock.json (copied from node_modules at build time), `config.yml` generated from the
models (collections.py), our stylesheet for the preview and a small script registering it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from jinja2 import Environment

from ...core.editor import EditorBackend
from ...core.editor_fields import Collection
from ...core.outputs import OutputFile
from ...core.preview_memory import held
from ...core.profile import SiteProfile

EDITOR_DIR = "quan-tri"
BUNDLE = Path("node_modules") / "decap-cms" / "dist"
# The main script, its chunks (loaded on demand from the same folder) and two WebAssembly files.
_BUNDLE_FILE = re.compile(r"^(?:decap-cms\.js|\d+\.decap-cms\.js|[0-9a-f]+\.wasm|"
                          r"decap-cms\.js\.LICENSE\.txt)$")
DEFAULT_PROXY_PORT = 8081
# What Decap needs, measured in Chromium (tests/test_editor_browser.py fails on any violation):
# styles are injected at run time (emotion), its config validation compiles code (ajv), and an
# uploaded picture is fetched back from a blob: URL before it is saved (connect-src blob:).
SCRIPT_SRC = "'self' 'unsafe-eval'"
STYLE_SRC = "'self' 'unsafe-inline'"
PUBLISH_MODES = {"github": "editorial_workflow", "gitlab": "editorial_workflow",
                 "gitea": "editorial_workflow"}
DEFAULT_API = {"github": "https://api.github.com", "gitlab": "https://gitlab.com/api/v4"}


class EditorError(RuntimeError):
    """The editor page cannot be made (no Decap in node_modules, a bad port): said in Vietnamese."""


PACKAGE_ROOT = Path(__file__).resolve().parents[3]


def find_bundle(bases: Sequence[Path]) -> Path:
    """The Decap dist folder in the first of `bases` (folders holding node_modules) that has it."""
    for base in bases:
        if (base / BUNDLE / "decap-cms.js").is_file():
            return base / BUNDLE
    raise EditorError(
        "thiếu Decap CMS cho trang soạn thảo /quan-tri/ (node_modules/decap-cms): chạy "
        "«make build», hoặc «npm ci --ignore-scripts» trong thư mục dự án"
    )


def port_from(environ: Mapping[str, str]) -> int:
    """The local proxy's port: CCHC_EDITOR_PORT (what `make edit` and the tests set), or 8081."""
    text = environ.get("CCHC_EDITOR_PORT", "").strip()
    if not text:
        return DEFAULT_PROXY_PORT
    if not text.isdigit() or not 1024 <= int(text) <= 65535:
        raise EditorError(f"CCHC_EDITOR_PORT «{text}» không phải cổng từ 1024 đến 65535")
    return int(text)


def proxy_url(port: int) -> str:
    return f"http://127.0.0.1:{port}/api/v1"


def backend_config(editor: EditorBackend | None, port: int) -> dict[str, Any]:
    """Decap's `backend`: the agency's git host, or, without one, only the local proxy."""
    if editor is None:
        return {"name": "proxy", "proxy_url": proxy_url(port), "branch": "main"}
    backend: dict[str, Any] = {"name": editor.backend, "repo": editor.repo,
                               "branch": editor.branch}
    for key in ("api_root", "base_url", "auth_endpoint", "app_id"):
        value = getattr(editor, key)
        if value:
            backend[key] = value.rstrip("/") if key != "auth_endpoint" else value
    if editor.backend == "gitlab" and editor.app_id:  # Gitea's backend signs in with PKCE anyway
        backend["auth_type"] = "pkce"
    return backend


def editor_config(
    site: SiteProfile, collections: Sequence[Collection], *, port: int = DEFAULT_PROXY_PORT
) -> dict[str, Any]:
    """Decap's config.yml; `collections` are the sections' (pipeline.editor_collections)."""
    editor = site.editor
    config: dict[str, Any] = {
        "locale": "vi",
        "backend": backend_config(editor, port),
        # On 127.0.0.1 Decap writes through `decap-server` (make edit) into the working tree.
        "local_backend": {"url": proxy_url(port), "allowed_hosts": ["127.0.0.1", "localhost"]},
        "site_url": site.url,
        "display_url": site.url,
        "logo_url": "../" + site.logo,
        "media_folder": "content/assets/tai-len",
        "public_folder": "/assets/tai-len",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": list(collections),
    }
    if editor is not None and editor.review:
        config["publish_mode"] = PUBLISH_MODES[editor.backend]
    return config


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def content_security_policy(site: SiteProfile, *, port: int = DEFAULT_PROXY_PORT) -> str:
    """The page's own policy: this site, the local proxy, and the git host's API only."""
    # blob: uploaded pictures are read back from memory before they are sent.
    connect = ["'self'", "blob:", _origin(proxy_url(port))]
    editor = site.editor
    if editor is not None:
        api = editor.api_root or DEFAULT_API.get(editor.backend)
        connect += [_origin(u) for u in (api, editor.base_url) if u]
    connect = list(dict.fromkeys(connect))
    return (
        f"default-src 'self'; script-src {SCRIPT_SRC}; style-src {STYLE_SRC}; "
        "img-src 'self' data: blob:; font-src 'self'; "
        f"connect-src {' '.join(connect)}; media-src 'self' blob:; object-src 'none'; "
        "frame-src 'self'; worker-src 'self' blob:; base-uri 'self'; form-action 'self'"
    )


def editor_outputs(env: Environment, site: SiteProfile, root: Path,
                   collections: Sequence[Collection], *,
                   port: int = DEFAULT_PROXY_PORT,
                   bundle_dirs: Sequence[Path] | None = None) -> list[OutputFile]:
    """/quan-tri/index.html, config.yml and the Decap bundle, to publish with the site. The
    bundle comes from the project's node_modules, else from the one beside our package (a copy
    of the project, e.g. in tests, shares the installation it was copied from)."""
    bundle = find_bundle((root, PACKAGE_ROOT) if bundle_dirs is None else bundle_dirs)
    policy = content_security_policy(site, port=port)
    html = env.get_template("editor.html").render(policy=policy, site=site)
    settings = editor_config(site, collections, port=port)
    # The same settings at each preview rebuild: written out as YAML once (repr keys them).
    config = held("editor-config", repr(settings),
                  lambda: yaml.safe_dump(settings, allow_unicode=True, sort_keys=False,
                                         width=100))
    source = "trang soạn thảo /quan-tri/"
    files = [
        OutputFile(f"{EDITOR_DIR}/index.html", html.encode("utf-8"), source=source),
        OutputFile(f"{EDITOR_DIR}/config.yml", config.encode("utf-8"), source=source),
    ]
    for path in sorted(bundle.iterdir()):
        if _BUNDLE_FILE.match(path.name):
            files.append(OutputFile(f"{EDITOR_DIR}/{path.name}", path.read_bytes(), source=source))
    return files
