"""Only the repository is published, and no file an editor adds can carry script.

MkDocs copies every file of content/ into the site as it stands and follows symbolic links, so
a link to /etc/passwd, or to a folder outside the checkout, would be published; an .html or .svg
file would be served with its <script> from the portal's own address. The policy:

- a symbolic link in content/ or data/ must resolve inside that same folder (a link to a file
  elsewhere, a dangling link and a link loop are refused, with the file and the reason);
- .html, .htm, .xhtml, .xml and .js files are refused in content/: pages are Markdown, and the
  site's own scripts live in templates/assets/;
- an .svg (the agency's logo, a chart) is kept only if it is a plain drawing: no <script>, no
  <foreignObject>, no on… event attribute, no javascript: value, nothing loaded from elsewhere
  (an href that is not a #fragment, a stylesheet @import or url()).
- raw HTML media in Markdown (<img src="https://…">, <video>, <source>, <audio>) that loads
  from another host is refused, as the Markdown form of an external image is.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from lxml import etree

from .errors import DataError, relative

SCRIPT_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".xml", ".js", ".mjs"}
_SVG_REFUSED_TAGS = {"script", "foreignObject", "iframe", "embed", "object"}
_EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", re.I)
# Media the raw-HTML policy keeps (html_policy.py); <iframe>, <object> and <embed> it removes.
_MEDIA_TAGS = {"img", "video", "audio", "source", "track", "input"}
_MEDIA_ATTRIBUTES = {"src", "srcset", "poster"}


def _link_problem(path: Path, folder: Path) -> str | None:
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return ("liên kết tượng trưng (symlink) hỏng hoặc trỏ vòng vào chính nó; hãy xóa nó, "
                "hoặc chép tệp thật vào đây")
    if not target.is_relative_to(folder.resolve()):
        return (f"liên kết tượng trưng (symlink) trỏ ra ngoài thư mục {folder.name}/ (tới "
                f"{target}); chỉ xuất bản tệp nằm trong kho: hãy chép tệp thật vào đây")
    return None


def svg_problem(raw: bytes) -> str | None:
    """Why an SVG file is not a plain drawing, or None."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False)
    try:
        tree = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError:
        return "tệp .svg không đọc được (XML hỏng)"
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname
        if name in _SVG_REFUSED_TAGS:
            return f"tệp .svg chứa thẻ <{name}> (có thể chạy mã); hãy xuất lại hình không có nó"
        if name == "style" and re.search(r"@import|url\(\s*['\"]?(?!#)", element.text or ""):
            return "tệp .svg nạp kiểu chữ hoặc hình từ nơi khác (@import, url()); hãy bỏ đi"
        for attribute, value in element.attrib.items():
            local = etree.QName(attribute).localname
            if local.lower().startswith("on"):
                return f"tệp .svg có thuộc tính sự kiện {local}= (chạy mã); hãy bỏ đi"
            if "javascript:" in value.lower().replace(" ", ""):
                return "tệp .svg chứa liên kết javascript:; hãy bỏ đi"
            if local == "href" and not value.strip().startswith("#"):
                return (f"tệp .svg tham chiếu tới «{value[:60]}» (chỉ nhận tham chiếu trong "
                        "chính hình, dạng #tên)")
    return None


def _listings(top: str) -> Iterator[tuple[str, list[os.DirEntry[str]], set[str]]]:
    """`os.walk(top)` as check_published_files walked it (top-down, folders in listing order,
    hidden folders skipped, links to folders listed but not followed, unreadable folders
    skipped), with the entries themselves: their kind comes from the listing, where
    `Path.is_symlink` asked the system again for each of 7,000 files at every build."""
    try:
        with os.scandir(top) as listing:
            entries = list(listing)
    except OSError:
        return
    folders = [e for e in entries if _is_dir(e) and not e.name.startswith(".")]
    names = {e.name for e in folders}
    yield top, [e for e in entries if e.name in names or not _is_dir(e)], names
    for entry in folders:
        if not entry.is_symlink():
            yield from _listings(entry.path)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def check_published_files(folder: Path, root: Path, *, content: bool) -> list[DataError]:
    """Every problem with the files of `folder` (content/ if `content`, else data/)."""
    if not folder.is_dir():
        return []
    errors = []
    for _, entries, subfolders in _listings(str(folder)):
        for entry in sorted(entries, key=lambda e: e.name):
            name = entry.name
            if entry.is_symlink():
                path = Path(entry.path)
                problem = _link_problem(path, folder)
                if problem:
                    errors.append(DataError(relative(path, root), problem))
                    continue
            if not content or name.startswith(".") or name in subfolders:
                continue
            suffix = os.path.splitext(name)[1].lower()
            if suffix in SCRIPT_SUFFIXES:
                errors.append(DataError(relative(Path(entry.path), root),
                                        f"tệp {suffix} trong content/ được xuất bản nguyên "
                                        "trạng, kể cả mã script trong đó; trang viết bằng "
                                        "Markdown (.md), mã của trang nằm ở templates/assets/"))
            elif suffix == ".svg":
                try:
                    problem = svg_problem(Path(entry.path).read_bytes())
                except OSError:
                    problem = "không đọc được tệp"
                if problem:
                    errors.append(DataError(relative(Path(entry.path), root), problem))
    return errors


class _MediaFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _MEDIA_TAGS:
            return
        for name, value in attrs:
            if name in _MEDIA_ATTRIBUTES and value:
                urls = [part.split()[0] for part in value.split(",") if part.strip()] \
                    if name == "srcset" else [value]
                for url in urls:
                    if _EXTERNAL.match(url):
                        self.found.append((self.getpos()[0], url))

    handle_startendtag = handle_starttag


def external_media(markdown: str) -> list[tuple[int, str]]:
    """(line in `markdown`, URL) of every raw HTML media tag loading from another host."""
    finder = _MediaFinder()
    finder.feed(markdown)
    finder.close()
    return finder.found
