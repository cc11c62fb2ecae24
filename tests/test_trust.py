"""Trust (issue 13): only the repository is published, no command answers with a traceback, and
faults leave nothing behind. One test per class of hostile or careless input.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from generators.cli import main
from generators.core.data_layout import unknown_entries
from generators.core.errors import DataErrors
from generators.core.feeds import FeedSpec, render_feed
from generators.core.guard import last_resort, write_bytes
from generators.core.html_policy import clean_feed_html, clean_page_html
from generators.core.pipeline import known_data_entries, load_portal
from generators.core.published_files import svg_problem
from generators.core.safe_build import build_lock, remove_stale_staging
from generators.sections.hotlines.vcard import escape_value

from .conftest import PINNED_EPOCH, ROOT, copy_project, run_build
from .hostile import NOW, VIETNAMESE

ARTICLE = "content/tin-tuc/2024/huong-dan-cap-doi-giay-phep-lai-xe-truc-tuyen.md"
QUESTION = "data/hoi-dap/giay-phep-lai-xe-quoc-te.yml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def load_errors(project: Path) -> list[str]:
    """The formatted errors of loading `project` (which must fail to load)."""
    with pytest.raises(DataErrors) as caught:
        load_portal(project / "data", project, content_dir=project / "content", now=NOW)
    return [error.format() for error in caught.value.errors]


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    output = captured.out + captured.err
    assert "Traceback" not in output
    return code, output


# --- only the repository is published -----------------------------------------------------------

@pytest.mark.parametrize("target", ["/etc/passwd", "/etc"], ids=["file", "folder"])
def test_a_link_out_of_the_repository_is_refused_before_anything_is_read(
    project: Path, target: str
) -> None:
    (project / "content" / "tin-tuc" / "mat-khau").symlink_to(target)
    (project / "data" / "hoi-dap" / "lo-ra.yml").symlink_to("/etc/hostname")
    errors = load_errors(project)
    assert any(e.startswith("content/tin-tuc/mat-khau: liên kết tượng trưng") and target in e
               for e in errors), errors
    assert any(e.startswith("data/hoi-dap/lo-ra.yml: liên kết tượng trưng") for e in errors)
    hostname = Path("/etc/hostname").read_text().strip()
    assert not any(f"«{hostname}»" in e for e in errors), "a file outside was read"


def test_a_link_loop_and_a_dangling_link_are_refused(project: Path) -> None:
    (project / "content" / "vong").symlink_to("vong")
    (project / "content" / "mat").symlink_to("khong-co.png")
    errors = load_errors(project)
    assert any(e.startswith("content/vong: liên kết tượng trưng (symlink) hỏng hoặc trỏ vòng")
               for e in errors), errors
    assert any(e.startswith("content/mat: liên kết") for e in errors), errors


def test_a_link_inside_content_is_kept(project: Path) -> None:
    (project / "content" / "assets" / "logo-ban-sao.svg").symlink_to("logo.svg")
    load_portal(project / "data", project, content_dir=project / "content", now=NOW)


@pytest.mark.parametrize("name", ["trang.html", "bieu-mau.htm", "ma.js", "du-lieu.xml"])
def test_static_files_that_can_carry_script_are_refused(project: Path, name: str) -> None:
    (project / "content" / name).write_text("<script>alert(1)</script>", encoding="utf-8")
    errors = load_errors(project)
    assert any(e.startswith(f"content/{name}: tệp .") and "script" in e for e in errors), errors


@pytest.mark.parametrize("svg, reason", [
    ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "<script>"),
    ('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "onload="),
    ('<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>', "<foreignObject>"),
    ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
     '<image x:href="https://example.com/a.png"/></svg>', "https://example.com"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"/></svg>',
     "javascript:"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://x.example/a.css);'
     '</style></svg>', "@import"),
    ("<svg", "XML hỏng"),
], ids=["script", "event", "foreign-object", "external-href", "javascript", "import", "broken"])
def test_an_svg_is_published_only_as_a_plain_drawing(svg: str, reason: str) -> None:
    problem = svg_problem(svg.encode())
    assert problem is not None and reason in problem


def test_the_demo_logo_is_a_plain_drawing() -> None:
    assert svg_problem((ROOT / "content" / "assets" / "logo.svg").read_bytes()) is None


def test_a_raw_image_from_another_host_is_refused_like_its_markdown_form(project: Path) -> None:
    article = project / ARTICLE
    text = article.read_text(encoding="utf-8")
    line = text.count("\n") + 2
    article.write_text(text + '\n<img src="https://example.com/theo-doi.png" alt="x">\n'
                       '<video poster="//example.com/p.jpg"></video>\n', encoding="utf-8")
    errors = load_errors(project)
    assert any(e.startswith(f"{ARTICLE}, dòng {line}: ảnh, video phải là tệp trong content/")
               and "https://example.com/theo-doi.png" in e for e in errors), errors
    assert any(f"dòng {line + 1}:" in e and "//example.com/p.jpg" in e for e in errors), errors


def test_media_from_another_host_leave_every_markdown_field_and_feed() -> None:
    html = ('<img src="https://example.com/a.png" alt="a"><img src="anh/b.png" alt="b">'
            '<video poster="//example.com/p.jpg" src="clip.mp4"></video>'
            '<img srcset="anh/c.png 1x, https://example.com/c.png 2x" alt="c">')
    for cleaned in (clean_page_html(html), clean_feed_html(html)):
        assert "example.com" not in cleaned
        assert 'src="anh/b.png"' in cleaned and 'src="clip.mp4"' in cleaned


# --- unknown names in data/ ---------------------------------------------------------------------

def test_a_misspelt_folder_or_file_in_data_is_an_error_with_the_nearest_name(
    project: Path,
) -> None:
    (project / "data" / "hoidap").mkdir()
    (project / "data" / "hoidap" / "x.yml").write_text("question: x\n", encoding="utf-8")
    (project / "data" / "van-ban.yaml").write_text("documents: []\n", encoding="utf-8")
    (project / "data" / "thu-tuc" / "cu").mkdir()
    (project / "data" / ".gitkeep").touch()
    errors = load_errors(project)
    assert any(e.startswith("data/hoidap: thư mục «hoidap» không được đọc")
               and "có phải là «hoi-dap»?" in e for e in errors), errors
    assert any(e.startswith("data/van-ban.yaml: tệp") and "«van-ban.yml»?" in e for e in errors)
    assert any(e.startswith("data/thu-tuc/cu: thư mục con không được đọc") for e in errors)
    assert len(errors) == 3, errors


def test_the_demo_data_has_only_known_names() -> None:
    assert unknown_entries(ROOT / "data", known_data_entries(), ROOT) == []


# --- invisible characters and encodings -----------------------------------------------------

@pytest.mark.parametrize("value, code", [
    ("Tin \u202egpj.exe", "U+202E"), ('"Tin \\u202e đảo chiều"', "U+202E"),
    ("Tin\u200bdính", "U+200B"), ('"Tin \\x01"', "U+0001"),
], ids=["bidi", "bidi-escape", "zero-width", "control-escape"])
def test_invisible_and_bidirectional_characters_are_refused_at_their_line(
    project: Path, value: str, code: str
) -> None:
    question = project / QUESTION
    lines = question.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[at] = f"title: {value}"
    question.write_text("\n".join(lines), encoding="utf-8")
    errors = load_errors(project)
    assert any(e.startswith(f"{QUESTION}, dòng {at + 1}: có ") and code in e for e in errors), \
        errors


def test_a_control_character_in_an_article_body_is_refused_at_its_line(project: Path) -> None:
    article = project / ARTICLE
    text = article.read_text(encoding="utf-8")
    article.write_text(text + "\nĐoạn có ký tự \x01 lạ.\n", encoding="utf-8")
    line = text.count("\n") + 2
    errors = load_errors(project)
    assert any(e.startswith(f"{ARTICLE}, dòng {line}: có ký tự điều khiển không in được U+0001 "
                            "ngay sau «Đoạn có ký tự »") for e in errors), errors


def test_a_utf16_file_is_named_as_such(project: Path) -> None:
    question = project / QUESTION
    question.write_bytes(question.read_text(encoding="utf-8").encode("utf-16"))
    errors = load_errors(project)
    assert any(e.startswith(f"{QUESTION}: tệp được lưu bằng bảng mã UTF-16") for e in errors)
    assert not any("TCVN3" in e for e in errors)


@pytest.mark.parametrize("date", ['"9999-12-31 23:30+07:00"', "0001-01-01 00:10:00+08:00",
                                  '"0001-01-01 00:10-05:00"'])
def test_dates_at_the_edge_of_the_calendar_are_refused(project: Path, date: str) -> None:
    article = project / ARTICLE
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace('date: "2024-02-21 08:00"', f"date: {date}"),
                       encoding="utf-8")
    errors = load_errors(project)
    assert any(e.startswith(f"{ARTICLE}, dòng 3, trường «date»: ngày đăng cần nằm trong "
                            "khoảng năm 1900 đến 2200") for e in errors), errors


@pytest.mark.parametrize("side, message", [(8_000, "quá lớn (8000 × 8000 điểm ảnh)"),
                                           (10_000, "khai báo kích thước quá lớn")],
                         ids=["over-our-limit", "over-pillows-limit"])
def test_a_decompression_bomb_image_is_refused_before_decoding(
    project: Path, side: int, message: str
) -> None:
    from PIL import Image

    bomb = project / "content" / "tin-tuc" / "2024" / "anh" / "gplx-truc-tuyen.jpg"
    bomb.unlink()
    Image.new("1", (side, side)).save(bomb, format="PNG")  # 64 or 100 megapixels, ~15 KB
    assert bomb.stat().st_size < 100_000
    errors = load_errors(project)
    assert any(message in e and "gplx-truc-tuyen.jpg" in e for e in errors), errors


# --- the commands ---------------------------------------------------------------------------

def test_import_of_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, output = run_cli(capsys, "--root", str(copy_project(tmp_path / "p")), "tthc",
                           "import", str(tmp_path / "khong-co.xlsx"))
    assert code == 1 and "không thấy tệp" in output and "khong-co.xlsx" in output


@pytest.mark.parametrize("content", [b"", b"Ma thu tuc;Ten thu tuc\n"], ids=["empty", "not-zip"])
def test_import_of_an_empty_or_non_zip_xlsx(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    book = tmp_path / "thu-tuc.xlsx"
    book.write_bytes(content)
    code, output = run_cli(capsys, "--root", str(copy_project(tmp_path / "p")), "tthc",
                           "import", str(book))
    assert code == 1 and output.startswith("Không nhập được: thu-tuc.xlsx: tệp rỗng"
                                           if not content else
                                           "Không nhập được: thu-tuc.xlsx: không phải tệp Excel")


def test_import_of_a_zip_bomb_xlsx_stops_before_unpacking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(book, "w", compression=zipfile.ZIP_DEFLATED) as archive, \
            archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
        chunk = b"\0" * (1 << 20)
        for _ in range(210):  # 210 MB of zeros: about 200 KB once packed
            member.write(chunk)
    assert book.stat().st_size < 1_000_000
    code, output = run_cli(capsys, "--root", str(copy_project(tmp_path / "p")), "tthc",
                           "import", str(book))
    assert code == 1 and "giải nén ra 210 MB" in output, output


def test_report_out_on_an_existing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "bao-cao.docx"
    target.write_bytes(b"x")
    code, output = run_cli(capsys, "--root", str(ROOT), "report",
                           "ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri", "--period", "2024",
                           "--out", str(target))
    assert code == 2 and "là một tệp, không phải thư mục" in output


def test_a_symlink_loop_in_content_is_named(project: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    (project / "content" / "tin-tuc" / "vong").symlink_to("vong")
    code, output = run_cli(capsys, "--root", str(project), "check")
    assert code == 1 and "content/tin-tuc/vong: liên kết tượng trưng" in output


def test_a_full_disk_names_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    full = Path("/dev/full")
    if not full.exists():
        pytest.skip("no /dev/full on this system")
    code = last_resort(lambda: write_bytes(full, b"x" * 65536) or 0, tmp_path, "test")
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("Ổ đĩa đã đầy khi ghi «/dev/full»")


def test_a_permission_error_names_the_file(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    def refuse() -> int:
        raise PermissionError(13, "Permission denied", str(tmp_path / "site" / "index.html"))

    assert last_resort(refuse, tmp_path, "test") == 1
    assert capsys.readouterr().err.startswith(f"Không có quyền đọc hoặc ghi «{tmp_path}/site/")


def test_anything_unforeseen_is_one_vietnamese_line_and_a_log_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("hỏng ở đâu đó")

    monkeypatch.setattr("generators.cli.load_portal", broken)
    project = copy_project(tmp_path / "p")
    code, output = run_cli(capsys, "--root", str(project), "check")
    assert code == 70
    lines = output.strip().split("\n")
    assert len(lines) == 1 and VIETNAMESE.search(lines[0]), output
    log = Path(lines[0].split("chi tiết đã ghi vào ")[1].split(". ")[0])
    assert log.is_relative_to(project / ".cache")
    details = log.read_text(encoding="utf-8")
    assert "Traceback" in details and "ZeroDivisionError: hỏng ở đâu đó" in details


def test_the_plugin_reports_an_unforeseen_fault_as_a_plugin_error(tmp_path: Path) -> None:
    from mkdocs.exceptions import PluginError

    from generators.plugin import CchcPlugin

    plugin = CchcPlugin()
    plugin.root = tmp_path
    with pytest.raises(PluginError) as caught:
        plugin.on_env(None, config=None, files=None)  # no portal loaded: an internal fault
    assert str(caught.value).startswith("Lỗi ngoài dự kiến (AssertionError); chi tiết đã ghi")
    assert list((tmp_path / ".cache" / "nhat-ky-loi").glob("*.log"))


# --- escaping in the other formats ----------------------------------------------------------

def test_a_vcard_value_never_holds_a_bare_line_break() -> None:
    assert escape_value("Phòng\r\nX-EVIL:1\rY:2\nZ") == "Phòng\\nX-EVIL:1\\nY:2\\nZ"


def test_rss_descriptions_of_the_channel_are_text() -> None:
    spec = FeedSpec("rss.xml", "rss", "Tin", 'Tin "mới" <b>đậm</b>', "https://x.vn/")
    channel = etree.fromstring(render_feed(spec, "https://x.vn/")).find("channel")
    assert channel.findtext("description") == "Tin &#34;mới&#34; &lt;b&gt;đậm&lt;/b&gt;"


# --- builds leave nothing behind ------------------------------------------------------------

def test_a_second_build_in_the_same_checkout_stops_with_a_message(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    with build_lock(project):
        result = run_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert f"Đang có một lần tạo trang web khác chạy trong thư mục này (tiến trình " \
           f"{os.getpid()})" in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_build_removes_what_killed_builds_left(tmp_path: Path) -> None:
    for name in (".site-new-abc123", f".site-new-{2**22 + 7}-x", f".site-old-{2**22 + 9}-y"):
        (tmp_path / name / "assets").mkdir(parents=True)
    alive = tmp_path / f".site-new-{os.getpid()}-z"
    alive.mkdir()
    removed = remove_stale_staging(tmp_path)
    assert len(removed) == 3 and alive.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [alive.name]


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _gone(pid: int, seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            if state == "Z":
                return True
        except (ProcessLookupError, FileNotFoundError):
            return True
        time.sleep(0.1)
    return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("kill", [signal.SIGTERM, signal.SIGKILL], ids=["term", "kill"])
def test_killing_the_build_stops_its_children(tmp_path: Path, kill: signal.Signals) -> None:
    project = copy_project(tmp_path / "p")
    env = {**os.environ, "SOURCE_DATE_EPOCH": PINNED_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.Popen(
        [sys.executable, "-m", "generators.cli", "--root", str(project), "build", "--site-dir",
         str(tmp_path / "site")], cwd=ROOT, env=env, stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL, text=True)
    deadline = time.monotonic() + 30
    while not (children := _children(build.pid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert children, "MkDocs never started"
    time.sleep(0.5)
    build.send_signal(kill)
    stderr = build.communicate(timeout=30)[1]
    assert all(_gone(child) for child in children), "MkDocs outlived the build"
    assert not (tmp_path / "site").exists()
    if kill == signal.SIGTERM:
        assert "Traceback" not in stderr
        assert not list(tmp_path.glob(".site-new-*")), "the staging folder was left"
    else:  # nothing runs after SIGKILL: the next build cleans up
        remove_stale_staging(tmp_path)
        assert not list(tmp_path.glob(".site-new-*"))
