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
    relative = relative_path(path or ".", start)
    if path.endswith("/") or not path:
        relative = "./" if relative == "." else relative + "/"
    return relative + hash_mark + fragment


def relative_path(path: str, start: str) -> str:
    """`posixpath.relpath(path, start)` for site paths, without its absolute-path detour.

    Listings link to thousands of pages (200,000 links at 5,000 articles, a sixth of the build
    in relpath); plain paths ("a/b", no ".", ".." or empty segments) take the short way.
    """
    target, base = path.rstrip("/").split("/"), start.split("/")
    if "" in target or "" in base or {".", ".."} & {*target, *base}:
        return posixpath.relpath(path, start)
    common = 0
    for mine, theirs in zip(target, base, strict=False):
        if mine != theirs:
            break
        common += 1
    return "/".join([".."] * (len(base) - common) + target[common:]) or "."


def src_uri(path: str) -> str:
    """Source file name MkDocs expects for a page served at `path` (directory URLs)."""
    return posixpath.join(path, "index.md") if path else "index.md"
