"""Links between generated pages, relative so the site works under any base path."""

from __future__ import annotations

import posixpath


def page_depth(path: str) -> int:
    """Directory depth of a page URL path: "" → 0, "ke-hoach/" → 1, "ke-hoach/x/" → 2."""
    return len([p for p in path.split("/") if p])


def root_prefix(path: str) -> str:
    """Relative prefix from the page at `path` to the site root: "ke-hoach/x/" → "../../"."""
    return "../" * page_depth(path)


def is_external(link: str) -> bool:
    return link.startswith(("https://", "http://", "mailto:", "tel:"))


def href(from_path: str, target: str) -> str:
    """Link from the page at `from_path` to `target` (site-relative path or external URL)."""
    if is_external(target):
        return target
    if target.startswith("#"):
        return target
    path, hash_mark, fragment = target.partition("#")
    start = from_path.rstrip("/") or "."
    relative = posixpath.relpath(path or ".", start)
    if path.endswith("/") or not path:
        relative = "./" if relative == "." else relative + "/"
    return relative + hash_mark + fragment


def src_uri(path: str) -> str:
    """Source file name MkDocs expects for a page served at `path` (directory URLs)."""
    return posixpath.join(path, "index.md") if path else "index.md"
