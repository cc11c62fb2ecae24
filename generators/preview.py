"""The preview (`mkdocs serve`, `make serve`): live reload under our CSP, and data errors shown
in the browser.

MkDocs injects its live-reload script inline into every page it serves. The script differs on
every request (it carries the build number and a request id), so no hash in a `<meta>` written
at build time can allow it, and it carries no nonce; our Content-Security-Policy
(`script-src 'self'`) refuses it. Rather than loosen the policy, the preview adds one small
local file, PREVIEW_SCRIPT, that does the same polling; it reads the build number MkDocs wrote
into the refused inline script. The published build neither lists nor ships that file (nor the
error page's stylesheet), and keeps its policy unchanged.

When the data has errors, the preview does not stop: the site becomes one Vietnamese error page
(served for every address, so the open tab shows it on its next reload) listing each problem's
file, line and field; the same script reloads it as soon as the editor's fix builds.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from .core.errors import DataError

# What `cchc serve` (`make serve`) runs: a dirty build keeps the preview's folder between
# rebuilds, and the plugin makes it exact, writing only what changed (core/rebuilds.py).
SERVE_COMMAND = ("mkdocs", "serve", "--dirty")
PREVIEW_SCRIPT = "assets/cchc-preview.js"
PREVIEW_STYLES = "assets/cchc-preview.css"  # the error page's only stylesheet
PREVIEW_ONLY = (PREVIEW_SCRIPT, PREVIEW_STYLES)
# The pages written instead of the site when the data has errors: 404.html is what
# `mkdocs serve` answers for every address that has no file, so any open page shows the error.
ERROR_PAGES = ("index.html", "404.html")


def _item(error: DataError) -> Markup:
    """One problem: where (file, line, field) in bold, then what is wrong and the value given."""
    where = error.file if error.line is None else f"{error.file}, dòng {error.line}"
    if error.field:
        where += f", trường «{error.field}»"
    given = f" (giá trị đang có: «{error.given}»)" if error.given not in (None, "") else ""
    return Markup("<li><strong>{}</strong>: {}{}</li>").format(where, error.message, given)


def render_error_page(
    errors: Sequence[DataError], *, csp: str, base: str, message: str = ""
) -> str:
    """A whole HTML document listing `errors` (or one `message` when a page could not be made).

    `base` is the site's path on the preview server ("/"), for the stylesheet and the script.
    """
    count = len(errors) if errors else 1
    listing = (
        Markup("<ol>{}</ol>").format(Markup("").join(_item(e) for e in errors)) if errors
        else Markup("<p>{}</p>").format(message)
    )
    return str(Markup(
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        "<title>Dữ liệu có lỗi – bản xem trước</title>\n"
        '<link rel="stylesheet" href="{base}{styles}">\n'
        '<script src="{base}{script}" defer></script>\n'
        '</head>\n<body class="cchc-preview-error">\n<main>\n'
        "<h1>Dữ liệu có {count} lỗi: chưa thể xem trước trang web</h1>\n"
        "<p>Hãy sửa các lỗi dưới đây rồi lưu tệp: trang sẽ tự tải lại khi dữ liệu hợp lệ.</p>\n"
        "{listing}\n</main>\n</body>\n</html>\n"
    ).format(
        csp=csp, base=base, script=PREVIEW_SCRIPT, styles=PREVIEW_STYLES, count=count,
        listing=listing,
    ))
