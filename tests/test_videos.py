"""Video guides (issue 17, item 7): local clips with Vietnamese captions (required), a poster
and a transcript, linked from the procedures they explain."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generators.core.errors import DataErrors
from generators.core.pipeline import load_portal
from generators.core.portal import Portal
from generators.sections.procedures.model import PROCEDURES
from generators.sections.videos.checks import check_captions_text
from generators.sections.videos.model import VIDEOS, Video

from .conftest import ROOT, parse

DEMO = "nop-ho-so-doi-giay-phep-lai-xe-truc-tuyen"


def demo_video(portal: Portal) -> Video:
    [video] = [v for v in portal[VIDEOS] if v.slug == DEMO]
    return video


def test_the_demo_clip_is_small_h264_with_vietnamese_webvtt(portal: Portal) -> None:
    video = demo_video(portal)
    data = (ROOT / "content" / video.doc.file).read_bytes()
    assert len(data) < 1_000_000
    assert data[4:8] == b"ftyp" and b"avc1" in data  # an MP4 holding H.264
    assert video.doc.captions is not None
    captions = (ROOT / "content" / video.doc.captions).read_bytes()
    assert check_captions_text(captions) is None
    text = captions.decode("utf-8")
    # Every caption cue is also in the transcript, so reading replaces watching.
    cues = [line for line in text.splitlines()[2:] if line and "-->" not in line
            and not line.isdigit()]
    transcript = " ".join(video.doc.transcript.replace("**", "").replace("«", "").replace(
        "»", "").split())
    assert len(cues) >= 3
    for cue in cues:
        assert cue in transcript


def test_the_page_plays_the_clip_with_its_captions_track(built_site: Path, portal: Portal) -> None:
    video = demo_video(portal)
    page_dir = built_site / "video-huong-dan" / video.slug
    tree = parse(page_dir / "index.html")
    [player] = tree.xpath("//video")
    assert player.get("controls") is not None
    [track] = tree.xpath("//track")  # lxml's HTML 4 parser does not nest <track> in <video>
    assert (track.get("kind"), track.get("srclang"), track.get("label")) == (
        "captions", "vi", "Tiếng Việt")
    for url in (track.get("src"), tree.xpath("string(//source/@src)"), player.get("poster")):
        assert "://" not in url and not url.startswith("//")  # same origin: CSP media-src 'self'
        assert (page_dir / url).resolve().is_file(), url
    assert tree.xpath("string(//section[contains(@class,'cchc-video__transcript')])").count(
        "Bước") == 4
    assert "Video minh họa" in tree.text_content()


def test_the_procedure_page_links_to_its_video(built_site: Path, portal: Portal) -> None:
    video = demo_video(portal)
    for procedure in portal[PROCEDURES]:
        tree = parse(built_site / "thu-tuc" / procedure.slug / "index.html")
        links = tree.xpath("//section[contains(@class,'cchc-tthc__video')]//a/@href")
        if procedure.doc.code in video.doc.procedures:
            assert links == [f"../../video-huong-dan/{video.slug}/"]
        else:
            assert links == []


def _project(tmp_path: Path) -> tuple[Path, Path]:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "data", tmp_path / "content"


def _errors(data: Path, content: Path) -> DataErrors:
    with pytest.raises(DataErrors) as caught:
        load_portal(data, data.parent, content_dir=content)
    return caught.value


def test_a_video_without_captions_is_refused(tmp_path: Path) -> None:
    data, content = _project(tmp_path)
    path = data / "video-huong-dan" / f"{DEMO}.yml"
    path.write_text("\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                              if not line.startswith("captions:")) + "\n", encoding="utf-8")
    [error] = _errors(data, content).errors
    assert error.file == f"data/video-huong-dan/{DEMO}.yml" and error.field == "file"
    assert "video cần phụ đề tiếng Việt" in error.message and "WCAG 1.2.2" in error.message
    assert error.line == 8


def test_captions_that_are_not_webvtt_are_refused(tmp_path: Path) -> None:
    data, content = _project(tmp_path)
    vtt = content / "video-huong-dan" / f"{DEMO}.vtt"
    vtt.write_text("1\n00:00:00,200 --> 00:00:03,800\nHướng dẫn\n", encoding="utf-8")  # SRT
    [error] = _errors(data, content).errors
    assert error.field == "captions" and "dòng đầu tiên là «WEBVTT»" in error.message


def test_a_video_naming_an_unknown_procedure_is_refused(tmp_path: Path) -> None:
    data, content = _project(tmp_path)
    path = data / "video-huong-dan" / f"{DEMO}.yml"
    path.write_text(path.read_text(encoding="utf-8").replace('"1.002804"', '"1.999999"'),
                    encoding="utf-8")
    [error] = _errors(data, content).errors
    assert error.field == "procedures › mục 1" and "1.999999" in error.message


@pytest.mark.parametrize("text, reason", [
    (b"WEBVTT\n\n00:00.000 --> 00:01.000\nXin ch\xc3\xa0o\n", None),
    (b"\xef\xbb\xbfWEBVTT - ph\xe1\xbb\xa5 \xc4\x91\xe1\xbb\x81\n\n00:00.000 --> 00:01.000\nA\n",
     None),
    (b"WEBVTT\n", "chưa có câu nào"),
    ("WEBVTT\n\n00:00.000 --> 00:01.000\nXin chào\n".encode("cp1258"), "UTF-8"),
    (b"", "WebVTT"),
])
def test_webvtt_check(text: bytes, reason: str | None) -> None:
    found = check_captions_text(text)
    assert (found is None) if reason is None else (found is not None and reason in found)
